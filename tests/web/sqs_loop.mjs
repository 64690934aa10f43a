// SQS loop test: play the default preset (SQS without a redrive policy) fast; the warning that the failing
// message keeps coming back until retention ends appears in the exported state and on the Warnings tab.
// Then a topic wired to two functions: the warning that only the first wire is simulated tells the truth (the
// second function is never invoked).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson } from './browser.mjs';

const FAN_OUT = {
  version: 1, name: 'Two subscribers', seed: 1, run_for: '1m',
  nodes: [
    { id: 'topic', type: 'sns', position: [40, 40], traffic: { events: 5, rate_per_second: 5 } },
    { id: 'billing', type: 'function', position: [420, 40] },
    { id: 'audit', type: 'function', position: [420, 240] },
  ],
  edges: [{ from: 'topic', to: 'billing' }, { from: 'topic', to: 'audit' }],
};

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
      // Issue 17: the warning prices the loop (src/ui/warnings.cpp, docs/cost.md).
      assert.match(loop.text, /receives have cost \$[0-9.]+ so far/);
      // While the message still loops the warning adds the cost per day at its rate; once expired, only so far.
      if (/will keep coming back/.test(loop.text)) assert.match(loop.text, /that is \$[0-9.]+ a day\./);
      assert.ok(state.counters.orders.receives > state.counters.orders.items, 'messages were received more than once');
      await page.evaluate(() => { Module._pg_set_playing(0); Module._pg_show_tab(4); });
      await page.waitForTimeout(200);
      fs.writeFileSync(path.join(artifacts, `panel-sqs-loop-${dpr}x.png`), await page.screenshot());
      if (dpr === 1) {
        const loaded = await page.evaluate((j) => Module.ccall('pg_load_scenario', 'number', ['string'], [j]),
          JSON.stringify(FAN_OUT));
        assert.equal(loaded, 1, 'the two-subscriber scenario loads');
        await page.evaluate(() => { Module._pg_set_speed(1000); Module._pg_set_playing(1); });
        await page.waitForFunction(() => !JSON.parse(Module.UTF8ToString(Module._pg_state_json())).playing, null,
          { timeout: 60000, polling: 100 });
        await page.waitForTimeout(200);
        state = await stateJson(page);
        const only = state.warnings.find((w) => w.kind === 'first_target_only');
        assert.equal(only, undefined, `no first-wire warning: ${JSON.stringify(state.warnings)}`);
        assert.equal(state.counters.billing.invocations, 5, 'the first subscriber gets every event');
        assert.equal(state.counters.audit.invocations, 5, 'the second subscriber gets every event too (fan-out)');
        fs.writeFileSync(path.join(artifacts, 'fan-out-two-subscribers.png'), await page.screenshot());
      }
      assert.deepEqual(errors, [], 'no console errors');
    } finally {
      await close();
    }
  }
}
