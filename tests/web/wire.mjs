// Wire test: drag with the mouse from an API Gateway's output pin to a function (accepted), from an SQS
// queue to a function whose timeout exceeds the queue's visibility timeout (rejected with AWS's wording),
// press the step key until an invocation happens, then undo and redo the wiring with the keyboard.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson, nodeRect as rect, waitFrames as frames, dragMouse as drag } from './browser.mjs';

const SCENARIO = {
  version: 1, name: 'Wire me', seed: 3, run_for: '1m',
  nodes: [
    { id: 'api', type: 'api_gateway', position: [40, 40], traffic: { requests: 5, rate_per_second: 1 } },
    { id: 'checkout', type: 'function', position: [420, 40], timeout: '3s', duration: '100ms' },
    { id: 'jobs', type: 'sqs', position: [40, 220], visibility_timeout: '30s', traffic: { messages: 3, rate_per_second: 1 } },
    { id: 'slow', type: 'function', position: [420, 220], timeout: '60s' },
  ],
  edges: [],
};


export default async function wire({ url, artifacts }) {
  const { context, close } = await launchBrowser({ deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, url, 5);
    const loaded = await page.evaluate((json) => Module.ccall('pg_load_scenario', 'number', ['string'], [json]),
      JSON.stringify(SCENARIO));
    assert.equal(loaded, 1, 'scenario loads');
    await frames(page, 3);

    const api = await rect(page, 'api');
    const checkout = await rect(page, 'checkout');
    await drag(page, { x: api.pin_x, y: api.pin_y }, { x: checkout.x + checkout.w / 2, y: checkout.y + checkout.h / 2 });
    let state = await stateJson(page);
    assert.equal(state.edges, 1, `the drag wired api -> checkout (status: ${state.status})`);
    assert.match(state.status, /wired api -> checkout/);

    // Rejected: the queue's visibility timeout (30 s) is shorter than the function timeout (60 s).
    const jobs = await rect(page, 'jobs');
    const slow = await rect(page, 'slow');
    await page.mouse.move(jobs.pin_x, jobs.pin_y);
    await frames(page, 2);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) {
      await page.mouse.move(jobs.pin_x + ((slow.x + 40 - jobs.pin_x) * i) / 8, jobs.pin_y + ((slow.y + 30 - jobs.pin_y) * i) / 8);
      await frames(page, 1);
    }
    await frames(page, 3);
    fs.writeFileSync(path.join(artifacts, 'panel-canvas-reject.png'), await page.screenshot());
    await page.mouse.up();
    await frames(page, 3);
    state = await stateJson(page);
    assert.equal(state.edges, 1, 'the rejected link never touched the model');
    assert.match(state.status, /rejected: .*Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds/);

    // Step with the keyboard (Right arrow) until the API request invokes the function.
    await page.mouse.click(checkout.x + checkout.w + 150, checkout.y + 300);  // empty canvas: focus, no selection
    for (let i = 0; i < 10 && (await stateJson(page)).counters.checkout.invocations === 0; i++) {
      await page.keyboard.press('ArrowRight');
      await frames(page, 2);
    }
    state = await stateJson(page);
    assert.ok(state.step > 0, 'steps happened');
    assert.ok(state.counters.checkout.invocations >= 1, 'an invocation happened after stepping');
    assert.equal(state.playing, false);
    fs.writeFileSync(path.join(artifacts, 'panel-canvas-wired.png'), await page.screenshot());

    // Undo / redo the wiring.
    await page.keyboard.press('Control+z');
    await frames(page, 3);
    assert.equal((await stateJson(page)).edges, 0, 'Ctrl+Z removes the edge');
    await page.keyboard.press('Control+y');
    await frames(page, 3);
    assert.equal((await stateJson(page)).edges, 1, 'Ctrl+Y puts it back');

    // Space plays, Space pauses.
    await page.keyboard.press(' ');
    await frames(page, 3);
    assert.equal((await stateJson(page)).playing, true, 'Space starts playback');
    await page.keyboard.press(' ');
    await frames(page, 3);
    assert.equal((await stateJson(page)).playing, false, 'Space pauses');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
