// Phone benchmark (not a test): intake's validatePhone against what users would otherwise pick, libphonenumber-js
// with its `max` metadata, in ONE Node process on the inputs of tests/fixtures/phone/corpus.jsonl (written by
// scripts/gen-phone-corpus.py and labelled by PyPI phonenumbers, the oracle). libphonenumber-js `min` is run for
// accuracy only. Then cold start in fresh Node processes, bundle sizes, and the real contacts_10k phones when
// ../shared/data is present.
//
//   node bench/phone.mjs                 (make bench, after bench/email.mjs)      ~1 minute on 2 cores
//   PHONE_SIZE=1 node bench/phone.mjs    also runs bench/phone_size.sh first (two release wasm builds, minutes)
//   INTAKE_PKG=/path/to/pkg              use another build of the package (default: pkg/)
//
// Prints one markdown table (metrics x intake | libphonenumber-js max | ratio | libphonenumber-js min) with footnotes
// and the machine on stdout; progress and the disagreements with the oracle, by category, on stderr. When intake's
// phone API is missing or fails, its column says n/a and a notice explains why; the rest still runs.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync, brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import * as esbuild from 'esbuild';
import { parsePhoneNumberFromString as parseMax } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString as parseMin } from 'libphonenumber-js/min';
import { fmt1, fmtInt, pct, printReport, quantile, ratio } from './report.mjs';
import { ROOT, CONTACTS_10K, loadCsvObjects } from './data.mjs';
import { firstPhoneScript } from './phone_first.mjs';

const PASSES = 3;
const REPEAT = 3; // each timed pass goes over the corpus this many times
const BATCH = 1000;
const COLD_RUNS = 5;
const EXAMPLES = Number(process.env.PHONE_BENCH_EXAMPLES ?? 20);
const CORPUS = join(ROOT, 'tests', 'fixtures', 'phone', 'corpus.jsonl');
const SIZE_RESULT = join(ROOT, 'target', 'phone-size.json');
const PKG_DIR = process.env.INTAKE_PKG ? resolve(process.env.INTAKE_PKG) : join(ROOT, 'pkg');

const log = (s) => process.stderr.write(`${s}\n`); // progress and disagreements on stderr, the table on stdout
const pkgVersion = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
const LP = `libphonenumber-js ${pkgVersion('libphonenumber-js')}`;

// ---------------------------------------------------------------------------------------------------------------
// The corpus

if (!existsSync(CORPUS)) {
  console.error(`bench: ${CORPUS} is missing; run /tmp/pnvenv/bin/python scripts/gen-phone-corpus.py`);
  process.exit(1);
}
const rows = readFileSync(CORPUS, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
const N = rows.length;
const inputs = rows.map((r) => r.input);
const regionOf = rows.map((r) => r.region ?? undefined);
log(`corpus: ${N} inputs from ${CORPUS}`);

// ---------------------------------------------------------------------------------------------------------------
// The contenders. Each `one(i)` does the per-number work a user would do and returns { valid, e164, type }.

let intake = null;
let intakeNote = null;
let intakeInitMs = null;
{
  const wasmPath = join(PKG_DIR, 'gen', 'intake_bg.wasm');
  if (!existsSync(wasmPath)) {
    intakeNote = `${wasmPath} is missing; run scripts/build.sh (make build) first`;
  } else {
    try {
      const t0 = performance.now();
      const m = await import(pathToFileURL(join(PKG_DIR, 'index.js')).href);
      await m.init(readFileSync(wasmPath));
      intakeInitMs = performance.now() - t0;
      if (typeof m.validatePhone !== 'function') throw new Error('pkg/index.js exports no validatePhone');
      const r = m.validatePhone('0912 345 6789', { defaultRegion: 'IR' });
      if (r === null || typeof r !== 'object' || typeof r.valid !== 'boolean' || !('e164' in r) || !('type' in r)) {
        throw new Error(`validatePhone returned ${JSON.stringify(r)}`);
      }
      intake = m;
    } catch (e) {
      intakeNote = `intake's phone API is not usable yet (${e?.message ?? e})`;
    }
  }
  if (intakeNote) log(`notice: ${intakeNote}; the intake columns say n/a`);
}

// One options object per default region, made before timing (as a caller reusing its options would).
const optionsByRegion = new Map();
const intakeOptions = regionOf.map((r) => {
  if (r === undefined) return undefined;
  if (!optionsByRegion.has(r)) optionsByRegion.set(r, { defaultRegion: r });
  return optionsByRegion.get(r);
});

// The same with `formats: false`: parse + validate + E.164 and type, the work libphonenumber-js does here.
const leanByRegion = new Map();
const leanOptions = regionOf.map((r) => {
  const k = r ?? '';
  if (!leanByRegion.has(k)) leanByRegion.set(k, r === undefined ? { formats: false } : { defaultRegion: r, formats: false });
  return leanByRegion.get(k);
});

const NONE = { valid: false, e164: null, type: null };
function libphonenumber(parse) {
  return (s, region) => {
    const n = parse(s, region);
    if (n === undefined) return NONE;
    return { valid: n.isValid(), e164: n.number, type: n.getType() ?? null };
  };
}
const lpMax = libphonenumber(parseMax);
const lpMin = libphonenumber(parseMin);
/** The same plus the three formats, for the accuracy pass only (not timed). */
function libphonenumberFormats(parse) {
  return (s, region) => {
    const n = parse(s, region);
    if (n === undefined) return { ...NONE, international: null, national: null, rfc3966: null };
    return { valid: n.isValid(), e164: n.number, type: n.getType() ?? null, international: n.format('INTERNATIONAL'),
      national: n.format('NATIONAL'), rfc3966: n.format('RFC3966') };
  };
}

const I = 'intake';
const IL = 'intake, formats: false';
const MAX = 'max';
const MIN = 'min';
const contenders = [
  ...(intake ? [{ name: I, one: (i) => intake.validatePhone(inputs[i], intakeOptions[i]), call: (s, region) =>
    intake.validatePhone(s, region === undefined ? undefined : { defaultRegion: region }) },
  { name: IL, one: (i) => intake.validatePhone(inputs[i], leanOptions[i]) }] : []),
  { name: MAX, one: (i) => lpMax(inputs[i], regionOf[i]), call: lpMax },
];

// ---------------------------------------------------------------------------------------------------------------
// Agreement with the oracle, and the disagreements by category (stderr).

const noType = (t) => (t === null || t === undefined || t === 'UNKNOWN' ? null : t);
const scriptOf = (s) => {
  if (/[۰-۹]/.test(s)) return 'persian digits';
  if (/[٠-٩]/.test(s)) return 'arabic-indic digits';
  if (/[０-９]/.test(s)) return 'full-width digits';
  return null;
};
/** A rough name for how the input is written, for grouping disagreements. */
function shape(s) {
  const t = s.trim();
  const parts = [];
  if (/^tel:/i.test(t)) parts.push('tel:');
  else if (/^\p{Cf}*＋/u.test(t)) parts.push('full-width plus');
  else if (/^\p{Cf}*\+/u.test(t)) parts.push(/\(0\)/.test(t) ? '+cc (0)' : '+cc');
  else if (/^\(?(00|011|810|010|0011|001)/.test(t)) parts.push('IDD or national');
  else parts.push(/^[\p{Nd}(]/u.test(t) ? 'national' : 'other');
  const sc = scriptOf(t);
  if (sc) parts.push(sc);
  if (/(x|ext\.?|extension|#|,)\s*[\p{Nd}]+\s*$|;ext=/iu.test(t)) parts.push('ext');
  if (t !== s) parts.push('whitespace');
  if (/\p{Cf}/u.test(s)) parts.push('invisible');
  return parts.join(', ');
}
/** Digits of any script as ASCII (the oracle keeps extension digits as typed; see footnote i). */
const fold = (v) => (v == null ? null : v.replace(/[۰-۹٠-٩０-９]/g, (d) => {
  const c = d.charCodeAt(0);
  return String(c - (c >= 0xff10 ? 0xff10 : c >= 0x6f0 ? 0x6f0 : 0x660));
}));
const oracleKind = (o) => (o.error ? o.error : o.valid ? 'valid' : 'parsed invalid');

function agreement(name, view) {
  const a = { name, n: N, valid: 0, e164: 0, type: 0, all: 0, nValid: 0, allOnValid: 0, rejectedValid: 0,
    nInvalid: 0, acceptedInvalid: 0, threw: 0, formats: 0, national: 0 };
  const fcats = new Map();
  const cats = new Map();
  const note = (key, sub, example) => {
    let c = cats.get(key);
    if (!c) cats.set(key, (c = { n: 0, shapes: new Map(), examples: [] }));
    c.n++;
    c.shapes.set(sub, (c.shapes.get(sub) ?? 0) + 1);
    if (c.examples.length < EXAMPLES) c.examples.push(example);
  };
  for (let i = 0; i < N; i++) {
    const o = rows[i];
    let r;
    try {
      r = view(i);
    } catch (e) {
      a.threw++;
      r = { valid: undefined, e164: undefined, type: undefined, threw: String(e?.message ?? e) };
    }
    const v = r.valid === o.valid;
    const e = (r.e164 ?? null) === o.e164;
    const t = noType(r.type) === noType(o.type);
    a.valid += v;
    a.e164 += e;
    a.type += t;
    a.all += v && e && t;
    const fi = fold(r.international) === fold(o.intl);
    const fn = fold(r.national) === fold(o.national);
    const fr = fold(r.rfc3966) === fold(o.rfc3966);
    a.formats += fi && fn && fr;
    a.national += fn;
    if (!(fi && fn && fr) && !r.threw) {
      const which = [fi ? null : 'INTERNATIONAL', fn ? null : 'NATIONAL', fr ? null : 'RFC3966'].filter(Boolean).join(' + ');
      const key = `${which} differs${o.valid ? '' : ` (${oracleKind(o)})`}`;
      let c = fcats.get(key);
      if (!c) fcats.set(key, (c = { n: 0, shapes: new Map(), examples: [] }));
      c.n++;
      const sh = shape(o.input);
      c.shapes.set(sh, (c.shapes.get(sh) ?? 0) + 1);
      if (c.examples.length < EXAMPLES) {
        c.examples.push(`${JSON.stringify(o.input)} region ${o.region ?? 'none'}: oracle ${JSON.stringify([o.intl, o.national, o.rfc3966])}, got ${JSON.stringify([r.international ?? null, r.national ?? null, r.rfc3966 ?? null])}`);
      }
    }
    if (o.valid) {
      a.nValid++;
      a.allOnValid += v && e && t;
      if (r.valid !== true) a.rejectedValid++;
    } else {
      a.nInvalid++;
      if (r.valid === true) a.acceptedInvalid++;
    }
    if (v && e && t) continue;
    const ex = `${JSON.stringify(o.input)} region ${o.region ?? 'none'}: oracle ${JSON.stringify({ valid: o.valid, e164: o.e164, type: o.type, error: o.error })}, got ${JSON.stringify(r.threw ? { threw: r.threw } : { valid: r.valid, e164: r.e164 ?? null, type: r.type ?? null })}`;
    let key;
    if (r.threw) key = 'threw';
    else if (!v) key = `valid: oracle ${o.valid} (${oracleKind(o)}), got ${r.valid}`;
    else if (!e) key = `e164: oracle ${o.e164 === null ? 'null' : 'a number'}, got ${r.e164 == null ? 'null' : 'a different number'}`;
    else key = `type: oracle ${noType(o.type) ?? 'none'}, got ${noType(r.type) ?? 'none'}`;
    note(key, shape(o.input), ex);
  }
  return { a, cats, fcats };
}

function printDisagreements(label, cats, examples) {
  const sorted = [...cats.entries()].sort((x, y) => y[1].n - x[1].n);
  const total = sorted.reduce((s, [, c]) => s + c.n, 0);
  log(`\n## disagreements with phonenumbers: ${label}: ${total} inputs in ${sorted.length} categories`);
  for (const [key, c] of sorted) {
    const shapes = [...c.shapes.entries()].sort((x, y) => y[1] - x[1]);
    log(`- ${c.n} × ${key}`);
    log(`    written as: ${shapes.slice(0, 8).map(([k, v]) => `${k} (${v})`).join(', ')}${shapes.length > 8 ? ', …' : ''}`);
    for (const ex of c.examples.slice(0, examples)) log(`    ${ex}`);
  }
}

const acc = new Map();
for (const [name, view] of [
  ...(intake ? [[I, (i) => intake.validatePhone(inputs[i], intakeOptions[i])]] : []),
  [MAX, ((f) => (i) => f(inputs[i], regionOf[i]))(libphonenumberFormats(parseMax))],
  [MIN, ((f) => (i) => f(inputs[i], regionOf[i]))(libphonenumberFormats(parseMin))],
]) {
  const { a, cats, fcats } = agreement(name, view);
  acc.set(name, a);
  const label = name === I ? 'intake' : `${LP} ${name}`;
  printDisagreements(`${label}, valid / E.164 / type`, cats, name === MIN ? Math.min(EXAMPLES, 3) : EXAMPLES);
  printDisagreements(`${label}, formats`, fcats, name === MIN ? Math.min(EXAMPLES, 3) : EXAMPLES);
}
log('\naccuracy done');

// ---------------------------------------------------------------------------------------------------------------
// Throughput, batch, latency

let sink = 0;
const fmtCount = (x) => new Intl.NumberFormat('en-US').format(x);
function pass(fn) {
  const start = process.hrtime.bigint();
  for (let k = 0; k < REPEAT; k++) for (let i = 0; i < N; i++) if (fn(i).valid) sink++;
  return Number(process.hrtime.bigint() - start) / 1e9 / REPEAT;
}
const best = new Map();
const latency = new Map();
let bestBatch = null;
let bestBatchLean = null;
let batchMismatch = 0;
let batchCalls = 0;
let overheadNs = 0;
// A contender that threw during the accuracy pass would throw here too: time only those that did not.
const timed = contenders.filter((c) => !(acc.get(c.name)?.threw > 0));
if (intake && acc.get(I).threw > 0) {
  intakeNote = `validatePhone threw on ${fmtCount(acc.get(I).threw)} corpus inputs (see stderr); not timed`;
  log(`notice: ${intakeNote}`);
}
for (const c of timed) for (let k = 0; k < 2; k++) pass(c.one); // warm-up: JITs and wasm tier-up
for (const c of timed) best.set(c.name, Infinity);
for (let p = 0; p < PASSES; p++) for (const c of timed) best.set(c.name, Math.min(best.get(c.name), pass(c.one)));
if (intake && best.has(I) && typeof intake.validatePhones === 'function') {
  // validatePhones takes one options object per call, so the inputs are grouped by default region (as a CRM import
  // with one default country per file would be) and cut into chunks of BATCH.
  const groups = new Map();
  for (let i = 0; i < N; i++) {
    const k = regionOf[i] ?? '';
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(i);
  }
  const chunks = [];
  for (const [k, idx] of groups) {
    for (let s = 0; s < idx.length; s += BATCH) {
      const part = idx.slice(s, s + BATCH);
      chunks.push({ idx: part, inputs: part.map((i) => inputs[i]), options: k === '' ? undefined : optionsByRegion.get(k),
        lean: leanByRegion.get(k) });
    }
  }
  batchCalls = chunks.length;
  // `key`: 'options' (the default, all formats) or 'lean' (formats: false).
  const batchPass = (key) => {
    const start = process.hrtime.bigint();
    for (let r = 0; r < REPEAT; r++) {
      for (const ch of chunks) {
        const results = intake.validatePhones(ch.inputs, ch[key]);
        for (let k = 0; k < results.length; k++) if (results[k].valid) sink++;
      }
    }
    return Number(process.hrtime.bigint() - start) / 1e9 / REPEAT;
  };
  try {
    for (const [key, single] of [['options', intakeOptions], ['lean', leanOptions]]) {
      for (const ch of chunks) {
        const results = intake.validatePhones(ch.inputs, ch[key]);
        ch.idx.forEach((i, k) => {
          const one = intake.validatePhone(inputs[i], single[i]);
          if (JSON.stringify(results[k]) !== JSON.stringify(one)) {
            if (batchMismatch++ < EXAMPLES) log(`validatePhones differs from validatePhone on ${JSON.stringify(inputs[i])}: ${JSON.stringify(results[k])} vs ${JSON.stringify(one)}`);
          }
        });
      }
    }
    batchPass('options');
    batchPass('lean');
    bestBatch = Infinity;
    bestBatchLean = Infinity;
    for (let p = 0; p < PASSES; p++) {
      bestBatch = Math.min(bestBatch, batchPass('options'));
      bestBatchLean = Math.min(bestBatchLean, batchPass('lean'));
    }
  } catch (e) {
    log(`notice: validatePhones failed (${e?.message ?? e}); batch row n/a`);
    bestBatch = null;
    bestBatchLean = null;
  }
}
log('throughput done');

{
  const t = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const a = process.hrtime.bigint();
    const b = process.hrtime.bigint();
    t[i] = Number(b - a);
  }
  overheadNs = quantile(t, 0.5);
}
for (const c of timed) {
  const t = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const a = process.hrtime.bigint();
    const r = c.one(i);
    const b = process.hrtime.bigint();
    t[i] = Number(b - a);
    if (r.valid) sink++;
  }
  latency.set(c.name, { p50: quantile(t, 0.5) / 1000, p99: quantile(t, 0.99) / 1000 });
}
log('latency done');

// ---------------------------------------------------------------------------------------------------------------
// Cold start: fresh `node --input-type=module -e` children, median of COLD_RUNS.

function child(script) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error((r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').slice(-3).join(' '));
  return JSON.parse(r.stdout.trim().split('\n').pop());
}
function coldStart(script) {
  const runs = [];
  for (let k = 0; k < COLD_RUNS; k++) runs.push(child(script));
  const med = {};
  for (const key of Object.keys(runs[0])) {
    if (typeof runs[0][key] === 'number') med[key] = quantile(runs.map((r) => r[key]), 0.5);
  }
  return med;
}
let coldIntake = null;
let coldLp = null;
let coldNote = null;
if (intake) {
  const url = pathToFileURL(join(PKG_DIR, 'index.js')).href;
  try {
    coldIntake = coldStart(firstPhoneScript(url));
  } catch (e) {
    coldNote = `intake cold start failed: ${e.message}`;
    log(`notice: ${coldNote}`);
  }
}
coldLp = coldStart(`
  const t0 = performance.now();
  const { parsePhoneNumberFromString } = await import('libphonenumber-js/max');
  const t1 = performance.now();
  const n = parsePhoneNumberFromString('0912 345 6789', 'IR');
  const r = [n.isValid(), n.number, n.getType()];
  const t2 = performance.now();
  if (!r[0]) throw new Error('first result not valid');
  console.log(JSON.stringify({ importMs: t1 - t0, firstMs: t2 - t1, totalMs: t2 - t0 }));`);
log('cold start done');

// ---------------------------------------------------------------------------------------------------------------
// Sizes

function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
async function bundle(contents) {
  const out = await esbuild.build({
    stdin: { contents, resolveDir: ROOT, loader: 'js', sourcefile: 'entry.js' },
    bundle: true, minify: true, format: 'esm', write: false, logLevel: 'silent', platform: 'neutral',
    mainFields: ['module', 'main'],
  });
  return Buffer.from(out.outputFiles[0].contents);
}
const lpEntry = (flavour) => `import { parsePhoneNumberFromString } from 'libphonenumber-js/${flavour}';
export function check(text, country) {
  const n = parsePhoneNumberFromString(text, country);
  return n ? [n.isValid(), n.number, n.format('INTERNATIONAL'), n.format('NATIONAL'), n.format('RFC3966'), n.getType()] : null;
}`;
const sizeMax = sizes(await bundle(lpEntry('max')));
// intake's phone part also carries the as-you-type formatter, so the like-for-like bundle adds AsYouType.
const sizeMaxAyt = sizes(await bundle(`${lpEntry('max')}
import { AsYouType } from 'libphonenumber-js/max';
export function typed(text, country) { return new AsYouType(country).input(text); }`));
const sizeMin = sizes(await bundle(lpEntry('min')));
let sizeIntake = null;
let sizeIntakeNote = null;
{
  const wasmPath = join(PKG_DIR, 'gen', 'intake_bg.wasm');
  if (existsSync(wasmPath)) {
    try {
      const js = await bundle(`export { init, validatePhone } from ${JSON.stringify(join(PKG_DIR, 'index.js'))};`);
      const wasm = readFileSync(wasmPath);
      sizeIntake = { wasm: sizes(wasm), js: sizes(js) };
    } catch (e) {
      sizeIntakeNote = `bundling pkg/index.js failed: ${e.message}`;
    }
  } else {
    sizeIntakeNote = `${wasmPath} missing`;
  }
}
if (process.env.PHONE_SIZE === '1') {
  log('running bench/phone_size.sh (PHONE_SIZE=1) ...');
  const r = spawnSync('bash', [join(ROOT, 'bench', 'phone_size.sh')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) log(`notice: bench/phone_size.sh exited with ${r.status}`);
}
let phonePart = null;
if (existsSync(SIZE_RESULT)) {
  try {
    phonePart = JSON.parse(readFileSync(SIZE_RESULT, 'utf8'));
    // Stale when the measured full build is not the wasm in pkg/gen (sizes differ).
    // Stale when measured at another commit (or with uncommitted changes) than the tree benchmarked here.
    const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim();
    phonePart.stale = Boolean(phonePart.head && head && phonePart.head !== head);
  } catch (e) {
    log(`notice: ${SIZE_RESULT} unreadable (${e.message})`);
  }
}
log('sizes done');

// ---------------------------------------------------------------------------------------------------------------
// Real data: the phone column of contacts_10k.csv with its country as default region (throughput only).

let real = null;
const contacts = loadCsvObjects(CONTACTS_10K, { notice: log });
if (contacts) {
  const list = contacts.filter((r) => r.phone).map((r) => ({ s: r.phone, region: r.country || undefined }));
  const opts = list.map((x) => (x.region ? { defaultRegion: x.region } : undefined));
  const fns = [
    ...(intake && best.has(I) ? [[I, (k) => intake.validatePhone(list[k].s, opts[k])]] : []),
    [MAX, (k) => lpMax(list[k].s, list[k].region)],
  ];
  const run = (fn) => {
    const start = process.hrtime.bigint();
    for (let k = 0; k < list.length; k++) if (fn(k).valid) sink++;
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  real = { n: list.length, best: new Map(fns.map(([name]) => [name, Infinity])), agree: 0, validMax: 0, validIntake: 0 };
  for (const [, fn] of fns) run(fn);
  for (let p = 0; p < 5; p++) for (const [name, fn] of fns) real.best.set(name, Math.min(real.best.get(name), run(fn)));
  for (let k = 0; k < list.length; k++) {
    const m = lpMax(list[k].s, list[k].region);
    real.validMax += m.valid;
    if (real.best.has(I)) {
      const r = intake.validatePhone(list[k].s, opts[k]);
      real.validIntake += r.valid;
      real.agree += r.valid === m.valid && (r.e164 ?? null) === (m.e164 ?? null);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Table

const pct2 = (a, b) => (b ? `${((100 * a) / b).toFixed(2)}%` : '—');
const kb = (n) => `${(n / 1024).toFixed(1)}`;
const NA = 'n/a (n)';
const has = (name) => acc.has(name);
const ai = acc.get(I);
const am = acc.get(MAX);
const an = acc.get(MIN);
const lines = [];
const row = (metric, a, b, r, c = '—') => lines.push(`| ${metric} | ${a} | ${b} | ${r} | ${c} |`);
const intakeVersion = intake ? intake.versions().intake : '(phone API n/a)';

const nValid = am.nValid;
lines.push(`| metric (${fmtInt(N)} phone inputs, tests/fixtures/phone/corpus.jsonl) (a) | intake ${intakeVersion} | ${LP} max | ratio intake / max | ${LP} min (accuracy only) |`);
lines.push('|---|---:|---:|---:|---:|');
const agreeRow = (label, key, n = N) => row(label,
  has(I) ? pct2(ai[key], n) : NA, pct2(am[key], n), has(I) ? ratio(ai[key], am[key]) : '—', pct2(an[key], n));
agreeRow('agreement with phonenumbers: valid ↑ (b)', 'valid');
agreeRow('agreement: E.164 (null when unparsable) ↑', 'e164');
agreeRow('agreement: type ↑ (c)', 'type');
agreeRow('agreement: valid, E.164 and type together ↑', 'all');
row(`… together, on the ${fmtInt(nValid)} inputs phonenumbers calls valid ↑`,
  has(I) ? pct2(ai.allOnValid, nValid) : NA, pct2(am.allOnValid, nValid), has(I) ? ratio(ai.allOnValid, am.allOnValid) : '—', pct2(an.allOnValid, nValid));
row(`rejected valid (phonenumbers valid, judged invalid), of ${fmtInt(nValid)} ↓`,
  has(I) ? pct2(ai.rejectedValid, nValid) : NA, pct2(am.rejectedValid, nValid), has(I) ? ratio(ai.rejectedValid, am.rejectedValid) : '—', pct2(an.rejectedValid, nValid));
row(`accepted invalid (phonenumbers invalid or unparsable, judged valid), of ${fmtInt(am.nInvalid)} ↓`,
  has(I) ? pct2(ai.acceptedInvalid, am.nInvalid) : NA, pct2(am.acceptedInvalid, am.nInvalid), has(I) ? ratio(ai.acceptedInvalid, am.acceptedInvalid) : '—', pct2(an.acceptedInvalid, am.nInvalid));
agreeRow('agreement: INTERNATIONAL, NATIONAL and RFC 3966 formats, all three exactly ↑ (i)', 'formats');
agreeRow('… NATIONAL format alone ↑ (i)', 'national');
const tput = (name) => (best.has(name) && Number.isFinite(best.get(name)) ? N / best.get(name) : null);
const tputRow = (label, v) => row(label, v ? fmtInt(v) : NA, fmtInt(tput(MAX)), ratio(v, tput(MAX)));
tputRow(`throughput, parse + validate + E.164 + type (formats: false), records/s (best of ${PASSES} passes, each over the corpus ${REPEAT}×) ↑ (j)`, tput(IL));
tputRow(`… the same with intake's batch API (validatePhones, ≤ ${fmtInt(BATCH)} per call), records/s ↑ (d)`, bestBatchLean ? N / bestBatchLean : null);
tputRow('throughput with every format (the default: also INTERNATIONAL, NATIONAL, RFC 3966), records/s ↑', tput(I));
tputRow('… the same with the batch API, records/s ↑ (d)', bestBatch ? N / bestBatch : null);
const lat = (name, k) => (latency.has(name) ? latency.get(name)[k] : null);
for (const [name, label] of [[IL, 'formats: false'], [I, 'every format']]) {
  row(`latency p50, µs per call (${label}) ↓`, lat(name, 'p50') !== null ? fmt1(lat(name, 'p50')) : NA, fmt1(lat(MAX, 'p50')), ratio(lat(name, 'p50'), lat(MAX, 'p50')));
  row(`latency p99, µs per call (${label}) ↓`, lat(name, 'p99') !== null ? fmt1(lat(name, 'p99')) : NA, fmt1(lat(MAX, 'p99')), ratio(lat(name, 'p99'), lat(MAX, 'p99')));
}
const cold = (c, k) => (c && c[k] !== undefined ? fmt1(c[k]) : null);
row(`cold start: import → first result, ms (median of ${COLD_RUNS} fresh processes) ↓ (e)`,
  cold(coldIntake, 'totalMs') ?? NA, cold(coldLp, 'totalMs'), ratio(coldIntake?.totalMs ?? null, coldLp.totalMs));
row('… module import, ms ↓', cold(coldIntake, 'importMs') ?? NA, cold(coldLp, 'importMs'), ratio(coldIntake?.importMs ?? null, coldLp.importMs));
row('… init (read + compile + instantiate the wasm), ms ↓', cold(coldIntake, 'initMs') ?? NA, '— (none)', '—');
row('… first call, ms ↓', cold(coldIntake, 'firstMs') ?? NA, cold(coldLp, 'firstMs'), ratio(coldIntake?.firstMs ?? null, coldLp.firstMs));
const sz = (s) => `${kb(s.raw)} / ${kb(s.gzip)} / ${kb(s.brotli)}`;
const intakeTotal = sizeIntake ? { raw: sizeIntake.wasm.raw + sizeIntake.js.raw, gzip: sizeIntake.wasm.gzip + sizeIntake.js.gzip, brotli: sizeIntake.wasm.brotli + sizeIntake.js.brotli } : null;
row('size to ship, KB raw / gzip / brotli ↓ (f)', intakeTotal ? `${sz(intakeTotal)} (whole package)` : NA, sz(sizeMax),
  intakeTotal ? ratio(intakeTotal.brotli, sizeMax.brotli) : '—', sz(sizeMin));
if (phonePart && phonePart.phone) {
  row(`… intake's phone part (wasm with minus without the phone feature), KB raw / gzip / brotli ↓ (g)`,
    sz(phonePart.phone) + (phonePart.stale ? ' (other build)' : ''), sz(sizeMax), ratio(phonePart.phone.brotli, sizeMax.brotli), sz(sizeMin));
  row(`… the same against ${LP} max with its AsYouType formatter bundled too (like for like), KB raw / gzip / brotli ↓ (g)`,
    sz(phonePart.phone) + (phonePart.stale ? ' (other build)' : ''), sz(sizeMaxAyt), ratio(phonePart.phone.brotli, sizeMaxAyt.brotli));
} else {
  row(`… intake's phone part (wasm with minus without the phone feature) (g)`,
    phonePart?.note ? `n/a (${phonePart.note})` : 'n/a (run bash bench/phone_size.sh)', sz(sizeMax), '—', sz(sizeMin));
}
if (real) {
  const ri = real.best.has(I) ? real.n / real.best.get(I) : null;
  const rm = real.n / real.best.get(MAX);
  row(`throughput on ../shared/data/contacts_10k.csv phones (${fmtInt(real.n)}, country as default region), records/s (best of 5) ↑ (h)`,
    ri ? fmtInt(ri) : NA, fmtInt(rm), ratio(ri, rm));
} else {
  row('throughput on ../shared/data/contacts_10k.csv phones', 'n/a (data missing)', 'n/a (data missing)', '—');
}

const errCounts = {};
for (const r of rows) if (r.error) errCounts[r.error] = (errCounts[r.error] ?? 0) + 1;
const regionsIn = new Set(rows.map((r) => r.region).filter(Boolean)).size;
const notes = [
  `(a) Generated by scripts/gen-phone-corpus.py (seeded) and labelled by PyPI phonenumbers 9.0.43 with parse(input, region): ` +
    `${fmtInt(N)} inputs, ${pct(nValid, N)} valid, ${pct(N - nValid - Object.values(errCounts).reduce((s, x) => s + x, 0), N)} parsed but invalid, ` +
    `${Object.entries(errCounts).map(([k, v]) => `${k} ${fmtInt(v)}`).join(', ')}; ${regionsIn} default regions plus ${fmtInt(rows.filter((r) => r.region === null).length)} inputs with none. ` +
    'Example and pattern-generated numbers of 53 regions and 9 non-geographic codes, valid and mutated, written as people type them: ' +
    'E.164, international with spaces, dashes, dots, parentheses or (0), national with and without the trunk prefix, IDD prefixes, tel: URIs, ' +
    'extensions (x, ext., #, comma), surrounding whitespace and invisible marks, Persian, Arabic-Indic, full-width and mixed digits; plus garbage. ↑/↓: higher/lower is better.',
  `(b) Every contender gets the raw input and the corpus line's default region. intake: \`validatePhone(input, { defaultRegion })\` ` +
    `(no options when the region is null). libphonenumber-js: \`parsePhoneNumberFromString(input, region)\` from \`libphonenumber-js/max\` ` +
    `(or \`/min\`), then \`isValid()\`, \`number\` and \`getType()\`; undefined counts as invalid with no E.164 and no type. ` +
    'Agreement is over all inputs; disagreements by category and with examples are printed to stderr.',
  '(c) Types compared by name; "no type" (null, undefined, UNKNOWN) counts as equal, so an invalid number without a type agrees. ' +
    'libphonenumber-js min has no type patterns, so getType() is mostly undefined there.',
  bestBatch
    ? `(d) validatePhones takes one options object per call, so the inputs are grouped by default region and cut into chunks of at most ${fmtInt(BATCH)} ` +
      `(${fmtInt(batchCalls)} calls per pass); results equal validatePhone's (${batchMismatch ? `${batchMismatch} DIFFERED, see stderr` : 'checked for every input'}). ` +
      'libphonenumber-js has no batch form, so its column repeats its per-call throughput.'
    : '(d) validatePhones not measured.',
  `(e) \`node --input-type=module -e\` children started from the repository root; Node's own start-up is not counted. intake: \`import('pkg/index.js')\`, ` +
    "`await init()` (no argument: reads gen/intake_bg.wasm from disk, compiles and instantiates it), then `validatePhone('0912 345 6789', { defaultRegion: 'IR' })`. " +
    "libphonenumber-js: `import('libphonenumber-js/max')` (its metadata is a JS module parsed at import), then the same number parsed with isValid, number and getType." +
    (coldNote ? ` ${coldNote}.` : ''),
  `(f) KB = 1,024 bytes; gzip -9, brotli quality 11. libphonenumber-js: esbuild ${esbuild.version} \`--bundle --minify --format=esm\` of an entry that calls ` +
    'parsePhoneNumberFromString, isValid, number, format (INTERNATIONAL, NATIONAL, RFC3966) and getType ' +
    `(with \`new AsYouType(country).input(text)\` added: ${sz(sizeMaxAyt)}). ` +
    (sizeIntake
      ? `intake: pkg/gen/intake_bg.wasm (${sz(sizeIntake.wasm)}) plus pkg/index.js with the glue bundled and minified the same way (${sz(sizeIntake.js)}); ` +
        'the whole package, email included, as one fetch of the wasm.'
      : `intake: ${sizeIntakeNote}.`),
  phonePart && phonePart.phone
    ? `(g) From bench/phone_size.sh (${phonePart.when}, ${phonePart.head}): the release wasm after wasm-bindgen and wasm-opt -Oz, built with ` +
      `\`--no-default-features --features email,phone\` (${sz(phonePart.full)}) and with \`--features email\` only (${sz(phonePart.emailOnly)}); ` +
      'the difference is what phones cost (code, all-region metadata with types and formats, as-you-type). ' +
      'It leaves out the few KB of phone code in pkg/index.js.' + (phonePart.stale ? ' Measured at another commit than this tree; rerun bench/phone_size.sh.' : '')
    : '(g) `bash bench/phone_size.sh` builds the wasm with and without the phone feature and records the difference in target/phone-size.json, which this bench reads ' +
      '(or `PHONE_SIZE=1 node bench/phone.mjs`). Not run here: it takes two release builds.',
  real
    ? `(h) The phone column of contacts_10k.csv, empty cells dropped, with the row's \`country\` as default region. No oracle labels here; ` +
      `libphonenumber-js max calls ${pct(real.validMax, real.n)} valid` +
      (real.best.has(I) ? `, intake ${pct(real.validIntake, real.n)}; the two agree on valid and E.164 for ${pct(real.agree, real.n)}.` : '.')
    : '(h) ../shared/data/contacts_10k.csv not found.',
  '(i) Accuracy pass only (not part of the timed work): intake\'s `international`, `national` and `rfc3966`; libphonenumber-js ' +
    '`format(\'INTERNATIONAL\' | \'NATIONAL\' | \'RFC3966\')`. Compared as exact strings with phonenumbers\' format_number, for invalid-but-parsed ' +
    'numbers and extensions too. libphonenumber-js writes RFC 3966 without dashes (tel:+14155552671) and INTERNATIONAL with spaces where ' +
    'libphonenumber uses dashes (+1 415 555 2671), by design, so its all-three figure measures convention more than correctness; NATIONAL is comparable. ' +
    'phonenumbers keeps extension digits as typed (ext. ٢٢٤) while intake folds every digit to ASCII, so both sides are compared with digits folded to ASCII (as tests/phone.rs does).',
  '(j) `validatePhone(input, { defaultRegion, formats: false })`: parse, validate, type and E.164 (with value, region, national number, ' +
    'extension, changes and issues), without the INTERNATIONAL, NATIONAL and RFC 3966 strings; the same result otherwise (tests/phone.rs and the ' +
    'Node suite check it on the whole corpus). libphonenumber-js does the same work here: parse, isValid, number, getType.',
  ...(intakeNote ? [`(n) ${intakeNote}.`] : []),
  `Latency: each call timed with process.hrtime.bigint() over all ${fmtInt(N)} inputs; the timer itself costs ~${(overheadNs / 1000).toFixed(2)} µs per call (not subtracted).`,
];

printReport(lines, notes);
if (sink < 0) console.log(sink); // keep results observable
