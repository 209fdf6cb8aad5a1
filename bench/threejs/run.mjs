// Drives bench/threejs/frame.html in headless Chromium on one .glb and prints
// its steady frame, in the shape of friche_frame_bench's lines:
//
//   node bench/threejs/run.mjs MODEL.glb [FRAMES] [SCREENSHOT.png]
//
// Needs `npm install --prefix build-tools/bench three@0.187.0 puppeteer-core@24.43.1`
// and Debian's chromium (CHROMIUM overrides /usr/bin/chromium). Chromium's
// WebGL goes through ANGLE on the system's EGL/OpenGL driver, Mesa llvmpipe
// here: the rasteriser friche uses. The renderer WebGL reports is printed.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const modules = join(repo, 'build-tools/bench/node_modules');

const [modelArg, framesArg, screenshot] = process.argv.slice(2);
if (!modelArg) {
  console.error('usage: node bench/threejs/run.mjs MODEL.glb [FRAMES] [SCREENSHOT.png]');
  process.exit(2);
}
const model = resolve(modelArg);
if (!existsSync(model)) {
  console.error(`threejs bench: no such model: ${model}`);
  process.exit(1);
}
if (!existsSync(join(modules, 'three')) || !existsSync(join(modules, 'puppeteer-core'))) {
  console.error('threejs bench: run `npm install --prefix build-tools/bench three@0.187.0 puppeteer-core@24.43.1` first');
  process.exit(1);
}
const frames = Math.max(1, parseInt(framesArg || '20', 10));
const { default: puppeteer } = await import(join(modules, 'puppeteer-core/lib/esm/puppeteer/puppeteer-core.js'));

// A static server on the loopback: the page, three's modules, the model.
const types = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.glb': 'model/gltf-binary' };
const roots = { '/bench/': here, '/three/': join(modules, 'three') + sep };
const server = createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = null;
  if (url === '/model.glb') file = model;
  for (const [prefix, dir] of Object.entries(roots)) {
    if (url.startsWith(prefix)) {
      const f = resolve(dir, '.' + url.slice(prefix.length - 1));
      if (f.startsWith(resolve(dir))) file = f;
    }
  }
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  protocolTimeout: 3600_000,
  args: ['--no-sandbox', '--ignore-gpu-blocklist', '--use-gl=angle', '--use-angle=gl-egl',
         '--disable-gpu-watchdog', '--window-size=1920,1080'],
});
let failed = false;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1920, height: 1080, deviceScaleFactor: 1 });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warn') console.error(`page: ${m.text()}`); });
  page.on('pageerror', (e) => { console.error(`page error: ${e.message}`); failed = true; });
  await page.goto(`${origin}/bench/frame.html`);
  await page.waitForFunction('window.benchReady === true', { timeout: 60_000 });
  const r = await page.evaluate((o) => window.runBench(o), { model: '/model.glb', frames });
  console.log(`${model}: ${r.nodes} nodes, ${r.triangles} triangles, 1920x1080, three.js r${r.three}, WebGL2: ${r.renderer}`);
  for (const [key, label] of [['shadows', 'with shadows   '], ['noShadows', 'without shadows']]) {
    const s = r[key];
    console.log(`${label}: median ${s.median.toFixed(1)} ms, best ${s.best.toFixed(1)} ms over ${s.frames} frames; draw calls ${s.calls} (shadow cascades included)`);
  }
  if (screenshot) await page.screenshot({ path: screenshot });
} catch (e) {
  console.error(`threejs bench: ${e.message}`);
  failed = true;
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
