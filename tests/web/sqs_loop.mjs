// SQS loop test: play the default preset (SQS without a redrive policy) fast; the warning that the failing
// message keeps coming back until retention ends appears in the exported state and on the Warnings tab.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson } from './browser.mjs';

export default async function sqsLoop({ url, artifacts }) {
  for (const dpr of [1, 2]) {
    const { context, close } = await launchBrowser({ deviceScaleFactor: dpr });
    try {
      const page = await context.newPage();
      const errors = watchConsole(page);
      await openApp(page, url, 5);
      let state = await stateJson(page);
      assert.equal(state.scenario, 'SQS without a redrive policy');
      await page.evaluate(() => { Module._pg_set_speed(100000); Module._pg_set_playing(1); });
      await page.waitForFunction(() => {
        const s = JSON.parse(Module.UTF8ToString(Module._pg_state_json()));
        return s.warnings.some((w) => w.kind === 'sqs_no_redrive_loop') || (!s.playing && s.time_us >= s.run_for_us);
      }, null, { timeout: 120000, polling: 100 });
      state = await stateJson(page);
      const loop = state.warnings.find((w) => w.kind === 'sqs_no_redrive_loop');
      assert.ok(loop, `the loop warning appears: ${JSON.stringify(state.warnings)}`);
      assert.equal(loop.node, 'orders');
      assert.match(loop.text, /retention end/);
      assert.match(loop.text, /add a redrive policy/);
      assert.ok(state.counters.orders.receives > state.counters.orders.items, 'messages were received more than once');
      await page.evaluate(() => { Module._pg_set_playing(0); Module._pg_show_tab(4); });
      await page.waitForTimeout(200);
      fs.writeFileSync(path.join(artifacts, `panel-sqs-loop-${dpr}x.png`), await page.screenshot());
      assert.deepEqual(errors, [], 'no console errors');
    } finally {
      await close();
    }
  }
}
