// The tablet remote's page in a real browser: headless Chromium (Debian's
// `chromium`) driven by puppeteer-core opens the page as a touch tablet, logs
// in on its PIN pad when a PIN is given, taps "next step" and a language, and
// checks through GET /api/state that the screen followed, and on the page
// that the change came back over the event stream. Then, against the same
// friche, a few of the API's answers: the PIN refused, a bad body refused, a
// comment stored (201) and listed.
//
//   npm install --prefix build-tools/browser puppeteer-core@24.43.1
//   node tests/browser/remote_page.mjs http://127.0.0.1:8080/ [PIN]
//
// A running friche with a tour and --remote is needed (tests/browser/run.sh
// starts one). puppeteer-core downloads no browser: CHROMIUM names the one to
// drive (default /usr/bin/chromium). Exits 0 when every check passed.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'build-tools/browser/node_modules/'));
const puppeteer = require('puppeteer-core');

const [url, pin] = process.argv.slice(2);
if (!url) {
  console.error('usage: node tests/browser/remote_page.mjs URL [PIN]');
  process.exit(2);
}
// Each wait for the viewer: it carries a command out on its next frame, which
// under Xvfb's software GL may take a while.
const kWaitMs = 15000;

async function api(method, route, body, headers = pin ? { 'X-Friche-Pin': pin } : {}) {
  const options = { method, headers: { ...headers } };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(new URL(route, url), options);
  return { status: response.status, body: await response.json() };
}

async function apiState() {
  const { status, body } = await api('GET', '/api/state');
  if (status !== 200) throw new Error(`GET /api/state answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

function expect(what, answer, status) {
  if (answer.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  console.log(`${what}: ${status}${answer.body.error ? ` (${answer.body.error})` : ''}`);
}

async function apiChecks() {
  if (pin) expect('no PIN', await api('GET', '/api/state', undefined, {}), 401);
  expect('a step that is not a number', await api('POST', '/api/step', { step: 'one' }), 400);
  expect('malformed JSON', await api('POST', '/api/lang', '{"lang": '), 400);
  const state = await apiState();
  const text = `browser test ${Date.now()}`;
  const added = await api('POST', '/api/comments', { text, phase: state.phase, anchor: state.lookAt });
  expect('a comment', added, 201);
  const { body: comments } = await api('GET', '/api/comments');
  if (!comments.some((c) => c.id === added.body.id && c.text === text)) {
    throw new Error(`comment ${added.body.id} is not in GET /api/comments: ${JSON.stringify(comments)}`);
  }
  console.log(`comment ${added.body.id} is listed, pinned at [${state.lookAt.join(', ')}]`);
}

async function until(what, test) {
  const start = Date.now();
  for (;;) {
    const state = await apiState();
    if (test(state)) return state;
    if (Date.now() - start > kWaitMs) {
      throw new Error(`${what}: not so after ${kWaitMs} ms; the state is ${JSON.stringify(state)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  // Root in CI containers has no user namespaces for Chromium's sandbox.
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
let failed = false;
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // A 10-inch tablet held in landscape: touch events, not a mouse.
  await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await page.goto(url, { waitUntil: 'load' });

  if (pin) {
    await page.waitForSelector('#pin-pad', { visible: true, timeout: kWaitMs });
    for (const digit of pin) await page.tap(`[data-digit="${digit}"]`);
    await page.tap('#pin-ok');
  }
  await page.waitForSelector('#next:not([disabled])', { visible: true, timeout: kWaitMs });

  const before = await apiState();
  console.log(`before: step ${before.step} of ${before.steps.length} (tour "${before.tour}"), lang ${before.lang}`);
  await page.tap('#next');
  await until(`step ${before.step + 1} after "next step"`, (s) => s.step === before.step + 1);
  console.log(`"next step" tapped: the screen is at step ${before.step + 1}`);

  const lang = before.lang === 'en' ? 'nl' : 'en';
  await page.tap(`[data-lang="${lang}"]`);
  await until(`language "${lang}" after its button`, (s) => s.lang === lang);
  console.log(`"${lang.toUpperCase()}" tapped: the screen speaks ${lang}`);

  // The page heard it back over the event stream: its button is pressed and
  // its own words are in that language.
  await page.waitForSelector(`[data-lang="${lang}"][aria-pressed="true"]`, { timeout: kWaitMs });
  await page.waitForFunction((l) => document.documentElement.lang === l, { timeout: kWaitMs }, lang);
  console.log('the page shows both changes, from the event stream');
  if (problems.length) throw new Error(`the page's script failed: ${problems.join('; ')}`);
  await apiChecks();
} catch (error) {
  console.error(`FAILED: ${error.message}`);
  failed = true;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
