// Whole-record benchmark (not a test): the record pipeline (email + phone + given and family names + company +
// country + birth date) on N contacts (default 1,000,000: ../shared/data/contacts_10k.csv cycled) in Node, against
// the same work done with validator.js + libphonenumber-js (max) + mailcheck and hand-written normalization.
// Each contender runs in its own child process (so peak RSS is its own), streaming the records in chunks of 4,096.
//
//   node bench/records.mjs [--n 1000000]      (make bench)       ~2-3 minutes at 1M
//
// Prints one markdown table with footnotes and the machine.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt1, fmtInt, pct, printReport, ratio } from './report.mjs';
import { CONTACTS_10K, ROOT, loadCsvObjects } from './data.mjs';

const COLUMNS = ['first_name', 'last_name', 'email', 'phone', 'company', 'country', 'date_of_birth'];
const CHUNK = 4096;
const TODAY = '2026-12-07';
const RULES = {
  fields: {
    first_name: { kind: 'name', part: 'given' },
    last_name: { kind: 'name', part: 'family' },
    email: { kind: 'email', required: true },
    phone: { kind: 'phone', region: 'US' },
    company: 'company',
    country: 'country',
    date_of_birth: { kind: 'date', birthDate: true },
  },
  today: TODAY,
};

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('--n', process.env.INTAKE_BENCH_RECORDS ?? 1_000_000));
const pkgVersion = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

function loadRows() {
  const contacts = loadCsvObjects(CONTACTS_10K, { notice: () => {} });
  return contacts && contacts.map((o) => COLUMNS.map((c) => o[c] ?? ''));
}

/** Streams N rows (the 10k cycled) in chunks to `work(chunk)`; returns records/s, valid count and peak RSS. */
function stream(rows, work) {
  let valid = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let done = 0; done < N;) {
    const n = Math.min(CHUNK, N - done);
    const chunk = new Array(n);
    for (let k = 0; k < n; k++) chunk[k] = rows[(done + k) % rows.length];
    valid += work(chunk);
    done += n;
  }
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpuSeconds = (c.user + c.system) / 1e6;
  return { records: N, seconds, perSecond: N / seconds, cpuSeconds, perCpuSecond: N / cpuSeconds, valid,
    maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

// ---------------------------------------------------------------------------------------------------------------
// The contenders (each runs in a child process: `node bench/records.mjs --side intake|js --n N`)

async function sideIntake(rows) {
  const intake = await import('../pkg/index.js');
  await intake.init(readFileSync(join(ROOT, 'pkg', 'gen', 'intake_bg.wasm')));
  const v = intake.createRecordValidator(RULES);
  const out = stream(rows, (chunk) => {
    let valid = 0;
    for (const r of v.validateRows(COLUMNS, chunk)) if (r.valid) valid++;
    return valid;
  });
  out.score = v.report().score;
  out.version = intake.versions().intake;
  v.free();
  return out;
}

async function sideJs(rows) {
  const { default: validator } = await import('validator');
  const { default: mailcheck } = await import('mailcheck');
  const { parsePhoneNumberFromString } = await import('libphonenumber-js/max');
  const { default: countries } = await import('i18n-iso-countries');
  const en = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'i18n-iso-countries', 'langs', 'en.json'), 'utf8'));
  countries.registerLocale(en);

  // Hand-written normalization, as an importer would write it.
  const space = /\s+/g;
  const clean = (s) => s.normalize('NFC').replace(space, ' ').trim();
  const titleCase = (s) => s.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (m, p, c) => p + c.toUpperCase());
  const name = (s) => {
    const t = clean(s);
    if (t === '') return { value: t, valid: false };
    const value = t === t.toUpperCase() || t === t.toLowerCase() ? titleCase(t) : t;
    return { value, valid: !/[0-9@]/.test(t) };
  };
  const LEGAL = /\b(inc|llc|ltd|gmbh|corp|co|plc|ag|sa|srl|bv|limited)\.?$/i;
  const company = (s) => {
    const value = clean(s);
    return { value, key: value.toLowerCase().replace(LEGAL, '').trim() };
  };
  const countryCode = (s) => {
    const t = clean(s);
    if (/^[A-Za-z]{2}$/.test(t) && countries.isValid(t.toUpperCase())) return t.toUpperCase();
    return countries.getAlpha2Code(t, 'en') ?? null;
  };
  const date = (s) => {
    const t = clean(s);
    let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
    let y, mo, d;
    if (m) [y, mo, d] = [m[1], m[2], m[3]];
    else if ((m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t))) [d, mo, y] = [m[1], m[2], m[3]];
    else return { value: t, valid: false };
    const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    const dt = new Date(`${iso}T00:00:00Z`);
    const valid = !Number.isNaN(dt.getTime()) && dt.toISOString().startsWith(iso) && iso <= TODAY && Number(y) > 1896;
    return { value: valid ? iso : t, valid };
  };
  const record = ([first, last, email, phone, comp, country, dob]) => {
    const e = clean(email);
    const emailValid = validator.isEmail(e);
    let suggestion = null;
    mailcheck.run({ email: e, suggested: (r) => { suggestion = r.full; }, empty: () => {} });
    const emailValue = emailValid ? validator.normalizeEmail(e, { all_lowercase: false, gmail_remove_dots: false, gmail_remove_subaddress: false,
      outlookdotcom_remove_subaddress: false, yahoo_remove_subaddress: false, icloud_remove_subaddress: false }) : e;
    const region = countryCode(country);
    const p = phone.trim() === '' ? null : parsePhoneNumberFromString(phone, region ?? 'US');
    const phoneValid = phone.trim() === '' || (p?.isValid() ?? false);
    const f = name(first), l = name(last), c = company(comp), d = dob.trim() === '' ? { valid: true } : date(dob);
    const out = { first: f.value, last: l.value, email: emailValue, suggestion, phone: p?.number ?? phone, company: c.value, key: c.key,
      country: region, dob: d.value };
    return emailValid && phoneValid && d.valid && out !== null;
  };
  return stream(rows, (chunk) => {
    let valid = 0;
    for (const r of chunk) if (record(r)) valid++;
    return valid;
  });
}

// ---------------------------------------------------------------------------------------------------------------

const side = arg('--side', null);
if (side) {
  const rows = loadRows();
  const out = side === 'intake' ? await sideIntake(rows) : await sideJs(rows);
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}

if (!existsSync(join(ROOT, 'pkg', 'gen', 'intake_bg.wasm'))) {
  console.error('bench: pkg/gen/intake_bg.wasm is missing; run scripts/build.sh (make build) first');
  process.exit(1);
}
if (!loadRows()) {
  console.log('records bench: the shared data is missing; nothing measured');
  process.exit(0);
}
const self = fileURLToPath(import.meta.url);
const run = (s) => JSON.parse(execFileSync(process.execPath, [self, '--side', s, '--n', String(N)], { encoding: 'utf8', maxBuffer: 1 << 20 }));
const a = run('intake');
const b = run('js');
const intakeVersion = a.version;
const lines = [
  `| whole-record pipeline, ${fmtInt(N)} contacts (contacts_10k cycled), Node | intake ${intakeVersion} | validator ${pkgVersion('validator')} + libphonenumber-js ${pkgVersion('libphonenumber-js')} (max) + mailcheck ${pkgVersion('mailcheck')} + hand-written | ratio intake / JS |`,
  '|---|---:|---:|---:|',
  `| records/s (wall clock) | ${fmtInt(a.perSecond)} | ${fmtInt(b.perSecond)} | ${ratio(a.perSecond, b.perSecond)} |`,
  `| records per CPU second | ${fmtInt(a.perCpuSecond)} | ${fmtInt(b.perCpuSecond)} | ${ratio(a.perCpuSecond, b.perCpuSecond)} |`,
  `| µs per record (wall clock) | ${fmt1(1e6 / a.perSecond)} | ${fmt1(1e6 / b.perSecond)} | ${ratio(1e6 / a.perSecond, 1e6 / b.perSecond)} |`,
  `| seconds | ${fmt1(a.seconds)} | ${fmt1(b.seconds)} | |`,
  `| peak RSS (MB) | ${fmtInt(a.maxRssMb)} | ${fmtInt(b.maxRssMb)} | ${ratio(a.maxRssMb, b.maxRssMb)} |`,
  `| records valid | ${pct(a.valid, N)} | ${pct(b.valid, N)} | |`,
];
printReport(lines, [
  '(a) intake: createRecordValidator(rules) once, then validateRows on chunks of 4,096 rows (one wasm call per 512 rows), ' +
    'with the quality report accumulated; fields: first_name (given), last_name (family), email (required), phone ' +
    '(region from the record\'s country, else US), company, country, date_of_birth (birth date). ' +
    `Batch quality score ${a.score}/100.`,
  '(b) JS: per record validator.isEmail + normalizeEmail, mailcheck.run, i18n-iso-countries (en names and codes), ' +
    'libphonenumber-js/max parsePhoneNumberFromString with that region, names trimmed/NFC/title-cased, companies ' +
    'cleaned with a legal-suffix key, dates ISO or D.M.Y checked against today. It does less than intake (no Persian, ' +
    'Arabic or Chinese names or dates, no Jalali/Hijri, no issues or messages).',
  '(c) Each contender runs alone in a child process; peak RSS is that process\'s (process.resourceUsage().maxRSS). ' +
    'CPU seconds (user + system of the process during the run) are reported because a shared machine makes wall ' +
    'clock noisy; on an idle machine the two agree.',
]);
