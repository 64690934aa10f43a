// Checks the command-line runner end to end:
//   node check_runner.mjs --runner "CMD"                 every preset runs; bad input exits 2 with JSON paths
//   node check_runner.mjs --runner "CMD" --compare NATIVE  the runner's output equals NATIVE's, byte for byte
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runner = opt('--runner').split(' ');
const compare = opt('--compare');

function run(cmd, ...rest) {
  const r = spawnSync(cmd[0], [...cmd.slice(1), ...rest], { encoding: 'utf8', maxBuffer: 256 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const presets = fs.readdirSync(path.join(root, 'assets/scenarios')).filter((f) => f.endsWith('.json')).sort();
const OUTCOMES = new Set(['succeeded', 'error_returned', 'throttled', 'timed_out', 'dead_lettered',
  'sent_to_destination', 'expired', 'dropped', 'pending']);
let passed = 0, failed = 0;
function check(name, fn) {
  try {
    fn();
    passed++;
  } catch (err) {
    failed++;
    console.error(`FAILED ${name}: ${err.message}`);
  }
}

for (const preset of presets) {
  const file = path.join(root, 'assets/scenarios', preset);
  check(preset, () => {
    const r = run(runner, 'run', file, '--summary');
    assert.equal(r.code, 0, `exit code (stderr: ${r.err})`);
    const summary = JSON.parse(r.out);
    const scenario = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(summary.scenario, scenario.name);
    for (const item of summary.items) assert.ok(OUTCOMES.has(item.outcome), `${item.id}: outcome ${item.outcome}`);
    if (compare) {
      const native = run([compare], 'run', file, '--summary');
      assert.equal(native.code, 0);
      assert.equal(r.out, native.out, 'wasm and native summaries differ');
    }
  });
}

if (!compare) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-cli-'));
  check('bad scenario exits 2 naming every JSON path', () => {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ version: 1, name: 'bad', nodes: [
      { id: 'f', type: 'function', timeout: '901s' },
      { id: 's', type: 's3', traffic: { events: 1 }, colour: 'red' }], edges: [{ from: 's', to: 'nowhere' }] }));
    const r = run(runner, 'run', bad, '--summary');
    assert.equal(r.code, 2);
    assert.equal(r.out, '', 'nothing on stdout');
    for (const p of ['/nodes/0/timeout', '/nodes/1/colour', '/edges/0/to']) assert.ok(r.err.includes(p), `stderr names ${p}: ${r.err}`);
  });
  check('malformed JSON exits 2 with a position', () => {
    const bad = path.join(dir, 'malformed.json');
    fs.writeFileSync(bad, '{"version": 1, "nodes": [');
    const r = run(runner, 'run', bad, '--summary');
    assert.equal(r.code, 2);
    assert.match(r.err, /\b1:\d+\b/, "line:column of the error");
  });
  check('missing file and unknown option exit 2', () => {
    assert.equal(run(runner, 'run', path.join(dir, 'nope.json')).code, 2);
    assert.equal(run(runner, 'run', path.join(root, 'assets/scenarios', presets[0]), '--bogus').code, 2);
  });
  check('the events-per-run cap stops a run, reports the part that ran and exits 3', () => {
    // sqs_no_redrive loops one message until retention ends (FIDELITY 6.2 'No redrive policy'): far more than 50 events.
    const file = path.join(root, 'assets/scenarios/sqs_no_redrive.json');
    const full = JSON.parse(run(runner, 'run', file, '--summary').out);
    const r = run(runner, 'run', file, '--summary', '--max-events', '50');
    assert.equal(r.code, 3, `exit code (stderr: ${r.err})`);
    assert.match(r.err, /stopped after 50 events/);
    const partial = JSON.parse(r.out);
    assert.ok(partial.items.some((i) => i.outcome === 'pending'), 'some items are still pending when the cap hits');
    assert.notDeepEqual(partial.items, full.items);
    assert.equal(run(runner, 'run', file, '--max-events', '0').code, 2);
  });
  check('fan-out: each target function\'s outcome can be read from the summary', () => {
    // Every SNS subscription receives every message (https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html);
    // the copies share the event's id and name their function (docs/scenario-format.md, item outcomes).
    const file = path.join(dir, 'fanout.json');
    fs.writeFileSync(file, JSON.stringify({ version: 1, name: 'fan-out', nodes: [
      { id: 'topic', type: 'sns', traffic: { events: 3 } },
      { id: 'a', type: 'function' },
      { id: 'b', type: 'function', behavior: [{ then: 'error' }], async: { max_retry_attempts: 0 } }],
    edges: [{ from: 'topic', to: 'a' }, { from: 'topic', to: 'b' }] }));
    const r = run(runner, 'run', file, '--summary');
    assert.equal(r.code, 0, `exit code (stderr: ${r.err})`);
    const summary = JSON.parse(r.out);
    assert.equal(summary.nodes.a.invocations, 3);
    assert.equal(summary.nodes.b.invocations, 3);
    assert.equal(summary.nodes.topic.items, 3);
    assert.equal(summary.nodes.topic.accepted, 6);
    const byFunction = (fn) => summary.items.filter((i) => i.function === fn).map((i) => `${i.id} ${i.outcome}`);
    assert.deepEqual(byFunction('a'), ['topic#1 succeeded', 'topic#2 succeeded', 'topic#3 succeeded']);
    assert.deepEqual(byFunction('b'), ['topic#1 dropped', 'topic#2 dropped', 'topic#3 dropped']);
  });
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log(`cli: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
