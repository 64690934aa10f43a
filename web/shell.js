// Page shell: loading progress, a visible error box, and the Module object the wasm loader reads.
'use strict';
(function () {
  const loading = document.getElementById('loading');
  const progress = document.getElementById('progress');
  const statusText = document.getElementById('status');
  const errorBox = document.getElementById('error');
  const errorText = document.getElementById('error-text');
  let failed = false;

  function showError(message) {
    if (failed) return;
    failed = true;
    loading.hidden = true;
    errorText.textContent = String(message);  // text, never HTML
    errorBox.hidden = false;
  }

  window.addEventListener('error', (e) => showError(e.message || 'script error'));
  window.addEventListener('unhandledrejection', (e) => showError((e.reason && e.reason.message) || e.reason));

  const canvas = document.getElementById('canvas');
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();
    showError('The WebGL context was lost. Reload the page to continue.');
  });

  window.Module = {
    canvas,
    arguments: [location.hash.replace(/^#/, '')],
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    setStatus(text) {
      // Emscripten reports "Downloading data... (loaded/total)" while fetching the preloaded files.
      const m = /\((\d+(?:\.\d+)?)\/(\d+)\)/.exec(text || '');
      if (m) progress.style.width = Math.round((100 * Number(m[1])) / Number(m[2])) + '%';
      if (text) statusText.textContent = text.replace(/\(.*\)/, '').trim() || 'Loading…';
    },
    monitorRunDependencies(left) {
      if (left === 0) progress.style.width = '100%';
    },
    onRuntimeInitialized() {
      // links.js / embed.js: restore the autosave, open a link or an embedded preset, before the first frame.
      for (const hook of window.pgStartupHooks || []) hook();
      window.pgReady = true;
      loading.hidden = true;
      if (!new URLSearchParams(location.search).has('embed')) canvas.focus();  // an embed waits for a click
      window.dispatchEvent(new Event('pg:ready'));
    },
    onAbort(what) {
      showError('The playground stopped: ' + what);
    },
  };
  // Offline: once the app has drawn its first frames, its service worker keeps this build for reloads without a
  // network. Not earlier: installing it fetches every file again (the 2.4 MB wasm too), which competed with the
  // first frame for the network and both cores (bench/README.md: first frame).
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    let registered = false;
    const register = () => {
      if (registered) return;
      registered = true;
      navigator.serviceWorker.register('sw.js').catch((e) => console.warn('offline cache unavailable: ' + e.message));
    };
    window.addEventListener('pg:ready', () => {
      const afterFrames = () => (window.Module._pg_frame_count() >= 2 ? register() : requestAnimationFrame(afterFrames));
      requestAnimationFrame(afterFrames);
      setTimeout(register, 10000);  // a hidden tab draws no frames
    });
  }
  const script = document.createElement('script');
  script.src = 'playground.js';
  script.async = true;
  script.addEventListener('error', () => showError('Could not load playground.js from the server.'));
  document.body.appendChild(script);
})();
