// Records in Node: the record fixtures replayed through the package, chunked batches, streaming with bounded
// memory, the compiled-rule-set lifetime, privacy options and header mapping.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { repoRoot, requireBuild } from './harness.mjs';
import { replayHeaderMapping, replayRecordCases } from './replay.mjs';

requireBuild();
const intake = await import('intake');
const fixture = (name) => readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'record', name), 'utf8');

before(async () => {
  await intake.init();
});

test('record fixtures replay as in Rust', () => {
  const r = replayRecordCases(intake, fixture('cases.json'));
  assert.ok(r.total >= 35, `${r.total} cases`);
  assert.deepEqual(r.failures, []);
});

test('header mapping: >= 95% of columns on both header fixtures, as in Rust', (t) => {
  for (const name of ['headers.json', 'headers_heldout.json']) {
    const r = replayHeaderMapping(intake, fixture(name));
    t.diagnostic(`${name}: ${r.right}/${r.total} (${(r.rate * 100).toFixed(1)}%)`);
    assert.ok(r.rate >= 0.95, `${name}: ${JSON.stringify(r.failures.slice(0, 10))}`);
  }
  const m = intake.mapHeaders(['İİİİ 0912 x1', 'E-MAİL'], [['İİİİ 0912 x1', 'a@b.co']]);
  assert.equal(m[0].header, 'İİİİ 0912 x1');
  assert.equal(m[1].kind, 'email');
  assert.deepEqual(Object.keys(m[1]).sort(), ['column', 'confidence', 'field', 'header', 'kind', 'reason']);
});

test('a bad rule set: typed errors naming the path, and RuleSetError from createRecordValidator', () => {
  const check = intake.checkRuleSet({ fields: { mobile: { kind: 'phone', region: 'Iran' } } }, { locale: 'fa' });
  assert.equal(check.valid, false);
  assert.deepEqual(check.issues.map((i) => [i.code, i.path]), [['rules.bad_value', 'fields.mobile.region']]);
  assert.match(check.issues[0].message, /[\u0600-\u06FF]/);
  assert.throws(() => intake.createRecordValidator({ fields: { a: 'emial' } }), (e) => e instanceof intake.RuleSetError
    && e.issues[0].code === 'rules.unknown_kind' && e.issues[0].path === 'fields.a.kind');
  const cyclic = {};
  cyclic.self = cyclic;
  assert.equal(intake.checkRuleSet(cyclic).issues[0].code, 'rules.invalid_json');
  assert.deepEqual(intake.checkRuleSet({}).rules.fields, []);
});

test('batches: one result per record in order, same as one at a time, across chunks and key changes', () => {
  const records = [];
  for (let i = 0; i < 1500; i++) {
    records.push(i % 3 === 0
      ? { email: ` user${i}@gmail.com `, phone: `0912 ${String(1000000 + i).slice(0, 3)} ${String(1000 + i).slice(-4)}`, country: 'Iran' }
      : { Email: `bad${i}`, Notes: 'x'.repeat(i % 50) });
  }
  const progress = [];
  const batch = intake.validateRecords(records, null, { onProgress: (p) => progress.push(p.done) });
  assert.equal(batch.length, records.length);
  assert.ok(progress.length >= 3 && progress.at(-1) === records.length, JSON.stringify(progress.slice(-3)));
  for (const i of [0, 1, 2, 511, 512, 513, 1499]) {
    assert.deepEqual(batch[i], intake.validateRecord(records[i]), `record ${i}`);
  }
  assert.equal(batch[0].record.phone, '+989121001000');
  assert.equal(batch[0].record.country, 'IR');
  assert.equal(batch[1].valid, false);
});

test('values of any type: numbers read as text, null and undefined as missing, lone surrogates repaired', () => {
  const rules = { fields: { phone: { kind: 'phone', region: 'US', required: true }, note: 'text', email: { kind: 'email', required: true } } };
  const r = intake.validateRecord({ phone: 4155552671, note: 'a\uD800b', email: null }, rules);
  assert.equal(r.record.phone, '+14155552671');
  assert.equal(r.record.note, 'a\uFFFDb');
  assert.deepEqual(r.issues.map((i) => [i.path, i.code]), [['email', 'record.required']]);
});

test('validateRows: the results validateMany gives for the same values, the caller\'s rows untouched', () => {
  const v = intake.createRecordValidator({ fields: { name: { kind: 'name', part: 'given' }, phone: { kind: 'phone', region: 'US' }, note: 'text' } });
  const cols = ['name', 'phone', 'note'];
  // Plain rows (read in place), a lone surrogate in a plain row, non-strings, short and long rows, an over-long value.
  const rows = [['ann', '4155552671', 'a\uD800b'], ['Bo\uDC00', 4155552671, null], ['carl'], ['dee', '', 'x', 'extra'],
    ['  eve  ', '+1 415 555 2671', 'y'.repeat(70000)], ['\u00e9mile', '(415) 555-2671', 'ok']];
  const copy = rows.map((r) => r.slice());
  const got = v.validateRows(cols, rows, { report: false });
  assert.deepEqual(rows, copy);
  const records = rows.map((r) => Object.fromEntries(cols.map((c, k) => [c, r[k]]).filter(([, x]) => x !== undefined)));
  const want = v.validateMany(records, { report: false });
  const withoutOriginal = ({ original: _, ...rest }) => rest;
  assert.deepEqual(got.map(withoutOriginal), want.map(withoutOriginal));
  assert.deepEqual(got[0].original, { name: 'ann', phone: '4155552671', note: 'a\uFFFDb' });
  assert.deepEqual(got[1].original, { name: 'Bo\uFFFD', phone: '4155552671' });
  assert.deepEqual(got[2].original, { name: 'carl' });
  assert.equal(got[4].original.note.length, 65536);
  assert.equal(got[0].record.note, 'a\uFFFDb');
  v.free();
});

test('the core reads a value as its UTF-8, whichever way the shim encodes it (own encoder up to 64 units of non-ASCII rest, encodeInto past)', () => {
  // A trimmed text field hands back the text the core decoded: it must be the value made well-formed.
  const v = intake.createRecordValidator({ fields: { note: 'text' } });
  const units = ['\u00e9', '\u06f7', '\u4e2d', '\ud83d\ude00', '\ud841\udf0e', '\ud800', '\udfff', '\uffee', '\u07ff', '\u0800', 'a'];
  const rows = [];
  for (const head of ['', 'x'.repeat(63)]) {
    for (const len of [1, 2, 62, 63, 64, 65, 66, 129]) {
      for (let u = 0; u < units.length; u++) {
        let rest = '';
        for (let k = 0; rest.length < len; k++) rest += units[(u + k) % units.length];
        // The first unit non-ASCII, and a surrogate pair or a lone half right at the 64th unit.
        for (const tailUnit of ['', '\ud83d', '\ude00', '\ud83d\ude00']) rows.push([` ${head}\u00e9${rest.slice(0, len - 1)}${tailUnit} `]);
      }
    }
  }
  const got = v.validateRows(['note'], rows, { report: false });
  for (let i = 0; i < rows.length; i++) {
    const want = rows[i][0].trim().toWellFormed();
    assert.equal(got[i].record.note, want, JSON.stringify(rows[i][0]));
  }
  v.free();
});

test('createRecordValidator: the compiled rule set lives until free(), whatever the garbage collector does', async () => {
  const v = intake.createRecordValidator({ fields: { email: { kind: 'email', required: true } } });
  for (let round = 0; round < 3; round++) {
    // Churn: many short-lived validators and garbage, then the long-lived one must still work.
    for (let i = 0; i < 200; i++) intake.createRecordValidator({ fields: { [`f${i}`]: 'text' } }).free();
    globalThis.gc?.();
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(v.validate({ email: 'ann@gmail.com' }).valid, true);
  }
  const report = v.report();
  assert.equal(report.records, 3);
  v.free();
  v.free();
  assert.throws(() => v.validate({ email: 'a@b.co' }), /freed/);
});

test('validateRows and the quality report: counts only, never values', () => {
  const v = intake.createRecordValidator({ fields: { email: { kind: 'email', required: true }, phone: { kind: 'phone', region: 'GB' } } });
  const rows = [['ann@gmail.com', '+442079460958'], [' bo@gmail.com', '020 7946 0958'], ['nope', '12'], [null, '07400 123456']];
  const results = v.validateRows(['email', 'phone'], rows);
  assert.deepEqual(results.map((r) => r.valid), [true, true, false, false]);
  const report = v.report();
  assert.equal(report.records, 4);
  assert.equal(report.valid, 2);
  assert.equal(report.fixed, 1);
  assert.equal(report.clean, 1);
  assert.equal(report.codes['record.required'], 1);
  assert.equal(report.fields[0].field, 'email');
  assert.equal(report.fields[0].completeness, 0.75);
  const text = JSON.stringify(report);
  for (const personal of ['ann', '7946', 'nope']) assert.ok(!text.includes(personal), text);
  v.free();
});

test('redact and minimize', () => {
  const r = intake.validateRecord({ email: 'ali@gmial.com', secret: 'x' }, { fields: { email: 'email' }, redact: true, minimize: true });
  assert.deepEqual(Object.keys(r.record), ['email']);
  assert.ok(!JSON.stringify(r.issues).includes('gmail'), JSON.stringify(r.issues));
  assert.equal(r.original.secret, 'x');
});

test('validateRecordStream: 100k records in chunks, bounded memory, progress, the report', async () => {
  async function* source(n) {
    for (let i = 0; i < n; i++) yield { email: `u${i}@gmail.com`, phone: `+98912${String(1000000 + (i % 8999999)).padStart(7, '0')}`, country: 'IR' };
  }
  let chunks = 0, seen = 0, lastDone = 0;
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const report = await intake.validateRecordStream(source(100_000), null, {
    chunkSize: 5000,
    onChunk: (results) => {
      chunks++;
      seen += results.length;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    },
    onProgress: (p) => { lastDone = p.done; },
  });
  assert.equal(chunks, 20);
  assert.equal(seen, 100_000);
  assert.equal(lastDone, 100_000);
  assert.equal(report.records, 100_000);
  assert.equal(report.valid, 100_000);
  // One chunk of results at a time: far below what 100k results would hold (~100 MB).
  assert.ok(peak - before < 64 * 1024 * 1024, `heap grew by ${((peak - before) / 1048576).toFixed(1)} MB`);
});

test('CLI: the quality report in every run; --rules, --minimize and --redact write the record pipeline', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync, readFileSync: read } = await import('node:fs');
  const os = await import('node:os');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-records-'));
  const input = path.join(dir, 'in.csv');
  writeFileSync(input, 'نام,Nachname,E-Mail,شماره موبایل,کشور,Notes\nali,REZAEI,ali@gmial.com,0912 345 6789,ایران,x\n' +
    'sara,smith,sara@mailinator.com,+44 20 7946 0958,Iran,y\n');
  const run = (...args) => execFileSync(process.execPath, [path.join(repoRoot, 'pkg', 'cli.js'), 'clean', input, ...args], { encoding: 'utf8' });
  const reportPath = path.join(dir, 'r.json');
  run('--out', path.join(dir, 'plain.csv'), '--report', reportPath, '-q');
  const plain = JSON.parse(read(reportPath, 'utf8'));
  assert.equal(plain.quality.records, 2);
  assert.deepEqual(plain.records.mapping.map((m) => m.kind), ['name', 'name', 'email', 'phone', 'country', 'text']);
  const rules = path.join(dir, 'rules.json');
  writeFileSync(rules, JSON.stringify({ fields: { 'E-Mail': { kind: 'email', required: true }, 'شماره موبایل': 'phone', 'کشور': 'country' },
    policies: { rejectDisposable: true } }));
  const out = run('--rules', rules, '--minimize', '--redact', '--out', '-', '-q');
  const lines = out.trim().split(/\r?\n/);
  assert.equal(lines[0], 'E-Mail,شماره موبایل,کشور,valid,score,issues');
  assert.equal(lines[1], 'ali@gmial.com,+989123456789,IR,true,88,E-Mail:email.domain_typo');
  assert.equal(lines[2], 'sara@mailinator.com,+442079460958,IR,false,44,E-Mail:email.disposable;شماره موبایل:record.phone_country_mismatch');
  const printed = run('--rules', rules, '--out', path.join(dir, 'o.csv'), '--locale', 'fa');
  assert.match(printed, /کیفیت/);
  writeFileSync(rules, '{"fields": {"email": {"kind": "emial"}}}');
  assert.throws(() => run('--rules', rules, '-q'), (e) => e.status === 2 && /fields\.email\.kind/.test(e.stderr));
});
