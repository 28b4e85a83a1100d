// intake in Node: the workspace package imported by name, fixtures replayed, and the public API exercised.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import {
  assertCorpus, assertReplay, loadFixtures, repoRoot, requireBuild,
} from './harness.mjs';
import { checkEmailResult, codeSeverities, corpusAgreement, replayEmailCases } from './replay.mjs';

requireBuild();
const intake = await import('intake');
const fixtures = loadFixtures();
const LOCALES = ['en', 'fa', 'ar', 'zh'];

before(async () => {
  await intake.init();
});

test('package resolves to the workspace pkg/ and exports the documented API', () => {
  for (const fn of ['init', 'initSync', 'validateEmail', 'validateEmails', 'issueCodes', 'message', 'versions']) {
    assert.equal(typeof intake[fn], 'function', `export ${fn}`);
  }
  assert.equal(typeof intake.limits, 'object');
  assert.ok(Number.isInteger(intake.limits.emailInputBytes) && intake.limits.emailInputBytes > 0,
    `limits.emailInputBytes = ${intake.limits.emailInputBytes}`);
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
