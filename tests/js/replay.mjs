// Runtime-agnostic fixture replay for the intake package.
//
// No Node (or Deno, or browser) imports on purpose: this module is loaded unchanged in Node, Chromium (directly
// and through a Vite bundle), workerd and Deno. Every function takes the intake module (or any object with the
// same functions) as its first argument and the fixture JSON (text or already parsed) as its second, and returns
// plain JSON-serializable data so results can cross process and page boundaries.
//
//   replayEmailCases(intake, casesJson) -> { total, passed, failed, failures: [{ input, key, expected, actual }] }
//   corpusAgreement(intake, corpusJson) -> { total, agree, rate, disagreements: [...], invariantFailures: [...] }
//   checkEmailResult(input, result, options, codeSeverities?) -> [{ key, expected, actual }]   (invariants only)

const RESULT_FIELDS = [
  'valid', 'value', 'original', 'changes', 'ascii', 'canonical', 'suggestion', 'domainKind', 'role', 'placeholder',
  'issues',
];
const DOMAIN_KINDS = ['free', 'business', 'disposable'];
const SEVERITIES = ['error', 'warning'];
const EXPECT_KEYS = [
  'valid', 'value', 'ascii', 'canonical', 'suggestion', 'domainKind', 'role', 'placeholder', 'codes', 'changes',
  'messageContains',
];

function parse(json) {
  return typeof json === 'string' ? JSON.parse(json) : json;
}

function isPlainObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isStringOrNull(v) {
  return v === null || typeof v === 'string';
}

function typeName(v) {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

function describe(v) {
  // Makes thrown errors and odd values JSON-friendly for reports.
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  if (typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function') return String(v);
  return v === undefined ? '(undefined)' : v;
}

function sameJson(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isAscii(s) {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Map code -> severity from `intake.issueCodes()`, or null when the module has no such function. */
export function codeSeverities(intake) {
  if (typeof intake.issueCodes !== 'function') return null;
  const map = Object.create(null);
  for (const info of intake.issueCodes()) map[info.code] = info.severity;
  return map;
}

/**
 * Contract every EmailResult must satisfy, whatever the input (index.d.ts). Returns a list of violations,
 * each `{ key: 'invariant.<name>', expected, actual }`; an empty list means the result is well-formed.
 */
export function checkEmailResult(input, result, options, severities) {
  const bad = [];
  const fail = (name, expected, actual) => bad.push({ key: `invariant.${name}`, expected, actual: describe(actual) });
  if (!isPlainObject(result)) {
    fail('result_is_object', 'object', typeName(result));
    return bad;
  }
  for (const f of RESULT_FIELDS) if (!(f in result)) fail(`has_${f}`, 'present', 'missing');
  if (typeof result.valid !== 'boolean') fail('valid_type', 'boolean', typeName(result.valid));
  if (typeof result.value !== 'string') fail('value_type', 'string', typeName(result.value));
  if (typeof result.original !== 'string') fail('original_type', 'string', typeName(result.original));
  if (typeof input === 'string' && result.original !== input) fail('original_is_input', input, result.original);
  for (const f of ['ascii', 'canonical', 'suggestion']) {
    if (!isStringOrNull(result[f])) fail(`${f}_type`, 'string|null', typeName(result[f]));
  }
  if (!(result.domainKind === null || DOMAIN_KINDS.includes(result.domainKind))) {
    fail('domainKind_type', 'free|business|disposable|null', result.domainKind);
  }
  if (typeof result.role !== 'boolean') fail('role_type', 'boolean', typeName(result.role));
  if (typeof result.placeholder !== 'boolean') fail('placeholder_type', 'boolean', typeName(result.placeholder));

  if (!Array.isArray(result.changes)) {
    fail('changes_type', 'array', typeName(result.changes));
  } else {
    result.changes.forEach((c, i) => {
      if (!isPlainObject(c) || typeof c.kind !== 'string' || !c.kind || typeof c.from !== 'string' ||
          typeof c.to !== 'string') {
        fail(`changes[${i}]_shape`, '{ kind, from, to: string }', c);
      }
    });
  }

  const expectedPath = options && typeof options.path === 'string' ? options.path : 'email';
  if (!Array.isArray(result.issues)) {
    fail('issues_type', 'array', typeName(result.issues));
  } else {
    result.issues.forEach((issue, i) => {
      if (!isPlainObject(issue)) return fail(`issues[${i}]_type`, 'object', typeName(issue));
      if (typeof issue.code !== 'string' || !issue.code) fail(`issues[${i}].code`, 'non-empty string', issue.code);
      if (typeof issue.path !== 'string') fail(`issues[${i}].path_type`, 'string', typeName(issue.path));
      else if (issue.path !== expectedPath) fail(`issues[${i}].path`, expectedPath, issue.path);
      if (!SEVERITIES.includes(issue.severity)) fail(`issues[${i}].severity`, 'error|warning', issue.severity);
      if (typeof issue.message !== 'string' || !issue.message.trim()) {
        fail(`issues[${i}].message`, 'non-empty string', issue.message);
      }
      if (!isPlainObject(issue.params)) {
        fail(`issues[${i}].params_type`, 'object', typeName(issue.params));
      } else {
        for (const [k, v] of Object.entries(issue.params)) {
          if (typeof v !== 'string') fail(`issues[${i}].params.${k}`, 'string', typeName(v));
        }
      }
      if (severities && typeof issue.code === 'string') {
        if (!(issue.code in severities)) fail(`issues[${i}].code_listed`, 'a code from issueCodes()', issue.code);
        else if (severities[issue.code] !== issue.severity) {
          fail(`issues[${i}].severity_matches_issueCodes`, `${issue.code}: ${severities[issue.code]}`, issue.severity);
        }
      }
    });
    if (typeof result.valid === 'boolean') {
      const hasError = result.issues.some((i) => i && i.severity === 'error');
      if (result.valid !== !hasError) fail('valid_iff_no_error', !hasError, result.valid);
    }
  }

  // Documented nullability: ascii, canonical and domainKind are null when the address is invalid.
  if (result.valid === false) {
    for (const f of ['ascii', 'canonical', 'domainKind']) {
      if (result[f] !== null && result[f] !== undefined) fail(`${f}_null_when_invalid`, null, result[f]);
    }
  }
  // "Equals `value` for ASCII addresses."
  if (result.valid === true && typeof result.value === 'string' && isAscii(result.value) &&
      result.ascii !== result.value) {
    fail('ascii_equals_ascii_value', result.value, result.ascii);
  }
  // "Every change from `original` to `value`": a standardized value that differs needs at least one change.
  const tooLong = Array.isArray(result.issues) && result.issues.some((i) => i && i.code === 'input.too_long');
  if (!tooLong && typeof input === 'string' && typeof result.value === 'string' && result.value !== input &&
      Array.isArray(result.changes) && result.changes.length === 0) {
    fail('changes_explain_value', 'at least one change', `value ${JSON.stringify(result.value)} with no changes`);
  }
  return bad;
}

function compareExpectation(key, expected, result) {
  // Returns null when it matches, else the actual value to report.
  switch (key) {
    case 'codes': {
      const actual = [...new Set((result.issues || []).map((i) => i.code))].sort();
      const want = [...new Set(expected)].sort();
      return sameJson(actual, want) ? null : { actual };
    }
    case 'changes': {
      const actual = (result.changes || []).map((c) => c.kind);
      return sameJson(actual, expected) ? null : { actual };
    }
    case 'messageContains': {
      const messages = (result.issues || []).map((i) => i.message);
      return messages.some((m) => typeof m === 'string' && m.includes(expected)) ? null : { actual: messages };
    }
    default: {
      const actual = result[key];
      return sameJson(actual, expected) ? null : { actual: describe(actual) };
    }
  }
}

/**
 * Replays tests/fixtures/email/cases.json: `{ cases: [{ input, options?, expect: {...} }] }`. Only keys present in
 * `expect` are asserted; the invariants of `checkEmailResult` are checked for every case. A case passes when all
 * of its expectations and invariants hold.
 */
export function replayEmailCases(intake, casesJson) {
  const doc = parse(casesJson);
  if (!doc || !Array.isArray(doc.cases)) throw new Error('cases fixture: expected { "cases": [...] }');
  const severities = codeSeverities(intake);
  const failures = [];
  let passed = 0;
  let failed = 0;
  doc.cases.forEach((c, index) => {
    const before = failures.length;
    const where = { input: c.input, index, options: c.options };
    const expect = c.expect || {};
    const unknown = Object.keys(expect).filter((k) => !EXPECT_KEYS.includes(k));
    for (const k of unknown) failures.push({ ...where, key: `fixture.unknown_expect_key`, expected: EXPECT_KEYS, actual: k });
    let result;
    try {
      result = c.options === undefined ? intake.validateEmail(c.input) : intake.validateEmail(c.input, c.options);
    } catch (e) {
      failures.push({ ...where, key: 'threw', expected: 'no exception', actual: describe(e) });
    }
    if (result !== undefined) {
      for (const v of checkEmailResult(c.input, result, c.options, severities)) failures.push({ ...where, ...v });
      if (isPlainObject(result)) {
        for (const key of Object.keys(expect)) {
          if (!EXPECT_KEYS.includes(key)) continue;
          const diff = compareExpectation(key, expect[key], result);
          if (diff) failures.push({ ...where, key, expected: expect[key], actual: diff.actual });
        }
      }
    }
    if (failures.length === before) passed++;
    else failed++;
  });
  return { total: doc.cases.length, passed, failed, failures };
}

/**
 * Agreement with a labelled corpus, tests/fixtures/email/corpus.json: `{ cases: [{ input, valid, options? }] }`.
 * `rate` is agree / total. Invariant violations are reported separately in `invariantFailures`.
 */
export function corpusAgreement(intake, corpusJson) {
  const doc = parse(corpusJson);
  if (!doc || !Array.isArray(doc.cases)) throw new Error('corpus fixture: expected { "cases": [...] }');
  const severities = codeSeverities(intake);
  const disagreements = [];
  const invariantFailures = [];
  let agree = 0;
  for (const c of doc.cases) {
    let result;
    try {
      result = c.options === undefined ? intake.validateEmail(c.input) : intake.validateEmail(c.input, c.options);
    } catch (e) {
      invariantFailures.push({ input: c.input, key: 'threw', expected: 'no exception', actual: describe(e) });
      disagreements.push({ input: c.input, expected: c.valid, actual: 'threw', codes: [] });
      continue;
    }
    for (const v of checkEmailResult(c.input, result, c.options, severities)) {
      invariantFailures.push({ input: c.input, ...v });
    }
    const actual = isPlainObject(result) ? result.valid : undefined;
    if (actual === c.valid) {
      agree++;
    } else {
      const codes = isPlainObject(result) && Array.isArray(result.issues) ? result.issues.map((i) => i.code) : [];
      disagreements.push({ input: c.input, expected: c.valid, actual: describe(actual), codes });
    }
  }
  const total = doc.cases.length;
  return { total, agree, rate: total ? agree / total : 0, disagreements, invariantFailures };
}

/** Both replays at once, the shape every runtime harness reports back to the Node tests. */
export function replayAll(intake, casesJson, corpusJson) {
  return { replay: replayEmailCases(intake, casesJson), corpus: corpusAgreement(intake, corpusJson) };
}
