// Share links: copy a link (File > Copy link at this step), open it in a fresh browser and get the same scenario,
// step, selected item and trace. Reports each preset's link length, and checks that the command-line runner's
// `link` prints the very same fragment as the page (PG_RUNNER_JS: the wasm runner through Node; PG_NATIVE_RUNNER:
// the native one, when built).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, watchConsole, openApp, stateJson } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scenarioJson = (page) => page.evaluate(() => Module.UTF8ToString(Module._pg_scenario_json()));
const fragmentOf = (page, atStep) => page.evaluate((s) => Module.UTF8ToString(Module._pg_share_fragment(s)), atStep);

function runners() {
  const out = [];
  if (process.env.PG_RUNNER_JS && fs.existsSync(process.env.PG_RUNNER_JS))
    out.push({ name: 'wasm runner', cmd: process.execPath, args: ['--no-experimental-fetch', process.env.PG_RUNNER_JS] });
  if (process.env.PG_NATIVE_RUNNER && fs.existsSync(process.env.PG_NATIVE_RUNNER))
    out.push({ name: 'native runner', cmd: process.env.PG_NATIVE_RUNNER, args: [] });
  return out;
}

export default async function links({ url, artifacts }) {
  const first = await launchBrowser();
  let link, before, beforeScenario;
  const presets = fs.readdirSync(path.join(root, 'assets/scenarios')).filter((f) => f.endsWith('.json')).sort();
  try {
    const page = await first.context.newPage();
    const errors = watchConsole(page);
    await first.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    await openApp(page, url, 5);

    // Link length per preset, and the runner's `link` must equal the page's fragment byte for byte.
    const tools = runners();
    const report = [];
    for (const file of presets) {
      const stem = file.replace(/\.json$/, '');
      assert.equal(await page.evaluate((s) => window.pgShell.call('pg_open_preset', s), stem), 1, `preset ${stem} opens`);
      const fragment = await fragmentOf(page, 0);
      report.push(`${stem}: ${fragment.length + 1} characters after the page URL (#${fragment.slice(0, 12)}...)`);
      for (const tool of tools) {
        const cli = execFileSync(tool.cmd, [...tool.args, 'link', path.join(root, 'assets/scenarios', file)],
          { encoding: 'utf8' }).trim();
        assert.equal(cli, fragment, `${tool.name} link equals the page's link for ${stem}`);
        const cliStep = execFileSync(tool.cmd, [...tool.args, 'link', path.join(root, 'assets/scenarios', file), '--step', '25'],
          { encoding: 'utf8' }).trim();
        assert.equal(cliStep, fragment + '&step=25', `${tool.name} link --step 25 for ${stem}`);
      }
    }
    console.log('link length per preset:\n  ' + report.join('\n  '));
    console.log(`runners compared with the page: ${tools.map((t) => t.name).join(', ') || 'none found'}`);
    if (process.env.PG_REQUIRE_RUNNER) assert.ok(tools.length > 0, 'a runner to compare with');

    // A scenario mid-run with a selected item: copy its link the way the File menu does.
    await page.evaluate(() => window.pgShell.call('pg_open_preset', 's3_async_dlq'));
    await page.evaluate(() => Module._pg_step(40));
    assert.equal(await page.evaluate(() => window.pgShell.call('pg_select', 'uploads#3')), 1, 'item uploads#3 exists');
    await page.evaluate(() => Module._pg_copy_link(1));
    link = await page.evaluate(() => window.pgLastCopied);
    assert.ok(link.startsWith(url + 'index.html#v1.') || link.startsWith(url + '#v1.'), `link is the page URL + fragment: ${link.slice(0, 60)}`);
    const stepNow = (await stateJson(page)).step;
    assert.ok(stepNow > 5, `stepped into the run (step ${stepNow})`);
    assert.ok(link.endsWith(`&step=${stepNow}&item=uploads%233`), `link carries step and item: ...${link.slice(-40)}`);
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(clip, link, 'the system clipboard holds the link');
    before = await stateJson(page);
    beforeScenario = await scenarioJson(page);
    assert.equal(before.status.startsWith('link copied'), true, `status says so: ${before.status}`);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await first.close();
  }

  // A fresh browser (nothing autosaved) opens the link: same scenario, same step, same item, same trace.
  const second = await launchBrowser();
  try {
    const page = await second.context.newPage();
    const errors = watchConsole(page);
    await openApp(page, link, 5);
    const after = await stateJson(page);
    assert.equal(await scenarioJson(page), beforeScenario, 'scenario JSON identical');
    for (const key of ['scenario', 'step', 'time_us', 'trace_records', 'invocations', 'counters', 'items'])
      assert.deepEqual(after[key], before[key], `state.${key} identical`);
    assert.equal(after.selection.item, 'uploads#3', 'selected item restored');
    assert.equal(after.notice, null, 'no message');
    assert.equal(after.link_held, true, 'a linked scenario is not autosaved until kept');
    // Same trace onwards: stepping both from here agrees (compare with a replay in the same page).
    await page.evaluate(() => Module._pg_step(30));
    const later = await stateJson(page);
    await page.evaluate((f) => window.pgShell.call('pg_open_link', f), link.split('#')[1]);
    await page.evaluate(() => Module._pg_step(30));
    const replay = await stateJson(page);
    assert.deepEqual([replay.step, replay.time_us, replay.counters], [later.step, later.time_us, later.counters],
      'replaying from the link gives the same run');
    assert.match(await page.title(), /S3 event retried into a DLQ/, `title reflects the scenario: ${await page.title()}`);
    await page.waitForTimeout(300);
    fs.writeFileSync(path.join(artifacts, 'links-opened.png'), await page.screenshot());
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await second.close();
  }
}
