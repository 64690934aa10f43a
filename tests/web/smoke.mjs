// Smoke test: the app loads in headless Chromium, renders frames, logs no errors and draws a non-blank screen.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, frameCount, pngStats } from './browser.mjs';

export default async function smoke({ url, artifacts }) {
  // At 1x and at 2x (HiDPI): the backing store must follow devicePixelRatio, or text renders blurry.
  for (const dpr of [1, 2]) await smokeAt(dpr, { url, artifacts });
}

async function smokeAt(dpr, { url, artifacts }) {
  const { context, close } = await launchBrowser({ deviceScaleFactor: dpr });
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, url, 10);

    const version = await page.evaluate(() => Module.UTF8ToString(Module._pg_app_version()));
    assert.match(version, /^\d+\.\d+\.\d+$/, 'pg_app_version returns a semantic version');

    const first = await frameCount(page);
    await page.waitForTimeout(500);
    const second = await frameCount(page);
    assert.ok(second > first, `frame counter advances (${first} -> ${second})`);

    assert.equal(await page.isHidden('#loading'), true, 'loading overlay is gone');
    assert.equal(await page.isHidden('#error'), true, 'error box stays hidden');

    const png = await page.screenshot();
    fs.writeFileSync(path.join(artifacts, `smoke-${dpr}x.png`), png);
    const stats = await pngStats(page, png);
    assert.equal(stats.width, 1280 * dpr);
    assert.equal(await page.evaluate(() => Module._pg_device_pixel_ratio()), dpr, 'app sees the pixel ratio');
    const backing = await page.evaluate(() => [canvas.width, canvas.height]);
    assert.deepEqual(backing, [1280 * dpr, 800 * dpr], 'canvas backing store is CSS size x devicePixelRatio');
    assert.ok(stats.variance > 50 && stats.colours > 20, `canvas is not blank: ${JSON.stringify(stats)}`);

    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
