// The documentation page (dist/docs/invocation-modes.html): every embed renders and plays (its frame counter and
// its step advance), each shows the scenario its caption promises, "Open in playground" carries the scenario, and
// nothing logs an error. Reports the time to the first frame of each embed (no timing assertion).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, pngStats } from './browser.mjs';

const EXPECTED = [
  'API Gateway: happy path, then throttling',
  'S3 event retried into a DLQ',
  'SQS without a redrive policy',
  'SQS with a redrive policy',
  'SQS with a redrive policy (the fix)',  // the comparison embed (issue 17): it edits B, the preset's fix
];
const COMPARISON = 4;  // the embed that opens A beside B

const frameState = (frame) => frame.evaluate(() =>
  window.pgReady ? JSON.parse(Module.UTF8ToString(Module._pg_state_json())) : null);

export default async function docsPage({ url, artifacts }) {
  const { context, close } = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);
    const start = Date.now();
    await page.goto(url + 'docs/invocation-modes.html');
    assert.match(await page.title(), /invoke a Lambda function/);
    const iframes = await page.$$('iframe.embed');
    assert.equal(iframes.length, EXPECTED.length, 'one embed per scenario');
    const frames = await Promise.all(iframes.map((h) => h.contentFrame()));

    // Time to first frame, per embed and for the whole page.
    const firstFrame = await Promise.all(frames.map(async (f) => {
      await f.waitForFunction(() => window.pgReady && Module._pg_frame_count() >= 1, null, { timeout: 120000 });
      return Date.now() - start;
    }));
    console.log(`docs page: time to first frame per embed (ms): ${firstFrame.join(', ')}; ` +
      `all embeds drawing after ${Math.max(...firstFrame)} ms`);

    const before = await Promise.all(frames.map(frameState));
    await page.waitForTimeout(3000);
    const after = await Promise.all(frames.map(frameState));
    for (let i = 0; i < frames.length; ++i) {
      assert.equal(after[i].embed, true, `embed ${i} is in embed mode`);
      assert.equal(after[i].scenario, EXPECTED[i], `embed ${i} shows its scenario`);
      assert.equal(after[i].notice, null, `embed ${i} shows no error`);
      if (i === COMPARISON) {
        assert.equal(after[i].compare.a.scenario, 'SQS without a redrive policy', 'the comparison embed shows A');
        assert.equal(after[i].compare.b.scenario, 'SQS with a redrive policy (the fix)', 'and the fix as B');
        assert.equal(after[i].embed_panel, 'compare', 'with the diff table under them');
      } else {
        assert.equal(after[i].compare, null, `embed ${i} is not a comparison`);
      }
      // (page errors inside an iframe do not reach the page's listener: the shell's error box shows them)
      assert.equal(await frames[i].isHidden('#error'), true, `embed ${i}: no error box`);
      assert.ok(after[i].frame > before[i].frame, `embed ${i} draws frames (${before[i].frame} -> ${after[i].frame})`);
      // (the virtual clock, not only the step: an async retry may wait longer than 3 s of wall time at x30)
      assert.ok(after[i].step > 0 && (after[i].step > before[i].step || after[i].time_us > before[i].time_us ||
        after[i].idle || !after[i].playing),
        `embed ${i} plays (step ${before[i].step} -> ${after[i].step}, t ${before[i].time_us} -> ${after[i].time_us})`);
    }
    // Each embed shows its whole scenario: every node's box, as last drawn, lies inside the embed's canvas
    // (an embed is far smaller than the layout the presets are drawn for; without fitting they fall off it).
    for (let i = 0; i < frames.length; ++i) {
      const drawn = await frames[i].evaluate(() => {
        const scenario = JSON.parse(Module.UTF8ToString(Module._pg_scenario_json()));
        const state = JSON.parse(Module.UTF8ToString(Module._pg_state_json()));
        const rects = {};
        for (const n of scenario.nodes) {
          const r = window.pgShell.callString('pg_node_screen_rect', n.id);
          rects[n.id] = r ? JSON.parse(r) : null;
        }
        return { canvas: state.canvas_rect, rects, zoom: state.canvas_zoom };
      });
      const c = drawn.canvas;
      // Readable (issue 20): a node is 215 x 74 world units; at 0.75 its counters' text is 0.75 x the UI font.
      assert.ok(drawn.zoom >= 0.75, `embed ${i}: drawn at zoom ${drawn.zoom}, at least 0.75`);
      assert.ok(c.w > 100 && c.h > 60, `embed ${i}: canvas drawn (${JSON.stringify(c)})`);
      assert.ok(Object.keys(drawn.rects).length > 0, `embed ${i}: the scenario has nodes`);
      for (const [id, r] of Object.entries(drawn.rects)) {
        assert.ok(r, `embed ${i}: node ${id} drawn`);
        const inside = r.x >= c.x && r.y >= c.y && r.x + r.w <= c.x + c.w && r.y + r.h <= c.y + c.h;
        assert.ok(inside, `embed ${i}: node ${id} ${JSON.stringify(r)} inside the canvas ${JSON.stringify(c)}`);
        assert.ok(r.w >= 60, `embed ${i}: node ${id} readable (${r.w} px wide)`);
      }
    }
    // Each embed draws something (not a blank box): screenshot every iframe element.
    for (let i = 0; i < iframes.length; ++i) {
      await iframes[i].scrollIntoViewIfNeeded();
      const png = await iframes[i].screenshot();
      fs.writeFileSync(path.join(artifacts, `docs-embed-${i}.png`), png);
      const stats = await pngStats(page, png);
      assert.ok(stats.variance > 50 && stats.colours > 20, `embed ${i} is not blank: ${JSON.stringify(stats)}`);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    fs.writeFileSync(path.join(artifacts, 'docs-page.png'), await page.screenshot({ fullPage: true }));

    // "Open in playground" (top right of the embed) opens the full app with this scenario.
    await iframes[1].scrollIntoViewIfNeeded();
    const box = await iframes[1].boundingBox();
    const [popup] = await Promise.all([
      context.waitForEvent('page', { timeout: 15000 }),
      page.mouse.click(box.x + box.width - 60, box.y + 10),
    ]);
    await popup.waitForFunction(() => window.pgReady && Module._pg_frame_count() >= 3, null, { timeout: 60000 });
    const opened = JSON.parse(await popup.evaluate(() => Module.UTF8ToString(Module._pg_state_json())));
    assert.equal(opened.scenario, EXPECTED[1], 'the full playground opened the embedded scenario');
    assert.equal(opened.embed, false, 'not in embed mode');
    fs.writeFileSync(path.join(artifacts, 'docs-open-in-playground.png'), await popup.screenshot());
    assert.deepEqual(errors, [], 'no console errors on the docs page or in its embeds');
  } finally {
    await close();
  }
}
