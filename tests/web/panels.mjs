// Panels test: the default scenario loads, playing it fills the timeline, journey, metrics, event log and
// warnings; a screenshot of each bottom tab and of the inspector is saved to tests/web/artifacts/ (look at them).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson, checkMetricsPlotFits, waitFrames } from './browser.mjs';

const shot = async (page, artifacts, name) =>
  fs.writeFileSync(path.join(artifacts, `panel-${name}.png`), await page.screenshot());

/// Clicks a bottom tab by its position: the tab bar sits at the top of the bottom panel.
async function openTab(page, index) {
  await page.evaluate((i) => Module._pg_show_tab(i), index);
  await page.waitForTimeout(150);
}

export default async function panels({ url, artifacts }) {
  const { context, close } = await launchBrowser({ deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, url, 10);
    let state = await stateJson(page);
    assert.equal(state.scenario, 'SQS without a redrive policy', 'the default scenario is the SQS loop preset');
    assert.ok(state.counters.orders && state.counters.process, 'counters per node');
    await shot(page, artifacts, 'start');

    // Run a good part of the scenario quickly through the exported step function.
    await page.evaluate(() => Module._pg_step(600));
    state = await stateJson(page);
    assert.ok(state.step > 0, 'steps happened');
    assert.ok(state.trace_records > 0, 'trace records exist');
    await page.evaluate(() => Module.ccall('pg_select', 'number', ['string'], ['orders#13']));
    await page.evaluate(() => Module.ccall('pg_select', 'number', ['string'], ['process']));
    state = await stateJson(page);
    assert.equal(state.selection.node, 'process');
    for (const [i, name] of ['timeline', 'journey', 'metrics', 'log', 'warnings'].entries()) {
      await openTab(page, i);
      await shot(page, artifacts, name);
    }
    // The concurrency plot's limit (the account pool: process has no reservation) stays inside its column.
    await openTab(page, 2);
    await waitFrames(page, 2);
    await checkMetricsPlotFits(page, 'process', 'concurrency (peak)', '1280 px');
    for (const title of ['cost so far (USD)', 'cost per second (USD)'])
      await checkMetricsPlotFits(page, 'cost', title, '1280 px', false);
    // Inspector edits go through the validator: an invalid value is reported and not applied.
    const setParam = (node, key, value) => page.evaluate(([n, k, v]) =>
      Module.ccall('pg_set_param', 'number', ['string', 'string', 'string'], [n, k, v]), [node, key, value]);
    assert.equal(await setParam('process', 'timeout', '60s'), 0, 'a timeout above the visibility timeout is rejected');
    state = await stateJson(page);
    assert.match(state.edit_error, /Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds/);
    assert.doesNotMatch(await page.evaluate(() => Module.UTF8ToString(Module._pg_scenario_json())), /"timeout": "60s"/,
      'the rejected value was not applied');
    await page.waitForTimeout(150);
    await shot(page, artifacts, 'inspector-rejected');
    assert.equal(await setParam('process', 'timeout', '5s'), 1, 'a valid timeout is applied');
    assert.match(await page.evaluate(() => Module.UTF8ToString(Module._pg_scenario_json())), /"timeout": "5s"/);
    // Typed text is read as a file reads the value: a number of seconds is a duration, "1" is not a boolean.
    assert.equal(await setParam('process', 'timeout', '4'), 1, 'a number of seconds is a duration');
    assert.match(await page.evaluate(() => Module.UTF8ToString(Module._pg_scenario_json())), /"timeout": "4s"/);
    assert.equal(await setParam('process', 'timeout', '4 s'), 0, 'a space is not');
    assert.match((await stateJson(page)).edit_error, /^timeout: "4 s" is not a duration/);
    assert.equal(await setParam('process', 'async.max_retry_attempts', '7'), 0, 'out of range (0-2) is rejected');

    // The inspector on the queue: documented defaults, ranges and source keys.
    await page.evaluate(() => Module.ccall('pg_select', 'number', ['string'], ['orders']));
    await page.waitForTimeout(150);
    await shot(page, artifacts, 'inspector-sqs');
    state = await stateJson(page);
    assert.equal(state.selection.kind, 'node');
    assert.equal(state.selection.item, 'orders#13', 'item selection is kept beside the node selection');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
