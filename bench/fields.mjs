// Per-field cost in Node (not a test): µs per call (p50, p99, mean) of every field's public validator on the real
// column values of ../shared/data/contacts_10k.csv (samples/contacts.csv when the shared data is absent), plus the
// wasm bytes each field's cargo feature adds when bench/feature_size.sh has recorded them (target/feature-size.json).
//
//   node bench/fields.mjs        (make bench, after scripts/build.sh)
//
// Each call is timed on its own (bench/report.mjs timeCalls) after a warm-up pass, so p99 includes the slow inputs
// (a typo suggestion, a long address) rather than hiding them in a batch average.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt1, fmtInt, printReport, timeCalls } from './report.mjs';
import { ROOT, CONTACTS_10K, loadCsvObjects } from './data.mjs';
import * as intake from '../pkg/index.js';

const PASSES = 3;
const SIZES = join(ROOT, 'target', 'feature-size.json');
// The cargo feature that carries each field (postcodes are part of `address`).
const FEATURE = { postcode: 'address' };

let rows = loadCsvObjects(CONTACTS_10K, { notice: (s) => console.error(s) });
let source = 'contacts_10k.csv (../shared/data)';
if (!rows) {
  rows = loadCsvObjects(join(ROOT, 'samples', 'contacts.csv'));
  source = 'samples/contacts.csv';
}
await intake.init();

const region = (r) => r.country || undefined;
// field -> [column or inputs, call]. The options are what a caller with a country column would pass.
const FIELDS = [
  ['email', (r) => r.email, (v) => intake.validateEmail(v)],
  ['phone', (r) => r.phone, (v, r) => intake.validatePhone(v, { defaultRegion: region(r) })],
  ['name (given)', (r) => r.first_name, (v) => intake.validateName?.(v, { part: 'given' })],
  ['name (family)', (r) => r.last_name, (v) => intake.validateName?.(v, { part: 'family' })],
  ['company', (r) => r.company, (v) => intake.validateCompany?.(v)],
  ['website', (r) => (r.email?.includes('@') ? `WWW.${r.email.split('@')[1]}/?utm_source=crm` : ''), (v) => intake.validateWebsite?.(v)],
  ['address', (r) => r.address, (v, r) => intake.validateAddress?.(v, { country: region(r) })],
  ['postcode', (r) => r.postcode, (v, r) => intake.validatePostcode?.(v, { country: region(r) })],
  ['country', (r) => r.country, (v) => intake.validateCountry(v)],
  ['date', (r) => r.date_of_birth, (v) => intake.validateDate(v)],
];

const sizes = existsSync(SIZES) ? JSON.parse(readFileSync(SIZES, 'utf8')) : null;
const kb = (n) => (n == null ? '—' : `${(n / 1024).toFixed(1)} KB`);
const lines = [
  '| field | inputs | p50 µs | p99 µs | mean µs | calls/s | wasm added (brotli) |',
  '|---|---:|---:|---:|---:|---:|---:|',
];
const notes = [];
for (const [field, pick, call] of FIELDS) {
  const items = rows.map((r) => [pick(r), r]).filter(([v]) => v);
  const field0 = field.split(' ')[0];
  const feature = FEATURE[field0] ?? field0;
  if (call(items[0][0], items[0][1]) === undefined) {
    lines.push(`| ${field} | — | n/a | n/a | n/a | n/a | — |`);
    notes.push(`- ${field}: not in this build of the package.`);
    continue;
  }
  for (const [v, r] of items) call(v, r); // warm-up: JIT, lazily built tables
  const t = timeCalls(items, ([v, r]) => call(v, r), () => true, PASSES);
  const added = sizes?.[feature]?.added?.brotli;
  lines.push(`| ${field} | ${fmtInt(items.length)} | ${fmt1(t.p50)} | ${fmt1(t.p99)} | ` +
    `${fmt1(t.mean)} | ${fmtInt(1e6 / t.mean)} | ${kb(added)} |`);
}
notes.push(`- Inputs: the field's column of ${source}; website: the email's domain written as WWW.domain/?utm_source=crm.`);
notes.push('- Options: defaultRegion / country from the row\'s country column, as a caller with that column would pass.');
notes.push(`- Each call timed alone (hrtime); the best of ${PASSES} passes by median, after one warm-up pass; includes the JS shim and the wasm call.`);
notes.push(sizes
  ? '- wasm added: release wasm after wasm-opt, `--features email,<feature>` minus `--features email`, brotli 11 (bench/feature_size.sh; each row\'s build is in target/feature-size.json).'
  : '- wasm added: run `bash bench/feature_size.sh phone name company website address country date` first (make bench does) (release builds, minutes).');
printReport(lines, notes);
