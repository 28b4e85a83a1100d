// intake in Chromium without a bundler: the page imports /pkg/index.js as a plain ES module from a static server
// rooted at the repository, `await init()` fetches pkg/gen/intake_bg.wasm, and the email and phone fixtures are
// replayed in-page (the whole phone corpus, fetched as text).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  assertBizReplays, assertNameReplays, assertPageResult, launchChromium, loadFieldFixtures, loadFixtures, loadPhoneFixtures, repoRoot, requireBuild, runPage, startStaticServer,
} from './harness.mjs';

let server;
let browser;

before(async () => {
  requireBuild();
  loadFixtures();
  loadPhoneFixtures();
  loadFieldFixtures();
  server = await startStaticServer(repoRoot);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
});

test('Chromium, plain ES modules: init() fetches the wasm, email and phone fixtures replay', { timeout: 180_000 }, async (t) => {
  t.diagnostic(`chromium ${browser.version()}`);
  const { result, logs } = await runPage(browser, `${server.url}/tests/js/browser/index.html`, 'chromium');
  await assertPageResult(t, result, logs, 'chromium');
  assertBizReplays(t, result.biz, 'chromium');
  assertNameReplays(t, result.names, 'chromium');
  assert.equal(result.initSamePromise, true, 'init() returns the same promise on later calls');
  assert.ok(Array.isArray(result.notString) && result.notString.includes('input.not_string'),
    `validateEmail(42) in the browser: ${JSON.stringify(result.notString)}`);
  assert.equal(result.sample.original, '  Ali@GMIAL.com ');
  t.diagnostic(`chromium: phone replay took ${result.phone.ms} ms in the page`);
  assert.ok(Array.isArray(result.phoneNotString) && result.phoneNotString.includes('input.not_string'),
    `validatePhone(42) in the browser: ${JSON.stringify(result.phoneNotString)}`);
  for (const f of ['countryNotString', 'dateNotString']) {
    assert.ok(Array.isArray(result[f]) && result[f].includes('input.not_string'), `${f}: ${JSON.stringify(result[f])}`);
  }
  assert.equal(result.typed.at(-1), '0912 345 6789', `AsYouType('IR') in the browser: ${JSON.stringify(result.typed)}`);

  const wasmRequests = server.requests.filter((r) => r.path.split('?')[0].endsWith('.wasm'));
  assert.equal(wasmRequests.length, 1, `wasm fetched once: ${JSON.stringify(wasmRequests)}`);
  assert.equal(wasmRequests[0].path.split('?')[0], '/pkg/gen/intake_bg.wasm');
  assert.equal(wasmRequests[0].status, 200);
  assert.equal(wasmRequests[0].type, 'application/wasm');
  const failed = server.requests.filter((r) => r.status >= 400 && r.path !== '/favicon.ico');
  assert.deepEqual(failed, [], 'no failed requests');
});
