// Opening a preset in the full app shows it whole on the canvas (every node inside the canvas, the view
// following resizes until the user pans), and the timeline gives a Kinesis stream one lane per shard with its
// batches' invocations: kinesis_poison_pill (2 shards, a poison record blocking one of them; FIDELITY 6.3).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson } from './browser.mjs';

const inside = (r, c) => r.x >= c.x && r.y >= c.y && r.x + r.w <= c.x + c.w && r.y + r.h <= c.y + c.h;

export default async function streamShards({ url, artifacts }) {
  const { context, close } = await launchBrowser({ deviceScaleFactor: 1, viewport: { width: 1100, height: 700 } });
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, url, 5);
    assert.equal(await page.evaluate(() => Module.ccall('pg_open_preset', 'number', ['string'], ['kinesis_poison_pill'])), 1);
    await page.evaluate(() => { Module._pg_show_tab(0); Module._pg_step(150); });
    await page.waitForTimeout(300);
    const s = await stateJson(page);
    assert.equal(s.canvas_fit, true, 'an opened preset is fitted into the canvas');
    for (const id of ['clicks', 'aggregate']) {
      const r = JSON.parse(await page.evaluate((n) => Module.UTF8ToString(Module.ccall('pg_node_screen_rect', 'number', ['string'], [n])), id));
      assert.ok(inside(r, s.canvas_rect), `${id} is inside the canvas: ${JSON.stringify(r)} in ${JSON.stringify(s.canvas_rect)}`);
    }
    assert.equal(s.timeline_shards.clicks, 2, `the timeline has a lane per shard: ${JSON.stringify(s.timeline_shards)}`);
    fs.writeFileSync(path.join(artifacts, 'timeline-stream-shards.png'), await page.screenshot());
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
