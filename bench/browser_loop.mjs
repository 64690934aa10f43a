// The simulation-loop benchmark as wasm in headless Chromium (build/web/pg_bench_browser.{js,wasm}): the same
// bench_main.cpp as pg_bench, run where the playground's users run it. Node's V8 is older than the browser's, so
// the two wasm figures can differ. One fresh browser per workload; the page writes the workload into the in-memory
// file system before main() runs, and main() prints the same JSON line as the native and Node runs.
// Figures only, no assertions: browserLoopFigures({ root, buildDir, workDir, workloads: [{ name, runs }], nativeRun }).
// nativeRun(workload), when given, runs the native build just before each browser: a ratio of two runs made minutes
// apart on a shared machine measures the machine as much as the code.
import fs from 'node:fs';
import path from 'node:path';

// The loader: arguments and the workload from the query string, every printed line kept, exit noted.
const PAGE = `<!doctype html><meta charset="utf-8"><title>pg_bench in Chromium</title>
<script>
const query = new URLSearchParams(location.search);
window.pgBench = { lines: [], exited: false };
fetch(query.get('file')).then((r) => r.text()).then((text) => {
  window.Module = {
    arguments: ['/workload.json', '--runs', query.get('runs')],
    preRun: [() => FS.writeFile('/workload.json', text)],
    print: (line) => window.pgBench.lines.push(line),
    printErr: (line) => window.pgBench.lines.push('stderr: ' + line),
    onExit: () => { window.pgBench.exited = true; },
    onAbort: (what) => { window.pgBench.lines.push('abort: ' + what); window.pgBench.exited = true; },
  };
  const script = document.createElement('script');
  script.src = 'pg_bench_browser.js';
  document.body.appendChild(script);
});
</script><body></body>`;

/// root: the checkout (bench/*.json, tests/web helpers); buildDir: where pg_bench_browser.{js,wasm} are;
/// workDir: a scratch directory, served to the browser.
export async function browserLoopFigures({ root, buildDir, workDir, workloads, nativeRun }) {
  if (!fs.existsSync(path.join(buildDir, 'pg_bench_browser.js'))) return { error: 'build/web/pg_bench_browser.js missing (make web)' };
  // Served from a directory of its own: the page, the build and the workloads.
  const dir = fs.mkdtempSync(path.join(workDir, 'browser-loop-'));
  for (const f of ['pg_bench_browser.js', 'pg_bench_browser.wasm']) fs.copyFileSync(path.join(buildDir, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'index.html'), PAGE);
  for (const w of workloads) fs.copyFileSync(path.join(root, 'bench', `${w.name}.json`), path.join(dir, `${w.name}.json`));

  const { launchBrowser } = await import(path.join(root, 'tests/web/browser.mjs'));
  const { startServer } = await import(path.join(root, 'tests/web/static_server.mjs'));
  const { server, url } = await startServer(dir);
  const out = { chromium: null, workloads: {} };
  try {
    for (const w of workloads) {
      // The native run first, with no browser alive: Chromium's own processes keep a core busy as it starts.
      const native = nativeRun ? nativeRun(w) : null;
      const { context, close } = await launchBrowser();
      try {
        const page = await context.newPage();
        await page.goto(`${url}?file=${encodeURIComponent(w.name + '.json')}&runs=${w.runs}`);
        await page.waitForFunction(() => window.pgBench.exited, null, { timeout: 600000 });
        const lines = await page.evaluate(() => window.pgBench.lines);
        out.chromium = await page.evaluate(() => (navigator.userAgent.match(/Chrome\/([\d.]+)/) || [])[1] || null);
        const json = lines.find((l) => l.startsWith('{'));
        out.workloads[w.name] = json ? JSON.parse(json) : { error: lines.join(' ').slice(0, 300) || 'no output' };
        if (native) out.workloads[w.name].native_just_before = native;
      } catch (e) {
        out.workloads[w.name] = { error: e.message.split('\n')[0] };
      } finally {
        await close();
      }
    }
  } finally {
    server.close();
  }
  return out;
}
