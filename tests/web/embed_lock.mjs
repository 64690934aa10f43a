// Locked embed test (issue 20): ?embed&lock lets a reader play and select, but a drag on a node moves nothing,
// a drag from a pin wires nothing and Delete deletes nothing; the same drag in an unlocked embed does move
// the node (so the test can fail). "Open in playground" stays.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson, nodeRect as rect, waitFrames as frames, dragMouse as drag } from './browser.mjs';

const scenarioJson = (page) => page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._pg_scenario_json())));
const position = async (page, id) => (await scenarioJson(page)).nodes.find((n) => n.id === id).position;

async function dragNode(page, id) {
  const r = await rect(page, id);
  await drag(page, { x: r.x + r.w / 2, y: r.y + r.h / 2 + 8 }, { x: r.x + r.w / 2 + 60, y: r.y + r.h / 2 + 70 });
}

export default async function embedLock({ url, artifacts }) {
  const { context, close } = await launchBrowser({ deviceScaleFactor: 1, viewport: { width: 900, height: 520 } });
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);

    // Unlocked embed: the drag moves the node.
    await openApp(page, `${url}index.html?embed&preset=sqs_with_redrive`, 5);
    assert.equal((await stateJson(page)).locked, false);
    const before = await position(page, 'orders');
    await dragNode(page, 'orders');
    assert.notDeepEqual(await position(page, 'orders'), before, 'an unlocked embed moves a dragged node');

    // Locked embed.
    await openApp(page, `${url}index.html?embed&lock&preset=sqs_with_redrive`, 5);
    let state = await stateJson(page);
    assert.equal(state.locked, true, '?embed&lock locks the embed');
    const nodes = state.nodes, edges = state.edges;
    const start = await position(page, 'orders');
    await dragNode(page, 'orders');
    assert.deepEqual(await position(page, 'orders'), start, 'a locked embed does not move a dragged node');
    state = await stateJson(page);
    assert.equal(state.selection.kind, 'node', 'a press still selects (readers inspect)');
    assert.equal(state.selection.node, 'orders');

    const dlq = await rect(page, 'orders-dlq');
    const orders = await rect(page, 'orders');
    await drag(page, { x: orders.pin_x, y: orders.pin_y }, { x: dlq.x + dlq.w / 2, y: dlq.y + dlq.h / 2 });
    assert.equal((await stateJson(page)).edges, edges, 'a drag from a pin wires nothing');

    await page.keyboard.press('Delete');
    await frames(page, 3);
    state = await stateJson(page);
    assert.equal(state.nodes, nodes, 'Delete deletes nothing');
    assert.match(state.status, /read-only/, 'the reader is told why');

    await page.keyboard.press('Control+z');
    await frames(page, 3);
    assert.deepEqual(await position(page, 'orders'), start, 'nothing to undo, and undo is refused');

    await page.keyboard.press(' ');
    await frames(page, 5);
    assert.equal((await stateJson(page)).playing, true, 'Space still plays');
    fs.writeFileSync(path.join(artifacts, 'embed-locked.png'), await page.screenshot());
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
