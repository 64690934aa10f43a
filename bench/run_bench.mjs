// make bench: runs the canonical workloads (bench/*.json) natively, as wasm in Node and as wasm in headless
// Chromium (bench/browser_loop.mjs), checks the runner's outcome counts against the peer's (scaled by the closed
// forms of ../shared/bench/PEER-SCENARIOS.md), measures the web app (gzip transfer size, first frame and frame
// times in headless Chromium) and, if SimPy is installed, the SimPy peer (bench/peer/simpy_peer.py). Writes
// bench/results.json and prints a table. Asserts nothing about speed.
//   node bench/run_bench.mjs [--quick] [--runs N] [--no-browser] [--no-peer] [--only WORKLOAD] [--ui-only | --web-only]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
// --ui-only: just the frame times in headless Chromium (writes bench/results-ui.json, leaves results.* alone);
// --dist DIR another web build to measure, --seconds S of play (default 5), --tab N opens a bottom tab first (0 timeline .. 4 warnings), --profile F
// writes a CPU profile of the page (Chromium DevTools format), --screenshot F a PNG while the run plays.
const UI_ONLY = args.includes('--ui-only');
// --web-only: the browser part alone (first frame, median of 3 fresh browsers, then the frame times; writes
// bench/results-web.json), with the same --dist/--seconds/--tab/--profile/--screenshot options.
const WEB_ONLY = args.includes('--web-only');
const argValue = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const ONLY = argValue('--only', null);  // --only NAME: that workload alone (a quick check)
const FRAME_SECONDS = Number(argValue('--seconds', 5));
const TAB = Number(argValue('--tab', -1));
const PROFILE = argValue('--profile', null);
const SCREENSHOT = argValue('--screenshot', null);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
// Snapshots of the builds, so that a rebuild in the same tree during the (minutes-long) run cannot mix files.
const SNAP = fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'pg-bench-'));
process.on('exit', () => fs.rmSync(SNAP, { recursive: true, force: true }));
function snapshot(rel) {
  const from = path.join(ROOT, rel), to = path.join(SNAP, rel);
  if (!fs.existsSync(from)) return to;
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to, { recursive: true });
  return to;
}
const NATIVE_BENCH = snapshot('build/native/pg_bench');
const WASM_BENCH = snapshot('build/web/pg_bench.js');
snapshot('build/web/pg_bench.wasm');
snapshot('build/web/pg_bench_browser.js');
snapshot('build/web/pg_bench_browser.wasm');
const RUNNER = snapshot('build/native/lambda-playground');
// --dist DIR: the web app to measure (default build/web/dist), e.g. an older build for a before/after figure
const DIST = args.includes('--dist') ? path.resolve(args[args.indexOf('--dist') + 1]) : snapshot('build/web/dist');
// Debian's python3 (python3-simpy3 installs there), not whatever python3 comes first on PATH.
const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

// [SECTION] workloads and their expected outcome counts (closed forms; the 100k/200k/4x50k values are the peer's)
const sqsWhole = (n) => ({ invocations: 14 * n / 100, failed_invocations: 5 * n / 100, deliveries: 14 * n / 10,
  succeeded: 9 * n / 10, dlq: n / 10, ...(n === 100000 ? { sim_end_ms: 349800 } : {}) });
const sqsPartial = (n) => ({ ...(n === 100000 ? { invocations: 10908, failed_invocations: 1908 } : {}),
  deliveries: 104 * n / 100, succeeded: 99 * n / 100, dlq: n / 100, ...(n === 100000 ? { sim_end_ms: 349800 } : {}) });
const asyncRetry = (m) => ({ attempts: 3 * m / 2, errors: 6 * m / 10, retries: m / 2, succeeded: 9 * m / 10,
  dlq: m / 10, sim_end_ms: m - 7 + 180150 });
// sim_end differs from the peer's (records / 100 + 3) x 100 ms by the engine's 1 s poll tick and retry backoff.
const kinesis = (r) => ({ invocations: 4 * (r / 100 + 3), failed_invocations: 16, records_delivered: 4 * r + 1200,
  records_succeeded: 4 * r - 400, records_skipped: 400, on_failure: 4, sim_end_ms: (r / 100 + 3) * 100 + 3375 });

const WORKLOADS = [
  { name: 'sqs_poison_100k', kind: 'sqs', expected: sqsWhole(1e5), peer: ['sqs_poison', 100000] },
  { name: 'sqs_poison_partial_100k', kind: 'sqs', expected: sqsPartial(1e5), peer: ['sqs_poison_partial', 100000] },
  { name: 'async_retry_200k', kind: 'async', expected: asyncRetry(2e5), peer: ['async_retry', 200000], traceToo: true },
  { name: 'kinesis_shard_4x50k', kind: 'kinesis', expected: kinesis(5e4), peer: ['kinesis_shard', 50000] },
  { name: 'sqs_poison_1m', kind: 'sqs', expected: sqsWhole(1e6), large: true, peer: ['sqs_poison', 1000000] },
  { name: 'sqs_poison_partial_1m', kind: 'sqs', expected: sqsPartial(1e6), large: true,
    peer: ['sqs_poison_partial', 1000000] },
  // (SimPy takes over a minute on async_retry 2M: its counts follow the closed forms; run with --full-peer)
  { name: 'async_retry_2m', kind: 'async', expected: asyncRetry(2e6), large: true,
    peer: args.includes('--full-peer') ? ['async_retry', 2000000] : null },
  { name: 'kinesis_shard_4x500k', kind: 'kinesis', expected: kinesis(5e5), large: true, peer: ['kinesis_shard', 500000] },
].filter((w) => (!QUICK || !w.large) && (!ONLY || w.name === ONLY));

function countsFromSummary(kind, s) {
  const n = s.nodes, o = s.outcomes, end = Math.round(s.last_event_s * 1000);
  if (kind === 'sqs') return { invocations: n.worker.invocations,
    failed_invocations: n.worker.errors + n.worker.partial_failures, deliveries: n.queue.receives,
    succeeded: o.succeeded, dlq: n.dlq.received, sim_end_ms: end };
  if (kind === 'async') return { attempts: n.worker.invocations, errors: n.worker.errors,
    retries: n.worker.async_retries, succeeded: o.succeeded, dlq: n.dlq.received, sim_end_ms: end };
  return { invocations: n.worker.invocations, failed_invocations: n.worker.errors,
    records_delivered: s.item_attempts, records_succeeded: o.succeeded, records_skipped: o.sent_to_destination,
    on_failure: n.failures.received, sim_end_ms: end };
}

// [SECTION] running things
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

function bench(cmd, argv) {
  const r = spawnSync(cmd[0], [...cmd.slice(1), ...argv], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) {
    const lines = (r.stderr || '').trim().split('\n');
    return { error: (lines.find((l) => /error|abort|cannot/i.test(l)) || lines.pop() || `exit ${r.status}`).slice(0, 300) };
  }
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

function runnerCheck(w) {
  // The runner as a user runs it (tracing off, summary): peak RSS from /usr/bin/time, and the outcome counts.
  const file = path.join(ROOT, 'bench', `${w.name}.json`);
  const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const cmd = timeBin ? [timeBin, '-f', 'PG_MAXRSS_KB=%M', RUNNER] : [RUNNER];
  const r = spawnSync(cmd[0], [...cmd.slice(1), 'run', file, '--summary', '--no-items'],
    { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) return { error: r.stderr.trim() };
  const rss = /PG_MAXRSS_KB=(\d+)/.exec(r.stderr);
  const counts = countsFromSummary(w.kind, JSON.parse(r.stdout));
  const mismatches = Object.entries(w.expected).filter(([k, v]) => counts[k] !== v)
    .map(([k, v]) => `${k}: ${counts[k]} != ${v}`);
  return { counts, countsOk: mismatches.length === 0, mismatches, runnerRssKb: rss ? Number(rss[1]) : null,
    runnerWallMs: runnerWall(file) };
}

// The whole process as a user waits for it (start, parse, run, summary), without /usr/bin/time in between:
// median wall time of a few runs, measured around the spawn (includes Node's spawn, about 1-2 ms).
function runnerWall(file) {
  const times = [];
  for (let i = 0; i < Math.min(RUNS, 3); ++i) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(RUNNER, ['run', file, '--summary', '--no-items'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) return null;
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

function peerRun(w) {
  if (args.includes('--no-peer') || !w.peer) return null;
  const probe = spawnSync(PYTHON, ['-c', 'import simpy'], { encoding: 'utf8' });
  if (probe.status !== 0) return { error: 'SimPy not installed (Debian python3-simpy3)' };
  const r = spawnSync(PYTHON, [path.join(ROOT, 'bench/peer/simpy_peer.py'), w.peer[0], String(w.peer[1])],
    { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) return { error: r.stderr.trim().split('\n').pop() };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

// [SECTION] web app: transfer size, first frame, frame times while a 100k-message SQS scenario plays
function transferSize() {
  if (!fs.existsSync(DIST)) return { error: 'build/web/dist missing (make web)' };
  const files = {};
  let gzip = 0, raw = 0;
  for (const f of fs.readdirSync(DIST, { recursive: true })) {
    const p = path.join(DIST, f);
    if (!fs.statSync(p).isFile()) continue;
    const data = fs.readFileSync(p);
    const gz = zlib.gzipSync(data, { level: 9 }).length;
    files[f] = { raw: data.length, gzip: gz };
    raw += data.length;
    gzip += gz;
  }
  return { gzipBytes: gzip, rawBytes: raw, files };
}

let launchBrowser, startServer;  // tests/web helpers, imported by browserFigures

// Frame times while sqs_poison_100k plays at full speed (speed 100,000), for FRAME_SECONDS of wall time: the
// run restarts from t = 0 whenever it ends, so every sampled frame is one of a run playing. Per frame: the
// interval between two browser frames, and the app's own simulation and UI times (pg_state_json).
async function frameFigures(url) {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.pgReady && Module._pg_frame_count() >= 5, null, { timeout: 60000 });
    const exportsOk = await page.evaluate(() => ['_pg_load_scenario', '_pg_set_playing', '_pg_set_speed']
      .every((f) => typeof Module[f] === 'function'));
    if (!exportsOk) return { error: 'pg_load_scenario / pg_set_playing / pg_set_speed not exported' };
    const json = fs.readFileSync(path.join(ROOT, 'bench/sqs_poison_100k.json'), 'utf8');
    const loaded = await page.evaluate((j) => Module.ccall('pg_load_scenario', 'number', ['string'], [j]), json);
    if (loaded !== 1) return { error: 'the app rejected sqs_poison_100k.json' };
    if (TAB >= 0) await page.evaluate((t) => Module._pg_show_tab(t), TAB);
    const cdp = PROFILE ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    let shot = null;
    if (SCREENSHOT) {  // a screenshot while the run plays (after about a second)
      setTimeout(async () => { shot = page.screenshot({ path: SCREENSHOT }).catch((e) => e); }, 1500);
    }
    const f = await page.evaluate(async ({ seconds, json }) => {
      const state = () => JSON.parse(Module.UTF8ToString(Module._pg_state_json()));
      const restart = () => {  // from t = 0 again: Reset (Home), or reloading the scenario in older builds
        if (typeof Module._pg_reset === 'function') Module._pg_reset();
        else Module.ccall('pg_load_scenario', 'number', ['string'], [json]);
        Module._pg_set_playing(1);
      };
      Module._pg_set_speed(100000);
      Module._pg_set_playing(1);
      const intervals = [], sim = [], ui = [], host = [], fill = [], phases = [];
      const drawStats = typeof Module._pg_draw_stats === 'function'
        ? () => JSON.parse(Module.UTF8ToString(Module._pg_draw_stats())) : () => null;
      // The per-frame probe: a few numbers (pg_frame_probe). pg_state_json grows with the run (a cost point per
      // virtual second: 20-30 ms a call late in a day-long run) and drawStats walks every triangle; called every
      // frame they took a quarter of the main thread, so builds without the probe are measured with that load.
      const probe = typeof Module._pg_frame_probe === 'function'
        ? () => JSON.parse(Module.UTF8ToString(Module._pg_frame_probe()))
        : () => { const s = state(), d = drawStats(); return { ...s, times: d }; };
      let last = performance.now(), runs = 1, ticks = 0;
      const t0 = last;
      await new Promise((resolve) => {
        const tick = () => {
          const now = performance.now();
          intervals.push(now - last);
          last = now;
          const s = probe();
          if (typeof s.last_frame_sim_ms === 'number') sim.push(s.last_frame_sim_ms);
          if (typeof s.last_frame_ui_ms === 'number') ui.push(s.last_frame_ui_ms);
          const d = s.times;  // the last frame's main-loop callback time and its phases
          if (d) { host.push(d.host_ms); if (d.phases) phases.push(d.phases); }
          if (++ticks % 10 === 0) {  // the pixels the last frame covered, on every tenth frame
            const covered = drawStats();
            if (covered) fill.push(covered.fill_px);
          }
          if (s.playing === false) {
            ++runs;
            restart();
          }
          if (now - t0 > seconds * 1000) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      const q0 = performance.now();
      const s = state();
      const stateJsonMs = performance.now() - q0;
      // What an embed polls four times a second (web/embed.js), at the same moment of the run.
      let embedStateMs = null;
      if (typeof Module._pg_embed_state === 'function') {
        const e0 = performance.now();
        JSON.parse(Module.UTF8ToString(Module._pg_embed_state()));
        embedStateMs = performance.now() - e0;
      }
      return { intervals, sim, ui, host, fill, phases, stateJsonMs, embedStateMs, wallMs: performance.now() - t0, runs };
    }, { seconds: FRAME_SECONDS, json });
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      fs.writeFileSync(PROFILE, JSON.stringify(profile));
    }
    if (shot) await shot;
    f.count = f.intervals.length;
    f.medianMs = median(f.intervals);
    f.p95Ms = pct(f.intervals, 0.95);
    if (f.sim.length) { f.simMedianMs = median(f.sim); f.simP95Ms = pct(f.sim, 0.95); }
    if (f.ui.length) { f.uiMedianMs = median(f.ui); f.uiP95Ms = pct(f.ui, 0.95); }
    if (f.host.length) { f.hostMedianMs = median(f.host); f.hostP95Ms = pct(f.host, 0.95); }
    if (f.fill.length) f.fillMedianMpx = median(f.fill) / 1e6;
    // Each phase of the callback (pg_draw_stats: input, App::frame, ImGui render, GL) on its own: whether the slow
    // frames share one phase or land on a different one each time (descheduling).
    if (f.phases.length) {
      f.phaseP95Ms = {};
      for (const k of ['input_ms', 'app_ms', 'render_ms', 'gl_ms']) f.phaseP95Ms[k.replace('_ms', '')] = pct(f.phases.map((p) => p[k]), 0.95);
    }
    delete f.intervals; delete f.sim; delete f.ui; delete f.host; delete f.fill; delete f.phases;
    return f;
  } finally {
    await close();
  }
}

async function browserFigures() {
  if (args.includes('--no-browser')) return { error: 'skipped (--no-browser)' };
  try {
    ({ launchBrowser } = await import(path.join(ROOT, 'tests/web/browser.mjs')));
    ({ startServer } = await import(path.join(ROOT, 'tests/web/static_server.mjs')));
  } catch (e) {
    return { error: `browser helpers unavailable: ${e.message}` };
  }
  const { server, url } = await startServer(DIST);
  const out = {};
  try {
    // Time to first frame: a fresh browser each time (cold cache), 3 loads, median. The row is the page's own
    // mark of the first frame presented (draw_stats.hpp: the next animation frame after the first frame's GL
    // calls); "polled" is when this script, polling each animation frame, saw the frame count reach 1, which
    // adds the DevTools round trips and the later frames' commits (240-1,100 ms at load 10-14, issue 21).
    const ttff = [], drawn = [], polled = [];
    for (let i = 0; i < (UI_ONLY ? 0 : 3); i++) {
      const { context, close } = await launchBrowser();
      try {
        const page = await context.newPage();
        await page.goto(url);
        await page.waitForFunction(() => { try { return window.pgReady && Module._pg_frame_count() >= 1; } catch { return false; } },
          null, { timeout: 60000, polling: 'raf' });
        polled.push(await page.evaluate(() => performance.now()));
        await page.waitForFunction(() => performance.getEntriesByName('pg-first-frame-presented').length > 0,
          null, { timeout: 60000 });
        const marks = await page.evaluate(() => ['drawn', 'presented'].map(
          (m) => performance.getEntriesByName('pg-first-frame-' + m)[0].startTime));
        drawn.push(marks[0]);
        ttff.push(marks[1]);
      } finally {
        await close();
      }
    }
    if (ttff.length) {
      out.firstFrameMs = median(ttff);
      out.firstFrameRunsMs = ttff;
      out.firstFrameDrawnMs = median(drawn);
      out.firstFramePolledMs = median(polled);
    }

    out.frames = await frameFigures(url);
  } catch (e) {
    out.error = String(e.message || e);
  } finally {
    server.close();
  }
  return out;
}

// The first-frame row: presented (the goal's figure), with the runs, when it was drawn and when the bench saw it.
function firstFrameLine(b) {
  if (!b.firstFrameMs) return `first frame, headless Chromium (median of 3): ${b.error || '-'}`;
  const ms = (x) => x.toFixed(0) + ' ms';
  return `first frame, headless Chromium (median of 3): ${ms(b.firstFrameMs)} presented ` +
    `(runs: ${b.firstFrameRunsMs.map((x) => x.toFixed(0)).join(', ')} ms); drawn ${ms(b.firstFrameDrawnMs)}, ` +
    `seen by the bench's poll ${ms(b.firstFramePolledMs)}`;
}

function frameLine(fr, b) {
  const f1 = (x, d = 1) => (typeof x === 'number' && isFinite(x) ? x.toFixed(d) : '-');
  if (!fr.medianMs) return `UI frame time: not measured (${fr.error || b.error || 'no data'})`;
  const how = `${fr.runs} run${fr.runs === 1 ? '' : 's'} from t = 0, restarted as each ended`;
  // Frame time = the main-loop callback (input, simulation slice, App::frame, ImGui render, GL calls): the
  // work a frame costs. The interval between frames is paced by the display (16.7 ms at 60 Hz, so never under
  // 16 ms) and, here, by software WebGL in the GPU process: reported beside it, not instead of it.
  const frameTime = fr.hostMedianMs !== undefined
    ? `UI frame time while sqs_poison_100k plays at full speed: median ${f1(fr.hostMedianMs)} ms, p95 ${f1(fr.hostP95Ms)} ms (main-loop callback); `
    : 'UI frame time: not measured (no pg_draw_stats in this build); ';
  return frameTime + `frame interval median ${f1(fr.medianMs)} ms, p95 ${f1(fr.p95Ms)} ms` +
    ` (${fr.count} frames over ${f1(fr.wallMs / 1000, 1)} s of play, ${how}; one pg_state_json call ${f1(fr.stateJsonMs)} ms` +
    (fr.embedStateMs !== null && fr.embedStateMs !== undefined ? `, one pg_embed_state call ${f1(fr.embedStateMs, 2)} ms;` : ';') +
    ` App::frame sim median ${f1(fr.simMedianMs)} / p95 ${f1(fr.simP95Ms)} ms, whole App::frame median ${f1(fr.uiMedianMs)} / p95 ${f1(fr.uiP95Ms)} ms` +
    (fr.fillMedianMpx !== undefined ? `; ${f1(fr.fillMedianMpx, 2)} Mpx covered per frame` : '') +
    (fr.phaseP95Ms ? `; phase p95 input ${f1(fr.phaseP95Ms.input)} / app ${f1(fr.phaseP95Ms.app)} / render ${f1(fr.phaseP95Ms.render)} / gl ${f1(fr.phaseP95Ms.gl)} ms` : '') + ')';
}

/// Native loop / the loop in Chromium, the native one run just before the page (bench/browser_loop.mjs).
function chromiumRatio(r) {
  const c = r.chromium || {};
  return typeof c.native_just_before === 'number' && c.loop_median_ms > 0 ? c.native_just_before / c.loop_median_ms : null;
}

/// Issue 21's goals: [what, measured value or null, goal, unit, true when lower is better].
function goalRows(results) {
  const w = results.workloads, b = results.web.browser || {}, fr = b.frames || {};
  const nat = (name) => (w[name] && w[name].native) || {};
  const ratio = (a, c) => (typeof a === 'number' && typeof c === 'number' && c > 0 ? a / c : null);
  const retry = nat('async_retry_200k');
  const rss = w.kinesis_shard_4x500k && w.kinesis_shard_4x500k.runnerRssKb;
  const peer = w.async_retry_200k && w.async_retry_200k.peer;
  return [
    ['async_retry_200k first loop / warm loop', ratio(retry.cold_loop_ms, retry.loop_median_ms), 1.3, 'x', true],
    ['async_retry_200k CLI, whole process', w.async_retry_200k ? w.async_retry_200k.runnerWallMs : null, 60, ' ms', true],
    ['SimPy event loop / that CLI run', ratio(peer && peer.loop_ms, w.async_retry_200k && w.async_retry_200k.runnerWallMs), 40, 'x', false],
    ['kinesis_shard_4x500k peak RSS', rss ? rss / 1024 : null, 64, ' MiB', true],
    ['async_retry_2m wasm/native', w.async_retry_2m ? ratio(nat('async_retry_2m').loop_median_ms, (w.async_retry_2m.wasm || {}).loop_median_ms) : null, 0.8, 'x', false],
    ['async_retry_2m wasm/native, the wasm in Chromium', w.async_retry_2m ? chromiumRatio(w.async_retry_2m) : null, 0.8, 'x', false],
    ['sqs_poison_100k warm loop', nat('sqs_poison_100k').loop_median_ms ?? null, 4, ' ms', true],
    ['first frame, headless Chromium', b.firstFrameMs ?? null, 1000, ' ms', true],
    ['main-loop callback p95, sqs_poison_100k at full speed', fr.hostP95Ms ?? null, 8, ' ms', true],
  ];
}

function goalsText(results) {
  const f = (x) => (typeof x !== 'number' || !isFinite(x) ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(2));
  const out = ['issue 21 goals (this run):'];
  for (const [what, value, goal, unit, lower] of goalRows(results)) {
    const met = typeof value !== 'number' ? 'not measured' : (lower ? value <= goal : value >= goal) ? 'met' : 'not met';
    out.push(`  ${what.padEnd(56)} ${(f(value) + (typeof value === 'number' ? unit : '')).padStart(10)}` +
      `   ${`goal ${lower ? '<=' : '>='} ${goal}${unit}`.padEnd(17)} ${met}`);
  }
  return out.join('\n');
}

// [SECTION] main
if (WEB_ONLY) {
  const t = transferSize();
  const b = await browserFigures();
  fs.writeFileSync(path.join(ROOT, 'bench/results-web.json'), JSON.stringify({ transfer: t, browser: b }, null, 2) + '\n');
  console.log(`web app transfer (gzip, all files): ${t.gzipBytes ? (t.gzipBytes / 1048576).toFixed(2) + ' MiB' : t.error}`);
  console.log(firstFrameLine(b));
  console.log(frameLine(b.frames || {}, b));
  process.exit(0);
}
if (UI_ONLY) {
  const b = await browserFigures();
  fs.writeFileSync(path.join(ROOT, 'bench/results-ui.json'), JSON.stringify(b, null, 2) + '\n');
  console.log(frameLine(b.frames || {}, b));
  process.exit(0);
}
const results = { date: new Date().toISOString(), machine: { cpus: (await import('node:os')).cpus().length },
  runs: RUNS, workloads: {}, web: {} };
const haveWasm = fs.existsSync(WASM_BENCH);
const runsOf = (w) => (w.large ? Math.max(1, Math.min(RUNS, 3)) : RUNS);
for (const w of WORKLOADS) {
  const file = path.join(ROOT, 'bench', `${w.name}.json`);
  const runs = String(runsOf(w));
  process.stderr.write(`bench: ${w.name}\n`);
  const r = { native: bench([NATIVE_BENCH], [file, '--runs', runs]) };
  r.wasm = haveWasm ? bench(['node', '--no-experimental-fetch', WASM_BENCH], [file, '--runs', runs])
    : { error: 'build/web/pg_bench.js missing (make web)' };
  if (w.traceToo) r.nativeTraced = bench([NATIVE_BENCH], [file, '--runs', runs, '--trace']);
  Object.assign(r, runnerCheck(w));
  r.peer = peerRun(w);
  if (r.peer && !r.peer.error && r.counts) {
    // Same counts as the SimPy peer, run now (sim_end aside for kinesis: poll tick and retry backoff).
    const peerDiff = Object.keys(r.counts).filter((k) => !(w.kind === 'kinesis' && k === 'sim_end_ms'))
      .filter((k) => r.peer[k] !== undefined && r.peer[k] !== r.counts[k]).map((k) => `${k}: ${r.counts[k]} != SimPy ${r.peer[k]}`);
    r.peerCountsOk = peerDiff.length === 0;
    r.mismatches.push(...peerDiff);
    r.countsOk = r.countsOk && r.peerCountsOk;
  }
  if (r.wasm.fingerprint && r.native.fingerprint) r.fingerprintsMatch = r.wasm.fingerprint === r.native.fingerprint;
  results.workloads[w.name] = r;
}
if (!args.includes('--no-browser')) {
  // The same loop as wasm in headless Chromium, whose V8 is the one the playground's users run.
  process.stderr.write('bench: the loop as wasm in headless Chromium\n');
  const { browserLoopFigures } = await import('./browser_loop.mjs');
  const c = await browserLoopFigures({ root: ROOT, buildDir: path.join(SNAP, 'build/web'), workDir: SNAP,
    workloads: WORKLOADS.map((w) => ({ name: w.name, runs: runsOf(w) })),
    nativeRun: (w) => bench([NATIVE_BENCH], [path.join(ROOT, 'bench', `${w.name}.json`), '--runs', String(w.runs)])
      .loop_median_ms ?? null });
  results.chromiumVersion = c.chromium ?? null;
  for (const [name, r] of Object.entries(results.workloads)) {
    r.chromium = c.error ? { error: c.error } : c.workloads[name];
    if (r.chromium && r.chromium.fingerprint && r.native.fingerprint)
      r.chromiumFingerprintMatches = r.chromium.fingerprint === r.native.fingerprint;
  }
}
results.web.transfer = transferSize();
process.stderr.write('bench: web app in headless Chromium\n');
results.web.browser = await browserFigures();
results.goals = goalRows(results).map(([what, value, goal, unit, lower]) =>
  ({ what, value, goal, unit: unit.trim(), lower_is_better: lower }));
fs.writeFileSync(path.join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');

// [SECTION] table
const n0 = (r) => r.native.loop_median_ms;
const f1 = (x, d = 1) => (typeof x === 'number' && isFinite(x) ? x.toFixed(d) : '-');
const pad = (s, n) => String(s).padStart(n);
const head = ['workload', 'loop ms', '1st run', 'cold/warm', 'CLI ms', 'Mev/s', 'wasm ms', 'wasm/nat', 'trace on', 'RSS MiB',
  'B/queued', 'B/event', 'peak pend', 'counts', 'SimPy ms', 'SimPy/CLI'];
const widths = [24, 9, 8, 10, 8, 7, 9, 9, 9, 8, 9, 8, 10, 7, 9, 10];
const lines = [head.map((h, i) => (i ? pad(h, widths[i]) : h.padEnd(widths[i]))).join(' ')];
for (const [name, r] of Object.entries(results.workloads)) {
  const n = r.native, wa = r.wasm;
  const speedRatio = n.loop_median_ms && wa.loop_median_ms ? n.loop_median_ms / wa.loop_median_ms : null;
  const bq = n.peak_queued ? n.heap_at_peak_queued / n.peak_queued : null;
  const cold = n.cold_loop_ms && n.loop_median_ms ? f1(n.cold_loop_ms / n.loop_median_ms, 2) + 'x' : '-';
  const simpyOverCli = r.peer && r.peer.loop_ms && r.runnerWallMs ? f1(r.peer.loop_ms / r.runnerWallMs, 1) + 'x' : '-';
  const cells = [name, f1(n.loop_median_ms), f1(n.cold_loop_ms), cold, f1(r.runnerWallMs), f1(n.events_per_s / 1e6, 2),
    f1(wa.loop_median_ms),
    speedRatio ? f1(speedRatio, 2) + 'x' : '-', r.nativeTraced ? f1(r.nativeTraced.loop_median_ms / n.loop_median_ms, 2) + 'x' : '',
    f1((r.runnerRssKb ?? 0) / 1024), bq ? f1(bq, 0) : '-', f1(n.event_bytes, 0), f1(n.peak_pending_events, 0),
    r.countsOk ? 'ok' : 'DIFF', r.peer && r.peer.loop_ms ? f1(r.peer.loop_ms, 0) : '-', simpyOverCli];
  lines.push(cells.map((c, i) => (i ? pad(c, widths[i]) : String(c).padEnd(widths[i]))).join(' '));
}
const inChromium = Object.entries(results.workloads).filter(([, r]) => r.chromium && r.chromium.loop_median_ms);
if (inChromium.length) {
  lines.push('');
  lines.push(`the loop as wasm in headless Chromium ${results.chromiumVersion || ''} (bench/browser_loop.mjs):`);
  for (const [name, r] of inChromium)
    lines.push(`  ${name.padEnd(24)} loop ${pad(f1(r.chromium.loop_median_ms), 7)} ms (fastest ${pad(f1(Math.min(...r.chromium.loop_ms)), 7)}),` +
      ` 1st run ${pad(f1(r.chromium.cold_loop_ms), 7)} ms, native just before ${pad(f1(r.chromium.native_just_before), 7)} ms:` +
      ` wasm/nat ${f1(chromiumRatio(r), 2)}x`);
  lines.push('  (fastest: the loops of one page run on code V8 has optimised in the background meanwhile; until then on');
  lines.push('  its baseline code, for the whole of any one long call: wasm has no on-stack replacement)');
}
const t = results.web.transfer, b = results.web.browser;
lines.push('');
lines.push(`web app transfer (gzip, all files): ${t.gzipBytes ? (t.gzipBytes / 1048576).toFixed(2) + ' MiB' : t.error}`);
lines.push(firstFrameLine(b));
const fr = b.frames || {};
lines.push(frameLine(fr, b));
lines.push('');
lines.push('loop ms: median simulation loop, tracing off (no records, no fingerprint), memory reused from the run before');
lines.push('(as in the browser); 1st run: the first loop of the process, in fresh memory; cold/warm: 1st run / loop ms;');
lines.push('CLI ms: whole `lambda-playground run --summary --no-items` process (median of 3, spawn to exit); SimPy/CLI:');
lines.push('SimPy\'s event loop alone / CLI ms (how many times faster the whole CLI is); wasm/nat: native time / wasm time');
lines.push('(>= 1 means wasm is as fast); trace on: loop time with every record stored / time off (hashing the stored');
lines.push('records into the fingerprint happens on demand, reported below);');
lines.push('RSS: peak of `lambda-playground run --summary --no-items`; B/queued: live heap at the peak queue depth /');
lines.push('messages queued; B/event: bytes per pending event; counts: outcome counts equal the peer\'s (closed forms).');
for (const [name, r] of Object.entries(results.workloads)) {
  if (r.nativeTraced && r.nativeTraced.loop_median_ms)
    lines.push(`  ${name}: tracing on ${f1(r.nativeTraced.loop_median_ms)} ms loop + ${f1(r.nativeTraced.fingerprint_ms)} ms fingerprint` +
      ` = ${f1((r.nativeTraced.loop_median_ms + r.nativeTraced.fingerprint_ms) / n0(r), 2)}x off; ${r.nativeTraced.trace_records} records`);
  if (!r.countsOk && r.mismatches) lines.push(`  ${name}: ${r.mismatches.join(', ')}`);
  if (r.fingerprintsMatch === false) lines.push(`  ${name}: wasm and native fingerprints differ`);
  if (r.chromiumFingerprintMatches === false) lines.push(`  ${name}: Chromium's and native fingerprints differ`);
  for (const k of ['native', 'wasm', 'nativeTraced', 'chromium']) if (r[k] && r[k].error) lines.push(`  ${name} ${k}: ${r[k].error}`);
  if (r.peer && r.peer.error) lines.push(`  ${name} SimPy: ${r.peer.error}`);
}
// Sweeps (issue 18): 100 runs, one worker vs all cores, natively and in Chromium (bench/sweep_bench.mjs).
try {
  process.stderr.write('bench: sweep\n');
  const { sweepFigures, sweepText } = await import('./sweep_bench.mjs');
  results.sweep = await sweepFigures();
  lines.push(sweepText(results.sweep));
} catch (e) {
  lines.push(`sweep: ${e.message}`);
}
// Issue 21's table, row by row: the figure measured now against its goal (a workload or the browser left out
// by --quick / --only / --no-browser shows '-').
lines.push('');
lines.push(goalsText(results));
const table = lines.join('\n');
fs.writeFileSync(path.join(ROOT, 'bench/results.txt'), table + '\n');
console.log(table);
