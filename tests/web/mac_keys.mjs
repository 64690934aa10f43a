// Mac shortcuts (Cmd where other systems use Ctrl): on a page whose browser says it runs on a Mac, ImGui's macOS
// behaviours are on, so in the inspector's Name field Cmd+A selects all, Cmd+C copies and Cmd+V pastes (through
// web/links.js's paste path, with Cmd as the held shortcut key), and outside a text field Cmd+Z undoes the
// rename, Cmd+Y redoes it. The platform is faked before the page loads (headless Chromium runs on Linux).
import assert from 'node:assert/strict';
import { launchBrowser, watchConsole, openApp, stateJson, scenarioName, waitForName, focusNameField, pasteWithKeys } from './browser.mjs';

export default async function macKeys({ url }) {
  const { context, close } = await launchBrowser({ deviceScaleFactor: 1 });
  try {
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' });
      Object.defineProperty(Navigator.prototype, 'userAgentData', { get: () => undefined });
    });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, url, 10);
    const original = await scenarioName(page);

    const nameField = () => focusNameField(page, 'Meta+A');  // click the inspector's Name field, Cmd+A
    // Cmd+A selects the whole name: typing replaces it.
    await nameField();
    await page.keyboard.type('Typed on a Mac');
    await page.keyboard.press('Enter');
    await waitForName(page, 'Typed on a Mac', 'Cmd+A then typing replaces the name');
    // Cmd+C copies it (to the page's clipboard handler); another name; Cmd+V pastes the copy back. (Headless
    // Chromium on Linux fires no paste event for Cmd+V, so this is the app's own clipboard path of links.js.)
    await nameField();
    await page.keyboard.press('Meta+C');
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.pgLastCopied), 'Typed on a Mac', 'Cmd+C copies the field');
    await page.keyboard.type('Other');
    await page.keyboard.press('Enter');
    await waitForName(page, 'Other', 'typed over the selection');
    await nameField();
    await pasteWithKeys(page, 'Meta+V');
    await page.keyboard.press('Enter');
    await waitForName(page, 'Typed on a Mac', 'Cmd+V pastes what Cmd+C copied');

    // Outside the field (a click on empty canvas), Cmd+Z undoes the last rename and Cmd+Y redoes it.
    const c = (await stateJson(page)).canvas_rect;
    await page.mouse.click(c.x + 8, c.y + c.h - 40);  // bottom-left corner: no node there
    await page.waitForTimeout(100);
    await page.keyboard.press('Meta+Z');
    await waitForName(page, 'Other', 'Cmd+Z undoes the rename');
    await page.keyboard.press('Meta+Y');
    await waitForName(page, 'Typed on a Mac', 'Cmd+Y redoes it');
    assert.notEqual(original, 'Typed on a Mac');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
