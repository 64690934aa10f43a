// One sweep worker (issue 18): loads sweep_engine.wasm once, then runs the cells the page sends it, one at a
// time, answering each with its row (src/sweep: the same numbers as `lambda-playground sweep`).
'use strict';
importScripts('sweep_engine.js');
const ready = createSweepEngine();
self.onmessage = async (event) => {
  const { index, scenario } = event.data;
  const engine = await ready;
  const row = engine.ccall('pg_sweep_run_cell', 'string', ['string'], [scenario]);
  self.postMessage({ index, row });
};
