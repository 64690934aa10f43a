// File > Copy embed code (issue 20): the menu item opens the dialog and puts a ready <iframe> on the clipboard;
// choosing the panel, lock, step and size changes the code; the Markdown/MDX form is one raw-HTML line with an
// explicit closing tag and no style string (valid JSX), the reStructuredText form a `.. raw:: html` directive;
// the preview shows the embed; and the copied URL, opened, is an embed of that preset at that step, locked.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson, waitFrames } from './browser.mjs';

const copied = (page) => page.evaluate(() => window.pgLastCopied);

export default async function embedCode({ url, artifacts }) {
  const { context, close } = await launchBrowser({ viewport: { width: 1100, height: 800 } });
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, `${url}index.html`, 5);
    assert.equal(await page.evaluate(() => window.pgShell.call('pg_open_preset', 's3_async_dlq')), 1);
    await page.evaluate(() => Module._pg_step(10));
    await waitFrames(page, 3);

    // File > Copy embed code..., through the menu.
    let items = (await stateJson(page)).menu_items;
    await page.mouse.click(items.File.x + items.File.w / 2, items.File.y + items.File.h / 2);
    await waitFrames(page, 4);
    items = (await stateJson(page)).menu_items;
    const item = items['Copy embed code...'];
    assert.ok(item, 'File has Copy embed code...');
    await page.mouse.click(item.x + 20, item.y + item.h / 2);
    await page.waitForSelector('#embed-code[open]', { timeout: 10000 });

    // The <iframe> is on the clipboard at once: the preset, at step 10, locked, 900 x 640.
    let html = await copied(page);
    assert.match(html, /^<iframe src="[^"]*index\.html\?embed&amp;preset=s3_async_dlq&amp;step=10&amp;lock&amp;title=[^"]*" width="900" height="640" title="[^"]+" loading="lazy" style="border:0"><\/iframe>$/, html);

    // Panel, unlock, size.
    await page.selectOption('#ec-panel', 'timeline');
    await page.uncheck('#ec-lock');
    await page.fill('#ec-width', '720');
    await page.fill('#ec-height', '560');
    await page.click('#ec-copy');
    html = await copied(page);
    assert.match(html, /&amp;panel=timeline/);
    assert.doesNotMatch(html, /&amp;lock/, 'unlocked');
    assert.match(html, /width="720" height="560"/);

    // Markdown/MDX: one line of raw HTML that is valid JSX too.
    await page.selectOption('#ec-format', 'mdx');
    await page.click('#ec-copy');
    const mdx = await copied(page);
    assert.match(mdx, /^<iframe src="[^"]*\?embed&preset=s3_async_dlq&step=10&panel=timeline[^"]*" width="720" height="560" title="[^"]+" loading="lazy" frameBorder="0"><\/iframe>$/, mdx);
    assert.doesNotMatch(mdx, /style=|&amp;|\n/, 'no style string, no entities, one line');

    // reStructuredText: a raw html directive with the HTML form indented under it.
    await page.selectOption('#ec-format', 'rst');
    await page.click('#ec-copy');
    const rst = await copied(page);
    assert.match(rst, /^\.\. raw:: html\n\n {3}<iframe src="[^"]*" width="720" height="560"[^\n]*><\/iframe>\n$/, rst);

    // This scenario carried in the link instead of the preset: the fragment goes in the URL.
    await page.selectOption('#ec-scenario', 'link');
    await page.selectOption('#ec-format', 'html');
    await page.click('#ec-copy');
    const linkHtml = await copied(page);
    assert.match(linkHtml, /\?embed&amp;step=10&amp;panel=timeline[^"#]*#v1\./, linkHtml);

    // The live preview is the embed itself.
    await page.selectOption('#ec-scenario', 's3_async_dlq');
    await page.check('#ec-lock');
    // The preview follows the form after a short debounce: wait for the document loaded from the locked URL,
    // not the one still showing the unlocked choice (a fast page is ready before the debounce fires).
    await page.waitForFunction(() => {
      const f = document.getElementById('ec-preview');
      const locked = (url) => /[?&]lock(&|#|$)/.test(url || '');
      return f && locked(f.getAttribute('src')) && f.contentWindow && locked(f.contentWindow.location.href) &&
        f.contentWindow.pgReady && f.contentWindow.Module._pg_frame_count() > 3;
    }, null, { timeout: 60000 });
    const preview = await page.evaluate(() => JSON.parse(document.getElementById('ec-preview').contentWindow.Module.UTF8ToString(
      document.getElementById('ec-preview').contentWindow.Module._pg_state_json())));
    assert.equal(preview.embed, true, 'the preview is an embed');
    assert.equal(preview.locked, true, 'locked as chosen');
    assert.equal(preview.embed_panel, 'timeline');
    assert.equal(preview.step, 10, 'at the chosen step');
    await page.waitForTimeout(500);
    fs.writeFileSync(path.join(artifacts, 'embed-code-dialog.png'), await page.screenshot());

    // Space typed in the dialog does not play the app behind it.
    await page.focus('#ec-title');
    await page.keyboard.press(' ');
    await waitFrames(page, 3);
    assert.equal((await stateJson(page)).playing, false, 'typing in the dialog stays in the dialog');
    await page.click('#ec-close');
    assert.equal(await page.$('#embed-code[open]'), null, 'Close closes');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
