// The page's side of a sweep (issue 18, docs/sweeps.md): the app (src/ui/panels/sweep_window.cpp) hands over
// the cells' scenarios; they run in as many Web Workers as the browser reports cores, each its own
// sweep_engine.wasm, and every finished row goes back to the app (_pg_sweep_row). The main thread only draws.
//
// Workers outlive a sweep, and the Sweep window has them started when it opens (prepare): a new worker fetches
// and compiles sweep_engine.wasm and runs its first cells on V8's baseline code (its first row came 350-650 ms
// after it was made, here), while a kept one has the module ready and its hot code optimised (issue 21).
'use strict';
(function () {
  let pool = [];  // { worker, busy }: busy while a cell is out
  let generation = 0;
  const stats = { started: 0, finished: 0, workers: 0, ms: 0, spawned: 0 };  // spawned: workers ever made

  const cores = () => Math.max(1, navigator.hardwareConcurrency || 1);

  function spawn() {
    pool.push({ worker: new Worker('sweep_worker.js'), busy: false });
    stats.spawned += 1;
  }

  // Stops the cells in flight: ending its worker is the only way to stop a cell. Idle workers stay.
  function stop() {
    for (const e of pool) if (e.busy) e.worker.terminate();
    pool = pool.filter((e) => !e.busy);
  }

  // The Sweep window opened: have a worker per core loading the module before Run sweep.
  function prepare() {
    while (pool.length < cores()) spawn();
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
    const count = Math.max(1, Math.min(cells.length, maxWorkers || window.pgSweepMaxWorkers || cores()));
    while (pool.length > count) pool.pop().worker.terminate();
    while (pool.length < count) spawn();
    let next = 0;
    const began = performance.now();
    Object.assign(stats, { started: cells.length, finished: 0, workers: count, ms: 0 });
    for (const entry of pool) {
      const w = entry.worker;
      const feed = () => {
        entry.busy = next < cells.length;
        if (entry.busy) { const index = next++; w.postMessage({ index, scenario: cells[index] }); }
      };
      w.onmessage = (e) => {
        stats.finished += 1;
        if (stats.finished === cells.length) stats.ms = performance.now() - began;
        deliver(e.data.index, e.data.row, gen);
        feed();
      };
      w.onerror = (e) => deliver(-1, JSON.stringify({ error: String(e.message || 'worker failed') }), gen);
      feed();
    }
  }

  window.pgSweep = { start, cancel: stop, prepare, stats };
})();
