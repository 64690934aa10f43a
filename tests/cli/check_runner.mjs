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

// Issue 19: export-sam then import for every preset, exit 0 both ways (and, under --compare, the same bytes as
// the native runner: the wasm runner reads and writes real files and exits cleanly); a non-template exits 2.
{
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-cli-sam-'));
  for (const preset of presets) {
    const file = path.join(root, 'assets/scenarios', preset);
    check(`export-sam and import: ${preset}`, () => {
      const exported = run(runner, 'export-sam', file);
      assert.equal(exported.code, 0, `export-sam exit code (stderr: ${exported.err})`);
      const template = path.join(dir, preset.replace('.json', '.template.json'));
      fs.writeFileSync(template, exported.out);
      assert.equal(JSON.parse(exported.out).Transform, 'AWS::Serverless-2016-10-31');
      const imported = run(runner, 'import', template);
      assert.equal(imported.code, 0, `import exit code (stderr: ${imported.err})`);
      assert.equal(JSON.parse(imported.out).version, 1);
      if (compare) {
        assert.equal(exported.out, run([compare], 'export-sam', file).out, 'wasm and native templates differ');
        assert.equal(imported.out, run([compare], 'import', template).out, 'wasm and native imports differ');
        assert.equal(imported.err, run([compare], 'import', template).err, 'wasm and native warnings differ');
      }
    });
  }
  check('import: a file that is not a template exits 2 with the reason', () => {
    const notTemplate = path.join(root, 'assets/scenarios', presets[0]);
    const r = run(runner, 'import', notTemplate);
    assert.equal(r.code, 2);
    assert.match(r.err, /not a CloudFormation or SAM template: no top-level `Resources` map/);
  });
  check('run --trace-format chrome: Trace Event Format, the same with every runner', () => {
    const file = path.join(root, 'assets/scenarios', 'sqs_with_redrive.json');
    const out = path.join(dir, 'trace.json');
    const r = run(runner, 'run', file, '--trace-format', 'chrome', '--trace', out);
    assert.equal(r.code, 0, r.err);
    const trace = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.ok(trace.traceEvents.some((e) => e.ph === 'X' && e.cat === 'invocation'));
    if (compare) {
      const nativeOut = path.join(dir, 'trace-native.json');
      assert.equal(run([compare], 'run', file, '--trace-format', 'chrome', '--trace', nativeOut).code, 0);
      assert.equal(fs.readFileSync(out, 'utf8'), fs.readFileSync(nativeOut, 'utf8'));
    }
  });
  fs.rmSync(dir, { recursive: true, force: true });
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
  check('compare: A without and B with a redrive policy, the same numbers as each run\'s summary', () => {
    // One poison message, visibility 40 s, retention 5 min, a function that always fails (docs/cost.md; the
    // arithmetic is in tests/cost/test_cost_model.cpp). A: received at 0, 40, ..., 280 s (8) then expired; B
    // (max_receive_count 3): received 3 times, then moved to the DLQ (SQS DG, redrive policy).
    const poison = (redrive) => ({ version: 1, name: redrive ? 'with redrive' : 'no redrive', seed: 1, run_for: '6m',
      nodes: [
        { id: 'orders', type: 'sqs', visibility_timeout: '40s', retention: '5m', traffic: { messages: 1, body: 'poison' },
          ...(redrive ? { redrive: { dead_letter_queue: 'dlq', max_receive_count: 3 } } : {}) },
        { id: 'process', type: 'function', duration: '100ms', cold_start: '0s',
          behavior: [{ when: { body_contains: 'poison' }, then: 'error' }] },
        { id: 'dlq', type: 'sqs' }],
      edges: [{ from: 'orders', to: 'process', batch_size: 1 }] });
    const a = path.join(dir, 'a.json'), b = path.join(dir, 'b.json');
    fs.writeFileSync(a, JSON.stringify(poison(false)));
    fs.writeFileSync(b, JSON.stringify(poison(true)));
    const r = run(runner, 'compare', a, b, '--summary');
    assert.equal(r.code, 0, `exit code (stderr: ${r.err})`);
    const diff = JSON.parse(r.out);
    const row = (group, field, node) => diff.rows.find((x) => x.group === group && x.field === field && (x.node ?? '') === (node ?? ''));
    assert.deepEqual([row('node', 'receives', 'orders').a, row('node', 'receives', 'orders').b], [8, 3]);
    assert.equal(row('node', 'receives', 'orders').difference, -5);
    assert.deepEqual([row('outcomes', 'expired').a, row('outcomes', 'expired').b], [1, 0]);
    assert.equal(row('outcomes', 'dead_lettered').b, 1);
    assert.equal(diff.summary, 'B: 0 expired instead of 1, 1 dead lettered instead of 0, $0.00087 less per day');
    // The cost rows are the runs' own summary figures.
    const costA = JSON.parse(run(runner, 'run', a, '--summary').out).cost;
    const costB = JSON.parse(run(runner, 'run', b, '--summary').out).cost;
    assert.equal(row('total', 'usd').a, costA.total_usd);
    assert.equal(row('total', 'usd').b, costB.total_usd);
    assert.equal(row('total', 'usd_per_day').b, costB.per_day_usd);
    assert.equal(row('cost', 'usd', 'orders').a, costA.nodes.orders.usd);
    // A: 1 send + 8 receives = 9 SQS requests; 8 Lambda requests (https://aws.amazon.com/sqs/pricing/).
    assert.equal(costA.nodes.orders.units.sqs_standard_requests.units, 9);
    assert.equal(costA.nodes.process.units.lambda_requests.units, 8);
    assert.equal(costA.region, 'us-east-1');
    const text = run(runner, 'compare', a, b);
    assert.equal(text.code, 0);
    assert.ok(text.out.trimEnd().endsWith(diff.summary), 'the table ends with the summary line');
    assert.equal(run(runner, 'compare', a).code, 2, 'one file without compare_b is a usage error');
    // One file holding both (B as "compare_b", docs/scenario-format.md "Comparisons"): the same rows and summary.
    const ab = path.join(dir, 'ab.json');
    fs.writeFileSync(ab, JSON.stringify({ ...poison(false), compare_b: poison(true) }));
    const one = run(runner, 'compare', ab, '--summary');
    assert.equal(one.code, 0, `exit code (stderr: ${one.err})`);
    assert.deepEqual(JSON.parse(one.out).rows, diff.rows);
    assert.equal(JSON.parse(one.out).summary, diff.summary);
    const badB = path.join(dir, 'bad_b.json');
    fs.writeFileSync(badB, JSON.stringify({ ...poison(false), compare_b: { ...poison(true), run_for: 'soon' } }));
    const bad = run(runner, 'compare', badB);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /\/compare_b\/run_for/);
  });
  check('compare runs B on A\'s clock: the presets without and with a redrive policy', () => {
    // sqs_no_redrive runs 12 min, sqs_with_redrive 5 min: compared over A's 12 min, B's poison message sits in the
    // DLQ after 3 receives while A's keeps being received every 30 s, so B costs less per day.
    const a = path.join(root, 'assets/scenarios/sqs_no_redrive.json');
    const b = path.join(root, 'assets/scenarios/sqs_with_redrive.json');
    const r = run(runner, 'compare', a, b, '--summary');
    assert.equal(r.code, 0, `exit code (stderr: ${r.err})`);
    const diff = JSON.parse(r.out);
    assert.equal(diff.a.ended_at_s, 720);
    assert.equal(diff.b.ended_at_s, 720);
    assert.match(diff.summary, /^B: 0 expired instead of 1, 1 dead lettered instead of 0, \$[0-9.]+ less per day$/);
  });
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log(`cli: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
