// intake in Node: the workspace package imported by name, fixtures replayed, and the public API exercised.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import {
  assertCorpus, assertFieldReplays, assertPhoneCorpus, assertPhoneReplay, assertReplay, loadFieldFixtures, loadFixtures, loadPhoneFixtures, PHONE_SAMPLE_LINES,
  repoRoot, requireBuild,
} from './harness.mjs';
import {
  checkEmailResult, checkPhoneResult, codeSeverities, corpusAgreement, foldDigits,
  phoneCorpusAgreement, replayEmailCases, replayPhoneCases,
  checkCountryResult, checkDateResult, dateOptionsFromFixture, replayCountryCases, replayDateCases, replayFields,
} from './replay.mjs';

requireBuild();
const intake = await import('intake');
const fixtures = loadFixtures();
const phoneFixtures = loadPhoneFixtures();
const LOCALES = ['en', 'fa', 'ar', 'zh'];

before(async () => {
  await intake.init();
});

test('package resolves to the workspace pkg/ and exports the documented API', () => {
  for (const fn of ['init', 'initSync', 'validateEmail', 'validateEmails', 'issueCodes', 'message', 'versions']) {
    assert.equal(typeof intake[fn], 'function', `export ${fn}`);
  }
  assert.equal(typeof intake.limits, 'object');
  // Every field's cap comes from the core (src/lib.rs `limits`) once init() has run (the suite inits at load).
  for (const [key, bytes] of Object.entries({
    emailInputBytes: 1024, phoneInputBytes: 1024, nameInputBytes: 1024, companyInputBytes: 1024, websiteInputBytes: 4096,
  })) assert.equal(intake.limits[key], bytes, `limits.${key}`);
  for (const key of ['addressInputBytes', 'postcodeInputBytes']) {
    assert.ok(Number.isInteger(intake.limits[key]) && intake.limits[key] > 0, `limits.${key} = ${intake.limits[key]}`);
  }
});

test('init() is idempotent: later calls return the same promise and keep working', async () => {
  const a = intake.init();
  const b = intake.init();
  assert.ok(a instanceof Promise, 'init() returns a promise');
  assert.equal(a, b, 'init() returns the same promise on later calls (index.d.ts)');
  await Promise.all([a, b, intake.init()]);
  assert.equal(intake.validateEmail('ali@example.com').original, 'ali@example.com');
});

test('cases.json replays with 0 failures', (t) => {
  assertReplay(t, replayEmailCases(intake, fixtures.casesText), 'node');
});

test(`corpus.json agreement`, (t) => {
  assertCorpus(t, corpusAgreement(intake, fixtures.corpusText), 'node');
});

test('non-string inputs never throw and give an input.not_string error', () => {
  const inputs = [null, undefined, 42, 4.2, NaN, true, false, {}, [], ['ali@example.com'], 10n, Symbol('x'),
    () => 'ali@example.com', Object.create(null), new Date(0)];
  for (const input of inputs) {
    const label = typeof input === 'symbol' ? 'Symbol(x)' : `${typeof input} ${Object.prototype.toString.call(input)}`;
    let r;
    assert.doesNotThrow(() => { r = intake.validateEmail(input); }, `validateEmail(${label}) threw`);
    assert.equal(r.valid, false, `${label}: valid`);
    assert.ok(r.issues.some((i) => i.code === 'input.not_string' && i.severity === 'error'),
      `${label}: expected an input.not_string error, got ${JSON.stringify(r.issues.map((i) => i.code))}`);
    const bad = checkEmailResult(undefined, r, undefined, codeSeverities(intake));
    assert.deepEqual(bad, [], `${label}: result invariants`);
  }
  let list;
  assert.doesNotThrow(() => { list = intake.validateEmails([null, 'ali@example.com', 7]); });
  assert.deepEqual(list.map((r) => r.issues.some((i) => i.code === 'input.not_string')), [true, false, true]);
});

test('any string input: never throws and every result keeps the invariants (odd and random strings)', () => {
  const odd = [
    '', ' ', '@', '@@', 'a@', '@b.com', '\uD800', '\uDC00@example.com', 'ali@exa\uD800mple.com', 'a\u0000b@example.com',
    '\u202Eali@example.com', 'ali@example.com\u200B', 'ali\u0301@example.com', 'ａｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ',
    '"ali"@example.com', 'ali(comment)@example.com', 'ali@[192.0.2.1]', 'ali@[IPv6:2001:db8::1]', 'ali@localhost',
    'ali@例え.テスト', 'علی@مثال.ایران', 'ali@xn--.com', 'ali@-example.com', 'ali@example..com', 'mailto:ali@example.com',
    'Ali <ali@example.com>', '<ali@example.com>', 'ali@example.com.', '.ali@example.com', 'a'.repeat(65) + '@example.com',
    'ali@' + 'a'.repeat(64) + '.com', 'ali@' + 'a.'.repeat(130) + 'com', '😀@😀.com', '\t\r\nali@example.com\r\n',
  ];
  // Deterministic pseudo-random strings over an alphabet that hits every parser branch.
  const alphabet = ['a', 'Z', '0', '.', '@', '-', '_', '+', '"', '\\', '(', ')', '[', ']', ' ', '\t', ',', ';', ':', '<',
    '>', 'é', 'ß', 'İ', 'ｇ', '．', '＠', '٣', '۳', '\u200D', '\u0000', '\uD83D', '\uDE00', '😀', 'xn--', 'gmail', 'com'];
  let seed = 0x2545f491;
  const rand = (n) => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return (seed >>> 0) % n; };
  const random = Array.from({ length: 1500 }, () => Array.from({ length: 1 + rand(40) }, () => alphabet[rand(alphabet.length)]).join(''));
  const severities = codeSeverities(intake);
  const problems = [];
  for (const input of [...odd, ...random]) {
    for (const options of [undefined, { allowQuoted: true, allowComments: true, allowIpDomain: true,
      allowSingleLabel: true, allowOverlong: true, allowUnknownTld: true, locale: 'ar' }]) {
      let r;
      try {
        r = intake.validateEmail(input, options);
      } catch (e) {
        problems.push(`${JSON.stringify(input)} threw ${e}`);
        continue;
      }
      for (const v of checkEmailResult(input, r, options, severities)) {
        problems.push(`${JSON.stringify(input)} ${JSON.stringify(options ?? {})}: ${v.key} expected ${JSON.stringify(v.expected)} got ${JSON.stringify(v.actual)}`);
      }
    }
  }
  assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problem(s)`);
});

test('versions() has the documented shape and matches pkg/package.json', () => {
  const v = intake.versions();
  const pkgJson = JSON.parse(readFileSync(path.join(repoRoot, 'pkg', 'package.json'), 'utf8'));
  assert.equal(typeof v, 'object');
  assert.equal(v.intake, pkgJson.version);
  assert.equal(typeof v.tables, 'object');
  assert.ok(v.tables !== null && !Array.isArray(v.tables));
  const entries = Object.entries(v.tables);
  assert.ok(entries.length > 0, 'versions().tables is empty');
  for (const [name, source] of entries) {
    assert.equal(typeof source, 'string', `tables.${name}`);
    assert.ok(source.length > 0, `tables.${name} is empty`);
  }
  assert.deepEqual(intake.versions(), v, 'versions() is stable');
});

test('issueCodes() is non-empty and every code has a message in en/fa/ar/zh', () => {
  const codes = intake.issueCodes();
  assert.ok(Array.isArray(codes) && codes.length > 0, 'issueCodes() is empty');
  const seen = new Set();
  for (const info of codes) {
    assert.equal(typeof info.code, 'string');
    assert.ok(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/.test(info.code), `code format: ${info.code}`);
    assert.ok(!seen.has(info.code), `duplicate code ${info.code}`);
    seen.add(info.code);
    assert.ok(info.severity === 'error' || info.severity === 'warning', `${info.code}: severity ${info.severity}`);
    assert.equal(typeof info.description, 'string');
    assert.ok(info.description.trim().length > 0, `${info.code}: empty description`);
  }
  for (const required of ['input.not_string', 'input.too_long']) {
    assert.ok(seen.has(required), `issueCodes() lacks ${required}`);
  }
  for (const locale of LOCALES) {
    const generic = intake.message('no.such.code_for_test', locale);
    assert.equal(typeof generic, 'string');
    assert.ok(generic.trim().length > 0, `${locale}: generic message for unknown codes is empty`);
    for (const { code } of codes) {
      const m = intake.message(code, locale);
      assert.equal(typeof m, 'string', `${code}/${locale}`);
      assert.ok(m.trim().length > 0, `message(${code}, ${locale}) is empty`);
      assert.notEqual(m, generic, `message(${code}, ${locale}) is the generic unknown-code message`);
      if (locale !== 'en') {
        assert.notEqual(m, intake.message(code, 'en'), `message(${code}, ${locale}) is not translated`);
      }
    }
  }
  assert.equal(intake.message(codes[0].code), intake.message(codes[0].code, 'en'), 'default locale is en');
});

test('issue messages follow the locale option', () => {
  const input = 'not an email';
  const byLocale = Object.fromEntries(LOCALES.map((l) => [l, intake.validateEmail(input, { locale: l })]));
  assert.equal(byLocale.en.valid, false);
  for (const l of LOCALES) {
    assert.deepEqual(byLocale[l].issues.map((i) => i.code), byLocale.en.issues.map((i) => i.code), `${l}: codes`);
    for (const issue of byLocale[l].issues) {
      assert.ok(issue.message.length > 0);
    }
  }
  for (const l of ['fa', 'ar', 'zh']) {
    assert.notDeepEqual(byLocale[l].issues.map((i) => i.message), byLocale.en.issues.map((i) => i.message),
      `${l}: messages are the English ones`);
  }
  const custom = intake.validateEmail(input, { path: 'contacts[3].email' });
  assert.ok(custom.issues.length > 0 && custom.issues.every((i) => i.path === 'contacts[3].email'));
});

test('validateEmails equals mapping validateEmail', () => {
  const inputs = [
    ...fixtures.cases.cases.map((c) => c.input),
    ...fixtures.corpus.cases.map((c) => c.input),
  ].filter((s) => typeof s === 'string');
  assert.deepEqual(intake.validateEmails([]), []);
  // Across the batch boundaries (512 addresses or 256 KB of input per wasm call), with inputs the
  // batch path hands back to the single path (non-strings, over the cap) and lone surrogates mixed in.
  const mixed = [];
  for (let i = 0; i < 3; i++) {
    for (const s of inputs) mixed.push(s, `ＡＬＩ${i}＠ｇｍａｉｌ．ｃｏｍ`, `x${i}\uD800@example.com`);
    mixed.push(null, 42, 'a'.repeat(2000) + '@example.com', 'é'.repeat(900) + '@example.com');
  }
  assert.ok(mixed.length > 3 * 512);
  assert.deepEqual(intake.validateEmails(mixed), mixed.map((s) => intake.validateEmail(s)), 'mixed batch');
  for (const options of [undefined, {}, { locale: 'fa', path: 'row.email', allowQuoted: true, allowIpDomain: true }]) {
    const batch = options === undefined ? intake.validateEmails(inputs) : intake.validateEmails(inputs, options);
    assert.equal(batch.length, inputs.length);
    const mapped = inputs.map((s) => (options === undefined ? intake.validateEmail(s) : intake.validateEmail(s, options)));
    assert.deepEqual(batch, mapped, `options ${JSON.stringify(options)}`);
  }
  // Per-case options too: batching the inputs that share each option set.
  const groups = new Map();
  for (const c of fixtures.cases.cases) {
    if (typeof c.input !== 'string') continue;
    const key = JSON.stringify(c.options ?? {});
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(c.input);
  }
  for (const [key, group] of groups) {
    const options = JSON.parse(key);
    assert.deepEqual(intake.validateEmails(group, options), group.map((s) => intake.validateEmail(s, options)), key);
  }
});

test('a 1 MB input gives input.too_long quickly', () => {
  const cap = intake.limits.emailInputBytes;
  assert.ok(cap < 1_000_000, `limits.emailInputBytes (${cap}) should be below 1 MB`);
  const inputs = {
    ascii: 'a'.repeat(1_000_000) + '@example.com',
    multibyte: 'é'.repeat(500_000) + '@example.com',
    astral: '😀'.repeat(250_000) + '@example.com',
    spaces: ' '.repeat(1_000_000) + 'ali@example.com',
  };
  for (const [name, input] of Object.entries(inputs)) {
    const r = intake.validateEmail(input);
    assert.equal(r.valid, false, `${name}: valid`);
    assert.ok(r.issues.some((i) => i.code === 'input.too_long' && i.severity === 'error'),
      `${name}: expected input.too_long, got ${JSON.stringify(r.issues.map((i) => i.code))}`);
    assert.equal(r.original, input, `${name}: original is the input`);
    assert.deepEqual(checkEmailResult(input, r, undefined, codeSeverities(intake)), [], `${name}: invariants`);
  }
  // Just at and just over the cap.
  const atCap = 'a'.repeat(cap - '@example.com'.length) + '@example.com';
  assert.ok(!intake.validateEmail(atCap).issues.some((i) => i.code === 'input.too_long'), 'input of exactly the cap');
  assert.ok(intake.validateEmail(atCap + 'x').issues.some((i) => i.code === 'input.too_long'), 'input one byte over');
});

test('results are JSON-clean plain data', () => {
  const r = intake.validateEmail(' Ali@Example.COM ');
  assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  assert.equal(Object.getPrototypeOf(r), Object.prototype);
  assert.deepEqual(JSON.parse(JSON.stringify(intake.issueCodes())), intake.issueCodes(), 'issueCodes()');
  assert.deepEqual(JSON.parse(JSON.stringify(intake.versions())), intake.versions(), 'versions()');
});

test('every InitInput form initialises a fresh process (initSync, bytes, Module, URL, path, Response)', async () => {
  const { run, wasmPath } = await import('./harness.mjs');
  const forms = {
    initSync_bytes: 'intake.initSync(readFileSync(wasm));',
    initSync_module: 'intake.initSync(new WebAssembly.Module(readFileSync(wasm)));',
    init_none: 'await intake.init();',
    init_bytes: 'await intake.init(readFileSync(wasm));',
    init_arraybuffer: 'const b = readFileSync(wasm); await intake.init(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));',
    init_module: 'await intake.init(await WebAssembly.compile(readFileSync(wasm)));',
    init_file_url: 'await intake.init(pathToFileURL(wasm));',
    init_path_string: 'await intake.init(wasm);',
    init_response: "await intake.init(new Response(readFileSync(wasm), { headers: { 'content-type': 'application/wasm' } }));",
    init_promise_response: "await intake.init(Promise.resolve(new Response(readFileSync(wasm), { headers: { 'content-type': 'application/wasm' } })));",
  };
  const failures = [];
  await Promise.all(Object.entries(forms).map(async ([name, code]) => {
    const script = `import { readFileSync } from 'node:fs'; import { pathToFileURL } from 'node:url';
      import * as intake from 'intake'; const wasm = ${JSON.stringify(wasmPath)};
      ${code}
      const r = intake.validateEmail('ali@example.com');
      if (r.original !== 'ali@example.com' || typeof r.valid !== 'boolean') throw new Error('bad result ' + JSON.stringify(r));
      console.log('ok');`;
    const res = await run(process.execPath, ['--input-type=module', '-e', script], { timeout: 30_000 });
    if (res.code !== 0 || res.stdout.trim() !== 'ok') {
      const why = res.stderr.split('\n').filter((l) => /^\s*(\w*Error:|\[cause\])/.test(l)).slice(0, 3).join(' / ');
      failures.push(`${name} (${code.trim()}): exit ${res.code}: ${why || res.stderr.trim().slice(0, 300)}`);
    }
  }));
  if (failures.length) assert.fail(`${failures.length} init form(s) failed:\n  ${failures.sort().join('\n  ')}`);
});

test('functions called before init() throw a clear error instead of crashing later', async () => {
  const { run } = await import('./harness.mjs');
  const script = `import * as intake from 'intake';
    try { intake.validateEmail('a@b.com'); console.log('no-throw'); } catch (e) { console.log('threw: ' + e.message); }`;
  const res = await run(process.execPath, ['--input-type=module', '-e', script], { timeout: 30_000 });
  assert.equal(res.code, 0, res.stderr);
  // Undocumented either way; what matters is no opaque wasm-bindgen TypeError ("reading '__wbindgen_malloc'").
  assert.match(res.stdout, /^(no-throw|threw: .*\binit)/im, `calling validateEmail before init: ${res.stdout.trim()}`);
});

test('messages rendered in JS agree with the core for every code, locale and kind of param', async () => {
  // pkg/index.js renders messages from the core's templates; the core's own renderer is the reference.
  const core = await import('../../pkg/gen/intake.js');
  const params = [{}, { max: '64', char: ',', tld: '.con', domain: 'gmial.com', suggestion: 'ali@gmail.com', local: 'info', type: 'number' },
    { max: '254', suggestion: 'علی@example.ir', domain: 'مثال.ایران', char: '😀' }];
  const locales = ['en', 'fa', 'ar', 'zh'];
  let checked = 0;
  for (const { code } of intake.issueCodes()) {
    for (const [li, locale] of locales.entries()) {
      for (const p of params) {
        assert.equal(intake.message(code, locale, p), core.message(code, li, p), `${code} ${locale} ${JSON.stringify(p)}`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 100);
});

// ---------------------------------------------------------------------------------------------------------------
// Phone numbers

/** The phone invariants of replay.mjs a result breaks. */
function phoneViolations(input, result, options) {
  return checkPhoneResult(input, result, options, codeSeverities(intake));
}

const phoneCorpusRows = phoneFixtures.lines.map((l) => JSON.parse(l));

test('phone API is exported: validatePhone, validatePhones, AsYouType, limits.phoneInputBytes', () => {
  for (const fn of ['validatePhone', 'validatePhones', 'AsYouType']) assert.equal(typeof intake[fn], 'function', `export ${fn}`);
  assert.ok(Number.isInteger(intake.limits.phoneInputBytes) && intake.limits.phoneInputBytes > 0,
    `limits.phoneInputBytes = ${intake.limits.phoneInputBytes}`);
});

test('phone cases.json replays with 0 failures', (t) => {
  assertPhoneReplay(t, replayPhoneCases(intake, phoneFixtures.casesText), 'node');
});

test('phone corpus.jsonl agrees with phonenumbers (the whole corpus, as tests/phone.rs)', (t) => {
  const started = performance.now();
  const corpus = phoneCorpusAgreement(intake, phoneFixtures.corpusText);
  t.diagnostic(`node: phone corpus replayed in ${Math.round(performance.now() - started)} ms`);
  assertPhoneCorpus(t, corpus, 'node');
  assert.equal(corpus.total, phoneFixtures.lines.length);
});

test('phone corpus sample is deterministic and evenly spread (what a slow runtime would replay)', (t) => {
  const a = phoneCorpusAgreement(intake, phoneFixtures.corpusText, { sample: PHONE_SAMPLE_LINES });
  const b = phoneCorpusAgreement(intake, phoneFixtures.corpusText, { sample: PHONE_SAMPLE_LINES });
  assert.equal(a.total, PHONE_SAMPLE_LINES);
  assert.equal(a.sampled, true);
  assert.deepEqual(a, b);
  assertPhoneCorpus(t, a, 'node-sample', { allowSample: true });
});

test('non-string phone inputs never throw and give an input.not_string error', () => {
  const inputs = [null, undefined, 42, 9.8e9, NaN, true, {}, [], ['+14155552671'], 989123456789n, Symbol('x'),
    () => '+14155552671', Object.create(null), new Date(0), new String('+14155552671')];
  for (const input of inputs) {
    const label = typeof input === 'symbol' ? 'Symbol(x)' : `${typeof input} ${Object.prototype.toString.call(input)}`;
    let r;
    assert.doesNotThrow(() => { r = intake.validatePhone(input, { defaultRegion: 'US' }); }, `validatePhone(${label}) threw`);
    assert.equal(r.valid, false, `${label}: valid`);
    assert.ok(r.issues.some((i) => i.code === 'input.not_string' && i.severity === 'error'),
      `${label}: expected an input.not_string error, got ${JSON.stringify(r.issues.map((i) => i.code))}`);
    assert.equal(r.e164, null, `${label}: e164`);
    assert.deepEqual(phoneViolations(undefined, r, undefined), [], `${label}: result invariants`);
  }
  const custom = intake.validatePhone(7, { path: 'rows[2].mobile', locale: 'fa' });
  assert.equal(custom.issues[0].path, 'rows[2].mobile');
  assert.equal(custom.issues[0].message, intake.message('input.not_string', 'fa', custom.issues[0].params));
});

test('a 1 MB phone input gives input.too_long quickly; the cap counts UTF-8 bytes', () => {
  const cap = intake.limits.phoneInputBytes;
  assert.ok(cap < 1_000_000, `limits.phoneInputBytes (${cap}) should be below 1 MB`);
  const inputs = {
    digits: '1'.repeat(1_000_000),
    plus: '+98' + '9'.repeat(999_997),
    persian: '۱'.repeat(500_000),
    astral: '𝟗'.repeat(250_000),
    spaces: ' '.repeat(1_000_000) + '+14155552671',
  };
  for (const [name, input] of Object.entries(inputs)) {
    const started = performance.now();
    const r = intake.validatePhone(input, { defaultRegion: 'US' });
    const ms = performance.now() - started;
    assert.ok(ms < 500, `${name}: ${ms.toFixed(0)} ms`);
    assert.equal(r.valid, false, `${name}: valid`);
    assert.ok(r.issues.some((i) => i.code === 'input.too_long' && i.severity === 'error'),
      `${name}: expected input.too_long, got ${JSON.stringify(r.issues.map((i) => i.code))}`);
    assert.equal(r.original, input, `${name}: original is the input`);
    assert.equal(r.issues.find((i) => i.code === 'input.too_long').params.max, String(cap), `${name}: params.max`);
    assert.deepEqual(phoneViolations(input, r, { defaultRegion: 'US' }), [], `${name}: invariants`);
  }
  const codes = (s) => intake.validatePhone(s).issues.map((i) => i.code);
  assert.ok(!codes('1'.repeat(cap)).includes('input.too_long'), 'exactly the cap');
  assert.ok(codes('1'.repeat(cap + 1)).includes('input.too_long'), 'one byte over');
  // Persian digits are 2 bytes each: under the cap in UTF-16 units, over it in bytes.
  assert.ok(codes('۱'.repeat(Math.floor(cap / 2))).every((c) => c !== 'input.too_long'), 'Persian digits at the cap');
  assert.ok(codes('۱'.repeat(Math.floor(cap / 2) + 1)).includes('input.too_long'), 'Persian digits over the cap');
});

test('validatePhones equals mapping validatePhone (512-per-batch boundaries, non-strings and over-cap strings mixed in)', () => {
  assert.deepEqual(intake.validatePhones([]), []);
  const cap = intake.limits.phoneInputBytes;
  const inputs = [...phoneFixtures.cases.cases.map((c) => c.input), ...phoneCorpusRows.map((r) => r.input)]
    .filter((s) => typeof s === 'string');
  const mixed = [];
  for (let i = 0; i < 3; i++) {
    for (const s of inputs.slice(i * 700, i * 700 + 700)) mixed.push(s, `＋１ ４１５ ５５５ ２６７${i}`, `0912${i}\uD800345 6789`);
    mixed.push(null, 42, undefined, {}, '1'.repeat(cap + 1 + i), '۱'.repeat(Math.floor(cap / 2) + 1), '9'.repeat(cap - i), '');
  }
  assert.ok(mixed.length > 3 * 512 * 2, `${mixed.length} inputs`);
  for (const options of [undefined, { defaultRegion: 'IR' }, { defaultRegion: 'us', locale: 'ar', path: 'row.phone', allowLetters: true }]) {
    const batch = options === undefined ? intake.validatePhones(mixed) : intake.validatePhones(mixed, options);
    const mapped = mixed.map((s) => (options === undefined ? intake.validatePhone(s) : intake.validatePhone(s, options)));
    assert.equal(batch.length, mixed.length);
    assert.deepEqual(batch, mapped, `mixed batch, options ${JSON.stringify(options)}`);
    const problems = [];
    batch.forEach((r, i) => {
      for (const v of phoneViolations(typeof mixed[i] === 'string' ? mixed[i] : undefined, r, options)) problems.push(`${JSON.stringify(mixed[i])}: ${v.key}`);
    });
    assert.deepEqual(problems.slice(0, 10), [], `${problems.length} invariant problem(s)`);
  }
  // The whole corpus, each region's lines in one validatePhones call with that region (thousands per call
  // for the largest groups, so the 256 KB per-call byte budget is crossed too).
  const groups = new Map();
  for (const row of phoneCorpusRows) {
    const key = row.region ?? '';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(row.input);
  }
  for (const [region, group] of groups) {
    const options = region ? { defaultRegion: region, allowLetters: true } : { allowLetters: true };
    assert.deepEqual(intake.validatePhones(group, options), group.map((s) => intake.validatePhone(s, options)), region || '(none)');
  }
});

/** Checks one AsYouType run: each step is a formatting of exactly the characters typed so far. */
function typeOneByOne(region, typed) {
  const t = new intake.AsYouType(region);
  const steps = [];
  for (let i = 0; i < typed.length; i++) {
    const out = t.input(typed[i]);
    assert.equal(typeof out, 'string');
    const digitsTyped = typed.slice(0, i + 1);
    assert.equal(out.replace(/[^0-9+]/g, ''), digitsTyped, `step ${i + 1}: ${JSON.stringify(out)} does not format ${digitsTyped}`);
    steps.push(out);
  }
  return { t, steps };
}

test('validatePhone with formats: false equals the default result but for null international, national and rfc3966 (whole corpus, single and batch)', () => {
  const byRegion = new Map();
  for (const row of phoneCorpusRows) {
    const options = row.region ? { defaultRegion: row.region } : {};
    const full = intake.validatePhone(row.input, options);
    const lean = intake.validatePhone(row.input, { ...options, formats: false });
    assert.deepEqual(lean, { ...full, international: null, national: null, rfc3966: null }, JSON.stringify(row.input));
    const k = row.region ?? '';
    if (!byRegion.has(k)) byRegion.set(k, []);
    byRegion.get(k).push(row.input);
  }
  for (const [region, inputs] of byRegion) {
    const options = region ? { defaultRegion: region, formats: false } : { formats: false };
    assert.deepEqual(intake.validatePhones(inputs, options), inputs.map((s) => intake.validatePhone(s, options)), region);
  }
});

test('AsYouType formats as it is typed: 09123456789 with IR, +14155552671 with no region', () => {
  const ir = typeOneByOne('IR', '09123456789');
  const want = '0912 345 6789';
  for (const [i, step] of ir.steps.entries()) {
    assert.ok(want.startsWith(step), `step ${i + 1}: ${JSON.stringify(step)} is not a prefix of ${JSON.stringify(want)}`);
  }
  assert.equal(ir.steps.at(-1), want);
  assert.equal(ir.t.region(), 'IR');
  assert.equal(new intake.AsYouType('IR').set('09123456789'), want, 'set() equals typing one by one');
  ir.t.clear();
  assert.equal(ir.t.input('0'), '0', 'clear() forgets what was typed');

  const us = typeOneByOne(undefined, '+14155552671');
  assert.equal(us.steps.at(-1), '+1 415-555-2671');
  assert.equal(us.t.region(), 'US');
  assert.deepEqual(typeOneByOne('IR', '+14155552671').steps, us.steps, 'a leading + overrides the default region');

  // The formatted number is what validatePhone calls the national / international form.
  assert.equal(want, intake.validatePhone('09123456789', { defaultRegion: 'IR' }).national);
  assert.equal('+1 415-555-2671', intake.validatePhone('+14155552671').international);
  // Persian digits typed give the same formatting in ASCII digits.
  const fa = new intake.AsYouType('IR');
  assert.equal([...'۰۹۱۲۳۴۵۶۷۸۹'].map((c) => fa.input(c)).at(-1), want);
  assert.equal(new intake.AsYouType().input(''), '');
});

test('versions().tables.phoneMetadata names phonenumbers at the version the phone fixtures were generated with', () => {
  const source = intake.versions().tables.phoneMetadata;
  assert.equal(typeof source, 'string', `versions().tables: ${JSON.stringify(intake.versions().tables)}`);
  assert.match(source, /phonenumbers/);
  const pinned = /phonenumbers==([0-9.]+)/.exec(phoneFixtures.cases.source)?.[1];
  assert.ok(pinned, `cases.json source: ${phoneFixtures.cases.source}`);
  assert.ok(source.includes(`phonenumbers@${pinned}`), `${source} vs fixtures from phonenumbers==${pinned}`);
});

test('phone issues follow the locale and path options', () => {
  const inputs = ['12', 'hello', '+999 123', '1-800-FLOWERS', '+1 234 567 8901'];
  for (const input of inputs) {
    const en = intake.validatePhone(input, { defaultRegion: 'US' });
    assert.ok(en.issues.length > 0, `${input}: no issue`);
    for (const locale of LOCALES) {
      const r = intake.validatePhone(input, { defaultRegion: 'US', locale, path: 'contacts[1].phone' });
      assert.deepEqual(r.issues.map((i) => i.code), en.issues.map((i) => i.code), `${input} ${locale}: codes`);
      for (const issue of r.issues) {
        assert.equal(issue.path, 'contacts[1].phone');
        assert.equal(issue.message, intake.message(issue.code, locale, issue.params), `${input} ${locale}: message`);
      }
    }
  }
});

test('any string as a phone number: never throws and every result keeps the invariants', () => {
  const odd = ['', ' ', '+', '++1', '()', 'tel:', 'tel:+', ';ext=', 'x', '\uD800', '\uDC00+14155552671', '\u0000',
    '+1\u0000415', '\u202E+14155552671', '+1 (415) 555-2671 ext. ٢٢٤', '00', '011', '+800 1234 5678', '*#06#',
    '1'.repeat(17), '+' + '1'.repeat(40), '((((((((((1))))))))))', '0'.repeat(30), 'tel:+1-415-555-2671;phone-context=x',
    '+98 912 345 6789, +98 912 345 6780', '😀+1', 'ext 12', '#12', '１２３', '+1-800-FLOWERS'];
  const alphabet = ['0', '1', '5', '9', '+', '＋', ' ', '-', '.', '/', '(', ')', 'x', 'ext', '#', ',', ';', 'tel:', ';ext=',
    '۰', '۹', '٣', '５', '\u200F', '\u00A0', '\u3000', 'A', 'z', 'ß', '😀', '\uD800', '*', '00', '98', '44'];
  let seed = 0x5eed1234;
  const rand = (n) => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return (seed >>> 0) % n; };
  const random = Array.from({ length: 2000 }, () => Array.from({ length: 1 + rand(30) }, () => alphabet[rand(alphabet.length)]).join(''));
  const problems = [];
  for (const input of [...odd, ...random]) {
    for (const options of [undefined, { defaultRegion: 'IR', allowLetters: true, locale: 'fa' }, { defaultRegion: 'ZZ' }]) {
      let r;
      try {
        r = intake.validatePhone(input, options);
      } catch (e) {
        problems.push(`${JSON.stringify(input)} threw ${e}`);
        continue;
      }
      for (const v of phoneViolations(input, r, options)) {
        problems.push(`${JSON.stringify(input)} ${JSON.stringify(options ?? {})}: ${v.key} expected ${JSON.stringify(v.expected)} got ${JSON.stringify(v.actual)}`);
      }
    }
    try {
      const t = new intake.AsYouType('IR');
      for (const ch of input) t.input(ch);
    } catch (e) {
      problems.push(`AsYouType ${JSON.stringify(input)} threw ${e}`);
    }
  }
  assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problem(s)`);
});

// ---------------------------------------------------------------------------------------------------------------
// The CLI's phone handling (pkg/cli.js)

test('CLI: the sample (make sample) reports and standardizes phones, each row with its country as default region', async (t) => {
  const { run } = await import('./harness.mjs');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  const { parseCsv } = await import('../../pkg/csv.js');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-cli-'));
  try {
    const outCsv = path.join(dir, 'clean.csv');
    const reportPath = path.join(dir, 'report.json');
    const res = await run(process.execPath, ['pkg/cli.js', 'clean', 'samples/contacts.csv', '--out', outCsv, '--report', reportPath],
      { timeout: 60_000 });
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /column "phone" \(phone, header\)/);
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    const phone = report.fields.find((f) => f.field === 'phone');
    assert.ok(phone, `no phone field in the report: ${JSON.stringify(report.fields.map((f) => f.field))}`);
    assert.equal(phone.column, 'phone');
    assert.equal(phone.defaultRegion.countryColumn, 'country');
    const email = report.fields.find((f) => f.field === 'email');
    assert.ok(email && email.present > 0, 'the email column is still reported');

    const [origHead, ...origRows] = parseCsv(readFileSync(path.join(repoRoot, 'samples', 'contacts.csv'), 'utf8')).rows;
    const [head, ...rows] = parseCsv(readFileSync(outCsv, 'utf8').replace(/^\uFEFF/, '')).rows;
    assert.equal(rows.length, origRows.length);
    for (const name of ['phone_valid', 'phone_type', 'email_valid', 'email_suggestion', 'issues']) {
      assert.ok(head.includes(name), `output header ${JSON.stringify(head)} lacks ${name}`);
    }
    const col = (h, name) => h.indexOf(name);
    let present = 0;
    let valid = 0;
    const codes = {};
    rows.forEach((row, i) => {
      const input = origRows[i][col(origHead, 'phone')];
      const country = origRows[i][col(origHead, 'country')];
      if (input.trim() === '') {
        assert.equal(row[col(head, 'phone_valid')], '', `row ${i + 2}: phone_valid for an empty phone`);
        return;
      }
      present++;
      const r = intake.validatePhone(input, { defaultRegion: country, path: 'phone' });
      if (r.valid) valid++;
      for (const iss of r.issues) codes[iss.code] = (codes[iss.code] ?? 0) + 1;
      assert.equal(row[col(head, 'phone')], r.valid ? r.value : input, `row ${i + 2}: phone cell for ${JSON.stringify(input)} (${country})`);
      assert.equal(row[col(head, 'phone_valid')], String(r.valid), `row ${i + 2}: phone_valid`);
      assert.equal(row[col(head, 'phone_type')], r.type ?? '', `row ${i + 2}: phone_type`);
      for (const iss of r.issues) {
        assert.ok(row[col(head, 'issues')].split(';').includes(iss.code), `row ${i + 2}: issues ${row[col(head, 'issues')]} lacks ${iss.code}`);
      }
    });
    assert.equal(phone.present, present);
    assert.equal(phone.valid, valid);
    assert.equal(phone.defaultRegion.rows.country, present, 'every row has an ISO country');
    assert.deepEqual(Object.fromEntries(phone.issues.map((i) => [i.code, i.count])), codes, 'issue counts');
    t.diagnostic(`cli sample: phones present ${phone.present}, valid ${phone.valid}, invalid ${phone.invalid}, ` +
      `standardized ${phone.standardized}, types ${JSON.stringify(phone.types)}, issues ${JSON.stringify(codes)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI: phone columns found by values (dates left alone), --region as the fallback, column-prefixed codes', async () => {
  const { run } = await import('./harness.mjs');
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-cli-'));
  try {
    const input = path.join(dir, 'in.csv');
    writeFileSync(input, 'name,contact,born,land\nAli,0912 345 6789,1989-12-02,\nBob,(415) 555-2671 x12,05/13/1970,US\n' +
      'Lin,138 0013 8000,19970623,CN\nSam,12,2.9.1980,US\n');
    const res = await run(process.execPath, ['pkg/cli.js', 'clean', input, '--out', '-', '--region', 'ir', '-q'], { timeout: 60_000 });
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout.replace(/\r\n/g, '\n'),
      'name,contact,born,land,phone_valid,phone_type,country_valid,issues\n' +
      'Ali,+989123456789,1989-12-02,,true,MOBILE,,\n' +
      'Bob,+14155552671;ext=12,05/13/1970,US,true,FIXED_LINE_OR_MOBILE,true,\n' +
      'Lin,+8613800138000,19970623,CN,true,MOBILE,true,\n' +
      'Sam,12,2.9.1980,US,false,UNKNOWN,true,phone.too_short\n');

    const two = path.join(dir, 'two.csv');
    writeFileSync(two, 'email,work phone,home phone\nali@example.com,12,+1 415 555 2671\n,+98 912 345 6789,\n');
    const res2 = await run(process.execPath, ['pkg/cli.js', 'clean', two, '--out', '-', '-q'], { timeout: 60_000 });
    assert.equal(res2.code, 0, res2.stderr);
    const lines = res2.stdout.trim().split(/\r?\n/);
    assert.equal(lines[0], 'email,work phone,home phone,email_valid,email_suggestion,work_phone_valid,work_phone_type,home_phone_valid,home_phone_type,issues');
    assert.match(lines[1], /[,;]work phone:phone\.invalid_country_code$/, 'codes of one of several phone columns are prefixed');
    assert.ok(!lines[1].includes('email:'), 'a single email column keeps its codes unprefixed');

    const bad = await run(process.execPath, ['pkg/cli.js', 'clean', input, '--region', 'IRN'], { timeout: 60_000 });
    assert.equal(bad.code, 2, 'a region that is not two letters is a usage error');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI: country and birth-date columns by Persian headers: names to alpha-2 (also as the phones\' region), Jalali dates to ISO', async () => {
  const { run } = await import('./harness.mjs');
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-cli-'));
  try {
    const input = path.join(dir, 'fa.csv');
    writeFileSync(input, 'نام,موبایل,کشور,تاریخ تولد\n' +
      'علی,0912 345 6789,ایران,۱۳۷۵/۰۴/۱۲\n' +
      'Sara,0912 345 6789,Iran,1362/11/22\n' +
      'Bob,(415) 555-2671,USA,05/13/1970\n' +
      'Lin,138 0013 8000,Narnia,not a date\n' +
      'Max,0151 23456789,Deutschland,03/04/1990\n');
    const reportPath = path.join(dir, 'report.json');
    const res = await run(process.execPath, ['pkg/cli.js', 'clean', input, '--out', '-', '--locale', 'fa', '--report', reportPath],
      { timeout: 60_000 });
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout.replace(/\r\n/g, '\n'),
      'نام,موبایل,کشور,تاریخ تولد,phone_valid,phone_type,country_valid,date_calendar,issues\n' +
      'علی,+989123456789,IR,1996-07-02,true,MOBILE,true,jalali,\n' +
      'Sara,+989123456789,IR,1984-02-11,true,MOBILE,true,jalali,\n' +
      'Bob,+14155552671,US,1970-05-13,true,FIXED_LINE_OR_MOBILE,true,gregorian,\n' +
      'Lin,138 0013 8000,Narnia,not a date,false,,false,,phone.invalid_country_code;country.unknown;date.unparsable\n' +
      'Max,+4915123456789,DE,1990-04-03,true,MOBILE,true,gregorian,date.ambiguous\n');
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    const byField = Object.fromEntries(report.fields.map((f) => [f.field, f]));
    assert.deepEqual(report.fields.map((f) => [f.field, f.column, f.detectedBy]),
      [['phone', 'موبایل', 'header'], ['country', 'کشور', 'header'], ['date', 'تاریخ تولد', 'header'], ['name', 'نام', 'header']]);
    assert.equal(byField.phone.defaultRegion.countryColumn, 'کشور');
    assert.deepEqual(byField.phone.defaultRegion.rows, { country: 4, option: 0, none: 1 });
    assert.deepEqual([byField.country.present, byField.country.valid, byField.country.invalid, byField.country.standardized], [5, 4, 1, 4]);
    assert.deepEqual(byField.country.issues.map((i) => [i.code, i.count]), [['country.unknown', 1]]);
    assert.deepEqual([byField.date.present, byField.date.valid, byField.date.invalid, byField.date.standardized], [5, 4, 1, 4]);
    assert.deepEqual(byField.date.calendars, { gregorian: 2, jalali: 2 });
    assert.deepEqual(byField.date.issues.map((i) => [i.code, i.severity, i.count]),
      [['date.ambiguous', 'warning', 1], ['date.unparsable', 'error', 1]]);
    assert.match(res.stderr, /تقویم \(معتبرها\): gregorian ۲، jalali ۲/, 'the printed report (stderr with --out -) tallies calendars');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI: German country and birth-date headers, --date-order mdy, birth dates checked against today, dial codes not a country column', async () => {
  const { run } = await import('./harness.mjs');
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-cli-'));
  try {
    const input = path.join(dir, 'de.csv');
    const future = `${new Date().getFullYear() + 5}-01-01`;
    writeFileSync(input, 'Name,E-Mail-Adresse,Land,Geburtsdatum,Country Code\n' +
      `Anna,anna@web.de,Deutschland,03/04/1990,49\n` +
      `Jean,jean@orange.fr,  fr ,13/07/1992,33\n` +
      `Kai,kai@gmx.de,Allemagne,${future},49\n` +
      `Ola,ola@online.no,,1850-01-01,47\n`);
    const res = await run(process.execPath, ['pkg/cli.js', 'clean', input, '--out', '-', '--date-order', 'mdy', '-q'], { timeout: 60_000 });
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout.replace(/\r\n/g, '\n'),
      'Name,E-Mail-Adresse,Land,Geburtsdatum,Country Code,email_valid,email_suggestion,country_valid,date_calendar,issues\n' +
      'Anna,anna@web.de,DE,1990-03-04,49,true,,true,gregorian,date.ambiguous\n' +
      'Jean,jean@orange.fr,FR,1992-07-13,33,true,,true,gregorian,\n' +
      `Kai,kai@gmx.de,DE,${future},49,true,,true,gregorian,date.in_future\n` +
      'Ola,ola@online.no,,1850-01-01,47,true,,,gregorian,date.too_old\n');

    const dial = path.join(dir, 'dial.csv');
    writeFileSync(dial, 'email,country code\nali@example.com,44\nbob@example.com,+98\n');
    const res2 = await run(process.execPath, ['pkg/cli.js', 'clean', dial, '--out', '-'], { timeout: 60_000 });
    assert.equal(res2.code, 0, res2.stderr);
    assert.equal(res2.stdout.split(/\r?\n/)[0], 'email,country code,email_valid,email_suggestion,issues', 'calling codes (44 is not ISO 044) left alone');
    assert.match(res2.stderr, /column "country code" is not taken as a country column/);

    const byValues = path.join(dir, 'values.csv');
    writeFileSync(byValues, 'email,origin,age\nali@gmail.com,Iran,44\nbob@yahoo.co.uk,United Kingdom,36\nlin@qq.com,中国,28\n');
    const res3 = await run(process.execPath, ['pkg/cli.js', 'clean', byValues, '--out', '-', '-q'], { timeout: 60_000 });
    assert.equal(res3.code, 0, res3.stderr);
    assert.deepEqual(res3.stdout.trim().split(/\r?\n/), ['email,origin,age,email_valid,email_suggestion,country_valid,issues',
      'ali@gmail.com,IR,44,true,,true,', 'bob@yahoo.co.uk,GB,36,true,,true,', 'lin@qq.com,CN,28,true,,true,'],
      'a column of country names is found by its values; a column of numbers is not');

    const bad = await run(process.execPath, ['pkg/cli.js', 'clean', input, '--date-order', 'ymd'], { timeout: 60_000 });
    assert.equal(bad.code, 2, '--date-order takes dmy or mdy');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Countries and dates

const fieldFixtures = loadFieldFixtures();
const NON_STRINGS = [null, undefined, 42, NaN, true, {}, [], ['IR'], 10n, Symbol('x'), () => 'IR', new Date(0)];

test('country and date API is exported: validateCountry, validateDate', () => {
  for (const fn of ['validateCountry', 'validateDate']) assert.equal(typeof intake[fn], 'function', `export ${fn}`);
});

test('country and date cases.json replay (as tests/country.rs and tests/date.rs)', async (t) => {
  const fields = replayFields(intake, fieldFixtures.country.text, fieldFixtures.date.text);
  assert.equal(fields.country.total, fieldFixtures.country.doc.cases.length);
  assert.equal(fields.date.total, fieldFixtures.date.doc.cases.length);
  await assertFieldReplays(t, fields, 'node');
});

test('field replays fail loudly on fixture keys and options without a JS equivalent', () => {
  const country = replayCountryCases(intake, { cases: [
    { input: 'Iran', alpha2: 'IR', group: 'en', options: { locale: 'fa' } },
    { input: 'Iran', alpha2: 'IR', group: 'en', iso3: 'IRN' },
    { input: 'Iran', group: 'en' },
  ] });
  assert.equal(country.failed, 3, JSON.stringify(country.failures));
  const date = replayDateCases(intake, { cases: [
    { input: '1990-05-03', options: { order: 'ymd' }, expect: { valid: true } },
    { input: '1990-05-03', options: { timezone: 'UTC' }, expect: { valid: true } },
    { input: '1990-05-03', expect: { valid: true, weekday: 'Thursday' } },
    { input: '1990-05-03', expect: { valid: true }, note: 'x' },
    { input: '1990-05-03', expect: { iso: '1990-05-04' } },
  ] });
  assert.equal(date.failed, 5, JSON.stringify(date.failures));
  assert.deepEqual(date.failures.map((f) => f.key), ['fixture.unsupported_option', 'fixture.unsupported_option',
    'fixture.unknown_expect_key', 'fixture.unknown_key', 'iso']);
  assert.deepEqual(dateOptionsFromFixture({ order: 'month-first', locale: 'fa-IR', calendar: 'jalali', today: '2024-06-01', birthDate: true }),
    { options: { order: 'mdy', locale: 'fa-IR', calendar: 'jalali', today: '2024-06-01', birthDate: true }, problems: [] });
  assert.deepEqual(dateOptionsFromFixture({ order: 'day-first' }).options, { order: 'dmy' });
});

test('non-string country and date inputs never throw and give an input.not_string error', () => {
  const severities = codeSeverities(intake);
  for (const input of NON_STRINGS) {
    const label = typeof input === 'symbol' ? 'Symbol(x)' : `${typeof input} ${Object.prototype.toString.call(input)}`;
    for (const [fn, check, path] of [['validateCountry', checkCountryResult, 'country'], ['validateDate', checkDateResult, 'date']]) {
      let r;
      assert.doesNotThrow(() => { r = intake[fn](input); }, `${fn}(${label}) threw`);
      assert.equal(r.valid, false, `${fn}(${label}): valid`);
      assert.deepEqual(r.issues.map((i) => [i.code, i.severity, i.path]), [['input.not_string', 'error', path]], `${fn}(${label})`);
      assert.deepEqual(check(undefined, r, undefined, severities), [], `${fn}(${label}): result invariants`);
    }
  }
  const c = intake.validateCountry(7, { path: 'rows[2].country', locale: 'fa' });
  assert.equal(c.issues[0].path, 'rows[2].country');
  const d = intake.validateDate(7, { path: 'rows[2].dob', locale: 'ar' });
  assert.equal(d.issues[0].path, 'rows[2].dob');
  assert.notEqual(d.issues[0].message, intake.validateDate(7).issues[0].message, 'message in the locale');
});

test('versions().tables lists countries and hijriUmmAlQura', () => {
  const { tables } = intake.versions();
  for (const k of ['countries', 'hijriUmmAlQura']) {
    assert.equal(typeof tables[k], 'string', `versions().tables.${k}: ${JSON.stringify(tables)}`);
    assert.ok(tables[k].length > 0);
  }
});

test('a birth date after an explicit today gives date.in_future; not with a later today', () => {
  const severities = codeSeverities(intake);
  const future = intake.validateDate('2024-06-02', { birthDate: true, today: '2024-06-01' });
  assert.deepEqual(checkDateResult('2024-06-02', future, {}, severities), []);
  assert.equal(future.valid, false);
  assert.ok(future.issues.some((i) => i.code === 'date.in_future' && i.severity === 'error'), JSON.stringify(future.issues));
  assert.equal(future.iso, '2024-06-02', 'the date is still understood');
  const sameDay = intake.validateDate('2024-06-01', { birthDate: true, today: '2024-06-01' });
  assert.equal(sameDay.valid, true, JSON.stringify(sameDay.issues));
  const asDate = intake.validateDate('2024-06-02', { birthDate: true, today: new Date(2024, 5, 1) });
  assert.ok(asDate.issues.some((i) => i.code === 'date.in_future'), 'today as a Date');
  const notBirth = intake.validateDate('2024-06-02', { today: '2024-06-01' });
  assert.ok(!notBirth.issues.some((i) => i.code === 'date.in_future'), 'no plausibility check without birthDate');
});

test("order: 'mdy' reads 03/04/1990 as March 4, the default as April 3", () => {
  const dflt = intake.validateDate('03/04/1990');
  const mdy = intake.validateDate('03/04/1990', { order: 'mdy' });
  const dmy = intake.validateDate('03/04/1990', { order: 'dmy', locale: 'en-US' });
  assert.equal(dflt.iso, '1990-04-03', JSON.stringify(dflt));
  assert.equal(mdy.iso, '1990-03-04', JSON.stringify(mdy));
  assert.equal(dmy.iso, '1990-04-03', 'an explicit order wins over the locale');
  assert.equal(intake.validateDate('03/04/1990', { locale: 'en-US' }).iso, '1990-03-04', 'en-US is month first');
  for (const r of [dflt, mdy]) assert.equal(r.value, r.iso);
});

// ---------------------------------------------------------------------------------------------------------------
// Addresses and postcodes (issue 5)

const { loadAddressFixtures, assertAddressReplays } = await import('./harness.mjs');
const { replayAddressAll, checkAddressResult, checkPostcodeResult } = await import('./replay.mjs');

test('address fixtures replay (as tests/address.rs): postcode oracle and cases, address cases, formats', (t) => {
  assertAddressReplays(t, replayAddressAll(intake, loadAddressFixtures()), 'node');
});

test('validateAddress: parts, keys, changes and a localized postcode.invalid', () => {
  const severities = codeSeverities(intake);
  const r = intake.validateAddress('123 MAIN STREET APT 4B, SPRINGFIELD, IL 62701', { country: 'US' });
  assert.deepEqual(checkAddressResult(r.original, r, {}, severities), []);
  assert.equal(r.value, '123 Main St Apt 4B, Springfield, IL 62701');
  assert.deepEqual(r.parts, { houseNumber: '123', street: 'Main St', streetType: 'St', unit: { kind: 'apartment', value: '4B' },
    district: null, city: 'Springfield', region: 'IL', postcode: '62701', country: 'US' });
  assert.equal(r.keys.key, '62701|main st|123');
  const fa = intake.validateAddress('تهران، خیابان آزادی، پلاک ۱۲، ۱۲۳۴', { country: 'ایران', locale: 'fa' });
  const bad = fa.issues.find((i) => i.code === 'postcode.invalid');
  assert.ok(bad, JSON.stringify(fa.issues));
  assert.match(bad.message, /کد پستی/);
  assert.equal(fa.valid, false);
  const long = intake.validateAddress('1 Main Street', { country: 'US', style: 'long' });
  assert.equal(long.value, '1 Main Street');
  assert.throws(() => intake.validateAddress('x', { style: 'tiny' }), TypeError);
});

test('validatePostcode and validatePostcodes: written forms, countries by name, batch equals single', () => {
  const severities = codeSeverities(intake);
  const cases = [['sw1a1aa', 'GB', 'SW1A 1AA'], ['۱۲۳۴۵۶۷۸۹۰', 'Iran', '12345-67890'], ['k1a0b1', 'CA', 'K1A 0B1'], ['1234ab', 'NL', '1234 AB']];
  for (const [input, country, value] of cases) {
    const r = intake.validatePostcode(input, { country });
    assert.deepEqual(checkPostcodeResult(input, r, {}, severities), []);
    assert.equal(r.value, value, JSON.stringify(r));
    assert.equal(r.valid, true);
  }
  const inputs = ['94043', '9404', 42, 'SW1A 1AA', ''];
  assert.deepEqual(intake.validatePostcodes(inputs, { country: 'US' }), inputs.map((s) => intake.validatePostcode(s, { country: 'US' })));
  const addresses = ['1 Main St, Boston, MA 02108', null, '   ', 'تهران، خیابان آزادی'];
  assert.deepEqual(intake.validateAddresses(addresses, { country: 'US' }), addresses.map((s) => intake.validateAddress(s, { country: 'US' })));
  assert.equal(intake.validatePostcode(42).issues[0].code, 'input.not_string');
  assert.equal(intake.validateAddress(42).issues[0].code, 'input.not_string');
  assert.ok(intake.validatePostcode('123', { country: 'Atlantis' }).issues.some((i) => i.code === 'country.unknown'));
});

test('formatAddress: libaddressinput layouts', () => {
  const lines = intake.formatAddress({ name: 'Ada', streetAddress: ['1 Main St', 'Apt 2'], city: 'Boston', region: 'MA', postcode: '02108' },
    { country: 'US' });
  assert.equal(lines, 'Ada\n1 Main St\nApt 2\nBOSTON, MA 02108\nUNITED STATES');
  assert.equal(intake.formatAddress({ city: 'Berlin', postcode: '10115', streetAddress: 'Hauptstraße 5' }, { country: 'DE', withCountry: false }),
    'Hauptstraße 5\n10115 BERLIN', 'DE upper-cases the city (libaddressinput default)');
});

// ---- companies and websites (issue 5) ----
import { assertBizReplays, loadBizFixtures } from './harness.mjs';
import { checkCompanyResult, checkWebsiteResult, replayBizFields } from './replay.mjs';

test('website and company fixtures replay (as tests/website.rs and tests/company.rs)', (t) => {
  const biz = loadBizFixtures();
  assertBizReplays(t, replayBizFields(intake, biz.website, biz.company), 'node');
});

test('websites and companies: batches agree with single calls; non-strings give input.not_string; options', () => {
  const sites = ['acme.com', 'HTTPS://WWW.ACME.CO.UK/?utm_source=x#top', 42, null, '@acme', 'ftp://x.com'];
  const one = sites.map((s) => intake.validateWebsite(s, { locale: 'fa' }));
  assert.deepEqual(intake.validateWebsites(sites, { locale: 'fa' }), one);
  for (const [i, s] of sites.entries()) assert.deepEqual(checkWebsiteResult(s, one[i], undefined, null), [], JSON.stringify(s));
  assert.equal(one[2].issues[0].code, 'input.not_string');
  assert.equal(one[1].value, 'https://www.acme.co.uk');
  assert.equal(one[1].domain, 'acme.co.uk');
  assert.equal(intake.validateWebsite('@acme', { network: 'twitter' }).value, 'https://x.com/acme');
  assert.throws(() => intake.validateWebsite('@acme', { network: 'myspace' }), /unknown network/);
  const names = ['ACME CORPORATION', 'شرکت سهامی خاص ایران خودرو', 7, '阿里巴巴有限公司', 'asdf'];
  const c = names.map((s) => intake.validateCompany(s, { website: 'acme.com', path: 'org' }));
  assert.deepEqual(intake.validateCompanies(names, { website: 'acme.com', path: 'org' }), c);
  for (const [i, s] of names.entries()) assert.deepEqual(checkCompanyResult(s, c[i], { path: 'org' }, null), [], JSON.stringify(s));
  assert.equal(c[0].value, 'Acme Corp.');
  assert.deepEqual(c[1].legalForm, { canonical: 'سهامی خاص', written: 'شرکت سهامی خاص', countries: ['IR'], position: 'start' });
  assert.equal(c[0].domain, 'acme.com');
  assert.equal(c[2].issues[0].path, 'org');
  assert.equal(intake.validateCompany('Acme', { email: 'jane@sales.acme.com' }).domain, 'acme.com');
  assert.equal(intake.validateCompany('Acme', { email: 'jane@gmail.com' }).domain, null);
  assert.ok(intake.versions().tables.publicSuffixList.startsWith('psl@'));
  assert.ok(intake.versions().tables.legalForms.startsWith('cleanco=='));
});

// ---- names (issue 5) ----
import { loadNameFixtures } from './harness.mjs';
import { checkNameResult, replayNameCases } from './replay.mjs';

test('name fixtures replay (as tests/name.rs)', (t) => {
  const f = loadNameFixtures();
  assertReplay(t, replayNameCases(intake, f.cases, f.keys), 'node-name');
});

test('names: batches agree with single calls; non-strings give input.not_string; options', () => {
  const names = ['DR. JEAN-LUC MCDONALD JR', 'علي كريمي', 42, null, '欧阳娜娜', 'ali@gmail.com', 'Smith, John', '\ud800x'];
  for (const options of [undefined, { part: 'given', locale: 'fa', path: 'first' }, { keys: false }]) {
    const one = names.map((s) => intake.validateName(s, options));
    assert.deepEqual(intake.validateNames(names, options), one);
    for (const [i, s] of names.entries()) assert.deepEqual(checkNameResult(s, one[i], options, null), [], JSON.stringify(s));
  }
  const r = intake.validateName('DR. JEAN-LUC MCDONALD JR');
  assert.equal(r.value, 'Jean-Luc McDonald');
  assert.deepEqual(r.parts, { honorific: 'Dr.', given: 'Jean-Luc', middle: null, family: 'McDonald', suffix: 'Jr.' });
  assert.equal(intake.validateName(42).issues[0].code, 'input.not_string');
  assert.equal(intake.validateName('x', { path: 'first' }).issues.length, 0);
  assert.equal(intake.validateName('test', { path: 'first', locale: 'fa' }).issues[0].path, 'first');
  assert.equal(intake.validateName('Ali', { keys: false }).keys, null);
  assert.throws(() => intake.validateName('Ali', { part: 'middle' }), /unknown name part/);
  assert.equal(intake.validateName('\ud800x', { part: 'given' }).changes[0].kind, 'replace_lone_surrogate');
  assert.ok(intake.sameGivenName('Bill', 'William') && !intake.sameGivenName('Robert', 'William'));
  assert.ok(intake.versions().tables.names.startsWith('nicknames 1.0.1'));
});

test('CLI: website, social-handle and company columns by header: standardized values, domain and legal-form columns', async () => {
  const { run } = await import('./harness.mjs');
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-cli-biz-'));
  try {
    const input = path.join(dir, 'biz.csv');
    writeFileSync(input, 'شرکت,Website,Instagram\n' +
      'ACME CORPORATION,WWW.Acme.co.uk/?utm_source=x,@AcmeShop\n' +
      'شرکت سهامی خاص ایران خودرو,ikco.ir,ikco_official\n' +
      'asdf,acme,not a handle!\n');
    const reportPath = path.join(dir, 'report.json');
    const res = await run(process.execPath, ['pkg/cli.js', 'clean', input, '--out', '-', '--report', reportPath], { timeout: 60_000 });
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout.replace(/\r\n/g, '\n'),
      'شرکت,Website,Instagram,Website_valid,Website_domain,Instagram_valid,Instagram_domain,company_legal_form,issues\n' +
      'Acme Corp.,https://www.acme.co.uk,https://www.instagram.com/acmeshop,true,acme.co.uk,true,instagram.com,Corp.,\n' +
      'سهامی خاص ایران خودرو,https://ikco.ir,https://www.instagram.com/ikco_official,true,ikco.ir,true,instagram.com,سهامی خاص,\n' +
      'asdf,acme,not a handle!,false,,false,,,Website:website.missing_tld;Instagram:website.invalid;company.junk\n');
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    assert.deepEqual(report.fields.map((f) => [f.field, f.column, f.detectedBy]),
      [['website', 'Website', 'header'], ['website', 'Instagram', 'header'], ['company', 'شرکت', 'header']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI: name columns by header (first_name given, last_name family, name full): standardized in place, junk kept and reported', async () => {
  const { run } = await import('./harness.mjs');
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-cli-names-'));
  try {
    const input = path.join(dir, 'names.csv');
    writeFileSync(input, 'first_name,Nachname,name\n' +
      'JOHN,MCDONALD,dr. jean-luc picard jr\n' +
      'maria,VAN DER BERG,ali@gmail.com\n' +
      'asdf,o\'brien,"Smith, John"\n');
    const reportPath = path.join(dir, 'report.json');
    const res = await run(process.execPath, ['pkg/cli.js', 'clean', input, '--out', '-', '--report', reportPath, '--quiet'], { timeout: 60_000 });
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout.replace(/\r\n/g, '\n'),
      'first_name,Nachname,name,issues\n' +
      'John,McDonald,Dr. Jean-Luc Picard Jr.,\n' +
      'Maria,Van der Berg,ali@gmail.com,name:name.email_in_name\n' +
      'asdf,O\'Brien,John Smith,first_name:name.placeholder\n');
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    assert.deepEqual(report.fields.map((f) => [f.field, f.column, f.detectedBy]),
      [['name', 'first_name', 'header'], ['name', 'Nachname', 'header'], ['name', 'name', 'header']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- phone cold start (issue 4): init compiles, then instantiates synchronously; messages come with the first issue
test('a fresh process whose first call is a batch with issues (messages fetched then) gets the results of single calls', async () => {
  const { run, phoneCorpusPath } = await import('./harness.mjs');
  const rows = readFileSync(phoneCorpusPath, 'utf8').split('\n').filter(Boolean).slice(0, 3000).map((l) => JSON.parse(l));
  const inputs = rows.filter((r) => r.region === 'US').map((r) => r.input);
  assert.ok(inputs.length > 100 && inputs.length < 3000, `${inputs.length} US inputs`);
  const script = `import * as intake from 'intake';
    await intake.init();
    const inputs = ${JSON.stringify(inputs)};
    const emails = ['ali@example.com', 'not an email', 'bob@gmial.com', '', 'x@y'];
    const batch = JSON.stringify([intake.validatePhones(inputs, { defaultRegion: 'US', locale: 'fa' }), intake.validateEmails(emails)]);
    const single = JSON.stringify([inputs.map((s) => intake.validatePhone(s, { defaultRegion: 'US', locale: 'fa' })),
      emails.map((s) => intake.validateEmail(s))]);
    console.log(batch === single ? 'same' : 'differs: ' + batch.slice(0, 2000));`;
  const res = await run(process.execPath, ['--input-type=module', '-e', script], { timeout: 30_000 });
  assert.equal(res.code, 0, res.stderr);
  assert.equal(res.stdout.trim(), 'same');
  assert.ok(inputs.some((s) => !intake.validatePhone(s, { defaultRegion: 'US' }).valid), 'the batch has numbers with issues');
});
