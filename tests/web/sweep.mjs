// Sweeps in the page (issue 18): a 2 x 3 sweep over batch size and visibility timeout on the no-redrive
// preset runs in Web Workers (sweep_engine.wasm), shows six rows equal to the command line's, and clicking a
// heatmap cell opens that run; the share link carries the sweep and reopens the window, which recomputes.
// Hand-derived: 20 messages, only order-13 fails and there is no redrive policy, so every cell has 19
// succeeded and 1 expired (retention 10 min); a longer visibility timeout means fewer redeliveries (errors).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, watchConsole, openApp, stateJson, menuClick, waitFrames } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const preset = JSON.parse(fs.readFileSync(path.join(root, 'assets/scenarios/sqs_no_redrive.json'), 'utf8'));
const sweep = { axes: [{ set: 'orders->process.batch_size', values: [1, 5] },
  { set: 'orders.visibility_timeout', values: ['10s', '30s', '60s'] }], outcome: 'errors' };

async function waitForRows(page, n) {
  await page.waitForFunction((k) => {
    const s = JSON.parse(Module.UTF8ToString(Module._pg_state_json())).sweep;
    return s.total === k && s.done === k;
  }, n, { timeout: 120000 });
  return (await stateJson(page)).sweep;
}

export default async function sweepTest({ url, artifacts }) {
  const { context, close } = await launchBrowser({ viewport: { width: 1366, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, url, 5);
    await menuClick(page, 'Edit', 'Sweep...');
    assert.equal((await stateJson(page)).sweep.open, true, 'Edit > Sweep... opens the window');

    // The preset with the grid, opened as a saved file would be.
    const text = JSON.stringify({ ...preset, sweep }, null, 2);
    const opened = await page.evaluate((t) => Module.ccall('pg_open_scenario_text', 'number', ['string', 'string'],
      [t, 'sweep.json']), text);
    assert.equal(opened, 1, 'the file with a sweep opens');
    const s = await waitForRows(page, 6);
    assert.equal(s.rows.length, 6, 'six results');
    assert.equal(s.error, '');
    for (const r of s.rows) {
      assert.equal(r.succeeded, 19, `run ${r.run}: 19 of 20 messages succeed`);
      assert.equal(r.expired, 1, `run ${r.run}: the poison message expires`);
    }
    const byRun = [...s.rows].sort((a, b) => a.run - b.run);
    assert.deepEqual(byRun.map((r) => Object.values(r.values)),
      [['1', '10s'], ['1', '30s'], ['1', '1m'], ['5', '10s'], ['5', '30s'], ['5', '1m']]);
    assert.ok(byRun[0].errors > byRun[1].errors && byRun[1].errors > byRun[2].errors,
      'a longer visibility timeout, fewer redeliveries of the poison message');
    const workers = await page.evaluate(() => window.pgSweep.stats.workers);
    assert.ok(workers >= 1, 'ran in Web Workers');

    // The same grid on the command line gives the same numbers.
    const runner = process.env.PG_NATIVE_RUNNER || path.join(root, 'build/native/lambda-playground');
    if (fs.existsSync(runner)) {
      const file = path.join(artifacts, 'sweep-grid.json');
      fs.writeFileSync(file, text);
      const cli = JSON.parse(execFileSync(runner, ['sweep', file, '--format', 'json', '--jobs', '2'], { encoding: 'utf8' }));
      assert.deepEqual(byRun, cli, 'the page rows equal `lambda-playground sweep`');
    }

    // The same sweep again runs in the workers the first one used (web/sweep.js keeps them): same rows.
    const spawned = await page.evaluate(() => window.pgSweep.stats.spawned);
    await page.evaluate((t) => {
      window.pgSweep.stats.ms = 0;  // set again when the new sweep's last row arrives
      Module.ccall('pg_open_scenario_text', 'number', ['string', 'string'], [t, 'sweep.json']);
    }, text);
    await page.waitForFunction(() => window.pgSweep.stats.ms > 0, null, { timeout: 120000 });
    const again = await waitForRows(page, 6);
    assert.deepEqual([...again.rows].sort((a, b) => a.run - b.run), byRun, 'the sweep again: the same rows');
    assert.equal(await page.evaluate(() => window.pgSweep.stats.spawned), spawned, '... from the workers kept');

    await waitFrames(page, 3);
    fs.writeFileSync(path.join(artifacts, 'sweep-heatmap.png'), await page.screenshot());
    const state = await stateJson(page);
    const cell = state.sweep.cells.find((c) => c.run === 4);  // batch size 5, visibility 30s
    assert.ok(cell, 'the heatmap has a cell for run 4');
    await page.mouse.click(cell.x + cell.w / 2, cell.y + cell.h / 2);
    await waitFrames(page, 4);
    const scenario = JSON.parse(await page.evaluate(() => Module.UTF8ToString(Module._pg_scenario_json())));
    assert.equal(scenario.edges[0].batch_size, 5, 'clicking the cell opens that run (batch size 5)');
    assert.equal(scenario.nodes[0].visibility_timeout ?? '30s', '30s', '... with visibility timeout 30s');

    // The link carries the sweep: a new page opened on it shows the window and recomputes the six rows.
    const fragment = await page.evaluate(() => Module.UTF8ToString(Module._pg_share_fragment(0)));
    const page2 = await context.newPage();
    const errors2 = watchConsole(page2);
    await openApp(page2, `${url}#${fragment}`, 5);
    const s2 = await waitForRows(page2, 6);
    assert.equal(s2.open, true, 'the link reopens the sweep window');
    assert.deepEqual([...s2.rows].sort((a, b) => a.run - b.run).map((r) => r.errors), byRun.map((r) => r.errors),
      'and its results recompute to the same numbers');

    // The inspector's "Sweep" beside a setting (nothing selected: the scenario's settings) puts that setting on
    // the window's free axis, here the second (the first holds the batch size), with its current value.
    const before = await stateJson(page2);
    const key = Object.keys(before.fields).find((k) => k.endsWith('.sweep'));
    assert.ok(key, 'the inspector offers Sweep beside a setting');
    const setting = key.slice(0, -'.sweep'.length);
    const r = before.fields[key];
    await page2.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
    await waitFrames(page2, 3);
    const axes = (await stateJson(page2)).sweep.axes;
    assert.equal(axes[0].set, 'orders->process.batch_size', 'the first axis is kept');
    assert.equal(axes[1].set, setting, `Sweep beside ${setting} puts it on the second axis`);
    const current = JSON.parse(await page2.evaluate(() => Module.UTF8ToString(Module._pg_scenario_json())))[setting];
    if (current !== undefined) assert.equal(axes[1].values, String(current), '... with its current value to extend');
    assert.deepEqual(errors, [], 'no console errors');
    assert.deepEqual(errors2, [], 'no console errors on the link page');
  } finally {
    await close();
  }
}
