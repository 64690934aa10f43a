// Load test: 10,000 invocations in flight at once (API Gateway at 300 rps into a 300 s function; the scaling rate,
// 1,000 environments then 100 per second, reaches 10,000 after about 90 s). Plays it, checks that frames keep coming and the simulation slices itself (issue 7), and saves
// a screenshot of the canvas, timeline and metrics under load. Asserts no timings.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson } from './browser.mjs';

const SCENARIO = {
  version: 1, name: '10,000 in flight', seed: 5, run_for: '3m', account: { concurrency_limit: 20000 },
  nodes: [
    { id: 'api', type: 'api_gateway', position: [40, 80], integration_timeout: '29s',
      traffic: { requests: 60000, rate_per_second: 300 } },
    { id: 'work', type: 'function', position: [420, 80], timeout: '900s', duration: '300s' },
  ],
  edges: [{ from: 'api', to: 'work' }],
};

export default async function load({ url, artifacts }) {
  const { context, close } = await launchBrowser({ deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, url, 5);
    assert.equal(await page.evaluate((j) => Module.ccall('pg_load_scenario', 'number', ['string'], [j]),
      JSON.stringify(SCENARIO)), 1);
    await page.evaluate(() => { Module._pg_set_speed(30); Module._pg_set_playing(1); });
    await page.waitForFunction(() => {
      const s = JSON.parse(Module.UTF8ToString(Module._pg_state_json()));
      return s.counters.work.concurrency >= 10000 || !s.playing;
    }, null, { timeout: 120000, polling: 200 });
    const before = await stateJson(page);
    if (before.counters.work.concurrency < 10000) console.log(JSON.stringify(before));
    assert.ok(before.counters.work.concurrency >= 10000, `10,000 in flight (${before.counters.work.concurrency})`);
    const f0 = before.frame;
    await page.waitForTimeout(1000);
    const after = await stateJson(page);
    assert.ok(after.frame > f0 + 2, `frames keep coming under load (${f0} -> ${after.frame})`);
    fs.writeFileSync(path.join(artifacts, 'panel-load-canvas.png'), await page.screenshot());
    await page.evaluate(() => Module._pg_show_tab(2));
    await page.waitForTimeout(300);
    fs.writeFileSync(path.join(artifacts, 'panel-load-metrics.png'), await page.screenshot());
    console.log(`load: frames ${f0} -> ${after.frame} in ~1 s wall, last frame: ${after.last_frame_sim_ms.toFixed(1)} ms simulating, ${after.last_frame_ui_ms.toFixed(1)} ms in App::frame`);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
