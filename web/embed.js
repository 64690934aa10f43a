// Embed mode (?embed) and its postMessage API, version 1.
//
// URL parameters: embed, preset=NAME (a file stem of assets/scenarios) or a share link in the fragment,
// autoplay, speed=N (virtual seconds per wall second), step=N (open at that step), panel=timeline|journey|
// metrics|log|warnings|compare, title=TEXT, allow=ORIGIN[,ORIGIN] (extra origins whose messages are accepted), lock
// (read-only: play, step, scrub and inspect, no edits), compare (A beside the preset's fix as B) or compare=NAME
// (B is preset NAME); a link holding "compare_b" opens as a comparison by itself.
//
// Messages in (from the embedding page only): {type: "pg:play"|"pg:pause"|"pg:step"|"pg:load"|"pg:get-state", v: 1}
//   pg:step  {count: 1..10000}            pg:load  {scenario: "<JSON text>"} or {link: "v1...."}
// Messages out (to the embedding page's origin, never "*"): {type: "pg:state", v: 1, scenario, step, time_us,
//   playing, idle, invocations, items}, {type: "pg:loaded", v: 1, ok, error} and {type: "pg:error", v: 1, error}.
// Accepted only when the sender is the parent window and its origin is this page's own, the embedding page's
// (document.referrer) or listed in `allow`. Payloads are read as plain strings and numbers; nothing is evaluated.
'use strict';
(function () {
  const params = new URLSearchParams(location.search);
  if (!params.has('embed')) return;
  document.documentElement.classList.add('embed');

  const API_VERSION = 1;
  const MAX_TEXT = 1 << 20;  // 1 MiB: the largest scenario or link a message may carry
  const MAX_STEP = 10000;
  const PANELS = ['timeline', 'journey', 'metrics', 'log', 'warnings', 'compare'];
  const flag = (name) => params.has(name) && !/^(0|false|no|off)$/i.test(params.get(name));

  const allowed = new Set([location.origin]);
  let parentOrigin = null;
  function originOf(text) {
    try {
      const o = new URL(text).origin;
      return o && o !== 'null' ? o : null;
    } catch (e) {
      return null;
    }
  }
  if (document.referrer) {
    const o = originOf(document.referrer);
    if (o) {
      allowed.add(o);
      parentOrigin = o;
    }
  }
  for (const entry of (params.get('allow') || '').split(',')) {
    const o = originOf(entry.trim());
    if (o) allowed.add(o);
  }
  const embedded = window.parent !== window;
  window.pgEmbed = { allowed: [...allowed], accepted: 0, ignored: 0 };

  function post(message) {
    if (!embedded || !parentOrigin) return;
    window.parent.postMessage(message, parentOrigin);
  }

  let lastKey = '';
  function sendState(force) {
    if (!window.pgReady || !embedded) return;
    // The embed's own few fields, not pg_state_json: that one grows with the run (it hashes the trace and lists
    // a cost point per virtual second), and this runs four times a second.
    const s = JSON.parse(window.pgShell.callString('pg_embed_state'));
    const key = [s.scenario, s.step, s.playing, s.idle].join('|');
    if (!force && key === lastKey) return;
    lastKey = key;
    post({
      type: 'pg:state', v: API_VERSION, scenario: s.scenario, step: s.step, time_us: s.time_us,
      playing: s.playing, idle: s.idle, invocations: s.invocations, items: s.items, notice: s.notice,
    });
  }

  function load(data) {
    const shell = window.pgShell;
    let ok = false;
    if (typeof data.scenario === 'string') ok = shell.call('pg_open_scenario_text', data.scenario, 'the scenario sent by the page') === 1;
    else if (typeof data.link === 'string') ok = shell.call('pg_open_link', data.link.replace(/^.*#/, '')) === 1;
    else return post({ type: 'pg:error', v: API_VERSION, error: 'pg:load needs a "scenario" (JSON text) or a "link" string' });
    const s = shell.state();
    post({ type: 'pg:loaded', v: API_VERSION, ok, error: ok ? null : (s.notice ? s.notice.text : 'rejected') });
  }

  window.addEventListener('message', (e) => {
    if (!embedded || e.source !== window.parent || !allowed.has(e.origin)) {
      window.pgEmbed.ignored++;
      return;  // not from the embedding page: ignored without a reply
    }
    const d = e.data;
    if (!d || typeof d !== 'object' || Array.isArray(d) || typeof d.type !== 'string' || !d.type.startsWith('pg:')) return;
    if (!parentOrigin) parentOrigin = e.origin;
    if (d.v !== API_VERSION) {
      post({ type: 'pg:error', v: API_VERSION, error: 'unsupported API version; this playground speaks v' + API_VERSION });
      return;
    }
    if (!window.pgReady) {
      post({ type: 'pg:error', v: API_VERSION, error: 'not ready yet' });
      return;
    }
    if ((typeof d.scenario === 'string' && d.scenario.length > MAX_TEXT) ||
        (typeof d.link === 'string' && d.link.length > MAX_TEXT)) {
      post({ type: 'pg:error', v: API_VERSION, error: 'message too large (limit ' + MAX_TEXT + ' characters)' });
      return;
    }
    window.pgEmbed.accepted++;
    switch (d.type) {
      case 'pg:play': Module._pg_set_playing(1); break;
      case 'pg:pause': Module._pg_set_playing(0); break;
      case 'pg:step': {
        const n = Number.isInteger(d.count) ? Math.min(Math.max(d.count, 1), MAX_STEP) : 1;
        Module._pg_step(n);
        break;
      }
      case 'pg:load': load(d); break;
      case 'pg:get-state': break;
      default:
        post({ type: 'pg:error', v: API_VERSION, error: 'unknown message type' });
        return;
    }
    sendState(true);
  });

  window.pgStartupHooks = window.pgStartupHooks || [];
  window.pgStartupHooks.push(() => {
    const shell = window.pgShell;
    const panel = PANELS.indexOf(params.get('panel') || '');
    shell.call('pg_set_embed', panel, (params.get('title') || '').slice(0, 120));
    const fragment = location.hash.replace(/^#/, '');
    const preset = params.get('preset') || '';
    let linkHasStep = false;
    if (fragment) {
      shell.call('pg_open_link', fragment);
      linkHasStep = /&step=/.test(fragment);
    } else if (/^[a-z0-9_]{1,64}$/.test(preset)) {
      if (shell.call('pg_open_preset', preset) !== 1)
        shell.call('pg_show_notice', 'Unknown preset', 'There is no preset named "' + preset + '".');
    }
    if (params.has('compare')) {  // A beside B: the preset's own fix, or another preset
      const other = params.get('compare') || '';
      const ok = /^[a-z0-9_]{1,64}$/.test(other) ? shell.call('pg_compare', 5, other) : shell.call('pg_compare', 2, '');
      if (ok !== 1) shell.call('pg_show_notice', 'Nothing to compare', other
        ? 'There is no preset named "' + other + '" to compare with.'
        : 'This scenario carries no fix to compare with (compare=NAME names a preset to compare with).');
    }
    const step = Number(params.get('step'));
    if (!linkHasStep && Number.isInteger(step) && step > 0) Module._pg_step(Math.min(step, 1000000));
    const speed = Number(params.get('speed'));
    if (params.has('speed') && Number.isFinite(speed) && speed > 0) Module._pg_set_speed(Math.min(speed, 100000));
    if (flag('lock')) Module._pg_set_locked(1);  // after the scenario is open: readers cannot edit it
    if (flag('autoplay')) Module._pg_set_playing(1);
    // Keyboard focus stays with the page until the reader clicks into the embed.
    const canvas = document.getElementById('canvas');
    canvas.addEventListener('pointerdown', () => canvas.focus());
    setInterval(() => sendState(false), 250);
  });
  window.addEventListener('pg:ready', () => sendState(true));
})();
