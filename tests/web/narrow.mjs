// Narrow screens (issue 20): at 360 and 390 CSS px wide the layout stacks (menu bar, transport, canvas, then one
// tabbed panel holding the inspector, the palette and the bottom tabs). No two panel rectangles overlap, each
// lies inside the screen, the canvas is the full width and the tallest panel (not a sliver), and a fitted
// scenario is drawn at 0.75 zoom or more (readable counters). At 1280 the side-by-side layout is kept.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson, waitFrames, checkMetricsPlotFits } from './browser.mjs';

const overlap = (a, b) => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.5 &&
  Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.5;

function checkNoOverlap(panels, width, height) {
  const names = Object.keys(panels);
  for (const n of names) {
    const r = panels[n];
    assert.ok(r.w > 0 && r.h > 0, `${width}: panel ${n} has a size (${JSON.stringify(r)})`);
    assert.ok(r.x >= 0 && r.y >= 0 && r.x + r.w <= width + 0.5 && r.y + r.h <= height + 0.5,
      `${width}: panel ${n} ${JSON.stringify(r)} inside ${width}x${height}`);
  }
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++)
      assert.ok(!overlap(panels[names[i]], panels[names[j]]),
        `${width}: ${names[i]} ${JSON.stringify(panels[names[i]])} overlaps ${names[j]} ${JSON.stringify(panels[names[j]])}`);
}

export default async function narrow({ url, artifacts }) {
  for (const [width, height] of [[360, 740], [390, 844]]) {
    const { context, close } = await launchBrowser({ viewport: { width, height } });
    try {
      const page = await context.newPage();
      const errors = watchConsole(page);
      await openApp(page, `${url}index.html`, 5);
      assert.equal(await page.evaluate(() => window.pgShell.call('pg_open_preset', 'api_gateway_throttling')), 1);
      await waitFrames(page, 5);
      const state = await stateJson(page);
      const panels = state.panels;
      assert.deepEqual(Object.keys(panels).sort(), ['Canvas', 'Details', 'Menu bar', 'Transport'],
        `${width}: stacked (palette and inspector are tabs, not windows)`);
      checkNoOverlap(panels, width, height);
      assert.equal(panels.Canvas.w, width, `${width}: the canvas is the full width`);
      for (const n of ['Transport', 'Details'])
        assert.ok(panels.Canvas.h >= panels[n].h, `${width}: the canvas (${panels.Canvas.h}) is not shorter than ${n}`);
      assert.ok(panels.Canvas.y >= panels.Transport.y + panels.Transport.h, `${width}: canvas under the transport`);
      assert.ok(panels.Details.y >= panels.Canvas.y + panels.Canvas.h, `${width}: the tabs under the canvas`);
      assert.ok(state.canvas_zoom >= 0.75, `${width}: readable zoom (${state.canvas_zoom})`);
      fs.writeFileSync(path.join(artifacts, `narrow-${width}.png`), await page.screenshot());
      // The Metrics tab in the stacked layout: each plot's header and the concurrency limit's legend fit.
      await page.evaluate(() => { Module._pg_step(300); Module._pg_show_tab(2); });
      await waitFrames(page, 4);
      await checkMetricsPlotFits(page, 'checkout', 'concurrency (peak)', `${width} px`);
      for (const title of ['cost so far (USD)', 'cost per second (USD)'])
        await checkMetricsPlotFits(page, 'cost', title, `${width} px`, false);
      fs.writeFileSync(path.join(artifacts, `narrow-${width}-metrics.png`), await page.screenshot());
      assert.deepEqual(errors, [], 'no console errors');
    } finally {
      await close();
    }
  }
  // Wide: the five panels side by side, still without overlap.
  const { context, close } = await launchBrowser({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await openApp(page, `${url}index.html`, 5);
    const panels = (await stateJson(page)).panels;
    assert.deepEqual(Object.keys(panels).sort(), ['Canvas', 'Details', 'Inspector', 'Menu bar', 'Palette', 'Transport']);
    checkNoOverlap(panels, 1280, 800);
  } finally {
    await close();
  }
}
