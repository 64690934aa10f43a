// The page's side of a sweep (issue 18, docs/sweeps.md): the app (src/ui/panels/sweep_window.cpp) hands over
// the cells' scenarios; they run in as many Web Workers as the browser reports cores, each its own
// sweep_engine.wasm, and every finished row goes back to the app (_pg_sweep_row). The main thread only draws.
'use strict';
(function () {
  let workers = [];
  let generation = 0;
  const stats = { started: 0, finished: 0, workers: 0, ms: 0 };

  function stop() {
    for (const w of workers) w.terminate();
    workers = [];
  }

  function deliver(index, row, gen) {
    if (gen !== generation || !window.Module || !Module._pg_sweep_row) return;
    const size = Module.lengthBytesUTF8(row) + 1;
    const ptr = Module._malloc(size);
    Module.stringToUTF8(row, ptr, size);
    Module._pg_sweep_row(index, ptr, gen);
    Module._free(ptr);
  }

  // cells: scenario JSON texts, in run order. maxWorkers (optional, tests and the bench) caps the pool.
  function start(cells, gen, maxWorkers) {
    stop();
    generation = gen;
    const cores = Math.max(1, navigator.hardwareConcurrency || 1);
    const count = Math.max(1, Math.min(cells.length, maxWorkers || window.pgSweepMaxWorkers || cores));
    let next = 0;
    const began = performance.now();
    Object.assign(stats, { started: cells.length, finished: 0, workers: count, ms: 0 });
    for (let i = 0; i < count; ++i) {
      const w = new Worker('sweep_worker.js');
      const feed = () => {
        if (next < cells.length) { const index = next++; w.postMessage({ index, scenario: cells[index] }); }
      };
      w.onmessage = (e) => {
        stats.finished += 1;
        if (stats.finished === cells.length) stats.ms = performance.now() - began;
        deliver(e.data.index, e.data.row, gen);
        feed();
      };
      w.onerror = (e) => deliver(-1, JSON.stringify({ error: String(e.message || 'worker failed') }), gen);
      workers.push(w);
      feed();
    }
  }

  window.pgSweep = { start, cancel: stop, stats };
})();
