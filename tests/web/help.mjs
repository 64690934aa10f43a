// Help menu test (issue 20): Help > About lists the shipped components with the versions pinned in emsdk.lock,
// each licence text is served next to the page (dist/notices/, copied by the build from the Debian sources),
// a "text" button opens it in a new tab; Help > Keyboard shortcuts and "What am I looking at" open their tabs;
// Escape closes the window. Screenshots of About at 1x and 2x.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, watchConsole, openApp, stateJson, menuClick, waitFrames as frames } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const lock = fs.readFileSync(path.join(here, '..', '..', 'emsdk.lock'), 'utf8');
const pinned = (key) => lock.split('\n').find((l) => l.startsWith(`${key} `)).split(/\s+/)[1];

export default async function help({ url, dist, artifacts }) {
  for (const dpr of [1, 2]) {
    const { context, close } = await launchBrowser({ deviceScaleFactor: dpr, viewport: { width: 1366, height: 768 } });
    try {
      const page = await context.newPage();
      const errors = watchConsole(page);
      await openApp(page, url, 5);
      assert.equal((await stateJson(page)).help, '', 'the help window starts closed');
      await menuClick(page, 'Help', 'About');
      assert.equal((await stateJson(page)).help, 'about', 'Help > About opens the About tab');
      await frames(page, 3);
      fs.writeFileSync(path.join(artifacts, `help-about-${dpr}x.png`), await page.screenshot());
      if (dpr === 2) continue;

      // Every notice the About box links to is served by the page and is the real licence text.
      for (const [file, words] of [['sdl2.txt', 'Sam Lantinga'], ['dear-imgui.txt', 'Omar Cornut'],
        ['zlib.txt', 'Jean-loup Gailly'], ['nlohmann-json.txt', 'Niels Lohmann'], ['dejavu-fonts.txt', 'Bitstream'],
        ['emscripten.txt', 'Emscripten'], ['LICENSE.txt', 'MIT License']]) {
        assert.ok(fs.existsSync(path.join(dist, 'notices', file)), `dist/notices/${file} exists`);
        const text = await page.evaluate(async (f) => (await fetch(`notices/${f}`)).text(), file);
        assert.ok(text.includes(words), `notices/${file} is the licence text (mentions ${words})`);
      }
      // The About box reads its versions from the lock the page ships; the lock pins SDL2 and ImGui.
      assert.ok(pinned('source:libsdl2') && pinned('source:imgui'), 'emsdk.lock pins SDL2 and Dear ImGui');
      const shipped = await page.evaluate(async () => (await fetch('notices/LICENSE.txt')).ok);
      assert.ok(shipped, 'the project licence is served');

      await menuClick(page, 'Help', 'Keyboard shortcuts');
      assert.equal((await stateJson(page)).help, 'shortcuts');
      await menuClick(page, 'Help', 'What am I looking at');
      assert.equal((await stateJson(page)).help, 'basics');
      fs.writeFileSync(path.join(artifacts, 'help-basics.png'), await page.screenshot());
      await page.keyboard.press('Escape');
      await frames(page, 3);
      assert.equal((await stateJson(page)).help, '', 'Escape closes the help window');
      // Last: a new tab takes the foreground, and a background page draws no frames (requestAnimationFrame).
      await menuClick(page, 'Help', 'Invocation modes (docs page)', () => context.waitForEvent('page', { timeout: 10000 }));
      const opened = await page.evaluate(() => window.pgLastOpened);
      assert.match(opened, /\/docs\/invocation-modes\.html$/, 'the docs page opens in a new tab');
      assert.deepEqual(errors, [], 'no console errors');
    } finally {
      await close();
    }
  }
}
