// Where intake's phone cold start goes (not a test; issue 4's target: instantiate + first call < 5 ms). bench/phone.mjs
// prints the user-visible figure (import -> first result); this splits it into its steps, each in fresh processes:
//
//   node bench/phone_cold.mjs                    Node, the package in pkg/ (after scripts/build.sh)   ~10 s
//   PHONE_COLD_CHROMIUM=1 node bench/phone_cold.mjs     also headless Chromium (a fresh browser context per run)
//   PHONE_COLD_PHONE_ONLY=1 node bench/phone_cold.mjs   also a phone-only wasm (cargo --no-default-features --features
//                                                        phone, built into target/phone-cold/, a few minutes)
//
// Node steps, in one child: dynamic import of node:fs/promises, readFile of the wasm, WebAssembly.compile, import of
// pkg/index.js (and its glue), initSync with the compiled module (instantiation), the first validatePhone, a second
// one of the same region, and the first call on a second instance of the same compiled module (a copy of the shim
// and glue, so the same work without V8's lazy compilation of the functions the call reaches: what the first call
// costs in compilation is the difference). A second kind of child times what users run: import, `await init()`,
// first call. Medians of RUNS children; the load average is printed with the table.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fmt1, printReport, quantile } from './report.mjs';
import { ROOT } from './data.mjs';
import { firstPhoneScript } from './phone_first.mjs';

const RUNS = Number(process.env.PHONE_COLD_RUNS ?? 11);
const log = (s) => process.stderr.write(`${s}\n`);

/** A copy of a package's shim and glue in `dir` (a second module instance for the same compiled wasm). */
function shimCopy(pkg, dir) {
  mkdirSync(join(dir, 'gen'), { recursive: true });
  for (const f of ['index.js', 'package.json']) copyFileSync(join(pkg, f), join(dir, f));
  copyFileSync(join(pkg, 'gen', 'intake.js'), join(dir, 'gen', 'intake.js'));
}

function child(script) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error((r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').slice(-3).join(' '));
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Per-key medians of `runs` results. */
function medians(runs) {
  const out = {};
  for (const key of Object.keys(runs[0])) out[key] = quantile(runs.map((r) => r[key]), 0.5);
  return out;
}

const FIRST = `m.validatePhone('0912 345 6789', { defaultRegion: 'IR' })`;

function nodeSteps(pkg) {
  const second = join(ROOT, 'target', 'phone-cold', 'second-instance');
  shimCopy(pkg, second);
  const url = (p) => JSON.stringify(pathToFileURL(p).href);
  const steps = medians(Array.from({ length: RUNS }, () => child(`
    const t = [performance.now()];
    const { readFile } = await import('node:fs/promises'); t.push(performance.now());
    const bytes = await readFile(${JSON.stringify(join(pkg, 'gen', 'intake_bg.wasm'))}); t.push(performance.now());
    const module = await WebAssembly.compile(bytes); t.push(performance.now());
    const m = await import(${url(join(pkg, 'index.js'))}); t.push(performance.now());
    m.initSync(module); t.push(performance.now());
    if (!${FIRST}.valid) throw new Error('first result not valid'); t.push(performance.now());
    m.validatePhone('0912 345 6780', { defaultRegion: 'IR' }); t.push(performance.now());
    const m2 = await import(${url(join(second, 'index.js'))});
    m2.initSync(module);
    const a = performance.now();
    m2.validatePhone('0912 345 6789', { defaultRegion: 'IR' });
    const b = performance.now();
    const d = (i) => t[i + 1] - t[i];
    console.log(JSON.stringify({ fs: d(0), read: d(1), compile: d(2), importJs: d(3), instantiate: d(4), first: d(5),
      second: d(6), firstCompiled: b - a }));`)));
  const user = medians(Array.from({ length: RUNS }, () => child(firstPhoneScript(pathToFileURL(join(pkg, 'index.js')).href))));
  return { steps, user };
}

async function chromium(pkgPath) {
  const { chromiumSite } = await import('../tests/js/harness.mjs');
  const site = await chromiumSite();
  try {
    const runs = [];
    for (let k = 0; k < RUNS; k++) {
      const { result, logs } = await site.open(`/bench/phone_cold.html?pkg=${encodeURIComponent(pkgPath)}`, 'bench-phone-cold');
      if (!result?.ok) throw new Error(`${result?.error}\n${logs.join('\n')}`);
      delete result.ok;
      runs.push(result);
    }
    return medians(runs);
  } finally {
    await site.close();
  }
}

/** Builds the phone-only package into target/phone-cold/pkg (the shim files of pkg/, a wasm with phones alone). */
function buildPhoneOnly() {
  const dir = join(ROOT, 'target', 'phone-cold');
  const out = join(dir, 'pkg');
  log('building the phone-only wasm (cargo build --release --no-default-features --features phone) ...');
  const steps = [
    ['cargo', ['build', '--quiet', '--lib', '--target', 'wasm32-unknown-unknown', '--release', '--no-default-features',
      '--features', 'phone', '--target-dir', join(dir, 'cargo')]],
    ['wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', join(out, 'gen'), '--out-name', 'intake',
      join(dir, 'cargo', 'wasm32-unknown-unknown', 'release', 'intake.wasm')]],
    [join(ROOT, 'node_modules', 'binaryen', 'bin', 'wasm-opt'), ['-Oz', '--enable-bulk-memory',
      '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals',
      join(out, 'gen', 'intake_bg.wasm'), '-o', join(out, 'gen', 'intake_bg.wasm')]],
  ];
  for (const [cmd, args] of steps) {
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new Error(`${cmd} exited with ${r.status}`);
  }
  mkdirSync(out, { recursive: true });
  for (const f of ['index.js', 'package.json']) copyFileSync(join(ROOT, 'pkg', f), join(out, f));
  return out;
}

const pkgs = [['whole package (pkg/)', join(ROOT, 'pkg')]];
if (!existsSync(join(ROOT, 'pkg', 'gen', 'intake_bg.wasm'))) {
  console.log('notice: pkg/gen/intake_bg.wasm is missing; run scripts/build.sh first');
  process.exit(0);
}
if (process.env.PHONE_COLD_PHONE_ONLY === '1') pkgs.push(['phone-only build', buildPhoneOnly()]);

const load = os.loadavg()[0].toFixed(1);
const cols = [];
for (const [label, pkg] of pkgs) {
  log(`${label}: ${RUNS} fresh Node processes x 2 ...`);
  const { steps, user } = nodeSteps(pkg);
  let browser = null;
  if (process.env.PHONE_COLD_CHROMIUM === '1') {
    log(`${label}: ${RUNS} fresh Chromium contexts ...`);
    browser = await chromium(`/${pkg.slice(ROOT.length).replace(/^\/+/, '')}`);
  }
  cols.push({ label, wasmKb: readFileSync(join(pkg, 'gen', 'intake_bg.wasm')).length / 1024, steps, user, browser });
}
log(`load average at the end: ${os.loadavg()[0].toFixed(1)}`);

const cell = (x) => (x === undefined || x === null ? '—' : fmt1(x));
const row = (name, f) => `| ${name} | ${cols.map((c) => cell(f(c))).join(' | ')} |`;
printReport([
  `| ms, median of ${RUNS} fresh processes (load ${load}) | ${cols.map((c) => `${c.label}, ${c.wasmKb.toFixed(0)} KB wasm`).join(' | ')} |`,
  `|---|${cols.map(() => '---:').join('|')}|`,
  row('**Node: import → first result** (what `bench/phone.mjs` reports) (a)', (c) => c.user.totalMs),
  row('… import pkg/index.js', (c) => c.user.importMs),
  row('… `await init()`', (c) => c.user.initMs),
  row('… first validatePhone', (c) => c.user.firstMs),
  row('Node, by step (b): import node:fs/promises', (c) => c.steps.fs),
  row('… readFile of the wasm', (c) => c.steps.read),
  row('… WebAssembly.compile (validation; function bodies compile lazily)', (c) => c.steps.compile),
  row('… import pkg/index.js and its glue', (c) => c.steps.importJs),
  row('… instantiate (initSync with the module: data segments copied)', (c) => c.steps.instantiate),
  row('… first validatePhone', (c) => c.steps.first),
  row('… … of which the same call on a second instance, code already compiled (c)', (c) => c.steps.firstCompiled),
  row('… second validatePhone (same region)', (c) => c.steps.second),
  row('**Chromium: import → first result** (d)', (c) => c.browser?.totalMs),
  row('… import', (c) => c.browser?.importMs),
  row('… `await init()` (fetch + compileStreaming + instantiate)', (c) => c.browser?.initMs),
  row('… first validatePhone', (c) => c.browser?.firstMs),
], [
  "(a) `node --input-type=module -e` children started from the repository root (Node's own start-up not counted): `import('pkg/index.js')`, `await init()` (no argument: reads gen/intake_bg.wasm), `validatePhone('0912 345 6789', { defaultRegion: 'IR' })`.",
  '(b) Other children doing the same by hand, each step timed. The steps add up to about the figure above.',
  "(c) A second copy of the shim and glue instantiated from the same WebAssembly.Module (V8 shares compiled code between instances): the first call's own work (the metadata index, the region's decode, its patterns) without compiling the functions it reaches. The rest of the first call is V8 compiling those functions (Liftoff, lazily, on the main thread).",
  '(d) Only with PHONE_COLD_CHROMIUM=1: bench/phone_cold.html served by tests/js/harness.mjs, one fresh browser context (no HTTP or code cache) per run.',
]);
