// Stamps dist/sw.js (copied from web/sw.js) with this build's id and file list: node stamp_service_worker.mjs DIST
// The id is a hash of every file the page ships, so any change to the app makes a new cache (web/sw.js).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dist = path.resolve(process.argv[2] || '');
const template = path.join(dist, 'sw.js');
if (!fs.existsSync(template)) {
  console.error(`usage: node stamp_service_worker.mjs DIST (no sw.js in ${dist})`);
  process.exit(2);
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}
const files = walk(dist).map((f) => path.relative(dist, f).split(path.sep).join('/'))
  .filter((f) => f !== 'sw.js').sort();
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f).update('\0').update(fs.readFileSync(path.join(dist, f)));
const build = hash.digest('hex').slice(0, 16);
const source = fs.readFileSync(template, 'utf8');
if (!source.includes('__PG_BUILD__') || !source.includes('// __PG_FILES__')) {
  console.error('dist/sw.js has no placeholders: the build copies a fresh one from web/sw.js before stamping');
  process.exit(1);
}
const list = ['./', ...files.map((f) => './' + f)];
const stamped = source.replace('__PG_BUILD__', build)
  .replace("const FILES = ['./'];  // __PG_FILES__", `const FILES = ${JSON.stringify(list)};`);
fs.writeFileSync(template, stamped);
console.log(`sw.js: build ${build}, ${list.length} files cached`);
