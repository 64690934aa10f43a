// Clipboard in ImGui text fields (issue 6 "clipboard copy/paste working in ImGui text fields"): click the
// inspector's Name field, Ctrl+A, Ctrl+V, Enter renames the scenario. Three paths: the real keyboard shortcut with
// the system clipboard (clipboard permission granted), a paste event alone (the browser's Edit menu, here a
// synthetic ClipboardEvent with a DataTransfer), and Ctrl+C then Ctrl+V inside the app.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson, scenarioName, waitForName, focusNameField, pasteWithKeys,
  waitFrames } from './browser.mjs';

export default async function clipboard({ url, artifacts }) {
  const { context, close } = await launchBrowser({ deviceScaleFactor: 1 });
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, url, 10);
    const original = await scenarioName(page);

    // 1. The system clipboard through the real shortcut.
    await page.evaluate(() => navigator.clipboard.writeText('Pasted from the system clipboard'));
    await focusNameField(page);
    await pasteWithKeys(page, 'Control+V');
    await page.keyboard.press('Enter');
    await waitForName(page, 'Pasted from the system clipboard', 'Ctrl+V pastes the system clipboard into the field');
    assert.equal((await stateJson(page)).scenario, 'Pasted from the system clipboard');
    fs.writeFileSync(path.join(artifacts, 'clipboard-pasted.png'), await page.screenshot());

    // 2. A paste event without the shortcut (the browser's Edit > Paste): synthetic, with a DataTransfer.
    await focusNameField(page);
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'Pasted by a paste event');
      document.getElementById('canvas').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    await waitFrames(page, 3);  // frames, not a fixed pause: the app takes the text on its next frame
    await page.keyboard.press('Enter');
    await waitForName(page, 'Pasted by a paste event', 'a paste event pastes its text into the focused field');

    // 3. Copy inside the app, paste inside the app: Ctrl+C on the field, then Ctrl+V replaces a typed name.
    await focusNameField(page);
    await page.keyboard.press('Control+C');
    await page.waitForFunction(() => window.pgLastCopied !== undefined, null, { timeout: 5000 }).catch(() => {});
    assert.equal(await page.evaluate(() => window.pgLastCopied), 'Pasted by a paste event', 'Ctrl+C copies the field');
    await page.keyboard.type('typed over');
    await page.keyboard.press('Control+A');
    await pasteWithKeys(page, 'Control+V');
    await page.keyboard.press('Enter');
    await waitForName(page, 'Pasted by a paste event', 'Ctrl+V pastes what Ctrl+C copied');

    assert.notEqual(original, 'Pasted by a paste event');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
