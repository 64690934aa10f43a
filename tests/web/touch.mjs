// Touch (issue 20) on a 390x844 phone with touch emulation (hasTouch, isMobile): a tap presses the transport's
// Play and selects a node, one finger dragged on the empty canvas pans it by exactly the drag, two fingers
// spread from 100 to 200 px apart double the canvas zoom and halve the timeline's span, a long press opens the
// canvas's context menu (what right-click opens), whose items are finger-sized and whose "Fit to view" a tap
// then chooses, and a locked embed's Play button is a finger-sized target (44 CSS px). Fingers are sent through
// the DevTools protocol (Input.dispatchTouchEvent), as a touch screen sends them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson, nodeRect, waitFrames } from './browser.mjs';

export default async function touch({ url, artifacts }) {
  const { context, close } = await launchBrowser({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);
    const cdp = await context.newCDPSession(page);
    const touchEvent = (type, points) => cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: points.map((p, i) => ({ x: p.x, y: p.y, id: p.id ?? i + 1 })) });
    // (A slow frame under load can last longer than the 500 ms long press: a tap's fingers go down and up, and a
    // drag's first move past the slop follows its touch, without waiting for a frame between them.)
    const tap = async (p) => {
      await touchEvent('touchStart', [p]);
      await touchEvent('touchEnd', []);
      await waitFrames(page, 4);
    };
    /// One finger from `a` to `b`: a quarter at once (past the 10 px slop), then six moves a frame apart.
    const drag = async (a, b) => {
      await touchEvent('touchStart', [a]);
      await touchEvent('touchMove', [{ x: a.x + (b.x - a.x) / 4, y: a.y + (b.y - a.y) / 4 }]);
      await waitFrames(page, 2);
      for (let i = 3; i <= 8; i++) {
        await touchEvent('touchMove', [{ x: a.x + ((b.x - a.x) * i) / 8, y: a.y + ((b.y - a.y) * i) / 8 }]);
        await waitFrames(page, 1);
      }
      await touchEvent('touchEnd', []);
      await waitFrames(page, 4);
    };
    /// Two fingers on a horizontal line through `c`, from `from` to `to` px apart.
    const pinch = async (c, from, to) => {
      const at = (d) => [{ x: c.x - d / 2, y: c.y, id: 1 }, { x: c.x + d / 2, y: c.y, id: 2 }];
      await touchEvent('touchStart', [at(from)[0]]);
      await touchEvent('touchStart', at(from));
      await waitFrames(page, 2);
      for (let i = 1; i <= 6; i++) {
        await touchEvent('touchMove', at(from + ((to - from) * i) / 6));
        await waitFrames(page, 1);
      }
      await touchEvent('touchEnd', [at(to)[0]]);
      await touchEvent('touchEnd', []);
      await waitFrames(page, 4);
    };

    await openApp(page, `${url}index.html`, 5);
    assert.equal(await page.evaluate(() => window.pgShell.call('pg_open_preset', 'sqs_with_redrive')), 1);
    await waitFrames(page, 4);
    await tap({ x: 5, y: 843 });  // a first touch: the app switches to finger-sized targets
    let state = await stateJson(page);
    assert.equal(state.touch_ui, true, 'a finger was seen');
    assert.ok(state.panels.Canvas.w === 390, 'the narrow layout stacks: the canvas is full width');

    // Tap: the transport's Play, then again to pause.
    const play = state.menu_items['transport:play'];
    assert.ok(play.h >= 43.5, `Play is a finger target (${play.h} px tall, 44 asked)`);
    await tap({ x: play.x + play.w / 2, y: play.y + play.h / 2 });
    state = await stateJson(page);
    if (!state.playing) fs.writeFileSync(path.join(artifacts, 'touch-fail.png'), await page.screenshot());
    assert.equal(state.playing, true, `a tap on Play plays (${JSON.stringify(play)}, ${state.status})`);
    await tap({ x: play.x + play.w / 2, y: play.y + play.h / 2 });
    assert.equal((await stateJson(page)).playing, false, 'a second tap pauses');

    // Tap: selects a node.
    const orders = await nodeRect(page, 'orders');
    await tap({ x: orders.x + orders.w / 2, y: orders.y + orders.h / 2 + 8 });
    state = await stateJson(page);
    assert.equal(state.selection.node, 'orders', 'a tap on a node selects it');
    assert.equal((await nodeRect(page, 'orders')).x, orders.x, 'a tap moves nothing');

    // One finger on the empty canvas pans the view by the drag: every node moves by (60, 40).
    const c = state.canvas_rect;
    const before = await nodeRect(page, 'orders');
    await drag({ x: c.x + 12, y: c.y + 12 }, { x: c.x + 72, y: c.y + 52 });
    const after = await nodeRect(page, 'orders');
    assert.ok(Math.abs(after.x - before.x - 60) <= 1 && Math.abs(after.y - before.y - 40) <= 1,
      `a one-finger drag pans by (60, 40): ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);

    // Pinch on the canvas: 100 px apart to 200 px apart = x2 zoom (under the 2.5 limit).
    const zoomBefore = (await stateJson(page)).canvas_zoom;
    await pinch({ x: c.x + c.w / 2, y: c.y + c.h / 2 }, 100, 200);
    state = await stateJson(page);
    assert.ok(Math.abs(state.canvas_zoom - Math.min(2.5, zoomBefore * 2)) < 0.01,
      `a pinch from 100 to 200 px doubles the zoom: ${zoomBefore} -> ${state.canvas_zoom}`);
    assert.equal(state.canvas_fit, false, 'the view is the reader\'s now');
    fs.writeFileSync(path.join(artifacts, 'touch-390x844.png'), await page.screenshot());

    // Long press on the canvas: its context menu; a tap on "Fit to view" fits again.
    assert.equal(state.menu_items['canvas-menu:Fit to view'], undefined);
    const spot = { x: c.x + 12, y: c.y + 12 };
    await touchEvent('touchStart', [spot]);
    await page.waitForTimeout(900);  // the long press is 500 ms
    await waitFrames(page, 2);
    await touchEvent('touchEnd', []);
    await waitFrames(page, 4);
    state = await stateJson(page);
    const fit = state.menu_items['canvas-menu:Fit to view'];
    assert.ok(fit, 'a long press opens the canvas context menu');
    for (const item of ['Play', 'Step one event', 'Fit to view']) {  // finger targets, like the transport's
      const r = state.menu_items[`canvas-menu:${item}`];
      assert.ok(r && r.h >= 43.5, `the context menu's ${item} is a finger target (${JSON.stringify(r)}, 44 px asked)`);
    }
    fs.writeFileSync(path.join(artifacts, 'touch-context-menu.png'), await page.screenshot());
    await tap({ x: fit.x + fit.w / 2, y: fit.y + fit.h / 2 });
    assert.equal((await stateJson(page)).canvas_fit, true, 'its Fit to view fits the scenario again');

    // Pinch on the timeline (the tabs under the canvas): 80 px apart to 160 px apart halves the span.
    await page.evaluate(() => Module._pg_show_tab(0));
    await waitFrames(page, 4);
    state = await stateJson(page);
    const area = state.menu_items['timeline:area'];  // the lanes (right of their labels)
    const spanBefore = state.timeline_span_us;
    assert.ok(spanBefore > 0 && area, 'the timeline is drawn');
    await pinch({ x: area.x + area.w * 0.7, y: area.y + area.h / 2 }, 80, 160);
    const spanAfter = (await stateJson(page)).timeline_span_us;
    assert.ok(Math.abs(spanAfter - spanBefore / 2) <= spanBefore * 0.01,
      `a pinch from 80 to 160 px halves the timeline's span: ${spanBefore} -> ${spanAfter}`);

    // A locked embed on the phone: the toolbar's Play is a finger target, and a tap plays.
    await openApp(page, `${url}index.html?embed&lock&preset=sqs_with_redrive`, 5);
    await tap({ x: 5, y: 843 });
    state = await stateJson(page);
    const embedPlay = state.menu_items['transport:play'];
    assert.ok(embedPlay.h >= 43.5 && embedPlay.w >= 44, `the embed's Play is a finger target (${JSON.stringify(embedPlay)})`);
    await tap({ x: embedPlay.x + embedPlay.w / 2, y: embedPlay.y + embedPlay.h / 2 });
    assert.equal((await stateJson(page)).playing, true, 'a tap plays the embed');
    fs.writeFileSync(path.join(artifacts, 'touch-embed-390x844.png'), await page.screenshot());
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
