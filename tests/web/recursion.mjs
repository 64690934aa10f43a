// Recursion test: open the recursive_loop_sqs preset and play it: 16 invocations run, recursive loop detection
// stops the 17th (AWS DG invocation-recursion), the warnings name the loop and the stop, and the journey of the
// stopped message says why (screenshots of the canvas, journey, warnings and inspector). Then drag from a
// function's send pin: to an API Gateway the model refuses, to a queue it accepts a send edge.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson, nodeRect as rect, waitFrames as frames, dragMouse as drag } from './browser.mjs';

const SCENARIO = {
  version: 1, name: 'Send me', seed: 3, run_for: '1m',
  nodes: [
    { id: 'jobs', type: 'sqs', position: [40, 40], traffic: { messages: 1 } },
    { id: 'relay', type: 'function', position: [420, 40] },
    { id: 'api', type: 'api_gateway', position: [40, 240] },
  ],
  edges: [{ from: 'jobs', to: 'relay', batch_size: 1 }],
};


export default async function recursion({ url, artifacts }) {
  const { context, close } = await launchBrowser({ deviceScaleFactor: 1, viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, url, 5);
    // The preset: play to the end.
    assert.equal(await page.evaluate(() => Module.ccall('pg_open_preset', 'number', ['string'], ['recursive_loop_sqs'])), 1);
    await frames(page, 3);
    let state = await stateJson(page);
    assert.equal(state.scenario, 'Recursive loop through SQS');
    await page.evaluate(() => { Module._pg_set_speed(1000); Module._pg_set_playing(1); });
    await page.waitForFunction(() => {
      const s = JSON.parse(Module.UTF8ToString(Module._pg_state_json()));
      return s.counters['jobs-dlq'].received > 0 || (!s.playing && s.time_us >= s.run_for_us);
    }, null, { timeout: 120000, polling: 100 });
    await page.evaluate(() => Module._pg_set_playing(0));
    await frames(page, 2);  // warnings are refreshed at most 4 times a second while playing, at once when paused
    state = await stateJson(page);
    assert.equal(state.counters.relay.invocations, 16, '16 invocations, the 17th stopped');
    assert.equal(state.counters.jobs.dead_lettered, 1, 'the stopped message reached the DLQ through the redrive policy');
    const stopped = state.warnings.find((w) => w.kind === 'recursion_stopped');
    assert.ok(stopped, `the stop is a warning: ${JSON.stringify(state.warnings)}`);
    assert.match(stopped.text, /recursive loop detection stopped 3 invocations of `relay`/);
    assert.match(stopped.text, /documented: AWS DG invocation-recursion/);
    await frames(page, 3);
    fs.writeFileSync(path.join(artifacts, 'recursion-canvas.png'), await page.screenshot());

    assert.equal(await page.evaluate(() => Module.ccall('pg_select', 'number', ['string'], ['jobs#17'])), 1);
    await page.evaluate(() => Module._pg_show_tab(1));
    await frames(page, 4);
    state = await stateJson(page);
    assert.equal(state.selection.item, 'jobs#17');
    fs.writeFileSync(path.join(artifacts, 'recursion-journey.png'), await page.screenshot());
    await page.evaluate(() => Module._pg_show_tab(4));
    await frames(page, 4);
    fs.writeFileSync(path.join(artifacts, 'recursion-warnings.png'), await page.screenshot());

    // The inspector shows the function's setting with its documented badge; Allow lets the loop run on.
    assert.equal(await page.evaluate(() => Module.ccall('pg_set_param', 'number', ['string', 'string', 'string'],
      ['relay', 'recursive_loop', 'Allow'])), 1);
    await page.evaluate(() => Module.ccall('pg_select', 'number', ['string'], ['relay']));
    await frames(page, 4);
    state = await stateJson(page);
    assert.ok(!state.warnings.some((w) => w.kind === 'recursion_stopped'), 'nothing is stopped after a reset with Allow');
    fs.writeFileSync(path.join(artifacts, 'recursion-inspector.png'), await page.screenshot());

    const loaded = await page.evaluate((json) => Module.ccall('pg_load_scenario', 'number', ['string'], [json]),
      JSON.stringify(SCENARIO));
    assert.equal(loaded, 1, 'scenario loads');
    await frames(page, 3);

    // A function -> API Gateway wire is refused by the model; function -> queue is a send edge.
    const relay = await rect(page, 'relay');
    const api = await rect(page, 'api');
    await drag(page, { x: relay.pin_x, y: relay.pin_y }, { x: api.x + api.w / 2, y: api.y + api.h / 2 });
    state = await stateJson(page);
    assert.equal(state.edges, 1, 'the refused wire never touched the model');
    assert.match(state.status, /rejected: .*send edge and must end at an sqs queue, an sns topic or an s3 bucket/);
    const jobs = await rect(page, 'jobs');
    await drag(page, { x: relay.pin_x, y: relay.pin_y }, { x: jobs.x + jobs.w / 2, y: jobs.y + jobs.h / 2 });
    state = await stateJson(page);
    assert.equal(state.edges, 2, `the drag wired relay -> jobs (status: ${state.status})`);
    assert.match(state.status, /wired relay -> jobs/);
    assert.ok(state.warnings.some((w) => w.kind === 'send_loop'), 'the loop is named before it runs');

    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
