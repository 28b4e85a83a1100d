// Email benchmark (not a test): intake's validateEmail against what users would otherwise pick, validator.isEmail
// plus mailcheck.run, in ONE Node process on the same 100k generated messy emails (bench/gen_emails.mjs, fixed
// seed), then on the real contacts_10k emails when ../shared/data is present.
//
//   node bench/email.mjs            (make bench)       ~1 minute on 2 cores
//
// Prints one markdown table (metrics x intake | validator+mailcheck | ratio) with footnotes and the machine.

import v8 from 'node:v8';
import vm from 'node:vm';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import validator from 'validator';
import mailcheck from 'mailcheck';
import { generateEmails } from './gen_emails.mjs';
import { fmt1, fmtInt, pct, printReport, quantile, ratio } from './report.mjs';
import { ROOT, loadContactEmails } from './data.mjs';

const N = 100_000;
const SEED = 20240601;
const LATENCY_N = 20_000;
const PASSES = 3;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const pkgVersion = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

// ---------------------------------------------------------------------------------------------------------------
// The two contenders, each doing the per-email work a user would do.

const wasmPath = join(ROOT, 'pkg', 'gen', 'intake_bg.wasm');
if (!existsSync(wasmPath)) {
  console.error(`bench: ${wasmPath} is missing; run scripts/build.sh (make build) first`);
  process.exit(1);
}
let t0 = performance.now();
const intake = await import('../pkg/index.js');
await intake.init(readFileSync(wasmPath));
const intakeInitMs = performance.now() - t0;
const { validateEmail, validateEmails } = intake;

/** validator + mailcheck on the trimmed input (see footnote b). */
function pair(s) {
  const t = s.trim();
  const valid = validator.isEmail(t);
  let suggestion = null;
  mailcheck.run({
    email: t,
    suggested: (r) => {
      suggestion = r.full;
    },
    empty: () => {},
  });
  return { valid, suggestion, value: t };
}

const contenders = [
  { name: 'intake', one: (s) => validateEmail(s), view: (r) => r },
  { name: 'validator+mailcheck', one: pair, view: (r) => r },
];

// ---------------------------------------------------------------------------------------------------------------

const log = (s) => process.stderr.write(`${s}\n`); // progress on stderr, the table on stdout

t0 = performance.now();
const rows = generateEmails(N, SEED);
const inputs = rows.map((r) => r.input);
log(`generated ${N} emails (seed ${SEED}) in ${(performance.now() - t0).toFixed(0)} ms`);

let sink = 0;
function pass(fn, list) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < list.length; i++) if (fn(list[i]).valid) sink++;
  return Number(process.hrtime.bigint() - start) / 1e9;
}

// Warm-up: let both JITs (and intake's wasm tier-up) settle.
for (const c of contenders) for (let k = 0; k < 2; k++) pass(c.one, inputs.slice(0, 20_000));

// Throughput: best of 3 passes over the whole set, alternating contenders.
const best = new Map(contenders.map((c) => [c.name, Infinity]));
for (let p = 0; p < PASSES; p++) {
  for (const c of contenders) best.set(c.name, Math.min(best.get(c.name), pass(c.one, inputs)));
}
// The batch API, as an import or the CLI uses it: validateEmails on chunks of 1,000.
const BATCH = 1000;
function batchPass(list) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < list.length; i += BATCH) {
    const results = validateEmails(list.slice(i, i + BATCH));
    for (let k = 0; k < results.length; k++) if (results[k].valid) sink++;
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}
batchPass(inputs.slice(0, 20_000));
let bestBatch = Infinity;
for (let p = 0; p < PASSES; p++) bestBatch = Math.min(bestBatch, batchPass(inputs));
log(`throughput done`);

// Per-call latency on a 20k subset spread over the whole set.
const subset = [];
for (let i = 0; i < LATENCY_N; i++) subset.push(inputs[Math.floor((i * N) / LATENCY_N)]);
let overheadNs;
{
  const t = new Float64Array(LATENCY_N);
  for (let i = 0; i < LATENCY_N; i++) {
    const a = process.hrtime.bigint();
    const b = process.hrtime.bigint();
    t[i] = Number(b - a);
  }
  overheadNs = quantile(t, 0.5);
}
const latency = new Map();
for (const c of contenders) {
  const t = new Float64Array(LATENCY_N);
  for (let i = 0; i < LATENCY_N; i++) {
    const s = subset[i];
    const a = process.hrtime.bigint();
    const r = c.one(s);
    const b = process.hrtime.bigint();
    t[i] = Number(b - a);
    if (r.valid) sink++;
  }
  latency.set(c.name, { p50: quantile(t, 0.5) / 1000, p99: quantile(t, 0.99) / 1000 });
}
log(`latency done`);

// Memory: one pass keeping every result (as a list-cleaning job does), sampling heap + external and RSS.
const memory = new Map();
for (const c of contenders) {
  gc();
  gc();
  const base = process.memoryUsage();
  let peakHeap = 0;
  let peakRss = 0;
  const keep = new Array(N);
  for (let i = 0; i < N; i++) {
    keep[i] = c.one(inputs[i]);
    if (i % 2000 === 0) {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed + m.external - base.heapUsed - base.external);
      peakRss = Math.max(peakRss, m.rss - base.rss);
    }
  }
  memory.set(c.name, { heapMB: peakHeap / 2 ** 20, rssMB: peakRss / 2 ** 20 });
  if (keep.length !== N) sink++;
}
log(`memory done`);

// Quality against the ground truth.
function quality(c) {
  const q = { typo: 0, typoSuggested: 0, typoRight: 0, clean: 0, cleanSuggested: 0, business: 0, businessSuggested: 0,
    regional: 0, regionalSuggested: 0, format: 0, formatExact: 0, rejectedValid: 0, rejectedClean: 0, invalid: 0,
    acceptedInvalid: 0 };
  for (let i = 0; i < N; i++) {
    const row = rows[i];
    const r = c.one(row.input);
    switch (row.truth) {
      case 'typo':
        q.typo++;
        if (r.suggestion) q.typoSuggested++;
        if (r.suggestion === row.intended) q.typoRight++;
        break;
      case 'clean':
        q.clean++;
        if (r.suggestion) q.cleanSuggested++;
        if (row.meta.kind === 'business') {
          q.business++;
          if (r.suggestion) q.businessSuggested++;
        } else if (row.meta.kind === 'regional') {
          q.regional++;
          if (r.suggestion) q.regionalSuggested++;
        }
        if (!r.valid) {
          q.rejectedValid++;
          q.rejectedClean++;
        }
        break;
      case 'format':
        q.format++;
        if (!r.valid) q.rejectedValid++;
        if (r.valid && r.value === row.intended) q.formatExact++;
        break;
      default:
        q.invalid++;
        if (r.valid) q.acceptedInvalid++;
    }
  }
  return q;
}
const qual = new Map(contenders.map((c) => [c.name, quality(c)]));
// The pair on the raw (untrimmed) input, for the footnote.
let rawRejected = 0;
for (const row of rows) if ((row.truth === 'clean' || row.truth === 'format') && !validator.isEmail(row.input)) rawRejected++;
log(`quality done`);

// Agreement with the labelled corpus.
const corpusPath = join(ROOT, 'tests', 'fixtures', 'email', 'corpus.json');
let corpus = null;
if (existsSync(corpusPath)) {
  try {
    corpus = JSON.parse(readFileSync(corpusPath, 'utf8')).cases;
  } catch (e) {
    log(`notice: ${corpusPath} is not readable JSON yet (${e.message}); skipping corpus agreement`);
  }
} else {
  log(`notice: ${corpusPath} not found; skipping corpus agreement`);
}
let agreement = null;
if (corpus) {
  agreement = { n: corpus.length, intake: 0, validator: 0, validatorRaw: 0 };
  for (const { input, valid } of corpus) {
    if (validateEmail(input).valid === valid) agreement.intake++;
    if (validator.isEmail(input.trim()) === valid) agreement.validator++;
    if (validator.isEmail(input) === valid) agreement.validatorRaw++;
  }
}

// Real data: contacts_10k emails, throughput only.
const contacts = loadContactEmails({ notice: log });
let real = null;
if (contacts) {
  for (const c of contenders) pass(c.one, contacts);
  real = new Map(contenders.map((c) => [c.name, Infinity]));
  for (let p = 0; p < 5; p++) for (const c of contenders) real.set(c.name, Math.min(real.get(c.name), pass(c.one, contacts)));
}

// ---------------------------------------------------------------------------------------------------------------
// Table


const I = 'intake';
const P = 'validator+mailcheck';
const qi = qual.get(I);
const qp = qual.get(P);
const rate = (q, a, b) => (q[b] ? q[a] / q[b] : 0);
const lines = [];
const row = (metric, a, b, r) => lines.push(`| ${metric} | ${a} | ${b} | ${r} |`);

lines.push(`| metric (100k generated emails, seed ${SEED}) | intake ${intake.versions().intake} | validator ${pkgVersion('validator')} + mailcheck ${pkgVersion('mailcheck')} | ratio intake / pair |`);
lines.push('|---|---:|---:|---:|');
const tput = (name) => N / best.get(name);
row('throughput, records/s (best of 3 passes) ↑', fmtInt(tput(I)), fmtInt(tput(P)), ratio(tput(I), tput(P)));
row(`throughput with intake's batch API (validateEmails, ${fmtInt(BATCH)} per call), records/s ↑ (g)`, fmtInt(N / bestBatch), fmtInt(tput(P)), ratio(N / bestBatch, tput(P)));
row('latency p50, µs per call ↓', fmt1(latency.get(I).p50), fmt1(latency.get(P).p50), ratio(latency.get(I).p50, latency.get(P).p50));
row('latency p99, µs per call ↓', fmt1(latency.get(I).p99), fmt1(latency.get(P).p99), ratio(latency.get(I).p99, latency.get(P).p99));
row('peak heap + external during a pass keeping all results, MB ↓ (c)', fmt1(memory.get(I).heapMB), fmt1(memory.get(P).heapMB), ratio(memory.get(I).heapMB, memory.get(P).heapMB));
row('RSS growth during that pass, MB ↓ (c)', fmt1(memory.get(I).rssMB), fmt1(memory.get(P).rssMB), ratio(memory.get(I).rssMB, memory.get(P).rssMB));
row(`load + init, ms ↓`, fmt1(intakeInitMs), '— (d)', '—');
row(`typo suggestions that are right (suggestion == intended) / suggestions made on typo rows ↑`,
  `${fmtInt(qi.typoRight)} / ${fmtInt(qi.typoSuggested)} (${pct(qi.typoRight, qi.typoSuggested)})`,
  `${fmtInt(qp.typoRight)} / ${fmtInt(qp.typoSuggested)} (${pct(qp.typoRight, qp.typoSuggested)})`,
  ratio(rate(qi, 'typoRight', 'typoSuggested'), rate(qp, 'typoRight', 'typoSuggested')));
row(`typo rows fixed (right suggestion), of ${fmtInt(qi.typo)} ↑`, pct(qi.typoRight, qi.typo), pct(qp.typoRight, qp.typo),
  ratio(rate(qi, 'typoRight', 'typo'), rate(qp, 'typoRight', 'typo')));
row(`false suggestions on clean rows (any suggestion), of ${fmtInt(qi.clean)} ↓`, pct(qi.cleanSuggested, qi.clean),
  pct(qp.cleanSuggested, qp.clean), ratio(rate(qi, 'cleanSuggested', 'clean'), rate(qp, 'cleanSuggested', 'clean')));
row(`… on clean business-domain rows, of ${fmtInt(qi.business)} ↓`, pct(qi.businessSuggested, qi.business),
  pct(qp.businessSuggested, qp.business), ratio(rate(qi, 'businessSuggested', 'business'), rate(qp, 'businessSuggested', 'business')));
row(`… on clean regional-provider rows, of ${fmtInt(qi.regional)} ↓`, pct(qi.regionalSuggested, qi.regional),
  pct(qp.regionalSuggested, qp.regional), ratio(rate(qi, 'regionalSuggested', 'regional'), rate(qp, 'regionalSuggested', 'regional')));
row(`rejected valid (clean + format rows judged invalid), of ${fmtInt(qi.clean + qi.format)} ↓ (b)`,
  pct(qi.rejectedValid, qi.clean + qi.format), pct(qp.rejectedValid, qp.clean + qp.format),
  ratio(qi.rejectedValid, qp.rejectedValid));
row(`… clean rows only, of ${fmtInt(qi.clean)} ↓`, pct(qi.rejectedClean, qi.clean), pct(qp.rejectedClean, qp.clean),
  ratio(qi.rejectedClean, qp.rejectedClean));
row(`accepted invalid (invalid rows judged valid), of ${fmtInt(qi.invalid)} ↓`, pct(qi.acceptedInvalid, qi.invalid),
  pct(qp.acceptedInvalid, qp.invalid), ratio(qi.acceptedInvalid, qp.acceptedInvalid));
row(`format rows accepted and standardized to the intended address, of ${fmtInt(qi.format)} ↑ (e)`,
  pct(qi.formatExact, qi.format), pct(qp.formatExact, qp.format), ratio(qi.formatExact, qp.formatExact));
if (agreement) {
  row(`agreement with tests/fixtures/email/corpus.json (${agreement.n} labelled cases), valid vs isEmail ↑ (f)`,
    pct(agreement.intake, agreement.n), pct(agreement.validator, agreement.n), ratio(agreement.intake, agreement.validator));
} else {
  row('agreement with tests/fixtures/email/corpus.json', 'n/a (missing)', 'n/a (missing)', '—');
}
if (real) {
  const n = contacts.length;
  const ri = n / real.get(I);
  const rp = n / real.get(P);
  row(`throughput on ../shared/data/contacts_10k.csv emails (${fmtInt(n)}), records/s (best of 5) ↑`, fmtInt(ri), fmtInt(rp), ratio(ri, rp));
} else {
  row('throughput on ../shared/data/contacts_10k.csv emails', 'n/a (data missing)', 'n/a (data missing)', '—');
}

const notes = [
  `(a) Mix by ground truth: ${['clean', 'typo', 'format', 'invalid'].map((k) => `${k} ${fmtInt(rows.filter((r) => r.truth === k).length)}`).join(', ')}. ` +
    'Clean = standardized, deliverable addresses (≈45% business domains, regional providers, a few Unicode/IDN); typo = one realistic edit ' +
    'in a popular provider\'s domain; format = whitespace, upper-case domain, full-width, mailto:, display name, trailing dot, Persian/Arabic digits; ' +
    'invalid = intake\'s default policy (quoted local parts, IP literals, single-label domains and unknown TLDs count as invalid). ↑/↓: higher/lower is better.',
  `(b) The pair is given \`input.trim()\` (what a typical form handler does) and nothing else: \`validator.isEmail(t)\` with default options and ` +
    '`mailcheck.run({ email: t, suggested, empty })` with its default domain lists, both for every email. ' +
    `On the raw, untrimmed input validator rejects ${pct(rawRejected, qp.clean + qp.format)} of clean + format rows.`,
  `(c) Both run in this one process (intake first); peaks are sampled every 2,000 calls relative to a baseline after GC, so the RSS growth of the ` +
    `second contender can reuse pages freed by the first. intake's wasm linear memory counts as external. Process peak RSS: ${fmt1(process.resourceUsage().maxRSS / 1024)} MB.`,
  '(d) validator and mailcheck are plain JS; their load time is part of module import and not measured separately.',
  '(e) For the pair, "standardized" means its trimmed input already equals the intended address (it does not standardize).',
  agreement
    ? `(f) intake: validateEmail(input).valid with default options. validator: isEmail(input.trim()) with default options ` +
      `(${pct(agreement.validatorRaw, agreement.n)} on the untrimmed input). mailcheck has no verdict.`
    : '(f) corpus missing.',
  `(g) The same results as validateEmail (the JS suite checks that), with one wasm call per ${fmtInt(BATCH)} addresses; ` +
    'validator and mailcheck have no batch form, so the pair column repeats its per-call throughput.',
  `Latency: each call timed with process.hrtime.bigint() on a ${fmtInt(LATENCY_N)}-email subset; the timer itself costs ~${(overheadNs / 1000).toFixed(2)} µs per call (not subtracted).`,
];

printReport(lines, notes);
if (sink < 0) console.log(sink); // keep results observable
