// Launches Debian's Chromium headless through playwright-core, with WebGL2 on SwiftShader
// (flags from ../shared/TOOLCHAIN.md: without the background-networking ones Chromium floods the closed network).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.PG_CHROMIUM || '/usr/bin/chromium';

export async function launchBrowser({ deviceScaleFactor = 1, viewport = { width: 1280, height: 800 }, hasTouch = false,
  isMobile = false } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    deviceScaleFactor,
    hasTouch,  // touch emulation (tests/web/touch.mjs)
    isMobile,
    args: [
      '--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-gpu',
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync',
    ],
  });
  const close = async () => {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, close };
}

/// Collects console errors and page errors so a test can assert there were none.
export function watchConsole(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

/// Opens the app and waits until the wasm module has drawn `frames` frames.
export async function openApp(page, url, frames = 10) {
  await page.goto(url);
  await page.waitForFunction((n) => window.pgReady && Module._pg_frame_count() >= n,
    frames, { timeout: 60000 });
}

export const frameCount = (page) => page.evaluate(() => Module._pg_frame_count());
export const stateJson = (page) => page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._pg_state_json())));

/// The current scenario's name, as the app holds it.
export const scenarioName = (page) => page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._pg_scenario_json())).name);

/// Waits until the scenario is named `expected` (edits land a frame or two later); fails with `what` otherwise.
export async function waitForName(page, expected, what) {
  try {
    await page.waitForFunction((n) => JSON.parse(Module.UTF8ToString(Module._pg_scenario_json())).name === n,
      expected, { timeout: 5000 });
  } catch (e) {
    assert.equal(await scenarioName(page), expected, what);
  }
}

/// Clicks the inspector's Name field (its rectangle comes from the state JSON) and selects its text with
/// `selectAll` ('Control+A'; 'Meta+A' on a Mac).
export async function focusNameField(page, selectAll = 'Control+A') {
  await page.evaluate(() => Module.ccall('pg_select', 'number', ['string'], ['']));  // the scenario's settings
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._pg_state_json())).fields.name, null,
    { timeout: 10000 });
  const r = (await stateJson(page)).fields.name;
  // Frames, not a fixed time: under load a 100 ms pause could end before the app drew a frame that saw the
  // click, and the shortcut then reached no field (a full web suite run here saw a paste land nowhere).
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await waitFrames(page, 2);
  await page.keyboard.press(selectAll);
  await waitFrames(page, 2);
}

/// A node's rectangle on screen ({x, y, w, h} in CSS pixels), from the app's own layout.
export const nodeRect = (page, id) => page.evaluate((i) => JSON.parse(Module.UTF8ToString(Module.ccall(
  'pg_node_screen_rect', 'number', ['string'], [i]))), id);

/// Resolves once the app has drawn `n` more frames (input is only seen on the next frame).
export const waitFrames = (page, n = 4) => page.evaluate((k) => new Promise((done) => {
  const start = Module._pg_frame_count();
  const tick = () => (Module._pg_frame_count() >= start + k ? done() : requestAnimationFrame(tick));
  tick();
}), n);

/// Presses a paste shortcut (`keys`: 'Control+V', 'Meta+V') and waits until links.js has handed the paste to
/// the app (its paste event, or the fallback timer that fires when none comes) and two frames have run, so a
/// key pressed next (Enter) reaches the field after the pasted text, however slow the machine.
export async function pasteWithKeys(page, keys) {
  const before = await page.evaluate(() => window.pgPasteCount || 0);
  await page.keyboard.press(keys);
  await page.waitForFunction((n) => (window.pgPasteCount || 0) > n, before, { timeout: 10000 });
  await waitFrames(page, 2);
}

/// A mouse drag from `from` to `to` in eight moves, a frame apart, as a hand would make it.
export async function dragMouse(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await waitFrames(page, 2);
  await page.mouse.down();
  await waitFrames(page, 2);
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8);
    await waitFrames(page, 1);
  }
  await waitFrames(page, 2);
  await page.mouse.up();
  await waitFrames(page, 3);
}

/// Pixel statistics of a PNG screenshot, computed in the page (no image library needed here).
export async function pngStats(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let sum = 0, sumSq = 0, n = 0;
    const colours = new Set();
    for (let i = 0; i < d.length; i += 4 * 7) {
      const v = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
      sum += v; sumSq += v * v; n++;
      if (colours.size < 5000) colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    }
    const mean = sum / n;
    return { width: c.width, height: c.height, mean, variance: sumSq / n - mean * mean, colours: colours.size };
  }, png.toString('base64'));
}

/// Opens menu `menu` (File, Help...) with the mouse and clicks its item `label`; `during` runs alongside the
/// click (to catch a download, a file chooser or a new tab). Positions come from the state JSON (menu_items).
export async function menuClick(page, menu, label, during) {
  const centre = (r) => [r.x + r.w / 2, r.y + r.h / 2];
  const header = (await stateJson(page)).menu_items[menu];
  if (!header) throw new Error(`the ${menu} menu is not drawn`);
  await page.mouse.click(...centre(header));
  await page.waitForFunction((l) => {
    const s = JSON.parse(Module.UTF8ToString(Module._pg_state_json()));
    return s.menu_items[l] && Module._pg_frame_count() > 0;
  }, label, { timeout: 5000 });
  await page.waitForTimeout(150);  // the menu's items are where the last open frame drew them
  const item = (await stateJson(page)).menu_items[label];
  const click = page.mouse.click(...centre(item));
  const [result] = await Promise.all([during ? during() : Promise.resolve(null), click]);
  await page.waitForTimeout(200);
  return result;
}

/// Drags palette entry `label` to `to` ({x, y}), scrolling the palette with the wheel until the entry is wholly
/// shown (the app exports shown entries as menu_items["palette:<label>"]).
export async function paletteDrop(page, label, to) {
  for (let i = 0; i < 30; i++) {
    const r = (await stateJson(page)).menu_items[`palette:${label}`];
    if (r) return dragMouse(page, { x: r.x + r.w / 2, y: r.y + r.h / 2 }, to);
    await page.mouse.move(100, 300);
    await page.mouse.wheel(0, i < 15 ? 150 : -150);
    await waitFrames(page, 3);
  }
  throw new Error(`palette entry ${label} is never shown`);
}

/// Checks the Metrics tab's plot `title` in section `node` (a node id, or 'cost') as last drawn (rectangles from
/// the state JSON, keys "metrics:NODE:TITLE", ":plot", ":legend"): the header line is no wider than the plot's
/// column and, with `legend`, the dashed limit's legend lies inside the plot. `what` names the layout in messages.
export async function checkMetricsPlotFits(page, node, title, what, legend = true) {
  const fields = (await stateJson(page)).fields;
  const key = `metrics:${node}:${title}`;
  const group = fields[key], plot = fields[`${key}:plot`], box = fields[`${key}:legend`];
  assert.ok(group && plot && (box || !legend), `${what}: ${key} is drawn${legend ? ' with a legend' : ''} (have ${
    Object.keys(fields).filter((k) => k.startsWith('metrics:')).join(', ')})`);
  assert.ok(group.w <= plot.w + 0.5, `${what}: the header of ${title} (${group.w} px) fits its column (${plot.w} px)`);
  if (!legend) return;
  const inside = box.x >= plot.x - 0.5 && box.x + box.w <= plot.x + plot.w + 0.5 &&
    box.y >= plot.y - 0.5 && box.y + box.h <= plot.y + plot.h + 0.5;
  assert.ok(inside, `${what}: the legend ${JSON.stringify(box)} lies inside the plot ${JSON.stringify(plot)}`);
}
