// Writes samples/contacts.csv: ~300 messy, deterministic contacts for the README's main command
//   node pkg/cli.js clean samples/contacts.csv --out out/contacts.clean.csv --report out/report.json
// Emails come from bench/gen_emails.mjs (clean, typo, format noise and invalid, with their ground truth); names in
// Latin, Persian, Arabic and Chinese script; phones, companies and dates in the formats people actually type;
// a few duplicates of earlier contacts with small variations.
//
// Usage: node samples/make_sample.mjs [out.csv]     (default: samples/contacts.csv next to this file)

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NAMES, generateEmails, makeRng } from '../bench/gen_emails.mjs';
import { toCsvRow } from '../pkg/csv.js';

const SEED = 2024;
const N = 285; // plus ~5% duplicates => ~300 rows
const HEADER = ['first_name', 'last_name', 'email', 'phone', 'company', 'country', 'date_of_birth'];

const rng = makeRng(SEED);

const COUNTRY = { en: ['US', 'US', 'GB'], de: ['DE'], fr: ['FR'], it: ['IT'], br: ['BR'], in: ['IN'], ir: ['IR'],
  ar: ['SA', 'AE'], cn: ['CN'], jp: ['JP'], kr: ['KR'], ru: ['RU'] };

const FA_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const AR_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const toDigits = (s, set) => s.replace(/[0-9]/g, (d) => set[+d]);
const digits = (n) => Array.from({ length: n }, () => rng.int(10)).join('');
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function phone(country) {
  if (rng.chance(0.06)) return '';
  const f = {
    US: () => { const a = `${rng.range(201, 989)}`, b = `555`, c = digits(4);
      return rng.pick([`+1 ${a}-${b}-${c}`, `(${a}) ${b}-${c}`, `${a}${b}${c}`, `+1${a}${b}${c}`, `${a}.${b}.${c}`]); },
    GB: () => { const m = `7${digits(3)}`, r = digits(6); return rng.pick([`+44 ${m} ${r}`, `0${m} ${r}`, `+44${m}${r}`]); },
    DE: () => { const p = `15${rng.range(1, 9)}`, r = digits(8); return rng.pick([`+49 ${p} ${r}`, `0${p} ${r}`, `0049 ${p} ${r.slice(0, 4)} ${r.slice(4)}`]); },
    FR: () => { const r = [rng.range(6, 7), digits(2), digits(2), digits(2), digits(2)];
      return rng.pick([`+33 ${r.join(' ')}`, `0${r.join(' ')}`, `0${r.join('.')}`]); },
    IT: () => { const r = `3${digits(9)}`; return rng.pick([`+39 ${r.slice(0, 3)} ${r.slice(3)}`, r]); },
    BR: () => { const dd = rng.pick(['11', '21', '31']), r = `9${digits(8)}`;
      return rng.pick([`+55 ${dd} ${r.slice(0, 5)}-${r.slice(5)}`, `(${dd}) ${r.slice(0, 5)}-${r.slice(5)}`]); },
    IN: () => { const r = `9${digits(9)}`; return rng.pick([`+91 ${r.slice(0, 5)} ${r.slice(5)}`, `0${r}`, `+91-${r}`]); },
    IR: () => { const r = `9${rng.pick(['12', '13', '35', '01', '19'])}${digits(7)}`;
      return rng.weighted([[35, `+98 ${r.slice(0, 3)} ${r.slice(3, 6)} ${r.slice(6)}`], [30, `0${r}`],
        [20, toDigits(`0${r}`, FA_DIGITS)], [15, `0${r.slice(0, 3)}-${r.slice(3, 6)}-${r.slice(6)}`]]); },
    SA: () => { const r = `5${rng.range(0, 9)}${digits(7)}`;
      return rng.weighted([[40, `+966 ${r.slice(0, 2)} ${r.slice(2, 5)} ${r.slice(5)}`], [35, `0${r}`],
        [25, toDigits(`0${r}`, AR_DIGITS)]]); },
    AE: () => { const r = `5${rng.pick(['0', '2', '5', '6'])}${digits(7)}`;
      return rng.pick([`+971 ${r.slice(0, 2)} ${r.slice(2, 5)} ${r.slice(5)}`, `0${r.slice(0, 2)} ${r.slice(2, 5)} ${r.slice(5)}`, `00971${r}`]); },
    CN: () => { const r = `1${rng.pick(['38', '39', '58', '86', '35'])}${digits(8)}`;
      return rng.pick([`+86 ${r.slice(0, 3)} ${r.slice(3, 7)} ${r.slice(7)}`, r, `${r.slice(0, 3)}-${r.slice(3, 7)}-${r.slice(7)}`]); },
    JP: () => { const r = digits(8); return rng.pick([`+81 90-${r.slice(0, 4)}-${r.slice(4)}`, `090-${r.slice(0, 4)}-${r.slice(4)}`]); },
    KR: () => { const r = digits(8); return rng.pick([`+82 10-${r.slice(0, 4)}-${r.slice(4)}`, `010-${r.slice(0, 4)}-${r.slice(4)}`]); },
    RU: () => { const r = `9${digits(9)}`;
      return rng.pick([`+7 ${r.slice(0, 3)} ${r.slice(3, 6)}-${r.slice(6, 8)}-${r.slice(8)}`, `8 (${r.slice(0, 3)}) ${r.slice(3, 6)}-${r.slice(6, 8)}-${r.slice(8)}`]); },
  }[country];
  return f();
}

const COMPANIES = {
  en: ['Acme Corp', 'Smith, Jones & Partners', 'Blue River LLC', 'The "Summit" Agency', 'Northwind Traders',
    'Green and Sons', 'Apex Logistics Inc.', 'Harbor Health'],
  de: ['Müller GmbH', 'Schmidt & Söhne KG', 'Rheinland Logistik AG'],
  fr: ['Société Générale de Conseil', 'Dubois et Fils', 'Lumière SARL'],
  it: ['Rossi S.p.A.', 'Ferrari & Colombo S.r.l.'],
  br: ['Silva Comércio Ltda', 'Oliveira & Santos'],
  in: ['Sharma Textiles Pvt Ltd', 'Patel Infotech'],
  ir: ['شرکت پارس', 'بازرگانی نوین', 'پتروشیمی لاله', 'Pars Trading Co.', 'گروه صنعتی سپاهان', 'کاوه, زاگرس و شرکا'],
  ar: ['شركة النور', 'مؤسسة الخليج للتجارة', 'Al Noor Trading LLC', 'مجموعة الواحة', 'دار البركة'],
  cn: ['华信科技有限公司', '北京天利贸易有限公司', 'Huaxin Tech Ltd.', '金龙物流'],
  jp: ['株式会社サクラ', 'Tanaka Shoji K.K.'],
  kr: ['한빛전자', 'Hanbit Co., Ltd.'],
  ru: ['ООО Ромашка', 'Volkov Group'],
};

const pad2 = (n) => String(n).padStart(2, '0');
function dob(country) {
  if (rng.chance(0.08)) return '';
  const y = rng.range(1950, 2004);
  const m = rng.range(1, 12);
  const d = rng.range(1, 28);
  if (country === 'IR' && rng.chance(0.35)) {
    const jy = y - 621 - (m < 3 || (m === 3 && d < 21) ? 1 : 0); // Solar Hijri year, roughly
    const s = `${jy}/${pad2(rng.range(1, 12))}/${pad2(rng.range(1, 29))}`;
    return rng.chance(0.5) ? toDigits(s, FA_DIGITS) : s;
  }
  return rng.weighted([
    [40, `${y}-${pad2(m)}-${pad2(d)}`],
    [20, ['US'].includes(country) ? `${pad2(m)}/${pad2(d)}/${y}` : `${pad2(d)}/${pad2(m)}/${y}`],
    [10, `${d}.${m}.${y}`],
    [10, `${y}/${m}/${d}`],
    [10, `${pad2(d)}-${pad2(m)}-${y}`],
    [10, `${y}${pad2(m)}${pad2(d)}`],
  ]);
}

function nameFor(meta) {
  let region = meta.region;
  let first = meta.first;
  let last = meta.last;
  let firstNative = meta.firstNative;
  let lastNative = meta.lastNative;
  if (!region) {
    // invalid rows carry no person: make one up
    region = rng.weighted([[40, 'en'], [15, 'ir'], [15, 'ar'], [15, 'cn'], [5, 'de'], [5, 'fr'], [5, 'in']]);
    const f = rng.pick(NAMES[region].first);
    const l = rng.pick(NAMES[region].last);
    [first, firstNative] = Array.isArray(f) ? f : [f, null];
    [last, lastNative] = Array.isArray(l) ? l : [l, null];
  }
  let fn = cap(first);
  let ln = cap(last);
  if (firstNative && rng.chance(0.65)) {
    fn = firstNative;
    ln = lastNative;
  } else if (rng.chance(0.08)) {
    fn = fn.toUpperCase();
    ln = ln.toUpperCase();
  } else if (rng.chance(0.06)) {
    fn = ` ${fn}`;
  }
  return { region, first: fn, last: ln };
}

const emails = generateEmails(N, SEED);
const rows = [];
for (const e of emails) {
  const p = nameFor(e.meta);
  const country = rng.pick(COUNTRY[p.region]);
  let company = rng.chance(0.85) ? rng.pick(COMPANIES[p.region]) : '';
  if (p.region === 'ir' && rng.chance(0.05)) company = 'Pars Trading Co.\nدفتر تهران'; // a line break inside a field
  rows.push([p.first, p.last, e.input, phone(country), company, country, dob(country)]);
}

// Duplicates: the same person typed again, slightly differently.
const dups = Math.round(N * 0.05);
for (let k = 0; k < dups; k++) {
  const src = rows[rng.int(rows.length)].slice();
  const v = rng.pick(['email_case', 'email_space', 'name_case', 'phone', 'exact']);
  if (v === 'email_case') src[2] = src[2].replace(/@(.*)$/, (m, d) => `@${d.toUpperCase()}`);
  if (v === 'email_space') src[2] = ` ${src[2]} `;
  if (v === 'name_case') src[0] = src[0].toLowerCase();
  if (v === 'phone') src[3] = src[3].replace(/[\s().-]/g, '');
  rows.splice(rng.range(Math.floor(rows.length / 2), rows.length), 0, src);
}

const out = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), 'contacts.csv');
writeFileSync(out, [HEADER, ...rows].map((r) => toCsvRow(r)).join('\n') + '\n');
const truth = {};
for (const e of emails) truth[e.truth] = (truth[e.truth] ?? 0) + 1;
console.log(`wrote ${out}: ${rows.length} contacts (${dups} duplicates); emails by truth: ${JSON.stringify(truth)}`);
