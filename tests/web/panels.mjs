// Panels test: the default scenario loads, playing it fills the timeline, journey, metrics, event log and
// warnings; a screenshot of each bottom tab and of the inspector is saved to tests/web/artifacts/ (look at them).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson } from './browser.mjs';

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
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
