// intake through a bundler: tests/js/vite-app is built with Vite's JS API into a temp dir, the output is served
// statically and run in Chromium. The build must emit the .wasm as an asset and the email and phone replays (the
// whole phone corpus, bundled as raw text) must pass.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  assertBizReplays, assertNameReplays, assertPageResult, jsTestsDir, launchChromium, loadFieldFixtures, loadFixtures, loadPhoneFixtures, requireBuild, runPage, startStaticServer, wasmPath,
} from './harness.mjs';

let outDir;
let server;
let browser;
const warnings = [];

async function listFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(path.relative(dir, path.join(e.parentPath ?? e.path, e.name)));
  }
  return out.sort();
}

before(async () => {
  requireBuild();
  loadFixtures();
  loadPhoneFixtures();
  loadFieldFixtures();
  outDir = await mkdtemp(path.join(os.tmpdir(), 'intake-vite-'));
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

test('Vite build of an app importing intake emits the wasm asset', { timeout: 180_000 }, async (t) => {
  const { build, createLogger, version } = await import('vite');
  t.diagnostic(`vite ${version}`);
  const logger = createLogger('warn');
  const warn = logger.warn.bind(logger);
  logger.warn = (msg, opts) => { warnings.push(msg); warn(msg, opts); };
  const started = Date.now();
  await build({
    root: path.join(jsTestsDir, 'vite-app'),
    configFile: false,
    logLevel: 'warn',
    customLogger: logger,
    // The app bundles the ~4 MB phone corpus as a string, so its chunk is meant to be large.
    build: { outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 8 * 1024 },
  });
  for (const w of warnings) t.diagnostic(`vite warning: ${w}`);
  t.diagnostic(`vite build: ${Date.now() - started} ms`);
  const files = await listFiles(outDir);
  t.diagnostic(`output: ${files.join(', ')}`);
  assert.ok(files.includes('index.html'), 'index.html emitted');
  const wasmFiles = files.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasmFiles.length, 1, `exactly one .wasm asset, got ${JSON.stringify(wasmFiles)}`);
  const emitted = await readFile(path.join(outDir, wasmFiles[0]));
  const source = await readFile(wasmPath);
  assert.ok(emitted.equals(source), 'the emitted wasm is pkg/gen/intake_bg.wasm byte for byte');
  const js = (await Promise.all(files.filter((f) => f.endsWith('.js')).map((f) => readFile(path.join(outDir, f), 'utf8')))).join('\n');
  assert.ok(js.includes(path.basename(wasmFiles[0])), 'the bundle references the emitted wasm asset by its hashed name');
});

test('the Vite-built app runs in Chromium and the email and phone fixtures replay', { timeout: 180_000 }, async (t) => {
  server = await startStaticServer(outDir);
  browser = await launchChromium();
  const { result, logs } = await runPage(browser, `${server.url}/index.html`, 'vite');
  await assertPageResult(t, result, logs, 'vite');
  assertBizReplays(t, result.biz, 'vite');
  assertNameReplays(t, result.names, 'vite');
  t.diagnostic(`vite: phone replay took ${result.phone.ms} ms in the page`);
  assert.equal(result.typed.at(-1), '+1 415-555-2671', `AsYouType('US') in the bundle: ${JSON.stringify(result.typed)}`);
  assert.equal(result.batchMatches, true, 'validatePhones equals mapping validatePhone in the bundle');
  const wasmRequests = server.requests.filter((r) => r.path.split('?')[0].endsWith('.wasm'));
  assert.equal(wasmRequests.length, 1, `wasm fetched once: ${JSON.stringify(wasmRequests)}`);
  assert.equal(wasmRequests[0].status, 200);
  assert.equal(wasmRequests[0].type, 'application/wasm');
  assert.deepEqual(server.requests.filter((r) => r.status >= 400 && r.path !== '/favicon.ico'), [], 'no failed requests');
});
