// intake inside a real Cloudflare Workers runtime (workerd), no bundler. tests/js/workerd/worker.mjs and every module
// it reaches are given to workerd as separate modules named by their repository paths; the wasm is a CompiledWasm
// module and `init(wasm)` receives a WebAssembly.Module. Two ways of starting workerd:
//   1. Miniflare 4 (its API starts the workerd binary and proxies dispatchFetch to it);
//   2. the workerd binary itself, `workerd serve config.capnp`, with a generated config and a socket on
//      127.0.0.1 at a free port, fetched over HTTP from this test.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  assertAddressReplays, assertBizReplays, assertNameReplays, assertCorpus, assertFieldReplays, assertPhoneCorpus, assertPhoneReplay, assertReplay, bundleWorker, freePort, jsTestsDir, loadFixtures,
  loadFieldFixtures, loadPhoneFixtures, moduleGraph, repoRoot, requireBuild, retryUntil,
  startProcess, writeArtifact,
} from './harness.mjs';

const COMPATIBILITY_DATE = '2026-07-01';
const workerEntry = path.join(jsTestsDir, 'workerd', 'worker.mjs');
const tempDirs = [];
let modules;

function moduleType(file) {
  if (/\.m?js$/.test(file)) return 'ESModule';
  if (file.endsWith('.wasm')) return 'CompiledWasm';
  return 'Text';
}

before(() => {
  requireBuild();
  loadFixtures();
  loadPhoneFixtures();
  loadFieldFixtures();
  modules = moduleGraph(workerEntry).map((file) => ({
    file,
    name: path.relative(repoRoot, file).split(path.sep).join('/'),
    type: moduleType(file),
  }));
  const names = modules.map((m) => m.name);
  for (const needed of ['pkg/index.js', 'pkg/gen/intake_bg.wasm', 'tests/fixtures/email/cases.json',
    'tests/fixtures/phone/cases.json', 'tests/fixtures/phone/corpus.jsonl', 'tests/fixtures/country/cases.json',
    'tests/fixtures/date/cases.json']) {
    assert.ok(names.includes(needed), `worker module graph lacks ${needed}: ${names.join(', ')}`);
  }
});

after(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

async function assertWorkerResult(t, status, body, label) {
  writeArtifact(`${label}-response.json`, body);
  assert.ok(body && typeof body === 'object', `${label}: response is not JSON`);
  if (!body.ok) assert.fail(`${label}: worker failed (HTTP ${status}): ${body.error}`);
  assert.equal(status, 200);
  assertReplay(t, body.replay, label);
  assertCorpus(t, body.corpus, label);
  assert.equal(body.initSamePromise, true, 'init() returns the same promise on later calls');
  assert.ok(Array.isArray(body.notString) && body.notString.includes('input.not_string'),
    `validateEmail(42): ${JSON.stringify(body.notString)}`);
  assert.equal(body.batchMatches, true, 'validateEmails equals mapping validateEmail');
  assertPhoneReplay(t, body.phone?.replay, label);
  assertPhoneCorpus(t, body.phone?.corpus, label);
  assert.ok(Array.isArray(body.phoneNotString) && body.phoneNotString.includes('input.not_string'),
    `validatePhone(42): ${JSON.stringify(body.phoneNotString)}`);
  assert.equal(body.phoneBatchMatches, true, 'validatePhones equals mapping validatePhone');
  assert.equal(body.typed?.at(-1), '0912 345 6789', `AsYouType('IR'): ${JSON.stringify(body.typed)}`);
  assert.equal(typeof body.versions?.intake, 'string');
  await assertFieldReplays(t, body.fields, label);
  assertAddressReplays(t, body.address, label);
  assertBizReplays(t, body.biz, label);
  assertNameReplays(t, body.names, label);
  assertReplay(t, body.records, `${label}-records`);
  assertReplay(t, body.dedup, `${label}-dedup`);
  for (const f of ['countryNotString', 'dateNotString']) {
    assert.ok(Array.isArray(body[f]) && body[f].includes('input.not_string'), `${f}: ${JSON.stringify(body[f])}`);
  }
}

test('workerd via Miniflare: init(WebAssembly.Module), email and phone fixtures replay', { timeout: 120_000 }, async (t) => {
  const { Miniflare } = await import('miniflare');
  const mf = new Miniflare({
    modulesRoot: repoRoot,
    modules: modules.map((m) => ({ type: m.type, path: m.file, contents: readFileSync(m.file) })),
    compatibilityDate: COMPATIBILITY_DATE,
    host: '127.0.0.1',
  });
  try {
    const ready = await mf.ready;
    t.diagnostic(`miniflare ${ready}`);
    const res = await mf.dispatchFetch('http://intake.test/');
    const text = await res.text();
    let body;
    try { body = JSON.parse(text); } catch { assert.fail(`miniflare: non-JSON response ${res.status}: ${text.slice(0, 2000)}`); }
    await assertWorkerResult(t, res.status, body, 'miniflare');
  } finally {
    await mf.dispose();
  }
});

test('workerd via Miniflare, bundled like wrangler: `import wasm from \'intake/intake_bg.wasm\'`', { timeout: 120_000 }, async (t) => {
  const result = await bundleWorker(path.join(jsTestsDir, 'workerd', 'worker-bundled.mjs'));
  const inputs = Object.keys(result.metafile.inputs);
  t.diagnostic(`esbuild bundle: ${result.outputFiles[0].contents.length} bytes from ${inputs.length} inputs`);
  assert.ok(inputs.some((f) => f.endsWith('pkg/index.js')), `bare 'intake' resolved to pkg/index.js: ${inputs.join(', ')}`);
  const esbuild = await import('esbuild');
  const wasmResolved = await esbuild.build({
    stdin: { contents: "import w from 'intake/intake_bg.wasm'; export default w;", resolveDir: jsTestsDir },
    bundle: true, write: false, logLevel: 'silent', metafile: true, format: 'esm', loader: { '.wasm': 'empty' },
    absWorkingDir: repoRoot,
  });
  const wasmInput = Object.keys(wasmResolved.metafile.inputs).find((f) => f.endsWith('.wasm'));
  assert.equal(wasmInput, 'pkg/gen/intake_bg.wasm', 'exports map: intake/intake_bg.wasm -> pkg/gen/intake_bg.wasm');

  const { Miniflare } = await import('miniflare');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-bundled-'));
  tempDirs.push(dir);
  const mf = new Miniflare({
    modulesRoot: dir,
    modules: [
      { type: 'ESModule', path: path.join(dir, 'worker.mjs'), contents: result.outputFiles[0].text },
      { type: 'CompiledWasm', path: path.join(dir, 'intake_bg.wasm'), contents: readFileSync(path.join(repoRoot, wasmInput)) },
    ],
    compatibilityDate: COMPATIBILITY_DATE,
    host: '127.0.0.1',
  });
  try {
    const res = await mf.dispatchFetch('http://intake.test/');
    const text = await res.text();
    let body;
    try { body = JSON.parse(text); } catch { assert.fail(`bundled worker: non-JSON response ${res.status}: ${text.slice(0, 2000)}`); }
    writeArtifact('miniflare-bundled-response.json', body);
    if (!body.ok) assert.fail(`bundled worker failed (HTTP ${res.status}): ${body.error}`);
    assertReplay(t, body.replay, 'miniflare-bundled');
    assertCorpus(t, body.corpus, 'miniflare-bundled');
    assertPhoneReplay(t, body.phone?.replay, 'miniflare-bundled');
    assertPhoneCorpus(t, body.phone?.corpus, 'miniflare-bundled');
    await assertFieldReplays(t, body.fields, 'miniflare-bundled');
    assertAddressReplays(t, body.address, 'miniflare-bundled');
    assertBizReplays(t, body.biz, 'miniflare-bundled');
    assertNameReplays(t, body.names, 'miniflare-bundled');
  } finally {
    await mf.dispose();
  }
});

function capnpString(s) {
  return JSON.stringify(s);
}

/** A workerd config with the worker's modules embedded from copies under `dir`. */
function writeWorkerdConfig(dir, port) {
  const lines = [];
  for (const m of modules) {
    const copy = path.join(dir, 'modules', m.name);
    mkdirSync(path.dirname(copy), { recursive: true });
    writeFileSync(copy, readFileSync(m.file));
    const kind = { ESModule: 'esModule', CompiledWasm: 'wasm', Text: 'text' }[m.type];
    lines.push(`    (name = ${capnpString(m.name)}, ${kind} = embed ${capnpString(`modules/${m.name}`)}),`);
  }
  const config = `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .intakeWorker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);

const intakeWorker :Workerd.Worker = (
  modules = [
${lines.join('\n')}
  ],
  compatibilityDate = "${COMPATIBILITY_DATE}",
);
`;
  const file = path.join(dir, 'config.capnp');
  writeFileSync(file, config);
  return file;
}

test('workerd binary (`workerd serve config.capnp`): email and phone fixtures replay over HTTP', { timeout: 120_000 }, async (t) => {
  const workerdModule = await import('workerd');
  const bin = typeof workerdModule.default === 'string' ? workerdModule.default : workerdModule.default.default;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-workerd-'));
  tempDirs.push(dir);
  let proc;
  let base;
  // A free port can be taken between probing and binding: retry a few times on a fresh port.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const config = writeWorkerdConfig(dir, port);
    proc = startProcess(bin, ['serve', config, '--verbose'], { cwd: dir });
    base = `http://127.0.0.1:${port}`;
    try {
      await retryUntil(async () => {
        if (proc.exitInfo()) throw Object.assign(new Error(`workerd exited ${JSON.stringify(proc.exitInfo())}`), { fatal: true });
        const r = await fetch(`${base}/validate?email=ali%40example.com`, { signal: AbortSignal.timeout(5_000) });
        await r.arrayBuffer();
      }, { timeout: 30_000, interval: 200 });
      break;
    } catch (e) {
      const output = proc.output();
      await proc.stop();
      writeArtifact('workerd-serve.log', output);
      if (attempt < 3 && /Address already in use/i.test(output)) continue;
      assert.fail(`workerd did not start: ${e.message}\n${output.slice(0, 4000)}`);
    }
  }
  try {
    t.diagnostic(`workerd ${workerdModule.default.version ?? ''} listening on ${base}`);
    const res = await fetch(`${base}/`, { signal: AbortSignal.timeout(60_000) });
    const text = await res.text();
    let body;
    try { body = JSON.parse(text); } catch { assert.fail(`workerd: non-JSON response ${res.status}: ${text.slice(0, 2000)}`); }
    await assertWorkerResult(t, res.status, body, 'workerd');
    const single = await (await fetch(`${base}/validate?email=%20Ali%40Example.COM%20&locale=zh`)).json();
    assert.equal(single.original, ' Ali@Example.COM ');
    const phone = await (await fetch(`${base}/phone?phone=${encodeURIComponent('۰۹۱۲۳۴۵۶۷۸۹')}&region=IR`)).json();
    assert.equal(phone.e164, '+989123456789', `GET /phone: ${JSON.stringify(phone)}`);
  } finally {
    const info = await proc.stop();
    writeArtifact('workerd-serve.log', proc.output());
    t.diagnostic(`workerd stopped (${JSON.stringify(info)})`);
  }
});
