// Fidelity reference test (issue 20): the build publishes docs/fidelity.md as docs/fidelity.html next to the
// app; clicking an inspector source badge ("[documented] FIDELITY 6.2, SQS-VIS") opens that page at the badge's
// entry (window.pgLastOpened, set by web/links.js 'open-page'), and the entry exists on the served page.
// Screenshot of the published page at an entry: tests/web/artifacts/fidelity-page.png (look at it).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson, waitFrames } from './browser.mjs';

export default async function fidelity({ url, dist, artifacts }) {
  assert.ok(fs.existsSync(path.join(dist, 'docs', 'fidelity.html')), 'the build wrote dist/docs/fidelity.html');
  const { context, close } = await launchBrowser({ deviceScaleFactor: 1, viewport: { width: 1366, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, url, 5);
    // The default scenario's queue: its settings are documented (FIDELITY 6.2 and SQS keys).
    await page.evaluate(() => Module.ccall('pg_select', 'number', ['string'], ['orders']));
    await waitFrames(page, 4);
    const state = await stateJson(page);
    const visible = Object.entries(state.badges).filter(([, r]) => r.y > 0 && r.y + r.h < 880 && r.w > 0)
      .sort((a, b) => a[1].y - b[1].y);
    assert.ok(visible.length > 0, 'the inspector draws source badges for the queue');
    const served = await page.evaluate(async () => (await fetch('docs/fidelity.html')).text());
    for (const [key, r] of visible.slice(0, 2)) {
      const x = r.x + Math.min(r.w - 2, 40), y = r.y + r.h / 2;
      await page.mouse.move(x, y);
      await waitFrames(page, 3);
      // press and release on separate frames, as a hand would (ImGui reads the click on the hovered badge)
      await page.mouse.down();
      await waitFrames(page, 2);
      await page.mouse.up();
      await page.waitForFunction(() => window.pgLastOpened, null, { timeout: 10000 })
        .catch(() => assert.fail(`clicking the ${key} badge opened nothing`));
      const opened = await page.evaluate(() => window.pgLastOpened);
      const m = /\/docs\/fidelity\.html#((fidelity|src|mc)-[a-z0-9_-]+)$/.exec(opened || '');
      assert.ok(m, `the ${key} badge opens the fidelity reference at an entry (got ${opened})`);
      assert.ok(served.includes(`id="${m[1]}"`), `the served page has the entry #${m[1]} (${key})`);
      await page.evaluate(() => { window.pgLastOpened = undefined; });
      // the entry opened in a new tab: close it and come back, so the app keeps drawing frames
      for (const other of context.pages()) if (other !== page) await other.close();
      await page.bringToFront();
      await waitFrames(page, 3);
    }
    // The published page itself, scrolled to an SQS entry by its anchor.
    const doc = await context.newPage();
    await doc.goto(`${url}docs/fidelity.html#fidelity-6-2`);
    const target = await doc.evaluate(() => document.querySelector(':target')?.id);
    assert.equal(target, 'fidelity-6-2', 'the anchor resolves on the published page');
    assert.ok(await doc.evaluate(() => document.styleSheets.length > 0 &&
      getComputedStyle(document.documentElement).backgroundColor === 'rgb(18, 20, 23)'), 'styled with docs.css');
    fs.writeFileSync(path.join(artifacts, 'fidelity-page.png'), await doc.screenshot());
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
