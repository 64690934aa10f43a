// Issue 17 in the page: cost labels on the canvas (View > Cost on canvas), the Free tier switch changes the
// total, the journey of an item that ended in a function DLQ shows the payload delivered there, and the live
// invariants status says they hold. Screenshots of the canvas with its labels, the inspector's cost section and
// the journey are left in tests/web/artifacts/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson, menuClick } from './browser.mjs';

const untilEnd = (page) => page.waitForFunction(() => {
  const s = JSON.parse(Module.UTF8ToString(Module._pg_state_json()));
  return !s.playing && s.time_us >= s.run_for_us;
}, null, { timeout: 120000, polling: 100 });

export default async function costMeter({ url, artifacts }) {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, url, 5);
    // S3 -> thumbnail (async, uploads#3 always fails) -> thumbnail-dlq after 3 attempts.
    assert.equal(await page.evaluate(() => Module.ccall('pg_open_preset', 'number', ['string'], ['s3_async_dlq'])), 1);
    await page.evaluate(() => { Module._pg_set_speed(1000); Module._pg_set_playing(1); });
    await untilEnd(page);
    await page.waitForTimeout(300);
    let state = await stateJson(page);

    // Cost labels: on by default, one per priced node (the function and the DLQ queue; S3 is not priced).
    assert.equal(state.cost.on_canvas, true);
    assert.match(state.cost.labels.thumbnail || '', /^\$[0-9.]+$/, JSON.stringify(state.cost));
    assert.match(state.cost.labels['thumbnail-dlq'] || '', /^\$[0-9.]+$/);
    assert.equal(state.cost.labels.uploads, undefined, 'S3 requests are not priced');
    assert.ok(state.cost.total_usd > 0, 'the run costs something without the free tier');
    assert.ok(state.cost.series_usd.length >= 299, `a cost point per second: ${state.cost.series_usd.length}`);
    assert.ok(Math.abs(state.cost.series_usd.at(-1) - state.cost.total_usd) <= state.cost.total_usd * 1e-9,
      'the series ends at the total');
    // The invariants were checked live and hold.
    assert.equal(state.invariants.checked, true);
    assert.deepEqual(state.invariants.problems, []);

    assert.equal(await page.evaluate(() => Module.ccall('pg_select', 'number', ['string'], ['thumbnail'])), 1);
    await page.waitForTimeout(300);
    fs.writeFileSync(path.join(artifacts, 'cost-canvas-inspector.png'), await page.screenshot());

    // Free tier: the run is far inside every monthly allowance, so the total drops to $0; the gross stays.
    const gross = state.cost.gross_usd;
    await menuClick(page, 'View', 'Free tier');
    state = await stateJson(page);
    assert.equal(state.cost.free_tier, true);
    assert.equal(state.cost.total_usd, 0);
    assert.equal(state.cost.gross_usd, gross);
    await menuClick(page, 'View', 'Free tier');
    state = await stateJson(page);
    assert.equal(state.cost.free_tier, false);
    assert.ok(state.cost.total_usd > 0);

    // Cost on canvas off: no labels.
    await menuClick(page, 'View', 'Cost on canvas');
    state = await stateJson(page);
    assert.deepEqual(state.cost.labels, {});
    await menuClick(page, 'View', 'Cost on canvas');

    // What lands where: uploads#3 failed 3 times and went to the function's DLQ: the journey shows the message
    // AWS puts there (the original event as its body, with RequestID, ErrorCode and ErrorMessage attributes).
    assert.equal(await page.evaluate(() => Module.ccall('pg_select', 'number', ['string'], ['uploads#3'])), 1);
    await page.evaluate(() => Module._pg_show_tab(1));
    await page.waitForTimeout(300);
    state = await stateJson(page);
    assert.equal(state.journey_payloads.length, 1, JSON.stringify(state.journey_payloads));
    const landed = state.journey_payloads[0];
    assert.equal(landed.node, 'thumbnail-dlq');
    assert.match(landed.what, /function DLQ/);
    const payload = JSON.parse(landed.json);
    assert.match(JSON.stringify(payload.body), /photo-3\.jpg/);
    assert.ok(payload.messageAttributes.ErrorCode, landed.json);
    assert.ok(payload.messageAttributes.RequestID, landed.json);
    fs.writeFileSync(path.join(artifacts, 'cost-journey-dlq-payload.png'), await page.screenshot());
    // An item that succeeded landed nowhere.
    await page.evaluate(() => Module.ccall('pg_select', 'number', ['string'], ['uploads#1']));
    await page.waitForTimeout(200);
    assert.deepEqual((await stateJson(page)).journey_payloads, []);

    await page.evaluate(() => Module._pg_show_tab(2));
    await page.waitForTimeout(300);
    fs.writeFileSync(path.join(artifacts, 'cost-metrics.png'), await page.screenshot());
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
