// Sweep benchmark (issue 18, docs/sweeps.md): the 100-run sweep of bench/sqs_sweep_10k.json, wall time with one
// worker and with all cores, natively (`lambda-playground sweep --jobs`) and in Chromium (Web Workers running
// sweep_engine.wasm; a page's first sweep, then the same sweep again with the workers kept), the speed-up, and the
// page's main-thread frame times while the sweep runs (goal: none over 50 ms). Figures only, no assertions:
// node bench/sweep_bench.mjs [--dist build/web/dist] [--json]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const DIST = args.includes('--dist') ? path.resolve(args[args.indexOf('--dist') + 1]) : path.join(ROOT, 'build/web/dist');
const RUNNER = path.join(ROOT, 'build/native/lambda-playground');
const FILE = path.join(ROOT, 'bench/sqs_sweep_10k.json');
const CORES = os.cpus().length;

function nativeMs(jobs) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(RUNNER, ['sweep', FILE, '--jobs', String(jobs)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(r.stderr);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, rows: r.stdout.trim().split('\n').length - 1 };
}

// One sweep in `page`, started the way the app starts one (opening a file that carries it), with at most `n`
// workers; the main thread's frame intervals meanwhile.
function sweepOnce(page, text, n) {
  return page.evaluate(async ({ t, n }) => {
    window.pgSweepMaxWorkers = n;
    const frames = [];
    let last = performance.now(), running = true;
    const tick = (now) => { frames.push(now - last); last = now; if (running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    window.pgSweep.stats.ms = 0;  // set again when this sweep's last row arrives (the window starts it a frame later)
    Module.ccall('pg_open_scenario_text', 'number', ['string', 'string'], [t, 'bench']);
    await new Promise((done) => {
      const poll = () => (window.pgSweep.stats.ms > 0 ? done() : setTimeout(poll, 50));
      poll();
    });
    running = false;
    frames.sort((a, b) => a - b);
    return { ms: window.pgSweep.stats.ms, workers: window.pgSweep.stats.workers, rows: window.pgSweep.stats.finished,
      frames: frames.length, frame_p50_ms: frames[Math.floor(frames.length / 2)],
      frame_p99_ms: frames[Math.min(frames.length - 1, Math.floor(frames.length * 0.99))],
      frame_max_ms: frames[frames.length - 1], frames_over_50ms: frames.filter((f) => f > 50).length };
  }, { t: text, n });
}

// Per worker count, a fresh browser: the first sweep of a page (its workers made and their module compiled as it
// starts) and the same sweep again (web/sweep.js keeps the workers, with their code optimised meanwhile).
async function browserFigures() {
  const { launchBrowser } = await import(path.join(ROOT, 'tests/web/browser.mjs'));
  const { startServer } = await import(path.join(ROOT, 'tests/web/static_server.mjs'));
  const { server, url } = await startServer(DIST);
  const text = fs.readFileSync(FILE, 'utf8');
  const out = {};
  try {
    for (const key of ['one', 'all']) {
      const { context, close } = await launchBrowser();
      try {
        const page = await context.newPage();
        await page.goto(url);
        await page.waitForFunction(() => window.pgReady && Module._pg_frame_count() >= 5, null, { timeout: 60000 });
        out.cores = await page.evaluate(() => navigator.hardwareConcurrency);
        const n = key === 'one' ? 1 : out.cores;
        out[key] = await sweepOnce(page, text, n);
        out[key].again = await sweepOnce(page, text, n);
      } finally {
        await close();
      }
    }
  } finally {
    server.close();
  }
  return out;
}

export async function sweepFigures() {
  const result = { cores: CORES };
  if (fs.existsSync(RUNNER)) {
    result.native = { one: nativeMs(1), all: nativeMs(CORES) };
    result.native.speedup = result.native.one.ms / result.native.all.ms;
  }
  if (fs.existsSync(path.join(DIST, 'sweep_engine.wasm'))) {
    result.browser = await browserFigures();
    result.browser.speedup = result.browser.one.ms / result.browser.all.ms;
  }
  return result;
}

export function sweepText(r) {
  const f = (x, d = 0) => (typeof x === 'number' && isFinite(x) ? x.toFixed(d) : '-');
  const lines = [`sweep: 100 runs of bench/sqs_sweep_10k.json (${r.cores} cores)`];
  if (r.native) lines.push(`  native   1 job ${f(r.native.one.ms)} ms, ${r.cores} jobs ${f(r.native.all.ms)} ms, speed-up ${f(r.native.speedup, 2)}x`);
  if (r.browser) {
    const b = r.browser;
    lines.push(`  chromium 1 worker ${f(b.one.ms)} ms, ${b.all.workers} workers ${f(b.all.ms)} ms, speed-up ${f(b.speedup, 2)}x` +
      ` (a page's first sweep); the same sweep again: ${f(b.one.again.ms)} ms, ${f(b.all.again.ms)} ms (workers kept)`);
    const frames = (x) => `p50 ${f(x.frame_p50_ms, 1)} ms, p99 ${f(x.frame_p99_ms, 1)} ms, max ${f(x.frame_max_ms, 1)} ms, ${x.frames_over_50ms} over 50 ms of ${x.frames}`;
    lines.push(`  main-thread frames during the sweep (all workers): ${frames(b.all)}; again: ${frames(b.all.again)}`);
    lines.push('  (the first sweep\'s frames include the one that opens the file and draws the Sweep window for the first time)');
  }
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await sweepFigures();
  console.log(args.includes('--json') ? JSON.stringify(r, null, 2) : sweepText(r));
}
