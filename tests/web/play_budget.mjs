// Playback in budgeted slices (issue 7): the 100,000-message SQS workload (bench/sqs_poison_100k.json) played at
// x100,000 spreads its 28,000 events (140,000 receives in batches of 10) over many frames, the transport shows the rate actually reached while
// the engine cannot keep up, and the run is the same whatever the frame timing: the trace fingerprint and step
// count after playing straight through equal those after a slow start, a pause and single steps. Asserts no
// timings (only that the frames kept coming and what the state reports about itself).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, watchConsole, openApp, stateJson } from './browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCENARIO = fs.readFileSync(path.join(ROOT, 'bench/sqs_poison_100k.json'), 'utf8');

/// Plays at `speed` until the run ends (or `ms` of wall time pass), sampling the state every frame.
async function play(page, speed, ms = 120000) {
  return page.evaluate(async ({ speed, ms }) => {
    const state = () => JSON.parse(Module.UTF8ToString(Module._pg_state_json()));
    Module._pg_set_speed(speed);
    Module._pg_set_playing(1);
    const samples = [];
    const t0 = performance.now();
    await new Promise((resolve) => {
      const tick = () => {
        const s = state();
        samples.push({ frame: s.frame, playing: s.playing, bound: s.simulation_bound, achieved: s.achieved_speed,
          speed: s.speed, time: s.time_us });
        if (!s.playing || performance.now() - t0 > ms) resolve();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    Module._pg_set_playing(0);
    return samples;
  }, { speed, ms });
}

export default async function playBudget({ url, artifacts }) {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, url, 5);
    const load = () => page.evaluate((j) => Module.ccall('pg_load_scenario', 'number', ['string'], [j]), SCENARIO);

    // A: straight through at the top speed.
    assert.equal(await load(), 1);
    const samples = await play(page, 100000);
    const a = await stateJson(page);
    assert.equal(a.time_us, a.run_for_us, 'played to the end of the run');
    assert.equal(a.counters.dlq.received, 10000, 'every 10th message is dead-lettered (peer-expected.json)');
    const playingFrames = new Set(samples.filter((s) => s.playing).map((s) => s.frame)).size;
    // x100,000 allows 3.5 ms of wall time for the 350 s of events, and the engine needs several times that for
    // them (bench/results.txt: about 20 ms natively with tracing off): the page must have spread them over
    // frames and said that it could not keep up.
    assert.ok(playingFrames >= 3, `the run was spread over frames (${playingFrames} frames while playing)`);
    const bound = samples.filter((s) => s.bound);
    assert.ok(bound.length > 0, 'the transport reported the simulation could not keep up');
    for (const s of bound) assert.ok(s.achieved > 0 && s.achieved < s.speed, `shown rate ${s.achieved} below x${s.speed}`);
    fs.writeFileSync(path.join(artifacts, 'play-budget-end.png'), await page.screenshot());

    // The bench's per-frame probe (pg_frame_probe) says what pg_state_json and pg_draw_stats say of the same
    // frame: read in one task, with no frame between the three calls.
    const [probe, full, draw] = await page.evaluate(() => [Module._pg_frame_probe(), Module._pg_state_json(),
      Module._pg_draw_stats()].map((p) => JSON.parse(Module.UTF8ToString(p))));
    for (const k of ['frame', 'playing', 'last_frame_sim_ms', 'last_frame_ui_ms'])
      assert.ok(Math.abs(probe[k] - full[k]) < 0.001, `probe ${k} ${probe[k]} = state ${full[k]}`);
    assert.equal(probe.times.host_ms, draw.host_ms, 'probe and draw stats: the same callback time');
    assert.deepEqual(probe.times.phases, draw.phases);
    assert.ok(draw.commands > 0 && draw.fill_px > 0 && draw.lists.length > 0, 'draw stats still list the frame');

    // B: the same scenario, slowly at first, paused, stepped, then at the top speed: the same run.
    assert.equal(await load(), 1);
    await play(page, 40, 400);
    const paused = await stateJson(page);
    assert.ok(!paused.playing && paused.time_us < paused.run_for_us, 'paused part-way');
    await page.evaluate(() => Module._pg_step(1000));
    assert.equal((await stateJson(page)).step, paused.step + 1000, 'stepped 1000 events');
    await play(page, 100000);
    const b = await stateJson(page);
    assert.equal(b.time_us, b.run_for_us);
    assert.equal(b.step, a.step, 'same number of events');
    assert.equal(b.trace_records, a.trace_records, 'same number of trace records');
    assert.equal(b.trace_fingerprint, a.trace_fingerprint, 'same trace whatever the frame timing');

    // C: cut to run_for 10 s, the queue is far from drained at the end; stepping there runs nothing past
    // run_for (the events due at or after it are outside the run, as in the runner).
    const short = JSON.stringify({ ...JSON.parse(SCENARIO), run_for: '10s' });
    assert.equal(await page.evaluate((j) => Module.ccall('pg_load_scenario', 'number', ['string'], [j]), short), 1);
    await play(page, 100000);
    const c = await stateJson(page);
    assert.equal(c.time_us, c.run_for_us, 'played to the end of the short run');
    await page.evaluate(() => Module._pg_step(1000));
    const d = await stateJson(page);
    assert.equal(d.step, c.step, 'no step past the end of the run');
    assert.equal(d.time_us, d.run_for_us);
    console.log(`play_budget: ${a.step} events over ${playingFrames} frames, fingerprint ${a.trace_fingerprint}`);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
