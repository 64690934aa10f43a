// Runs one browser test against a built dist/ folder: node tests/web/run.mjs NAME --dist DIR
// Serves dist/ on 127.0.0.1 (a free port), runs tests/web/NAME.mjs, prints "1 passed, 0 failed" or the error.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from './static_server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [name, ...rest] = process.argv.slice(2);
const dist = rest[rest.indexOf('--dist') + 1];
if (!name || !dist || !fs.existsSync(path.join(dist, 'index.html'))) {
  console.error('usage: node tests/web/run.mjs NAME --dist BUILT_DIST_DIR (with index.html)');
  process.exit(2);
}
const artifacts = path.resolve(here, 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });

const { server, url } = await startServer(dist);
let failed = false;
try {
  const test = (await import(pathToFileURL(path.join(here, `${name}.mjs`)).href)).default;
  await test({ url, dist, artifacts });
  console.log(`web ${name}: 1 passed, 0 failed`);
} catch (err) {
  failed = true;
  console.error(err && err.stack ? err.stack : err);
  console.log(`web ${name}: 0 passed, 1 failed`);
} finally {
  server.close();
}
process.exit(failed ? 1 : 0);
