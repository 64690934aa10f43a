// Exports (issue 20). PNG: at deviceScaleFactor 2 the canvas export is the canvas panel's CSS size x 2 (HiDPI:
// the backing store's pixels, not a blurry CSS-sized copy), the whole page 1000x700 CSS = 2000x1400, and it is
// a picture (many colours), not a blank. The menu's "Canvas as PNG" saves a .png file. Video: recording a
// second of play through MediaRecorder gives a WebM (EBML magic 1A 45 DF A3). Trace: the page's JSON Lines,
// run to the end of a preset, equal line for line what `lambda-playground run --trace` writes for that preset.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, watchConsole, openApp, stateJson, waitFrames } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PRESET = 's3_async_dlq';

/// {width, height, colours} of a PNG blob made in the page by `make` (a function body run there).
async function pngInfo(page, target) {
  return page.evaluate(async (t) => {
    const blob = await window.pgTools.png(t);
    const bitmap = await createImageBitmap(blob);
    const c = document.createElement('canvas');
    c.width = bitmap.width; c.height = bitmap.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    for (let i = 0; i < d.length && colours.size < 2000; i += 4 * 13) colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
    return { type: blob.type, width: bitmap.width, height: bitmap.height, colours: colours.size, magic: Array.from(head) };
  }, target);
}

export default async function exportsTest({ url, artifacts }) {
  const { context, close } = await launchBrowser({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 2 });
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, `${url}index.html`, 5);
    assert.equal(await page.evaluate((p) => window.pgShell.call('pg_open_preset', p), PRESET), 1);
    await waitFrames(page, 5);
    assert.equal(await page.evaluate(() => Module._pg_device_pixel_ratio()), 2);

    // PNG, HiDPI: the canvas panel's CSS rectangle times the device pixel ratio 2.
    const c = (await stateJson(page)).canvas_rect;
    const canvasPng = await pngInfo(page, 'canvas');
    assert.equal(canvasPng.type, 'image/png');
    assert.deepEqual(canvasPng.magic, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.equal(canvasPng.width, Math.round(c.w * 2), `canvas PNG width = ${c.w} CSS px x 2`);
    assert.equal(canvasPng.height, Math.round(c.h * 2), `canvas PNG height = ${c.h} CSS px x 2`);
    assert.ok(canvasPng.colours > 20, `the canvas PNG is a picture (${canvasPng.colours} colours)`);
    const pagePng = await pngInfo(page, 'page');
    assert.equal(pagePng.width, 2000, 'the whole page: 1000 CSS px x 2');
    assert.equal(pagePng.height, 1400, 'the whole page: 700 CSS px x 2');
    const timelinePng = await pngInfo(page, 'timeline');
    const d = (await stateJson(page)).panels.Details;
    assert.equal(timelinePng.width, Math.round(d.w * 2), 'the timeline panel x 2');
    assert.ok(Math.abs(timelinePng.width / timelinePng.height - d.w / d.h) < 0.02, 'its aspect ratio is the panel\'s');

    // The menu item saves a file.
    const download = page.waitForEvent('download');
    await page.evaluate(() => window.pgShell.request('export-png', 'canvas', ''));
    const file = await download;
    assert.match(file.suggestedFilename(), /\.png$/);
    const saved = path.join(artifacts, 'export-canvas.png');
    await file.saveAs(saved);
    assert.deepEqual([...fs.readFileSync(saved).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);

    // Video: a second of play recorded as WebM.
    const webm = await page.evaluate(async () => {
      if (!window.pgTools.startRecording()) return null;
      Module._pg_set_playing(1);
      await new Promise((r) => setTimeout(r, 1500));
      const blob = await window.pgTools.stopRecording();
      Module._pg_set_playing(0);
      return { type: blob.type, size: blob.size, magic: Array.from(new Uint8Array(await blob.slice(0, 4).arrayBuffer())) };
    });
    assert.ok(webm, 'MediaRecorder records the canvas');
    assert.equal(webm.type, 'video/webm');
    // (Headless Chromium under SwiftShader may encode no frame at all; a browser that does must give WebM.)
    if (webm.size > 0) assert.deepEqual(webm.magic, [0x1a, 0x45, 0xdf, 0xa3], 'WebM (EBML) header');
    else console.log('exports: this headless browser recorded no video frames (MediaRecorder gave 0 bytes)');

    // Trace: the page's JSON Lines at the end of the run equal the command line's for the same preset.
    await page.evaluate(() => { Module._pg_reset(); Module._pg_step(1000000); });
    const state = await stateJson(page);
    assert.ok(state.time_us <= state.run_for_us, 'stepped to the end of the run, not past it');
    const pageLines = (await page.evaluate(() => window.pgTools.traceJsonl())).split('\n').filter(Boolean);
    assert.equal(pageLines.length, state.trace_records, 'one line per trace record');
    const runner = process.env.PG_RUNNER_JS;
    const native = path.join(root, 'build/native/lambda-playground');
    const out = path.join(os.tmpdir(), `pg-trace-${process.pid}.jsonl`);
    const scenarioFile = path.join(root, 'assets/scenarios', `${PRESET}.json`);
    if (runner && fs.existsSync(runner)) execFileSync(process.execPath, ['--no-experimental-fetch', runner, 'run', scenarioFile, '--trace', out]);
    else if (fs.existsSync(native)) execFileSync(native, ['run', scenarioFile, '--trace', out]);
    else throw new Error('no lambda-playground runner (PG_RUNNER_JS or build/native)');
    const cliLines = fs.readFileSync(out, 'utf8').split('\n').filter(Boolean);
    fs.rmSync(out, { force: true });
    assert.ok(cliLines.length > 10, `the command line wrote a trace (${cliLines.length} lines)`);
    assert.deepEqual(pageLines, cliLines, 'the page exports the command line\'s trace, line for line');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
