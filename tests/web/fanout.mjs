// Fan-out test, built with the mouse from the palette (issue 23): an SNS topic wired to two functions and to an
// SQS queue that a third function reads. Play to the end: each subscribed function is invoked with every event
// (Lambda DG "Invoking Lambda functions with Amazon SNS notifications", with-sns.html), and the queue gets
// every event as a message besides its own traffic (SNS DG "Fanout to Amazon SQS queues",
// sns-sqs-as-subscriber.html).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson, nodeRect as rect, waitFrames as frames, dragMouse as drag, paletteDrop } from './browser.mjs';

const EMPTY = { version: 1, name: 'From the palette', seed: 1, run_for: '2m', nodes: [], edges: [] };

const centre = (r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

/// Drags palette entry `label` onto the canvas at fractions (fx, fy) of its size; returns the new node's id.
async function dropFromPalette(page, label, fx, fy) {
  const before = await stateJson(page);
  const c = before.canvas_rect;
  await paletteDrop(page, label, { x: c.x + c.w * fx, y: c.y + c.h * fy });
  const after = await stateJson(page);
  assert.equal(after.nodes, before.nodes + 1, `dropping ${label} added a node (status: ${after.status})`);
  const added = Object.keys(after.counters).find((id) => !(id in before.counters));
  assert.ok(added, `a new node id after dropping ${label}`);
  return added;
}

async function wire(page, from, to, expected) {
  const a = await rect(page, from);
  const b = await rect(page, to);
  await drag(page, { x: a.pin_x, y: a.pin_y }, centre(b));
  const state = await stateJson(page);
  assert.match(state.status, new RegExp(`wired ${from} -> ${to}`), `wiring ${from} -> ${to}`);
  assert.equal(state.edges, expected, `${expected} edges after wiring ${from} -> ${to}`);
}

export default async function fanout({ url, artifacts }) {
  const { context, close } = await launchBrowser({ deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, url, 5);
    const loaded = await page.evaluate((j) => Module.ccall('pg_load_scenario', 'number', ['string'], [j]),
      JSON.stringify(EMPTY));
    assert.equal(loaded, 1, 'the empty scenario loads');
    await frames(page, 3);

    const topic = await dropFromPalette(page, 'SNS', 0.15, 0.3);
    const email = await dropFromPalette(page, 'Function', 0.6, 0.15);
    const audit = await dropFromPalette(page, 'Function', 0.6, 0.45);
    const queue = await dropFromPalette(page, 'SQS', 0.35, 0.8);
    const worker = await dropFromPalette(page, 'Function', 0.75, 0.8);
    await wire(page, topic, email, 1);
    await wire(page, topic, audit, 2);
    await wire(page, topic, queue, 3);   // a subscription: an edge from a topic to a queue
    await wire(page, queue, worker, 4);

    let state = await stateJson(page);
    assert.equal(state.counters[topic].type, 'sns');
    assert.equal(state.counters[queue].type, 'sqs');
    await page.evaluate(() => { Module._pg_set_speed(1000); Module._pg_set_playing(1); });
    await page.waitForFunction(() => !JSON.parse(Module.UTF8ToString(Module._pg_state_json())).playing, null,
      { timeout: 60000, polling: 100 });
    await frames(page, 3);
    state = await stateJson(page);
    const events = state.counters[topic].items;
    assert.ok(events > 0, 'the topic published events (palette sources come with traffic)');
    assert.equal(state.counters[email].invocations, events, 'the first subscribed function gets every event');
    assert.equal(state.counters[audit].invocations, events, 'the second gets every event too (fan-out)');
    // The queue's own traffic plus one message per topic event, each deleted once after its batch succeeded.
    const written = await page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._pg_scenario_json())));
    const own = written.nodes.find((n) => n.id === queue).traffic.messages;
    assert.ok(own > 0, 'the palette queue comes with its own traffic');
    assert.equal(state.counters[queue].deleted, own + events, 'the queue received every topic event as a message');
    assert.ok(state.counters[worker].invocations > 0, 'the queue\'s function ran');
    assert.equal(state.warnings.find((w) => w.kind === 'first_target_only'), undefined, 'no first-wire warning');
    fs.writeFileSync(path.join(artifacts, 'fan-out-from-palette.png'), await page.screenshot());
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
