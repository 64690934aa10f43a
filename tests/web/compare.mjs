// A/B comparison (issue 17): open the "no redrive" preset, Compare (the menu bar's button), add a redrive policy
// to B through the palette and the inspector, play A and B on one clock: the diff shows B's message in the DLQ
// while A's still loops, and B costs less. A link of the comparison reopens both; "Show the fix" opens the fix
// the preset carries, and its figures are the command line's (`lambda-playground compare AB.json --summary`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson, nodeRect, waitFrames, paletteDrop } from './browser.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const centre = (r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
const scenarioJson = (page) => page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._pg_scenario_json())));

async function click(page, r) {
  const c = centre(r);
  await page.mouse.click(c.x, c.y);
  await waitFrames(page, 3);
}

/// An inspector control by key, scrolling the inspector with the wheel until it is wholly shown.
async function field(page, key) {
  for (let i = 0; i < 80; i++) {
    const s = await stateJson(page);
    const r = s.fields[key];
    const top = s.canvas_rect.y - 40, bottom = s.canvas_rect.y + s.canvas_rect.h;
    if (r && r.h > 0 && r.y >= top && r.y + r.h <= bottom) return r;
    const any = Object.values(s.fields)[0];
    assert.ok(any, `the inspector shows fields (looking for ${key})`);
    await page.mouse.move(any.x + 20, (top + bottom) / 2);
    await page.mouse.wheel(0, r ? (r.y < top ? -60 : 60) : (i < 40 ? 150 : -150));
    await waitFrames(page, 3);
  }
  assert.fail(`no inspector control ${key}`);
}

const row = (rows, group, field, node = '') => rows.find((r) => r.group === group && r.field === field && r.node === node);

async function playUntil(page, predicate, arg) {
  await page.evaluate(() => { Module._pg_set_speed(60); Module._pg_set_playing(1); });
  await page.waitForFunction(predicate, arg, { timeout: 180000, polling: 100 });
  await page.evaluate(() => Module._pg_set_playing(0));
  await waitFrames(page, 3);
}

export default async function compare({ url, artifacts }) {
  const { context, close } = await launchBrowser({ viewport: { width: 1400, height: 860 } });
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, url, 5);
    let state = await stateJson(page);
    assert.equal(state.scenario, 'SQS without a redrive policy');
    assert.equal(state.compare, null, 'a preset opens as A alone');
    assert.equal(state.fix_available, true, 'the preset carries its fix as B');

    // Compare: B is a copy of A, edited with the normal panels.
    await click(page, state.menu_items['button:Compare']);
    state = await stateJson(page);
    assert.ok(state.compare, 'comparing');
    assert.equal(state.compare.editing, 'B');
    assert.deepEqual(state.compare.delta, [], 'B starts equal to A');
    assert.equal(state.compare.a.scenario, 'SQS without a redrive policy', 'A keeps its name');
    assert.equal(state.compare.b.scenario, 'SQS without a redrive policy (B)', 'B is named apart from A');
    const canvasB = state.canvas_rect, canvasA = state.compare.other_canvas_rect;
    assert.ok(canvasB.x > canvasA.x + canvasA.w - 1, `side by side: A ${JSON.stringify(canvasA)} left of B ${JSON.stringify(canvasB)}`);
    assert.ok(state.compare.other_node_rects.orders, 'A is drawn too');

    // B: a DLQ from the palette, then the queue's redrive policy in the inspector (max receive count 3).
    await paletteDrop(page, 'DLQ (SQS queue)', { x: canvasB.x + canvasB.w * 0.3, y: canvasB.y + canvasB.h * 0.8 });
    await click(page, await nodeRect(page, 'orders'));
    await click(page, await field(page, 'redrive.dead_letter_queue'));
    await click(page, await field(page, 'redrive.dead_letter_queue=dlq-1'));
    await click(page, await field(page, 'redrive.max_receive_count'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await waitFrames(page, 4);
    const saved = await scenarioJson(page);  // the comparison: A with B as compare_b
    assert.equal(saved.nodes[0].redrive, undefined, 'A keeps no redrive policy');
    assert.equal(saved.compare_b.name, 'SQS without a redrive policy (B)', 'the saved comparison keeps B\'s name');
    assert.deepEqual(saved.compare_b.nodes.find((n) => n.id === 'orders').redrive,
      { dead_letter_queue: 'dlq-1', max_receive_count: 3 });
    state = await stateJson(page);
    assert.ok(state.compare.delta.includes('node orders: queue.redrive'), JSON.stringify(state.compare.delta));
    assert.ok(state.compare.delta.includes('node dlq-1: only in B'));

    // Play both on one clock until B's message reaches its DLQ: order-13 fails on each of its 3 receives and moves
    // on the 4th (SQS DG, redrive policy); A's is still in its queue, received again every 30 s visibility timeout.
    await playUntil(page, () => {
      const s = JSON.parse(Module.UTF8ToString(Module._pg_state_json()));
      return s.compare.b.counters['dlq-1'].received >= 1;
    });
    state = await stateJson(page);
    const { a, b } = state.compare;
    assert.equal(a.time_us, b.time_us, 'one clock');
    assert.equal(b.counters.orders.dead_lettered, 1, 'B: the message moved to the DLQ');
    assert.equal(b.counters['dlq-1'].received, 1);
    assert.equal(a.counters.orders.dead_lettered, 0, 'A has no DLQ');
    assert.equal(a.counters.orders.expired, 0, 'A: not expired yet (retention 10 min)');
    assert.ok(a.counters.orders.visible + a.counters.orders.in_flight >= 1, 'A: the message is still in the queue');
    assert.ok(a.counters.orders.receives >= b.counters.orders.receives, 'A receives at least as often');
    fs.writeFileSync(path.join(artifacts, 'compare-side-by-side.png'), await page.screenshot());

    // Keep playing: A keeps looping (it is received again) while B's receives stop.
    const receivesA = a.counters.orders.receives, receivesB = b.counters.orders.receives;
    await playUntil(page, (n) => {
      const s = JSON.parse(Module.UTF8ToString(Module._pg_state_json()));
      return s.compare.a.counters.orders.receives > n;
    }, receivesA);
    state = await stateJson(page);
    assert.equal(state.compare.b.counters.orders.receives, receivesB, 'B: no more receives of the poison message');
    assert.ok(row(state.compare.rows, 'total', 'usd_per_day').b < row(state.compare.rows, 'total', 'usd_per_day').a,
      'B costs less per day');
    assert.match(state.compare.summary, /\$[0-9.]+ less per day$/);
    assert.ok(row(state.compare.rows, 'total', 'usd').b < row(state.compare.rows, 'total', 'usd').a, 'B has cost less');

    // Rewind moves both sides.
    await page.evaluate(() => Module._pg_reset());
    await waitFrames(page, 3);
    state = await stateJson(page);
    assert.equal(state.compare.a.step, 0);
    assert.equal(state.compare.b.step, 0);

    // A link of the comparison reopens both, in a fresh page.
    const fragment = await page.evaluate(() => Module.UTF8ToString(Module._pg_share_fragment(0)));
    const again = await context.newPage();
    await again.goto(url + '#' + fragment);
    await again.waitForFunction(() => window.pgReady && Module._pg_frame_count() > 5, null, { timeout: 60000 });
    state = await stateJson(again);
    assert.ok(state.compare, 'the link opens a comparison');
    assert.equal(state.compare.a.scenario, 'SQS without a redrive policy');
    assert.equal(state.compare.b.scenario, 'SQS without a redrive policy (B)', 'the link keeps B\'s name');
    assert.ok(state.compare.b.counters['dlq-1'], 'B has its DLQ');
    assert.ok(state.compare.delta.includes('node orders: queue.redrive'));
    await again.close();

    // "Show the fix": the preset's own B. Played to the end, the page's figures are the command line's.
    await page.evaluate(() => Module.ccall('pg_open_preset', 'number', ['string'], ['sqs_no_redrive']));
    await waitFrames(page, 3);
    state = await stateJson(page);
    assert.equal(state.compare, null, 'opening a preset ends the comparison');
    await click(page, state.menu_items['button:Show the fix']);
    state = await stateJson(page);
    assert.equal(state.compare.b.scenario, 'SQS with a redrive policy (the fix)');
    await page.evaluate(() => { Module._pg_set_speed(100000); Module._pg_set_playing(1); });
    await page.waitForFunction(() => {
      const s = JSON.parse(Module.UTF8ToString(Module._pg_state_json()));
      return !s.playing && s.time_us >= s.run_for_us;
    }, null, { timeout: 180000, polling: 100 });
    await waitFrames(page, 3);
    state = await stateJson(page);
    assert.equal(state.compare.b.counters['orders-dlq'].received, 1, 'the fix: the message is in orders-dlq');
    // A's message expires at retention (10 min) within the 12 min run; B's is dead-lettered instead.
    assert.match(state.compare.summary, /^B: 0 expired instead of 1, 1 dead lettered instead of 0, \$[0-9.]+ less per day$/);
    assert.equal(state.compare.shown_summary, state.compare.summary, 'the tab shows the figures at the end of the run');
    const native = path.join(root, 'build/native/lambda-playground');
    if (fs.existsSync(native)) {
      const r = spawnSync(native, ['compare', path.join(root, 'assets/scenarios/sqs_no_redrive.json'), '--summary']);
      assert.equal(r.status, 0, r.stderr.toString());
      const cli = JSON.parse(r.stdout.toString());
      assert.equal(state.compare.summary, cli.summary, 'the page and the command line give the same summary');
      for (const c of cli.rows) {
        const p = row(state.compare.rows, c.group, c.field, c.node ?? '');
        assert.ok(p, `the page has the row ${c.group} ${c.node ?? ''} ${c.field}`);
        for (const k of ['a', 'b']) {
          if (c[k] === null) assert.equal(p[k], null);
          else assert.ok(Math.abs(p[k] - c[k]) <= 1e-12 * Math.max(1, Math.abs(c[k])), `${c.group} ${c.field} ${k}: page ${p[k]}, cli ${c[k]}`);
        }
      }
    } else {
      console.log('compare: no native runner built; the page/command-line check is skipped');
    }
    fs.writeFileSync(path.join(artifacts, 'compare-show-the-fix.png'), await page.screenshot());
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
