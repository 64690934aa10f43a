// File menu with the mouse (issue 6 "Open file", "Save file", "Reset to preset"): Save file downloads the
// scenario's JSON; Open file reads the file picked in the browser's chooser (a broken file shows why and keeps
// the scenario); Reset to preset brings the preset back after an edit, and Undo brings the edit back.
// Item positions come from the state JSON (menu_items), the scenario from pg_scenario_json.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson, menuClick } from './browser.mjs';

const scenarioJson = (page) => page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._pg_scenario_json())));

const fileMenu = (page, label, during) => menuClick(page, 'File', label, during);

export default async function files({ url, artifacts }) {
  const { context, close } = await launchBrowser({ deviceScaleFactor: 1 });
  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-files-'));  // the files the test saves and opens
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, url, 10);
    const preset = await scenarioJson(page);
    assert.equal(preset.name, 'SQS without a redrive policy');

    // Save file: a download named after the scenario, holding exactly the scenario JSON.
    const download = await fileMenu(page, 'Save file', () => page.waitForEvent('download', { timeout: 10000 }));
    assert.equal(download.suggestedFilename(), 'sqs-without-a-redrive-policy.json');
    const savedPath = path.join(dir, 'files-saved.json');
    await download.saveAs(savedPath);
    const saved = JSON.parse(fs.readFileSync(savedPath, 'utf8'));
    assert.deepEqual(saved, preset, 'the downloaded file is the scenario');

    // Open file: the chooser opens from the menu; a valid file replaces the scenario.
    const edited = { ...saved, name: 'Opened from a file', run_for: '3m' };
    const goodPath = path.join(dir, 'files-open.json');
    fs.writeFileSync(goodPath, JSON.stringify(edited, null, 2));
    const chooser = await fileMenu(page, 'Open file...', () => page.waitForEvent('filechooser', { timeout: 10000 }));
    await chooser.setFiles(goodPath);
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._pg_scenario_json())).name === 'Opened from a file',
      null, { timeout: 10000 });
    let opened = await scenarioJson(page);
    assert.equal(opened.run_for, '3m');
    assert.deepEqual(opened.nodes, saved.nodes, 'the file\'s nodes');
    assert.equal((await stateJson(page)).notice, null);

    // A broken file (through the hidden input, as the chooser fills it): a message, and the scenario stays.
    const badPath = path.join(dir, 'files-bad.json');
    fs.writeFileSync(badPath, '{"version": 1, "name": "broken", "nodes": [');
    await page.setInputFiles('input[type=file]', badPath);
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._pg_state_json())).notice !== null, null,
      { timeout: 10000 });
    const notice = (await stateJson(page)).notice;
    assert.match(notice.title, /Could not open the file "files-bad.json"/);
    assert.match(notice.text, /unchanged/);
    assert.equal((await scenarioJson(page)).name, 'Opened from a file', 'a broken file keeps the scenario');
    fs.writeFileSync(path.join(artifacts, 'files-bad-notice.png'), await page.screenshot());
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._pg_state_json())).notice === null, null,
      { timeout: 5000 });

    // Reset to preset: back to the preset after an edit; disabled for a scenario that is no preset's.
    await page.evaluate(() => Module.ccall('pg_open_preset', 'number', ['string'], ['sqs_no_redrive']));
    const setParam = (node, key, value) => page.evaluate(([n, k, v]) =>
      Module.ccall('pg_set_param', 'number', ['string', 'string', 'string'], [n, k, v]), [node, key, value]);
    assert.equal(await setParam('process', 'timeout', '5s'), 1);
    assert.equal((await scenarioJson(page)).nodes.find((n) => n.id === 'process').timeout, '5s');
    await fileMenu(page, 'Reset to preset');
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._pg_scenario_json()))
      .nodes.find((n) => n.id === 'process').timeout !== '5s', null, { timeout: 5000 });
    assert.deepEqual(await scenarioJson(page), preset, 'Reset to preset reloads the preset');
    fs.writeFileSync(path.join(artifacts, 'files-reset.png'), await page.screenshot());
    await page.keyboard.press('Control+Z');  // Undo brings the edit back
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._pg_scenario_json()))
      .nodes.find((n) => n.id === 'process').timeout === '5s', null, { timeout: 5000 });

    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await close();
  }
}
