// Shared Node-side harness for the runtime suites in tests/js/: paths, fixtures, a static file server,
// Chromium launch and page replay, child processes with bounded lifetimes, and the common assertions.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const jsTestsDir = path.join(repoRoot, 'tests', 'js');
export const artifactsDir = path.join(jsTestsDir, 'artifacts');
export const casesPath = path.join(repoRoot, 'tests', 'fixtures', 'email', 'cases.json');
export const corpusPath = path.join(repoRoot, 'tests', 'fixtures', 'email', 'corpus.json');
export const phoneCasesPath = path.join(repoRoot, 'tests', 'fixtures', 'phone', 'cases.json');
export const phoneCorpusPath = path.join(repoRoot, 'tests', 'fixtures', 'phone', 'corpus.jsonl');
export const countryCasesPath = path.join(repoRoot, 'tests', 'fixtures', 'country', 'cases.json');
export const dateCasesPath = path.join(repoRoot, 'tests', 'fixtures', 'date', 'cases.json');
export const wasmPath = path.join(repoRoot, 'pkg', 'gen', 'intake_bg.wasm');
export const binDir = path.join(repoRoot, 'node_modules', '.bin');
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Minimum share of the labelled corpus on which intake must agree. */
export const CORPUS_MIN_RATE = 0.97;
/** Minimum agreement with the phonenumbers oracle, on validity+E.164+type and on formats (as tests/phone.rs). */
export const PHONE_MIN_RATE = 0.999;
/** Lines of corpus.jsonl replayed by runtimes that replay a sample (tests/js/replay.mjs picks them evenly). */
export const PHONE_SAMPLE_LINES = 5000;

export function ensureArtifactsDir() {
  mkdirSync(artifactsDir, { recursive: true });
  return artifactsDir;
}

export function writeArtifact(name, contents) {
  ensureArtifactsDir();
  const file = path.join(artifactsDir, name);
  writeFileSync(file, typeof contents === 'string' ? contents : JSON.stringify(contents, null, 2));
  return file;
}

/** The built package must exist: every runtime suite needs it, and a missing build is a failure, not a skip. */
export function requireBuild() {
  for (const f of [path.join(repoRoot, 'pkg', 'index.js'), path.join(repoRoot, 'pkg', 'gen', 'intake.js'), wasmPath]) {
    assert.ok(existsSync(f), `${path.relative(repoRoot, f)} is missing: run \`make build\` (scripts/build.sh) first`);
  }
}

/** Fixture texts and parsed documents. Missing fixtures fail loudly. */
export function loadFixtures() {
  for (const f of [casesPath, corpusPath]) {
    assert.ok(existsSync(f), `fixture ${path.relative(repoRoot, f)} is missing`);
  }
  const casesText = readFileSync(casesPath, 'utf8');
  const corpusText = readFileSync(corpusPath, 'utf8');
  const cases = JSON.parse(casesText);
  const corpus = JSON.parse(corpusText);
  assert.ok(Array.isArray(cases.cases) && cases.cases.length > 0, 'cases.json has no cases');
  assert.ok(Array.isArray(corpus.cases) && corpus.cases.length > 0, 'corpus.json has no cases');
  return { casesText, corpusText, cases, corpus };
}

/** The phone fixtures: cases.json (parsed and as text) and corpus.jsonl as text (~4 MB of JSON lines). */
export function loadPhoneFixtures() {
  for (const f of [phoneCasesPath, phoneCorpusPath]) {
    assert.ok(existsSync(f), `fixture ${path.relative(repoRoot, f)} is missing`);
  }
  const casesText = readFileSync(phoneCasesPath, 'utf8');
  const corpusText = readFileSync(phoneCorpusPath, 'utf8');
  const cases = JSON.parse(casesText);
  assert.ok(Array.isArray(cases.cases) && cases.cases.length > 0, 'phone cases.json has no cases');
  const lines = corpusText.split('\n').filter((l) => l.trim() !== '');
  assert.ok(lines.length >= 20_000, `phone corpus.jsonl has ${lines.length} lines`);
  return { casesText, corpusText, cases, lines };
}

/** The country and date fixtures (cases.json of each, parsed and as text). */
export function loadFieldFixtures() {
  const out = {};
  for (const [name, file, min] of [['country', countryCasesPath, 300], ['date', dateCasesPath, 200]]) {
    assert.ok(existsSync(file), `fixture ${path.relative(repoRoot, file)} is missing`);
    const text = readFileSync(file, 'utf8');
    const doc = JSON.parse(text);
    assert.ok(Array.isArray(doc.cases) && doc.cases.length >= min, `${name} cases.json has too few cases`);
    out[name] = { text, doc };
  }
  return out;
}

/** The address and postcode fixtures as texts, keyed as replayAddressAll (replay.mjs) takes them. */
export function loadAddressFixtures() {
  const files = {
    postcodeOracle: 'postcode/oracle.jsonl', postcodeCases: 'postcode/cases.jsonl',
    addressCases: 'address/cases.jsonl', addressFormat: 'address/format.jsonl',
  };
  const out = {};
  for (const [k, f] of Object.entries(files)) {
    const file = path.join(repoRoot, 'tests', 'fixtures', f);
    assert.ok(existsSync(file), `fixture ${path.relative(repoRoot, file)} is missing`);
    out[k] = readFileSync(file, 'utf8');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Assertions shared by every runtime

function formatFailures(failures, limit = 25) {
  const lines = failures.slice(0, limit).map((f) => {
    const opts = f.options ? ` options=${JSON.stringify(f.options)}` : '';
    return `  - ${JSON.stringify(f.input)}${opts} [${f.key}] expected ${JSON.stringify(f.expected)}, ` +
      `got ${JSON.stringify(f.actual)}`;
  });
  if (failures.length > limit) lines.push(`  ... and ${failures.length - limit} more`);
  return lines.join('\n');
}

/** Replay of cases.json: every case must pass. */
export function assertReplay(t, replay, label) {
  assert.ok(replay && typeof replay === 'object', `${label}: no replay result`);
  t.diagnostic(`${label}: cases.json ${replay.passed} passed, ${replay.failed} failed (of ${replay.total})`);
  if (replay.failed > 0) {
    writeArtifact(`${label}-case-failures.json`, replay.failures);
    assert.fail(`${label}: ${replay.failed} of ${replay.total} fixture case(s) failed:\n${formatFailures(replay.failures)}`);
  }
  assert.ok(replay.passed > 0, `${label}: no case was replayed`);
  assert.equal(replay.passed, replay.total);
}

/** Agreement with corpus.json: at least CORPUS_MIN_RATE, and no invariant violation on any corpus input. */
export function assertCorpus(t, corpus, label) {
  assert.ok(corpus && typeof corpus === 'object', `${label}: no corpus result`);
  const pct = (corpus.rate * 100).toFixed(2);
  const line = `${label}: corpus agreement ${pct}% (${corpus.agree}/${corpus.total}, minimum ${CORPUS_MIN_RATE * 100}%)`;
  t.diagnostic(line);
  if (corpus.disagreements.length) writeArtifact(`${label}-corpus-disagreements.json`, corpus.disagreements);
  assert.ok(corpus.total > 0, `${label}: empty corpus`);
  if (corpus.invariantFailures.length) {
    writeArtifact(`${label}-corpus-invariants.json`, corpus.invariantFailures);
    assert.fail(`${label}: ${corpus.invariantFailures.length} invariant violation(s) on corpus inputs:\n` +
      formatFailures(corpus.invariantFailures));
  }
  if (corpus.rate < CORPUS_MIN_RATE) {
    const sample = corpus.disagreements.slice(0, 25)
      .map((d) => `  - ${JSON.stringify(d.input)}: labelled ${d.expected}, got ${d.actual} ${JSON.stringify(d.codes)}`);
    assert.fail(`${line}: below the minimum; disagreements:\n${sample.join('\n')}`);
  }
}

/** Replays of the country and date cases.json (`replayFields` of replay.mjs): every case passes. */
export async function assertFieldReplays(t, fields, label) {
  assert.ok(fields && typeof fields === 'object', `${label}: the country and date fixtures were not replayed`);
  assertReplay(t, fields.country, `${label}-country`);
  assert.ok(fields.date && typeof fields.date === 'object', `${label}: no date replay result`);
  assertReplay(t, fields.date, `${label}-date`);
}

/** Replays of the address and postcode fixtures (`replayAddressAll` of replay.mjs): every case passes. */
export function assertAddressReplays(t, address, label) {
  assert.ok(address && typeof address === 'object', `${label}: the address fixtures were not replayed`);
  for (const part of ['postcodeOracle', 'postcode', 'address', 'format']) assertReplay(t, address[part], `${label}-${part}`);
}

/** Replay of the phone cases.json: every case must pass. */
export function assertPhoneReplay(t, replay, label) {
  assertReplay(t, replay, `${label}-phone`);
}

/**
 * Agreement with the phonenumbers oracle (corpus.jsonl), as tests/phone.rs: validity+E.164+type and formats both
 * at least PHONE_MIN_RATE, no invariant violation on any line, and the whole corpus unless `sampled` is allowed.
 * Returns the rates line (also printed as a diagnostic).
 */
export function assertPhoneCorpus(t, corpus, label, { allowSample = false } = {}) {
  assert.ok(corpus && typeof corpus === 'object', `${label}: no phone corpus result`);
  const pct = (r) => `${(r * 100).toFixed(3)}%`;
  const scope = corpus.sampled ? `sample of ${corpus.total} of ${corpus.lines} lines` : `all ${corpus.total} lines`;
  const line = `${label}: phone corpus (${scope}): validity+E.164+type ${pct(corpus.rate)} ` +
    `(${corpus.agree}/${corpus.total}), formats ${pct(corpus.formatRate)} (${corpus.formatAgree}/${corpus.formatTotal}), ` +
    `minimum ${PHONE_MIN_RATE * 100}%`;
  t.diagnostic(line);
  writeArtifact(`${label}-phone-corpus.json`, { ...corpus, label });
  assert.ok(corpus.total > 0, `${label}: empty phone corpus`);
  if (!allowSample) assert.equal(corpus.sampled, false, `${label}: the whole phone corpus must be replayed here`);
  assert.ok(corpus.total >= (corpus.sampled ? 1000 : 20_000), `${label}: only ${corpus.total} phone corpus lines replayed`);
  if (corpus.invariantFailureCount > 0) {
    assert.fail(`${label}: ${corpus.invariantFailureCount} invariant violation(s) on phone corpus inputs:\n` +
      formatFailures(corpus.invariantFailures));
  }
  const problems = [];
  if (corpus.rate < PHONE_MIN_RATE) {
    problems.push(...corpus.disagreements.slice(0, 20).map((d) => `  - ${JSON.stringify(d.input)} (${d.region}): ` +
      `oracle ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual ?? d.threw)}`));
  }
  if (corpus.formatRate < PHONE_MIN_RATE) {
    problems.push(...corpus.formatDisagreements.slice(0, 20).map((d) => `  - ${JSON.stringify(d.input)} (${d.region}) ` +
      `${d.format}: oracle ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`));
  }
  if (problems.length) assert.fail(`${line}: below the minimum:\n${problems.join('\n')}`);
  return line;
}

// ---------------------------------------------------------------------------------------------------------------
// Static file server

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.jsonl': 'text/plain; charset=utf-8',
};

export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/**
 * Serves `root` on 127.0.0.1 at a free port. Returns { url, requests, close }. `requests` records
 * { method, path, status, type } for every request, so a test can assert what the page fetched.
 */
export async function startStaticServer(root) {
  const absRoot = path.resolve(root);
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const entry = { method: req.method, path: req.url, status: 0, type: '' };
    requests.push(entry);
    const send = (status, type, body) => {
      entry.status = status;
      entry.type = type;
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'method not allowed');
      const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = path.resolve(absRoot, '.' + urlPath);
      if (file !== absRoot && !file.startsWith(absRoot + path.sep)) return send(403, 'text/plain', 'forbidden');
      let st = await stat(file).catch(() => null);
      if (st && st.isDirectory()) {
        file = path.join(file, 'index.html');
        st = await stat(file).catch(() => null);
      }
      if (!st || !st.isFile()) return send(404, 'text/plain', `not found: ${urlPath}`);
      send(200, mimeType(file), await readFile(file));
    } catch (e) {
      send(500, 'text/plain', String(e && e.stack || e));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Chromium

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage',
];

/** Launches the system Chromium through playwright-core. A missing browser is a failure, never a skip. */
export async function launchChromium() {
  assert.ok(existsSync(chromiumPath),
    `Chromium not found at ${chromiumPath}: run \`bash scripts/setup.sh --browser\` (apt-get install chromium)`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/**
 * Serves the repository root and launches Chromium: `open(pagePath, name, options)` runs the page at that path
 * (runPage) and `close()` stops the browser and the server. For suites and benches that only open pages.
 */
export async function chromiumSite() {
  requireBuild();
  const server = await startStaticServer(repoRoot);
  let browser;
  try {
    browser = await launchChromium();
  } catch (e) {
    await server.close();
    throw e;
  }
  return {
    open: (pagePath, name, options) => runPage(browser, `${server.url}${pagePath}`, name, options),
    close: async () => {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/**
 * Opens `url` in a fresh context, waits until the page sets `window.__intake`, saves a screenshot and the page
 * log under tests/js/artifacts/, and returns { result, logs }. Page errors and failed requests end up in `logs`.
 */
export async function runPage(browser, url, name, { timeout = 90_000 } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(`[console.${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`[pageerror] ${e && e.stack || e}`));
  page.on('requestfailed', (r) => logs.push(`[requestfailed] ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => { if (r.status() >= 400) logs.push(`[http ${r.status()}] ${r.url()}`); });
  try {
    await page.goto(url, { waitUntil: 'load', timeout });
    try {
      await page.waitForFunction(() => window.__intake !== undefined, null, { timeout });
    } catch (e) {
      throw new Error(`${name}: page never reported a result (${e.message})\npage log:\n${logs.join('\n')}`);
    }
    const result = await page.evaluate(() => window.__intake);
    ensureArtifactsDir();
    await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true }).catch(() => {});
    return { result, logs };
  } finally {
    writeArtifact(`${name}.log`, logs.join('\n') + '\n');
    await context.close().catch(() => {});
  }
}

/** Asserts what every browser page reports: it ran, the email and phone replays passed, agreement is high enough. */
export async function assertPageResult(t, result, logs, label, { allowSample = false } = {}) {
  assert.ok(result, `${label}: no result`);
  if (!result.ok) assert.fail(`${label}: page failed: ${result.error}\npage log:\n${logs.join('\n')}`);
  assertReplay(t, result.replay, label);
  assertCorpus(t, result.corpus, label);
  assert.ok(result.phone, `${label}: the page did not replay the phone fixtures`);
  assertPhoneReplay(t, result.phone.replay, label);
  assertPhoneCorpus(t, result.phone.corpus, label, { allowSample });
  await assertFieldReplays(t, result.fields, label);
  assertAddressReplays(t, result.address, label);
}

// ---------------------------------------------------------------------------------------------------------------
// Processes and ports

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Runs a command to completion with a hard timeout (the child is killed when it runs out).
 * Resolves { code, signal, stdout, stderr, timedOut, ms }.
 */
export function run(cmd, args, { cwd = repoRoot, env = process.env, timeout = 120_000, input } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(cmd, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeout);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - started });
    });
    child.stdin.end(input);
  });
}

/**
 * Starts a long-running server process. Returns { child, output(), stop() }; stop() sends SIGTERM, then SIGKILL
 * after a grace period, and resolves once the process has exited.
 */
export function startProcess(cmd, args, { cwd = repoRoot, env = process.env } = {}) {
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
  child.stderr.setEncoding('utf8').on('data', (d) => { out += d; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let exitInfo = null;
  exited.then((info) => { exitInfo = info; });
  return {
    child,
    output: () => out,
    exitInfo: () => exitInfo,
    exited,
    async stop() {
      if (exitInfo) return exitInfo;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      const info = await exited;
      clearTimeout(timer);
      return info;
    },
  };
}

/** Polls `fn` until it resolves without throwing, or throws the last error after `timeout` ms. */
export async function retryUntil(fn, { timeout = 20_000, interval = 100, onRetry } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      last = e;
      if (onRetry) onRetry(e);
    }
    if (Date.now() > deadline) throw last;
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Extracts the JSON printed after `marker` on its own line by a child runtime. */
export function parseMarkedJson(stdout, marker = '__INTAKE_RESULT__') {
  const line = stdout.split('\n').find((l) => l.startsWith(marker));
  assert.ok(line, `no ${marker} line in output:\n${stdout.slice(0, 4000)}`);
  return JSON.parse(line.slice(marker.length));
}

// ---------------------------------------------------------------------------------------------------------------
// ES module graph (for runtimes that take an explicit module list, like workerd)

const IMPORT_RE = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+\s*from\s*)?(['"])(\.{1,2}\/[^'"]+)\1/g;
const DYNAMIC_IMPORT_RE = /\bimport\s*\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*\)/g;

/**
 * Every file reachable from `entry` through relative static or dynamic imports (string literals only).
 * Returns absolute paths, entry first. Good enough for hand-written and wasm-bindgen generated modules.
 */
export function moduleGraph(entry) {
  const seen = new Set();
  const order = [];
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    order.push(file);
    if (!/\.(m?js)$/.test(file)) return;
    const src = readFileSync(file, 'utf8');
    for (const re of [IMPORT_RE, DYNAMIC_IMPORT_RE]) {
      re.lastIndex = 0;
      for (let m; (m = re.exec(src));) {
        const dep = path.resolve(path.dirname(file), m[2]);
        if (existsSync(dep)) visit(dep);
      }
    }
  };
  visit(path.resolve(entry));
  return order;
}


// ---------------------------------------------------------------------------------------------------------------
// Companies and websites (issue 5): every tests/fixtures/{website,company}/*.jsonl, replayed by `replayBizFields`.

import { readdirSync } from 'node:fs';
import { BIZ_FIXTURES } from './replay.mjs';

/** The texts of the website and company fixture files: `{ website: [text...], company: [text...] }`. */
export function loadBizFixtures() {
  const out = {};
  for (const [name, min] of [['website', 360], ['company', 370]]) {
    const dir = path.join(repoRoot, 'tests', 'fixtures', name);
    const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
    assert.deepEqual(files.map((f) => `${name}/${f}`), BIZ_FIXTURES[name], `BIZ_FIXTURES (replay.mjs) lists every ${name} fixture`);
    out[name] = files.map((f) => readFileSync(path.join(dir, f), 'utf8'));
    const lines = out[name].join('\n').split('\n').filter((l) => l.trim() !== '').length;
    assert.ok(lines >= min, `${name} fixtures have ${lines} cases, fewer than ${min}`);
  }
  return out;
}

/** Replays of the website and company fixtures: every case passes. */
export function assertBizReplays(t, biz, label) {
  assert.ok(biz && typeof biz === 'object', `${label}: the website and company fixtures were not replayed`);
  assertReplay(t, biz.website, `${label}-website`);
  assertReplay(t, biz.company, `${label}-company`);
}

// ---------------------------------------------------------------------------------------------------------------
// Names (issue 5): tests/fixtures/name/cases.jsonl and keys.jsonl, replayed by `replayNameCases`.

/** The texts of the name fixtures: `{ cases, keys }`. */
export function loadNameFixtures() {
  const dir = path.join(repoRoot, 'tests', 'fixtures', 'name');
  const out = { cases: readFileSync(path.join(dir, 'cases.jsonl'), 'utf8'), keys: readFileSync(path.join(dir, 'keys.jsonl'), 'utf8') };
  const n = (s) => s.split('\n').filter((l) => l.trim() !== '').length;
  assert.ok(n(out.cases) >= 250 && n(out.keys) >= 60, `name fixtures: ${n(out.cases)} cases, ${n(out.keys)} keys`);
  return out;
}

/** The replay of the name fixtures (`replayNameCases`): every case passes. */
export function assertNameReplays(t, names, label) {
  assert.ok(names && typeof names === 'object', `${label}: the name fixtures were not replayed`);
  assertReplay(t, names, `${label}-name`);
}

// ---------------------------------------------------------------------------------------------------------------
// Workers bundles and example servers (tests/js/workerd.test.mjs, tests/js/edge.test.mjs)

/**
 * `entry` bundled the way wrangler bundles a worker: bare imports resolved through package exports (workerd
 * conditions), .json/.jsonl as text, and every .wasm import kept out of the bundle as an external CompiledWasm
 * module named by its file name (the resolved path is in the metafile). Resolves esbuild's result (not written).
 */
export async function bundleWorker(entry) {
  const esbuild = await import('esbuild');
  return esbuild.build({
    entryPoints: [entry],
    absWorkingDir: repoRoot,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    loader: { '.json': 'text', '.jsonl': 'text' },
    metafile: true,
    plugins: [{
      // What wrangler does with .wasm imports: keep them out of the bundle as CompiledWasm modules.
      name: 'wasm-modules',
      setup(b) {
        b.onResolve({ filter: /\.wasm$/ }, async (args) => {
          if (args.pluginData === 'skip') return undefined;
          const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'skip' });
          if (resolved.errors.length) return { errors: resolved.errors };
          return { path: `./${path.basename(resolved.path)}`, external: true, pluginData: resolved.path };
        });
      },
    }],
  });
}

/**
 * Starts a server process that prints `listening on PORT` once it accepts connections (a free port is passed in
 * the PORT environment variable). Resolves `{ proc, base }`; throws with the process output if it never listens.
 */
export async function startListening(cmd, args, { env = process.env, timeout = 60_000 } = {}) {
  const port = await freePort();
  const proc = startProcess(cmd, args, { env: { ...env, PORT: String(port) } });
  try {
    await retryUntil(async () => {
      if (proc.exitInfo()) throw Object.assign(new Error(`exited ${JSON.stringify(proc.exitInfo())}`), { fatal: true });
      if (!proc.output().includes(`listening on ${port}`)) throw new Error('not listening yet');
    }, { timeout, interval: 100 });
  } catch (e) {
    await proc.stop();
    throw new Error(`${path.basename(cmd)} ${args.join(' ')} did not start: ${e.message}\n${proc.output().slice(0, 4000)}`);
  }
  return { proc, base: `http://127.0.0.1:${port}` };
}
