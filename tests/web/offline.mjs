// Offline test (issue 20): load the app once, go offline (Playwright's context.setOffline), reload: the
// service worker serves this build from its cache, the app draws and plays. The cache is versioned by the
// build (one cache, named after the stamped build id) and the web app manifest is served.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson, waitFrames as frames } from './browser.mjs';

export default async function offline({ url, dist, artifacts }) {
  const { context, close } = await launchBrowser({ deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, url, 5);
    // The worker installed (its cache filled) and controls the page.
    await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null,
      { timeout: 60000, polling: 200 });
    const stamped = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');
    const build = /const BUILD = '([0-9a-f]{16})'/.exec(stamped);
    assert.ok(build, 'the build stamped dist/sw.js with its id');
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`lambda-playground-${build[1]}`],
      'one cache, named after this build');
    const manifest = await page.evaluate(async () => (await fetch('manifest.webmanifest')).json());
    assert.equal(manifest.name, 'Lambda Playground');
    assert.equal(manifest.icons[0].src, 'favicon.svg');

    await context.setOffline(true);
    const failed = await page.evaluate(() => fetch('http://127.0.0.1:9/x').then(() => false, () => true));
    assert.ok(failed, 'the network is really off');
    await page.reload();
    await page.waitForFunction(() => window.pgReady && Module._pg_frame_count() >= 5, null, { timeout: 60000 });
    let state = await stateJson(page);
    assert.equal(state.scenario, 'SQS without a redrive policy', 'the default scenario opened offline');
    await page.keyboard.press(' ');
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._pg_state_json())).step > 0, null,
      { timeout: 30000, polling: 100 });
    state = await stateJson(page);
    assert.equal(state.playing, true, 'it plays offline');
    await frames(page, 5);
    fs.writeFileSync(path.join(artifacts, 'offline-reload.png'), await page.screenshot());
    await context.setOffline(false);
    // The fetch probe above fails on purpose; only the app's own errors count.
    assert.deepEqual(errors.filter((e) => !/127\.0\.0\.1:9|Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(e)), [],
      'no console errors');
  } finally {
    await close();
  }
}
