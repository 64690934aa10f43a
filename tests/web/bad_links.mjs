// Broken links never cost the user's work: with an edited scenario autosaved, five bad links (truncated, a
// newer format, not base64, valid base64 of invalid JSON, a huge scenario) each show a message in the app and
// leave both the open scenario and the autosave untouched. A good link is not autosaved until the user keeps it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launchBrowser, watchConsole, openApp, stateJson } from './browser.mjs';

const KEY = 'lambda-playground.autosave.v1';
const b64url = (buf) => Buffer.from(buf).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const deflate = (text) => zlib.deflateRawSync(Buffer.from(text), { level: 9 });
const scenarioJson = (page) => page.evaluate(() => Module.UTF8ToString(Module._pg_scenario_json()));
const autosaved = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);

async function waitForAutosave(page, expected) {
  await page.waitForFunction(([k, e]) => localStorage.getItem(k) === e, [KEY, expected], { timeout: 10000 });
}

export default async function badLinks({ url, artifacts }) {
  const { context, close } = await launchBrowser();
  try {
    // 1. The user's work: a preset with an edit (a node moved), autosaved.
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, url, 5);
    await page.evaluate(() => window.pgShell.call('pg_open_preset', 'sqs_with_redrive'));
    const edited = JSON.parse(await scenarioJson(page));
    edited.name = 'My edited queue <b>not bold</b>';
    edited.nodes[0].position = [111, 222];
    assert.equal(await page.evaluate((t) => window.pgShell.call('pg_open_scenario_text', t, 'test'), JSON.stringify(edited)), 1);
    const work = await scenarioJson(page);
    await waitForAutosave(page, work);
    const good = await page.evaluate(() => Module.UTF8ToString(Module._pg_share_fragment(0)));
    await page.close();

    // 2. Five broken links, each in a fresh page of the same browser (same localStorage).
    const hugeJson = JSON.stringify({ version: 1, name: 'huge', description: 'x'.repeat(3 << 20) });
    const bad = {
      truncated: good.slice(0, Math.floor(good.length / 2)),
      'newer version': 'v2.' + good.slice(3),
      'not base64': 'v1.' + 'this is *not* base64!!',
      'invalid JSON': 'v1.' + b64url(deflate('{"version": 1, "name": "oops", nodes: [')),
      huge: 'v1.' + b64url(deflate(hugeJson)),
    };
    for (const [what, fragment] of Object.entries(bad)) {
      const p = await context.newPage();
      const errs = watchConsole(p);
      await openApp(p, url + '#' + fragment, 5);
      const s = await stateJson(p);
      assert.ok(s.notice && s.notice.title && s.notice.text, `${what}: a message is shown (${JSON.stringify(s.notice)})`);
      console.log(`${what} (${fragment.length} chars): ${s.notice.title}: ${s.notice.text.split('\n')[0]}`);
      assert.equal(await scenarioJson(p), work, `${what}: the autosaved work is what is open`);
      await p.waitForTimeout(1200);  // longer than the autosave's quiet period
      assert.equal(await autosaved(p), work, `${what}: the autosave is intact`);
      if (what === 'truncated') fs.writeFileSync(path.join(artifacts, 'bad-link-message.png'), await p.screenshot());
      assert.deepEqual(errs, [], `${what}: no console errors`);
      await p.close();
    }

    // 3. A good link of another scenario opens, but the autosave keeps the user's work until they keep it.
    const other = await context.newPage();
    await openApp(other, url, 5);
    const otherLink = await other.evaluate(() => {
      window.pgShell.call('pg_open_preset', 's3_async_dlq');
      return Module.UTF8ToString(Module._pg_share_fragment(0));
    });
    await other.close();
    // (opening the preset above was a user action in that page: it became the autosave; put the work back)
    const restore = await context.newPage();
    await openApp(restore, url, 5);
    await restore.evaluate((t) => window.pgShell.call('pg_open_scenario_text', t, 'test'), work);
    await waitForAutosave(restore, work);
    await restore.close();

    const linked = await context.newPage();
    const linkedErrors = watchConsole(linked);
    await openApp(linked, url + '#' + otherLink, 5);
    let s = await stateJson(linked);
    assert.equal(s.scenario, 'S3 event retried into a DLQ', 'the link opened');
    assert.equal(s.link_held, true, 'held');
    await linked.waitForTimeout(1200);
    assert.equal(await autosaved(linked), work, 'an unkept link never overwrites the autosave');
    fs.writeFileSync(path.join(artifacts, 'link-banner.png'), await linked.screenshot());
    // The user edits it (here: opens a preset, a command with undo): now it is theirs and gets autosaved.
    await linked.evaluate(() => window.pgShell.call('pg_open_preset', 'sqs_no_redrive'));
    const kept = await scenarioJson(linked);
    await waitForAutosave(linked, kept);
    s = await stateJson(linked);
    assert.equal(s.link_held, false, 'released after an edit');
    assert.equal(new URL(linked.url()).hash, '', 'the link left the address bar, so a reload restores the autosave');
    // An HTML-looking name stays text: the title shows it literally.
    await linked.evaluate((t) => window.pgShell.call('pg_open_scenario_text', t, 'test'), work);
    await linked.waitForFunction(() => document.title.includes('<b>not bold</b>'), null, { timeout: 5000 });
    assert.deepEqual(linkedErrors, [], 'no console errors');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
