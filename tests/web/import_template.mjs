// Issue 19: File > Import AWS template, by paste. The template (an SQS queue with a redrive policy feeding a
// function, and an unmodelled IAM role) is pasted into the import window's text field and imported: the nodes
// are the template's logical ids, the role is listed in the Warnings tab, and the imported scenario plays.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, watchConsole, openApp, stateJson, menuClick, waitFrames } from './browser.mjs';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: Orders from my stack
Resources:
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 60
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt OrdersDlq.Arn
        maxReceiveCount: 3
  OrdersDlq:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Timeout: 20
      Events:
        Queue:
          Type: SQS
          Properties:
            Queue: !GetAtt Orders.Arn
            BatchSize: 5
  WorkerRole:
    Type: AWS::IAM::Role
`;

const scenarioJson = (page) => page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._pg_scenario_json())));

export default async function importTemplate({ url, artifacts }) {
  const { context, close } = await launchBrowser({ deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const errors = watchConsole(page);
    await openApp(page, url, 10);

    await menuClick(page, 'File', 'Import AWS template...');
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._pg_state_json())).fields.import_template,
      null, { timeout: 10000 });
    const field = (await stateJson(page)).fields.import_template;
    await page.mouse.click(field.x + field.w / 2, field.y + 20);
    await waitFrames(page, 3);
    await page.evaluate((text) => Module.ccall('pg_paste_text', null, ['string', 'number'], [text, 0]), TEMPLATE);
    await waitFrames(page, 6);
    fs.writeFileSync(path.join(artifacts, 'import-template-pasted.png'), await page.screenshot());
    const button = (await stateJson(page)).menu_items['import:Import'];
    await page.mouse.click(button.x + button.w / 2, button.y + button.h / 2);
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._pg_scenario_json())).name === 'Orders from my stack',
      null, { timeout: 15000 });

    const s = await scenarioJson(page);
    assert.deepEqual(s.nodes.map((n) => n.id).sort(), ['Orders', 'OrdersDlq', 'Worker']);
    const orders = s.nodes.find((n) => n.id === 'Orders');
    assert.equal(orders.visibility_timeout, '1m');  // 60 s
    assert.deepEqual(orders.redrive, { dead_letter_queue: 'OrdersDlq', max_receive_count: 3 });
    assert.equal(s.nodes.find((n) => n.id === 'Worker').timeout, '20s');
    assert.deepEqual(s.edges, [{ from: 'Orders', to: 'Worker', batch_size: 5 }]);
    await waitFrames(page, 4);
    const state = await stateJson(page);
    const role = state.warnings.find((w) => w.kind === 'template_not_modelled');
    assert.ok(role, 'the unmodelled role is in the Warnings tab');
    assert.match(role.text, /WorkerRole: resource type AWS::IAM::Role not modelled/);
    fs.writeFileSync(path.join(artifacts, 'import-template-imported.png'), await page.screenshot());

    // It plays like any other scenario: the default traffic (100 items at 10/s) reaches the function.
    await page.evaluate(() => { Module._pg_set_speed(60); Module._pg_set_playing(1); });
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._pg_state_json())).time_us > 5e6, null,
      { timeout: 60000 });
    await page.evaluate(() => Module._pg_set_playing(0));
    assert.ok((await stateJson(page)).step > 10, 'the run advanced');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
}
