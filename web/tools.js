// Tools a documentation author or a presenter uses (issue 20): the canvas, the timeline or the whole page as
// PNG at the screen's device pixels, a run recorded as WebM by the browser's MediaRecorder, the trace as JSON
// Lines (the command line's writer, src/scenario/trace_jsonl.cpp), and File > Copy embed code (embed_code.js).
// The module asks for them through the shell verbs (src/ui/share_state.hpp); links.js dispatches them here.
'use strict';
(function () {
  const canvas = () => document.getElementById('canvas');
  const shell = () => window.pgShell;

  /// Runs `fn` right after the module's next frame is drawn, while WebGL's drawing buffer still holds it
  /// (the context does not preserve it past the frame).
  function afterNextFrame(fn) {
    return new Promise((resolve, reject) => {
      const previous = Module.postMainLoop;
      Module.postMainLoop = () => {
        Module.postMainLoop = previous;
        if (previous) previous();
        try { resolve(fn()); } catch (e) { reject(e); }
      };
    });
  }

  /// The rectangle (CSS pixels) a PNG export covers: 'canvas', 'timeline' (the bottom panel, timeline tab)
  /// or 'page'.
  function cssRect(target) {
    const state = shell().state();
    const c = canvas();
    if (target === 'canvas') return state.canvas_rect;
    if (target === 'timeline' && state.panels && state.panels.Details) return state.panels.Details;
    return { x: 0, y: 0, w: c.clientWidth, h: c.clientHeight };
  }

  /// A PNG of `target`, in device pixels (the backing store is CSS size x devicePixelRatio).
  async function png(target) {
    if (target === 'timeline') {
      shell().call('pg_show_tab', 0);
      await afterNextFrame(() => 0);
      await afterNextFrame(() => 0);
    }
    const out = await afterNextFrame(() => {
      const c = canvas();
      const r = cssRect(target);
      const ratio = c.width / c.clientWidth;
      const sx = Math.round(r.x * ratio), sy = Math.round(r.y * ratio);
      const w = Math.max(1, Math.round(r.w * ratio)), h = Math.max(1, Math.round(r.h * ratio));
      const copy = document.createElement('canvas');
      copy.width = w;
      copy.height = h;
      copy.getContext('2d').drawImage(c, sx, sy, w, h, 0, 0, w, h);
      return copy;
    });
    return new Promise((resolve) => out.toBlob(resolve, 'image/png'));
  }

  function download(blob, name) {
    window.pgLastExport = { name, type: blob.type, size: blob.size, blob };
    window.pgDownloadBlob(blob, name);  // links.js
  }

  function baseName() {
    const name = (shell().state().scenario || 'scenario').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return name || 'scenario';
  }

  // ---- video: MediaRecorder over a 2D copy of each frame (no dependency). The copy is made right after the
  // module draws (the WebGL canvas keeps no frame past that, and a stream of it can stay empty). ----
  let recorder = null;
  let chunks = [];
  let mirror = null;
  function copyFrame() {
    const c = canvas();
    if (!mirror) return;
    if (mirror.width !== c.width || mirror.height !== c.height) { mirror.width = c.width; mirror.height = c.height; }
    mirror.getContext('2d').drawImage(c, 0, 0);
    if (mirror.pgTrack && mirror.pgTrack.requestFrame) mirror.pgTrack.requestFrame();  // one video frame per app frame
  }
  function startRecording() {
    if (recorder) return false;
    if (typeof MediaRecorder === 'undefined' || !HTMLCanvasElement.prototype.captureStream) {
      shell().call('pg_show_notice', 'Recording unavailable', 'This browser cannot record the canvas (MediaRecorder).');
      return false;
    }
    const type = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t));
    chunks = [];
    mirror = document.createElement('canvas');
    copyFrame();
    const previous = Module.postMainLoop;
    Module.postMainLoop = () => { if (previous) previous(); copyFrame(); };
    mirror.pgRestore = () => { Module.postMainLoop = previous; };
    mirror.className = 'recording-mirror';  // in the document (off screen): some browsers stream only those
    document.body.appendChild(mirror);
    const stream = mirror.captureStream(0);
    mirror.pgTrack = stream.getVideoTracks()[0];
    recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
    recorder.ondataavailable = (e) => { if (e.data && e.data.size) chunks.push(e.data); };
    recorder.start(250);
    window.pgRecording = true;
    return true;
  }
  function stopRecording() {
    return new Promise((resolve) => {
      if (!recorder) { resolve(null); return; }
      const r = recorder;
      r.onstop = () => {
        recorder = null;
        mirror.pgRestore();
        mirror.remove();
        mirror = null;
        window.pgRecording = false;
        resolve(new Blob(chunks, { type: 'video/webm' }));
      };
      r.stop();
    });
  }

  const traceJsonl = () => shell().callString('pg_trace_jsonl');

  window.pgTools = { png, startRecording, stopRecording, traceJsonl, download };
  // The shell verbs (src/ui/share_state.hpp shellVerbName) this file answers.
  window.pgToolHandlers = Object.assign(window.pgToolHandlers || {}, {
    'export-png': async (target) => download(await png(target), `${baseName()}-${target}.png`),
    'record-video': async () => {
      if (!recorder) { startRecording(); return; }
      const blob = await stopRecording();
      if (blob) download(blob, `${baseName()}.webm`);
    },
    'export-trace': () => download(new Blob([traceJsonl()], { type: 'application/x-ndjson' }), `${baseName()}-trace.jsonl`),
  });
})();
