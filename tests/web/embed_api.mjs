// The embed's postMessage API (web/embed.js) driven from a page of another origin (a second server on another
// port) and from the same origin. Other origins are ignored unless the embed allows them (`allow=` or the
// embedding page's referrer); accepted messages play, pause, step and load; oversized, wrong-version and
// malformed messages get an error reply; loaded text is never evaluated or turned into HTML.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './static_server.mjs';
import { launchBrowser, watchConsole } from './browser.mjs';

const HOST_PAGE = `<!doctype html><meta charset="utf-8"><title>embedding page</title><link rel="icon" href="data:,">
<script>
  window.received = [];
  addEventListener('message', (e) => { if (e.source === document.getElementById('f').contentWindow) received.push({ origin: e.origin, data: e.data }); });
</script>
<iframe id="f" width="900" height="560" title="embed"></iframe>
<script>
  const q = new URLSearchParams(location.search);
  const f = document.getElementById('f');
  if (q.get('noref')) f.referrerPolicy = 'no-referrer';
  f.src = q.get('src');
</script>`;

const embedState = (frame) => frame.evaluate(() => JSON.parse(Module.UTF8ToString(Module._pg_state_json())));

async function openHost(context, hostUrl, appUrl, { noref, allow } = {}) {
  const src = appUrl + 'index.html?embed&preset=sqs_with_redrive' + (allow ? '&allow=' + encodeURIComponent(allow) : '');
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(hostUrl + 'host.html?src=' + encodeURIComponent(src) + (noref ? '&noref=1' : ''));
  const frame = await (await page.$('#f')).contentFrame();
  await frame.waitForFunction(() => window.pgReady && Module._pg_frame_count() >= 3, null, { timeout: 60000 });
  const send = (msg) => page.evaluate((m) => document.getElementById('f').contentWindow.postMessage(m, '*'), msg);
  const received = () => page.evaluate(() => window.received.map((r) => ({ origin: r.origin, ...r.data })));
  return { page, frame, send, received, errors };
}

export default async function embedApi({ url, artifacts }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-host-'));
  fs.writeFileSync(path.join(dir, 'host.html'), HOST_PAGE);
  const other = await startServer(dir);  // another port: another origin
  const otherOrigin = new URL(other.url).origin;
  const appOrigin = new URL(url).origin;
  assert.notEqual(otherOrigin, appOrigin);
  const { context, close } = await launchBrowser({ viewport: { width: 1000, height: 700 } });
  let dialogs = 0;
  context.on('page', (p) => p.on('dialog', (d) => { dialogs++; d.dismiss(); }));
  try {
    // 1. Another origin that the embed does not know (no referrer, no allow list): ignored, no reply.
    {
      const h = await openHost(context, other.url, url, { noref: true });
      h.page.on('dialog', (d) => { dialogs++; d.dismiss(); });
      await h.send({ type: 'pg:step', v: 1, count: 5 });
      await h.send({ type: 'pg:play', v: 1 });
      await h.page.waitForTimeout(800);
      const s = await embedState(h.frame);
      assert.equal(s.step, 0, 'not stepped');
      assert.equal(s.playing, false, 'not playing');
      assert.ok((await h.frame.evaluate(() => window.pgEmbed.ignored)) >= 2, 'counted as ignored');
      assert.deepEqual((await h.received()).filter((m) => m.type && m.type.startsWith('pg:')), [], 'no reply to a stranger');
      assert.deepEqual(h.errors, [], 'no console errors');
      await h.page.close();
    }
    // 2. The same origin, allowed by the embed's allow list: every verb works and state events come back.
    {
      const h = await openHost(context, other.url, url, { noref: true, allow: otherOrigin });
      h.page.on('dialog', (d) => { dialogs++; d.dismiss(); });
      await h.send({ type: 'pg:step', v: 1, count: 5 });
      await h.page.waitForFunction(() => window.received.some((r) => r.data.type === 'pg:state' && r.data.step === 5));
      assert.equal((await embedState(h.frame)).step, 5, 'stepped 5 events');
      let msgs = await h.received();
      assert.ok(msgs.every((m) => m.origin === appOrigin && m.v === 1), 'replies come from the embed, versioned');
      await h.send({ type: 'pg:play', v: 1 });
      await h.frame.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._pg_state_json())).playing);
      await h.send({ type: 'pg:pause', v: 1 });
      await h.frame.waitForFunction(() => !JSON.parse(Module.UTF8ToString(Module._pg_state_json())).playing);
      // pg:state is built from pg_embed_state (its cost does not grow with the run): the same values as the
      // whole state's, and the last message posted carries them.
      await h.send({ type: 'pg:get-state', v: 1 });
      await h.page.waitForFunction(() => window.received.some((r) => r.data.type === 'pg:state' && !r.data.playing));
      const [light, full] = await h.frame.evaluate(() => [Module._pg_embed_state(), Module._pg_state_json()]
        .map((p) => JSON.parse(Module.UTF8ToString(p))));
      assert.ok(full.invocations > 0 && full.step > 5, `played some events: ${full.step} steps`);
      assert.deepEqual(light, {
        scenario: full.scenario, step: full.step, time_us: full.time_us, playing: full.playing, idle: full.idle,
        invocations: full.invocations, items: full.items.total, notice: full.notice ? full.notice.title : null,
      }, 'pg_embed_state equals the matching fields of pg_state_json');
      const posted = (await h.received()).filter((m) => m.type === 'pg:state').at(-1);
      assert.deepEqual({ ...posted, origin: undefined, type: undefined, v: undefined },
        { ...light, origin: undefined, type: undefined, v: undefined }, 'the last pg:state carries those values');

      // Load a scenario whose name looks like HTML and script: it stays text.
      const scenario = JSON.parse(fs.readFileSync(new URL('../../assets/scenarios/s3_async_dlq.json', import.meta.url), 'utf8'));
      scenario.name = '<img src=x onerror=alert(1)> ${alert(2)}';
      await h.send({ type: 'pg:load', v: 1, scenario: JSON.stringify(scenario) });
      await h.page.waitForFunction(() => window.received.some((r) => r.data.type === 'pg:loaded'));
      msgs = await h.received();
      assert.deepEqual(msgs.find((m) => m.type === 'pg:loaded').ok, true, 'loaded');
      assert.equal((await embedState(h.frame)).scenario, scenario.name, 'the name is kept as text');
      await h.frame.waitForFunction((n) => document.title.startsWith(n), scenario.name, { timeout: 5000 });
      assert.equal(await h.frame.evaluate(() => document.querySelectorAll('img').length), 0, 'no element was injected');

      // Invalid scenario: rejected with the reason, the loaded one kept.
      await h.send({ type: 'pg:load', v: 1, scenario: '{"version": 1, "nodes": "nope"}' });
      await h.page.waitForFunction(() => window.received.filter((r) => r.data.type === 'pg:loaded').length >= 2);
      msgs = await h.received();
      const rejected = msgs.filter((m) => m.type === 'pg:loaded')[1];
      assert.equal(rejected.ok, false, 'invalid scenario rejected');
      assert.match(rejected.error, /nodes/, 'the reason names the JSON path');
      assert.equal((await embedState(h.frame)).scenario, scenario.name, 'previous scenario kept');
      await h.frame.evaluate(() => { /* dismiss the message */ });

      // Too large, wrong version, unknown verb, not an object: error replies (or silence), nothing changes.
      await h.send({ type: 'pg:load', v: 1, scenario: 'x'.repeat((1 << 20) + 1) });
      await h.send({ type: 'pg:play', v: 2 });
      await h.send({ type: 'pg:eval', v: 1, code: 'alert(3)' });
      await h.send('pg:play');
      await h.page.waitForFunction(() => window.received.filter((r) => r.data.type === 'pg:error').length >= 3);
      const errorsOut = (await h.received()).filter((m) => m.type === 'pg:error').map((m) => m.error);
      assert.ok(errorsOut.some((e) => /too large/.test(e)), `size cap: ${errorsOut}`);
      assert.ok(errorsOut.some((e) => /version/.test(e)), 'version check');
      assert.ok(errorsOut.some((e) => /unknown/.test(e)), 'unknown verb');
      const s = await embedState(h.frame);
      assert.equal(s.playing, false, 'nothing started playing');
      fs.writeFileSync(path.join(artifacts, 'embed-api-cross-origin.png'), await h.page.screenshot());
      assert.deepEqual(h.errors, [], 'no console errors');
      await h.page.close();
    }
    // 3. Another origin that embeds with its referrer: the embedding page's origin is accepted.
    {
      const h = await openHost(context, other.url, url, {});
      await h.send({ type: 'pg:step', v: 1, count: 3 });
      await h.page.waitForFunction(() => window.received.some((r) => r.data.type === 'pg:state' && r.data.step === 3));
      assert.deepEqual(h.errors, [], 'no console errors');
      await h.page.close();
    }
    // 4. The same origin: the docs page drives its first embed.
    {
      const page = await context.newPage();
      const errors = watchConsole(page);
      await page.goto(url + 'docs/invocation-modes.html');
      const frame = await (await page.$('iframe.embed')).contentFrame();
      await frame.waitForFunction(() => window.pgReady && Module._pg_frame_count() >= 3, null, { timeout: 60000 });
      await page.evaluate(() => {
        window.got = [];
        const f = document.querySelector('iframe.embed');
        addEventListener('message', (e) => { if (e.source === f.contentWindow) window.got.push(e.data); });
        f.contentWindow.postMessage({ type: 'pg:pause', v: 1 }, '*');
        f.contentWindow.postMessage({ type: 'pg:step', v: 1, count: 2 }, '*');
      });
      await page.waitForFunction(() => window.got.some((m) => m.type === 'pg:state' && m.playing === false));
      assert.equal((await embedState(frame)).playing, false, 'paused from the same origin');
      assert.deepEqual(errors, [], 'no console errors');
      await page.close();
    }
    assert.equal(dialogs, 0, 'nothing was evaluated (no dialogs)');
  } finally {
    await close();
    other.server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
