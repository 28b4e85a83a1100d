// Address benchmark (not a test): validateAddress and validatePostcode in Node on ../shared/data contacts_10k (each
// row's address with its country; the joined line `address, postcode city`) and Febrl's Australian addresses, side
// by side with the JavaScript peers users would pick, in one run:
//   - postcodes: validator.js `isPostalCode(str, country)` (the countries it knows) and postal-codes-js `validate`;
//   - US street lines: parse-address `parseLocation` (USPS-style parser; US only).
// libpostal (the quality anchor for parsing) cannot run here: its model is ~2 GB and node-postal needs the C
// library built against it, so it is not measured; the table says so.
// The wasm bytes the address feature adds come from bench/feature_size.sh (target/feature-size.json) when it has run:
//   bash bench/feature_size.sh address
//
//   node bench/address.mjs             (make bench)       ~30 seconds
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt1, fmtInt, pct, printReport, ratio, timeBatch, timeCalls } from './report.mjs';
import { CONTACTS_10K, DATA_DIR, ROOT, loadCsvObjects } from './data.mjs';

const require = createRequire(import.meta.url);
const PASSES = 3;
const wasmPath = join(ROOT, 'pkg', 'gen', 'intake_bg.wasm');
if (!existsSync(wasmPath)) {
  console.error(`bench: ${wasmPath} is missing; run scripts/build.sh (make build) first`);
  process.exit(1);
}
const intake = await import('../pkg/index.js');
await intake.init(readFileSync(wasmPath));
const validator = require('validator');
const postalCodes = require('postal-codes-js');
const parseAddress = require('parse-address');
const versionOf = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

const contacts = loadCsvObjects(CONTACTS_10K);
const febrl = loadCsvObjects(join(DATA_DIR, 'febrl', 'febrl3.csv'));
if (!contacts || !febrl) {
  console.log('address bench: the shared data is missing; nothing measured');
  process.exit(0);
}

const timed = (items, fn, good) => timeCalls(items, fn, good, PASSES);
const batchUs = (items, fn) => timeBatch(items, fn, PASSES);

const has = (s) => s && s.trim() !== '';
const postcodes = contacts.filter((r) => has(r.postcode)).map((r) => ({ code: r.postcode, country: r.country }));
const addresses = contacts.filter((r) => has(r.address)).map((r) => ({ text: r.address, country: r.country }));
const joined = contacts.filter((r) => has(r.address) && has(r.postcode))
  .map((r) => ({ text: `${r.address}, ${r.postcode} ${r.city}`, country: r.country }));
const usLines = contacts.filter((r) => has(r.address) && r.country === 'US').map((r) => ({ text: r.address, country: 'US' }));
const febrlLines = febrl.filter((r) => has(r.address_1))
  .map((r) => ({ text: [[r.street_number, r.address_1].filter(has).join(' '), r.address_2, `${r.suburb} ${r.state} ${r.postcode}`]
    .filter(has).join(', '), country: 'AU' }));

// validator.js knows postcodes of some countries only; compare on those.
const validatorLocales = new Set(validator.isPostalCodeLocales);
const vPostcodes = postcodes.filter((p) => validatorLocales.has(p.country));
const isValid = (r) => r.valid;
const pcIntake = (p) => intake.validatePostcode(p.code, { country: p.country });
const pcPeer = (p) => postalCodes.validate(p.country, p.code) === true;
const pcValidator = (p) => validator.isPostalCode(p.code.trim(), p.country);

// Warm-up (JIT and the lazily compiled patterns).
for (const p of postcodes.slice(0, 3000)) { pcIntake(p); pcPeer(p); }
for (const a of addresses.slice(0, 3000)) intake.validateAddress(a.text, { country: a.country });
for (const a of usLines.slice(0, 2000)) parseAddress.parseLocation(a.text);

const lines = [
  '| what | n | tool | accepted / parsed | µs/call p50 | p99 | mean | batch µs/call | intake speed-up (p50) |',
  '|---|---:|---|---:|---:|---:|---:|---:|---:|',
];
const row = (what, n, tool, ok, t, batch, vs = '—') => lines.push(`| ${what} | ${fmtInt(n)} | ${tool} | ${pct(ok, n)} | ` +
  `${fmt1(t.p50)} | ${fmt1(t.p99)} | ${fmt1(t.mean)} | ${batch === null ? '—' : fmt1(batch)} | ${vs} |`);

// Postcodes.
const tIntake = timed(postcodes, pcIntake, isValid);
const tPeer = timed(postcodes, pcPeer, (r) => r);
const bIntake = batchUs(postcodes, (xs) => {
  const byCountry = new Map();
  for (const p of xs) (byCountry.get(p.country) ?? byCountry.set(p.country, []).get(p.country)).push(p.code);
  for (const [country, codes] of byCountry) intake.validatePostcodes(codes, { country });
});
const tIntakeV = timed(vPostcodes, pcIntake, isValid);
const tValidator = timed(vPostcodes, pcValidator, (r) => r);
row('contacts postcodes, row country', postcodes.length, 'intake validatePostcode', tIntake.ok, tIntake, bIntake,
  `${ratio(tPeer.p50, tIntake.p50)} vs postal-codes-js`);
row('', postcodes.length, `postal-codes-js ${versionOf('postal-codes-js')}`, tPeer.ok, tPeer, null);
row(`same, countries validator.js knows (${[...new Set(vPostcodes.map((p) => p.country))].sort().join(' ')})`, vPostcodes.length,
  'intake validatePostcode', tIntakeV.ok, tIntakeV, null, `${ratio(tValidator.p50, tIntakeV.p50)} vs validator.js`);
row('', vPostcodes.length, `validator.js ${versionOf('validator')} isPostalCode`, tValidator.ok, tValidator, null);

// Agreement on validity (not a quality figure for either side: both read the same country pattern families).
let agreePeer = 0;
for (const p of postcodes) if (pcIntake(p).valid === pcPeer(p)) agreePeer++;
let agreeValidator = 0;
for (const p of vPostcodes) if (pcIntake(p).valid === pcValidator(p)) agreeValidator++;

// Addresses.
const parsed = (r) => r.parts.street !== null;
const tAddr = timed(addresses, (a) => intake.validateAddress(a.text, { country: a.country }), parsed);
const bAddr = batchUs(addresses, (xs) => {
  const byCountry = new Map();
  for (const a of xs) (byCountry.get(a.country) ?? byCountry.set(a.country, []).get(a.country)).push(a.text);
  for (const [country, texts] of byCountry) intake.validateAddresses(texts, { country });
});
row('contacts address lines, row country', addresses.length, 'intake validateAddress', tAddr.ok, tAddr, bAddr);
const withNumber = addresses.filter((a) => intake.validateAddress(a.text, { country: a.country }).parts.houseNumber !== null).length;
const tJoined = timed(joined, (a) => intake.validateAddress(a.text, { country: a.country }), (r) => r.parts.postcode !== null);
row('contacts `address, postcode city` (postcode found)', joined.length, 'intake validateAddress', tJoined.ok, tJoined, null);
const tUs = timed(usLines, (a) => intake.validateAddress(a.text, { country: 'US' }),
  (r) => r.parts.street !== null && r.parts.houseNumber !== null);
const tUsPeer = timed(usLines, (a) => parseAddress.parseLocation(a.text), (r) => !!(r && r.street && r.number));
row('contacts US lines (street and number found)', usLines.length, 'intake validateAddress', tUs.ok, tUs, null,
  `${ratio(tUsPeer.p50, tUs.p50)} vs parse-address`);
row('', usLines.length, `parse-address ${versionOf('parse-address')} parseLocation`, tUsPeer.ok, tUsPeer, null);
const tFebrl = timed(febrlLines, (a) => intake.validateAddress(a.text, { country: 'AU' }), (r) => r.parts.postcode !== null && r.valid);
row('febrl3 AU `number street, suburb STATE postcode` (valid postcode found)', febrlLines.length, 'intake validateAddress', tFebrl.ok, tFebrl, null);
lines.push('| libpostal (quality anchor) | — | not runnable here (2 GB model, C library) | — | — | — | — | — | — |');

// Size.
let size = 'not measured (run `bash bench/feature_size.sh address`)';
const sizeFile = join(ROOT, 'target', 'feature-size.json');
if (existsSync(sizeFile)) {
  const s = JSON.parse(readFileSync(sizeFile, 'utf8')).address;
  if (s) size = `${fmt1(s.added.raw / 1024)} KB raw, ${fmt1(s.added.gzip / 1024)} KB gzip, ${fmt1(s.added.brotli / 1024)} KB brotli ` +
    `(over an email-only build; measured at ${s.head})`;
}

printReport(lines, [
  `Contacts: ${CONTACTS_10K} (synthetic: many postcodes are deliberately random, e.g. Iranian 3-5 digit codes, so "accepted" is not a target).`,
  `Validity agreement with postal-codes-js: ${pct(agreePeer, postcodes.length)}; with validator.js: ${pct(agreeValidator, vPostcodes.length)}.`,
  `House number found in ${pct(withNumber, addresses.length)} of contact address lines (the data's GB "Flat/Studio N, Street" and Chinese "路X座" lines have none).`,
  'parse-address is US-only; intake reads every country of the data with the same call.',
  `Wasm bytes the address feature adds: ${size}.`,
  'µs/call: one call at a time from JS (string in, result object out); batch: validatePostcodes/validateAddresses per call.',
]);
