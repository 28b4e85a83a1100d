// intake/schema, intake/locales and intake/edge in Node: Standard Schema v1 conformance (checked against the spec's
// own shape), react-hook-form's standardSchemaResolver driving an intake record schema, messages in every
// language with RTL digits and isolates, and added languages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requireBuild } from './harness.mjs';

requireBuild();
const intake = await import('intake');
const { schema } = await import('intake/schema');
const locales = await import('intake/locales');
const { standardSchemaResolver } = await import('@hookform/resolvers/standard-schema');

const FSI = '\u2068', PDI = '\u2069';

test('before init(): validate returns a promise that initializes, after: a plain result', async () => {
  assert.equal(intake.isReady(), false, 'this file must run before anything calls init()');
  const pending = schema.email()['~standard'].validate(' Ali@Acme.IO ');
  assert.ok(pending instanceof Promise, 'validate before init returns a Promise (Standard Schema allows it)');
  assert.deepEqual(await pending, { value: 'Ali@acme.io' });
  assert.equal(intake.isReady(), true);
  const now = schema.email()['~standard'].validate('ali@');
  assert.ok(!(now instanceof Promise), 'synchronous after init');
  assert.deepEqual(now.issues.map((i) => [i.code, i.path]), [['email.domain_empty', []]]);
});

// Every test after the first awaits init() too, so each runs alone as well (--test-name-pattern).
test('Standard Schema v1 shape: version 1, vendor, validate; results are { value } or { issues: [{ message, path }] }', async () => {
  await intake.init();
  const contact = schema.object({ email: schema.email(), phone: schema.phone({ defaultRegion: 'IR', optional: true }) });
  for (const s of [schema.email(), schema.phone(), schema.country(), schema.date(), contact]) {
    const std = s['~standard'];
    assert.equal(std.version, 1);
    assert.equal(std.vendor, 'intake');
    assert.equal(typeof std.validate, 'function');
  }
  const ok = contact['~standard'].validate({ email: 'ali@acme.io', phone: '۰۹۱۲ ۳۴۵ ۶۷۸۹', other: 1 });
  assert.deepEqual(ok, { value: { email: 'ali@acme.io', phone: '+989123456789' } }, 'standardized values, unknown keys dropped');
  assert.equal('issues' in ok, false, 'a success has no issues key');
  const bad = contact['~standard'].validate({ email: 'ali@acme', phone: 'abc' });
  for (const i of bad.issues) {
    assert.equal(typeof i.message, 'string');
    assert.ok(Array.isArray(i.path) && i.path.every((k) => typeof k === 'string'), JSON.stringify(i.path));
  }
  assert.deepEqual(bad.issues.map((i) => `${i.path.join('.')} ${i.code}`), ['email email.single_label_domain', 'phone phone.not_a_number']);
  const kept = schema.object({ email: schema.email() }, { unknownKeys: 'keep' })['~standard'].validate({ email: 'a@acme.io', x: 1 });
  assert.deepEqual(kept.value, { email: 'a@acme.io', x: 1 });
});

test('every field of issue 5 is a Standard Schema too: names, companies, websites, addresses, postcodes', async () => {
  await intake.init();
  const contact = schema.object({
    first: schema.name({ part: 'given' }), last: schema.name({ part: 'family' }), company: schema.company(),
    web: schema.website(), street: schema.address({ country: 'GB' }), zip: schema.postcode({ country: 'GB' }),
  });
  assert.equal(contact['~standard'].version, 1);
  const ok = contact['~standard'].validate({
    first: 'JEAN-LUC', last: "o'brien", company: 'acme corp', web: 'WWW.Acme.com/?utm_source=x',
    street: '10 downing street', zip: 'sw1a1aa',
  });
  assert.deepEqual(ok, { value: {
    first: 'Jean-Luc', last: "O'Brien", company: 'Acme Corp.', web: 'https://www.acme.com', street: '10 Downing St',
    zip: 'SW1A 1AA',
  } });
  const bad = contact['~standard'].validate({ first: 'asdf', last: 'ali@gmail.com', company: 'n/a', web: 'not a url', street: '', zip: '123' });
  assert.deepEqual(bad.issues.map((i) => `${i.path.join('.')} ${i.code}`), [
    'first name.placeholder', 'last name.email_in_name', 'web website.invalid', 'street address.empty', 'zip postcode.invalid',
  ], 'errors block; the company placeholder is a warning and passes unless warnings: "error"');
  const strict = schema.company({ warnings: 'error' })['~standard'].validate('n/a');
  assert.deepEqual(strict.issues.map((i) => i.code), ['company.placeholder']);
});

test('field options: optional, warnings as errors, output picks a result key, locale', async () => {
  await intake.init();
  assert.deepEqual(schema.phone({ optional: true })['~standard'].validate('  '), { value: undefined });
  assert.deepEqual(schema.phone()['~standard'].validate('').issues.map((i) => i.code), ['input.empty']);
  const typo = 'ali@gmial.com';
  assert.deepEqual(schema.email()['~standard'].validate(typo), { value: typo }, 'a typo is a warning: passes by default');
  const strict = schema.email({ warnings: 'error', locale: 'fa' })['~standard'].validate(typo);
  assert.equal(strict.issues[0].code, 'email.domain_typo');
  assert.equal(strict.issues[0].message, `آیا منظورتان ${FSI}ali@gmail.com${PDI} بود؟`);
  const national = schema.phone({ defaultRegion: 'IR', output: 'national' })['~standard'].validate('+989123456789');
  assert.deepEqual(national, { value: '0912 345 6789' });
  const nested = schema.object({ contact: schema.object({ email: schema.email() }) })['~standard'].validate({ contact: { email: 'ali@' } });
  assert.deepEqual(nested.issues.map((i) => i.path), [['contact', 'email']]);
  assert.deepEqual(schema.object({ a: schema.email() })['~standard'].validate(null).issues.map((i) => i.code), ['form.not_object']);
});

test('details(): every field result, changes and warnings, in the locale asked for', async () => {
  await intake.init();
  const contact = schema.object({ email: schema.email(), country: schema.country() });
  const d = contact.details({ email: ' ali@gmial.com', country: 'Deutschland' }, { locale: 'ar' });
  assert.deepEqual(d.value, { email: 'ali@gmial.com', country: 'DE' });
  assert.deepEqual(d.results.email.changes.map((c) => c.kind), ['trim']);
  assert.equal(d.results.email.issues[0].message.includes(`${FSI}ali@gmail.com${PDI}`), true, d.results.email.issues[0].message);
});

test('react-hook-form standardSchemaResolver: values on success, { message, type } per field on failure', async () => {
  await intake.init();
  const contact = schema.object({
    email: schema.email({ locale: 'fa' }),
    phone: schema.phone({ defaultRegion: 'IR', locale: 'fa' }),
  });
  const resolver = standardSchemaResolver(contact);
  const options = { fields: {}, shouldUseNativeValidation: false };
  const ok = await resolver({ email: ' Ali@Acme.IO ', phone: '0912 345 6789' }, undefined, options);
  assert.deepEqual(ok.errors, {});
  assert.deepEqual(ok.values, { email: 'Ali@acme.io', phone: '+989123456789' }, 'the form submits the standardized values');
  const raw = await standardSchemaResolver(contact, undefined, { raw: true })({ email: ' Ali@Acme.IO ', phone: '0912 345 6789' }, undefined, options);
  assert.deepEqual(raw.values, { email: ' Ali@Acme.IO ', phone: '0912 345 6789' }, 'what was typed, with raw: true');
  const bad = await resolver({ email: 'ali@', phone: '0912' }, undefined, options);
  assert.deepEqual(Object.keys(bad.errors).sort(), ['email', 'phone']);
  assert.equal(bad.errors.email.message, 'بخش پس از @ را وارد کنید.');
  assert.equal(typeof bad.errors.phone.message, 'string');
  assert.deepEqual(bad.values, {});
});

test('locales: every code renders in en, fa, ar, zh; RTL numbers in native digits, other values isolated', async () => {
  await intake.init();
  for (const { code } of intake.issueCodes()) {
    for (const loc of ['en', 'fa', 'ar', 'zh']) {
      const m = locales.message(code, loc, { max: '64', suggestion: 'ali@gmail.com', type: 'text/plain', format: 'JSON', domain: 'x.io' });
      assert.ok(m && m !== code, `${code} ${loc}`);
      if (loc === 'fa' || loc === 'ar') {
        assert.ok(!/[0-9]/.test(m.replace(/\u2068[^\u2069]*\u2069/g, '')), `${code} ${loc}: ASCII digit outside an isolate: ${m}`);
        assert.ok(!m.includes('ali@gmail.com') || m.includes(`${FSI}ali@gmail.com${PDI}`), `${code} ${loc}: value not isolated: ${m}`);
      }
    }
  }
  assert.equal(locales.message('input.too_long', 'fa', { max: '1024' }), 'این مقدار بیش از حد طولانی است (بیش از ۱۰۲۴ بایت).');
  assert.equal(locales.message('input.too_long', 'ar', { max: '1024' }), 'هذه القيمة طويلة جدًا (أكثر من ١٠٢٤ بايت).');
  assert.equal(locales.formatNumber(2026, 'fa'), '۲۰۲۶');
  assert.equal(locales.direction('fa-IR'), 'rtl');
  assert.equal(locales.direction('ar'), 'rtl');
  assert.equal(locales.direction('zh-CN'), 'ltr');
  assert.equal(locales.resolveLocale('de-DE,fa;q=0.8,en;q=0.9'), 'en', 'q-values order the list');
  assert.equal(locales.resolveLocale(['zh-Hans-CN']), 'zh');
  assert.equal(locales.resolveLocale(undefined), 'en');
});

test('locales: a language added at run time, with fallback, RTL digits and isolates; used by schemas', async () => {
  await intake.init();
  locales.addLocale('ur', { zero: '\u06f0', messages: { 'input.too_long': 'بہت لمبا ہے ({max} بائٹ سے زیادہ)۔', 'email.domain_typo': 'کیا آپ کا مطلب {suggestion} تھا؟' } });
  assert.equal(locales.direction('ur'), 'rtl');
  assert.equal(locales.message('input.too_long', 'ur-PK', { max: '30' }), 'بہت لمبا ہے (۳۰ بائٹ سے زیادہ)۔');
  assert.equal(locales.message('email.domain_typo', 'ur', { suggestion: 'a@gmail.com' }), `کیا آپ کا مطلب ${FSI}a@gmail.com${PDI} تھا؟`);
  assert.equal(locales.message('input.empty', 'ur'), intake.message('input.empty', 'en'), 'falls back to en');
  locales.addLocale('de', { messages: { 'input.empty': 'Bitte einen Wert eingeben.' } });
  assert.ok(locales.locales().includes('de') && locales.locales().includes('ur'));
  const r = schema.email({ locale: 'de' })['~standard'].validate(' ');
  assert.equal(r.issues[0].message, 'Bitte einen Wert eingeben.');
  assert.equal(locales.localize({ code: 'input.empty', params: {} }, 'de-AT').message, 'Bitte einen Wert eingeben.');
  assert.throws(() => locales.addLocale('fa', {}), /built in/);
  assert.throws(() => locales.addLocale('not a tag', {}), /language tag/);
});

test('schema.rules: an intake rule set as a Standard Schema, through react-hook-form and the edge handler', async () => {
  await intake.init();
  const { createHandler } = await import('intake/edge');
  const crm = schema.rules({
    fields: { email: { kind: 'email', required: true }, mobile: { kind: 'phone', mobile: true }, country: 'country' },
    defaultRegion: 'IR', policies: { rejectDisposable: true },
  });
  assert.equal(crm['~standard'].version, 1);
  const ok = crm['~standard'].validate({ email: ' Ali@Acme.IO ', mobile: '۰۹۱۲ ۳۴۵ ۶۷۸۹', country: 'ایران' });
  assert.deepEqual(ok, { value: { email: 'Ali@acme.io', mobile: '+989123456789', country: 'IR' } });
  const bad = crm['~standard'].validate({ mobile: '021 8888 8888', email: 'x@mailinator.com' });
  assert.deepEqual(bad.issues.map((i) => `${i.path.join('.')} ${i.code}`).sort(), ['email email.disposable', 'mobile record.not_mobile']);
  const resolved = await standardSchemaResolver(schema.rules({ fields: { email: { kind: 'email', required: true } } }, { locale: 'zh' }))(
    { email: '' }, undefined, { fields: {}, shouldUseNativeValidation: false });
  assert.deepEqual(Object.keys(resolved.errors), ['email']);
  assert.match(resolved.errors.email.message, /[\u4e00-\u9fff]/, 'message in Chinese');
  const handler = createHandler(crm);
  const res = await handler(new Request('http://x/', {
    method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'fa' },
    body: JSON.stringify({ email: 'ali@gmial.com', mobile: '0912 345 6789' }),
  }));
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.deepEqual(body.value, { email: 'ali@gmial.com', mobile: '+989123456789' });
  assert.deepEqual(Object.keys(body.changes), ['mobile']);
  assert.deepEqual(body.warnings.map((w) => w.code), ['email.domain_typo']);
  assert.ok(body.warnings[0].message.startsWith('آیا'), body.warnings[0].message);
});

test('import cleaner (www/clean.js): CSV, TSV and JSON lines read alike; mapping, cleaning, clusters and exports', async () => {
  await intake.init();
  const clean = await import('../../www/clean.js');
  const rows = [['name', 'email', 'phone', 'country'], ['Ali Rezaei', ' Ali@GMIAL.com', '0912 345 6789', 'Iran'],
    ['Ali Rezaei', 'ali@gmail.com', '+98 912 345 6789', 'IR'], ['Sara Li', 'sara@', '', 'China']];
  const csv = rows.map((r) => r.join(',')).join('\n');
  const tsv = rows.map((r) => r.join('\t')).join('\n');
  const jsonl = rows.slice(1).map((r) => JSON.stringify(Object.fromEntries(rows[0].map((h, i) => [h, r[i]])))).join('\n');
  const tables = [clean.parseText(csv, 'a.csv'), clean.parseText(tsv, 'a.tsv'), clean.parseText(jsonl, 'a.jsonl')];
  for (const t of tables) assert.deepEqual(t, tables[0]);
  const mapping = clean.guessMapping(tables[0].headers, tables[0].rows, intake);
  assert.deepEqual(mapping.map((m) => m.kind), ['name', 'email', 'phone', 'country']);
  const cleaned = clean.cleanRows(intake, tables[0], mapping);
  assert.deepEqual(cleaned.cells.map((r) => r.map((c) => c.value)), [
    ['Ali Rezaei', 'Ali@gmial.com', '+989123456789', 'IR'], ['Ali Rezaei', 'ali@gmail.com', '+989123456789', 'IR'], ['Sara Li', 'sara@', '', 'CN']]);
  assert.deepEqual(cleaned.cells[2][1].issues.map((i) => i.code), ['email.domain_empty']);
  const report = clean.qualityReport(cleaned);
  assert.equal(report.invalidRows, 1);
  assert.deepEqual(report.columns[1].counts, { ok: 1, changed: 0, warning: 1, invalid: 1, empty: 0, kept: 0 });
  const clusters = clean.findClusters(cleaned, intake);
  assert.deepEqual(clusters.map((c) => c.rows), [[0, 1]]);
  const out = clean.exportCsv(cleaned, clusters, { 0: 'accepted' }).trim().split('\r\n');
  assert.equal(out.length, 3, out.join('\n'));
  assert.ok(out[1].endsWith(',2 3'), out[1]);
  const log = clean.changesLog(cleaned, clusters, { 0: 'accepted' }).trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(log.some((e) => e.column === 'email' && e.status === 'invalid' && e.row === 4));
  assert.ok(log.some((e) => e.decision === 'accepted'));
});
