// Name benchmark (not a test): validateName in Node on the real names of ../shared/data (contacts_10k first and
// last names, and first + last as full names; the Febrl given names and surnames), with and without matching keys,
// one call at a time and in batches (validateNames). There is no peer package that does the same work (casing with
// particles, honorifics, junk codes, Persian/Arabic/Chinese keys), so the table gives absolute figures.
// The wasm bytes the name feature adds come from bench/name_size.sh (target/name-size.json) when it has run.
//
//   node bench/name.mjs             (make bench)       ~20 seconds
//
// Prints one markdown table with footnotes and the machine.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt1, fmtInt, pct, printReport, timeBatch, timeCalls } from './report.mjs';
import { CONTACTS_10K, DATA_DIR, ROOT, loadCsvObjects } from './data.mjs';

const PASSES = 3;
const wasmPath = join(ROOT, 'pkg', 'gen', 'intake_bg.wasm');
if (!existsSync(wasmPath)) {
  console.error(`bench: ${wasmPath} is missing; run scripts/build.sh (make build) first`);
  process.exit(1);
}
const intake = await import('../pkg/index.js');
await intake.init(readFileSync(wasmPath));
const { validateName, validateNames } = intake;

const contacts = loadCsvObjects(CONTACTS_10K);
const febrl = loadCsvObjects(join(DATA_DIR, 'febrl', 'febrl3.csv'));
if (!contacts || !febrl) {
  console.log('name bench: the shared data is missing; nothing measured');
  process.exit(0);
}
const nonEmpty = (a) => a.filter((s) => s && s.trim() !== '');
const sets = [
  { label: 'contacts first names', part: 'given', inputs: nonEmpty(contacts.map((r) => r.first_name)) },
  { label: 'contacts last names', part: 'family', inputs: nonEmpty(contacts.map((r) => r.last_name)) },
  { label: 'contacts full names', part: 'full', inputs: nonEmpty(contacts.map((r) => `${r.first_name} ${r.last_name}`.trim())) },
  { label: 'febrl3 given + surnames', part: 'given', inputs: nonEmpty(febrl.flatMap((r) => [r.given_name, r.surname])) },
];

/** Per-call latencies of validateName (see timeCalls); `ok` counts valid results. */
const latencies = (inputs, options) => timeCalls(inputs, (x) => validateName(x, options), (r) => r.valid, PASSES);
const batchPerName = (inputs, options) => timeBatch(inputs, (xs) => validateNames(xs, options), PASSES);

// Warm-up (JIT and the lazily built tables).
for (const s of sets) for (const x of s.inputs.slice(0, 2000)) validateName(x, { part: s.part });

const lines = [
  '| names | n | valid | µs/name p50 | p99 | mean | keys off p50 | p99 | batch µs/name |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
];
for (const s of sets) {
  const on = latencies(s.inputs, { part: s.part });
  const off = latencies(s.inputs, { part: s.part, keys: false });
  const batch = batchPerName(s.inputs, { part: s.part });
  lines.push(`| ${s.label} | ${fmtInt(s.inputs.length)} | ${pct(on.ok, s.inputs.length)} | ${fmt1(on.p50)} | ${fmt1(on.p99)} | ` +
    `${fmt1(on.mean)} | ${fmt1(off.p50)} | ${fmt1(off.p99)} | ${fmt1(batch)} |`);
}

const sizeFile = join(ROOT, 'target', 'name-size.json');
const size = existsSync(sizeFile) ? JSON.parse(readFileSync(sizeFile, 'utf8')) : null;
const notes = [
  'Per call: validateName(input, { part }) timed one call at a time with process.hrtime (the best of 3 passes by median); ' +
    '"keys off" passes keys: false; batch is validateNames over the whole set, per name.',
  'valid: share of inputs without an error issue (the rest are values such as "." in the data; see tests/name.rs for the ' +
    'junk false-positive check over all 61,030 name values).',
  size && size.added
    ? `Wasm bytes the name feature adds (node bench/name_size.mjs: default features vs all but name): ${size.added}.`
    : 'Wasm bytes the name feature adds: run node bench/name_size.mjs (writes target/name-size.json).',
];
printReport(lines, notes);
