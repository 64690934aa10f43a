// Links, files, clipboard and autosave for the page. The wasm module does the work (share-link codec, scenario
// validation, the messages shown to the user); this file only moves strings between it and the browser.
// Nothing received is evaluated and nothing is written into the page as HTML.
'use strict';
(function () {
  const AUTOSAVE_KEY = 'lambda-playground.autosave.v1';
  const REJECTED_KEY = 'lambda-playground.autosave.rejected';
  const MAX_FILE_BYTES = 4 * 1024 * 1024;   // the module rejects past its own 1 MiB limit, with the reason
  const AUTOSAVE_POLL_MS = 400;
  const AUTOSAVE_QUIET_MS = 600;            // saved once the scenario stopped changing for this long
  const DEFAULT_PRESET = 'sqs_no_redrive';
  const params = new URLSearchParams(location.search);
  const embed = params.has('embed');

  // ---- calling the module with strings (malloc'd: a 1 MiB scenario must not go through the stack) ----
  function cstr(text) {
    const size = Module.lengthBytesUTF8(text) + 1;
    const ptr = Module._malloc(size);
    Module.stringToUTF8(text, ptr, size);
    return ptr;
  }
  function call(name, ...args) {
    const owned = [];
    const values = args.map((a) => {
      if (typeof a !== 'string') return a;
      const p = cstr(a);
      owned.push(p);
      return p;
    });
    try {
      return Module['_' + name](...values);
    } finally {
      for (const p of owned) Module._free(p);
    }
  }
  const callString = (name, ...args) => Module.UTF8ToString(call(name, ...args));
  const state = () => JSON.parse(callString('pg_state_json'));

  // ---- clipboard ----
  function copyText(text) {
    window.pgLastCopied = text;
    const fallback = () => {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
      area.remove();
      const canvas = document.getElementById('canvas');
      if (canvas) canvas.focus();
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).catch(fallback);
    else fallback();
  }
  // Paste. The page may read the clipboard only in a 'paste' event, and the browser fires one only when the
  // Ctrl+V (Cmd+V) keydown is not prevented; SDL prevents every Ctrl key, so that keydown is kept from it here
  // (capture phase, before SDL's listener) and the paste event hands the text to ImGui with the V press.
  // A browser that fires no paste event (no permission, nothing textual) still pastes ImGui's own clipboard.
  const PASTE_WAIT_MS = 150;
  const MAX_PASTE = 1 << 20;
  let pasteTimer = 0;
  let pasteCtrlHeld = 0;
  // Hands a paste to the app; window.pgPasteCount (like pgLastCopied) tells tests it has reached the app.
  const pasteIntoApp = (text, shortcutHeld) => {
    call('pg_paste_text', text, shortcutHeld);
    window.pgPasteCount = (window.pgPasteCount || 0) + 1;
  };
  const platform = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || '';
  const IS_MAC = /Mac|iPhone|iPad|iPod/.test(platform);  // as the app decides (web_bridge.cpp js_is_mac)
  const isPageTextField = (el) => !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
  window.addEventListener('keydown', (e) => {
    if (!window.pgReady || e.altKey || !(e.ctrlKey || e.metaKey) || isPageTextField(e.target)) return;
    if (e.code !== 'KeyV' && e.key !== 'v' && e.key !== 'V') return;
    e.stopImmediatePropagation();  // not to SDL: its preventDefault would cancel the paste event
    pasteCtrlHeld = (IS_MAC ? e.metaKey : e.ctrlKey) ? 1 : 0;  // the app's shortcut key: Cmd on a Mac
    clearTimeout(pasteTimer);
    pasteTimer = setTimeout(() => {
      pasteTimer = 0;
      // no paste event came: paste what ImGui last copied (with the shortcut key pressed around V if the
      // user has let go of it by now)
      pasteIntoApp(0, shortcutDown ? 1 : 0);
    }, PASTE_WAIT_MS);
  }, true);
  let shortcutDown = false;  // the app's shortcut key (Ctrl; Cmd on a Mac) is held now
  const trackShortcut = (e) => { shortcutDown = IS_MAC ? e.metaKey : e.ctrlKey; };
  window.addEventListener('keydown', trackShortcut, true);
  window.addEventListener('keyup', trackShortcut, true);
  document.addEventListener('paste', (e) => {
    if (!window.pgReady || isPageTextField(e.target)) return;
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    e.preventDefault();
    const ctrlHeld = pasteTimer ? pasteCtrlHeld : 0;  // a paste without Ctrl+V: the browser's Edit menu
    clearTimeout(pasteTimer);
    pasteTimer = 0;
    pasteIntoApp(typeof text === 'string' ? text.slice(0, MAX_PASTE) : '', ctrlHeld);
  });

  // ---- files ----
  const fileInput = document.createElement('input');
  fileInput.type = 'file';
  fileInput.accept = '.json,.yaml,.yml,.template,application/json';  // scenarios and AWS templates
  fileInput.hidden = true;
  fileInput.addEventListener('change', () => openFile(fileInput.files && fileInput.files[0]));
  // A file dropped on the page opens as File > Open file would (a scenario, or an AWS template to import).
  window.addEventListener('dragover', (e) => { e.preventDefault(); });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    openFile(e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0]);
  });
  async function openFile(file) {
    if (!file) return;
    const source = 'the file "' + file.name.slice(0, 120) + '"';
    if (file.size > MAX_FILE_BYTES) {
      call('pg_show_notice', 'Could not open ' + source,
        'The file is ' + file.size + ' bytes; a scenario is at most 1 MiB. Your current scenario is unchanged.');
      return;
    }
    const text = await file.text();
    flushAutosave();
    call('pg_open_scenario_text', text, source);
  }

  // The browser's own download of `blob` as `name` (files, exports in tools.js).
  function downloadBlob(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
  window.pgDownloadBlob = downloadBlob;

  function saveFile(name, json) {
    window.pgLastSaved = { name, json };
    downloadBlob(new Blob([json], { type: 'application/json' }), name);
  }

  function playgroundUrl(fragment) {
    const url = new URL('index.html', location.href);
    url.search = '';
    url.hash = fragment;
    return url.href;
  }

  // ---- autosave ----
  let lastSaved = null;
  let pending = null;
  let pendingSince = 0;
  let wasAllowed = true;
  function readAutosave() {
    try { return localStorage.getItem(AUTOSAVE_KEY); } catch (e) { return null; }
  }
  function writeAutosave(json) {
    try {
      localStorage.setItem(AUTOSAVE_KEY, json);
      lastSaved = json;
      window.pgAutosaveCount = (window.pgAutosaveCount || 0) + 1;
    } catch (e) {
      console.warn('autosave failed: ' + e.message);
    }
  }
  /// Saves now when the module allows it (called before risky operations and when the page goes away).
  function flushAutosave() {
    if (embed || !window.pgReady || !Module._pg_autosave_allowed()) return;
    const json = callString('pg_scenario_json');
    if (json !== lastSaved) writeAutosave(json);
    pending = null;
  }
  function dropLinkFromUrl() {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  }
  function tick() {
    if (!window.pgReady) return;
    const name = callString('pg_scenario_name');  // not pg_state_json: that one hashes the whole trace
    document.title = (name ? name + ' · ' : '') + 'Lambda Playground';
    if (embed) return;
    const allowed = Module._pg_autosave_allowed() === 1;
    if (allowed && !wasAllowed) dropLinkFromUrl();  // the user kept the linked scenario: a reload restores it
    wasAllowed = allowed;
    if (!allowed) return;
    const json = callString('pg_scenario_json');
    const now = performance.now();
    if (json === lastSaved) {
      pending = null;
    } else if (json !== pending) {
      pending = json;
      pendingSince = now;
    } else if (now - pendingSince >= AUTOSAVE_QUIET_MS) {
      writeAutosave(json);
      pending = null;
    }
  }
  window.addEventListener('pagehide', flushAutosave);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flushAutosave(); });

  function openLink(fragment) {
    flushAutosave();
    const ok = call('pg_open_link', fragment) === 1;
    wasAllowed = Module._pg_autosave_allowed() === 1;
    return ok;
  }
  window.addEventListener('hashchange', () => {
    const fragment = location.hash.replace(/^#/, '');
    if (window.pgReady && fragment && !embed) openLink(fragment);
  });

  // ---- requests from the module (a fixed list of verbs, spelled in src/ui/share_state.hpp shellVerbName) ----
  const handlers = {
    'copy-link': (fragment) => copyText(playgroundUrl(fragment)),
    'save-file': (name, json) => saveFile(name, json),
    'open-file': () => { fileInput.value = ''; fileInput.click(); },
    'open-in-playground': (fragment) => {
      window.pgLastOpened = playgroundUrl(fragment);
      window.open(window.pgLastOpened, '_blank', 'noopener');
    },
    'open-page': (page) => {  // Help: a page shipped next to the app (docs/, notices/), in a new tab
      window.pgLastOpened = new URL(page, window.location.href).href;
      window.open(window.pgLastOpened, '_blank', 'noopener');
    },
    'restore-autosave': () => {
      dropLinkFromUrl();
      const saved = readAutosave();
      if (saved) call('pg_open_scenario_text', saved, 'your autosaved work');
      else call('pg_open_preset', DEFAULT_PRESET);
    },
  };
  window.pgShell = {
    request(verb, a, b) {
      if (Object.prototype.hasOwnProperty.call(handlers, verb)) handlers[verb](a, b);
      // tools.js, embed_code.js: exports, recording, the embed-code dialog
      else if (window.pgToolHandlers && Object.prototype.hasOwnProperty.call(window.pgToolHandlers, verb)) window.pgToolHandlers[verb](a, b);
    },
    copyText,
    call,
    callString,
    state,
  };

  /// Called by shell.js once the runtime is up, before the first frame: autosave, then a link (which wins).
  window.pgStartupHooks = window.pgStartupHooks || [];
  window.pgStartupHooks.push(() => {
    document.body.appendChild(fileInput);
    if (embed) return;  // embed.js opens the embedded scenario; an embed never touches the autosave
    const saved = readAutosave();
    lastSaved = saved;
    if (saved && call('pg_open_scenario_text', saved, 'your autosaved work') !== 1) {
      try { localStorage.setItem(REJECTED_KEY, saved); } catch (e) { /* kept in memory only */ }
    }
    const fragment = location.hash.replace(/^#/, '');
    if (fragment) openLink(fragment);
    setInterval(tick, AUTOSAVE_POLL_MS);
  });
  window.pgStartupHooks.push(() => {
    if (embed) setInterval(tick, 1000);  // title only
  });
})();
