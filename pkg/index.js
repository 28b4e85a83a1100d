// The intake package: a thin, hand-written layer over the wasm core (generated glue in ./gen/).
// One ESM file for Node >= 20, Deno, browsers (with or without a bundler) and Cloudflare Workers.
import initWasm, * as core from './gen/intake.js';

let ready = null;
let initialized = false;
let codeSeverity = null;
let memory = null;

function afterInit(exports) {
  memory = exports.memory;
  header = core.out_header_ptr() >>> 2;
  initialized = true;
  codeSeverity = new Map(core.issue_codes().map((c) => [c.code, c.severity]));
  templates = new Map(core.message_templates().map(([code, ts]) => [code, ts.map(compileTemplate)]));
  limits.emailInputBytes = core.email_input_cap();
  limits.phoneInputBytes = core.phone_input_cap();
}

const isNode = typeof process !== 'undefined' && process.versions != null && process.versions.node != null
  && typeof Deno === 'undefined';

async function readNodeFile(url) {
  // Node's fetch cannot read file: URLs, so the bytes are read instead. The specifier is built at
  // run time so that bundlers for the browser do not try to resolve a Node built-in.
  const fs = 'node:fs/promises';
  const { readFile } = await import(/* @vite-ignore */ fs);
  return readFile(url);
}

/** What `init` hands to the glue: file paths and file: URLs become bytes in Node. */
async function resolveInput(input) {
  if (input === undefined) input = new URL('./gen/intake_bg.wasm', import.meta.url);
  input = await input;
  if (isNode) {
    if (input instanceof URL && input.protocol === 'file:') return readNodeFile(input);
    if (typeof input === 'string' && !/^(https?|data|blob):/i.test(input)) {
      return readNodeFile(input.startsWith('file:') ? new URL(input) : input);
    }
  }
  return input;
}

export function init(input) {
  if (!ready) {
    ready = (async () => {
      afterInit(await initWasm({ module_or_path: await resolveInput(input) }));
    })();
    ready.catch(() => { ready = null; });
  }
  return ready;
}

export function initSync(input) {
  if (initialized) return;
  afterInit(core.initSync({ module: input }));
  ready = Promise.resolve();
}

function assertReady() {
  if (!initialized) throw new Error('intake: call `await init()` before using it');
}

// Mirrors the bit layout in src/bindings.rs.
const OPT = { allowQuoted: 1, allowComments: 2, allowIpDomain: 4, allowSingleLabel: 8, allowOverlong: 16, allowUnknownTld: 32 };
const ST_VALID = 1, ST_EXTRA = 2, ST_ROLE = 64, ST_PLACEHOLDER = 128, ST_KIND_SHIFT = 8;
const DOMAIN_KINDS = [null, 'free', 'business', 'disposable'];
const ASCII_BIT = 0x80000000;
const utf8 = new TextDecoder();

const utf8out = new TextEncoder();
let inPtr = 0, inCap = 0, heap = null;

/** Makes the core's input buffer hold `bytes` (see `in_buf` in src/bindings.rs). */
function reserveInput(bytes) {
  if (bytes > inCap) {
    inCap = Math.max(bytes, 256);
    inPtr = core.in_buf(inCap);
  }
}

/**
 * Writes `s` as UTF-8 at `offset` in the core's input buffer (reserved for 3 bytes per UTF-16
 * unit) and returns the byte length. ASCII is copied by a plain loop, the rest by encodeInto.
 */
function writeInput(s, offset) {
  if (heap === null || heap.buffer !== memory.buffer) heap = new Uint8Array(memory.buffer);
  const n = s.length;
  const base = inPtr + offset;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) break;
    heap[base + i] = c;
  }
  if (i === n) return n;
  return i + utf8out.encodeInto(s.slice(i), heap.subarray(base + i, inPtr + inCap)).written;
}

let heap32 = null, header = 0;

/**
 * A reader over what the last `email_check` (with ST_EXTRA) or `email_check_batch` wrote, found
 * through the core's header (see `HEADER` in src/bindings.rs): the text as one JS string, and the
 * index (read in place) whose first entry is its length, then one group per outcome.
 */
function readExtra() {
  if (heap32 === null || heap32.buffer !== memory.buffer) {
    heap32 = new Uint32Array(memory.buffer);
    heap = new Uint8Array(memory.buffer);
  }
  const word = heap32[header], textPtr = heap32[header + 1], indexPtr = heap32[header + 2];
  const len = word & 0x7fffffff;
  const bytes = heap.subarray(textPtr, textPtr + len);
  // For short ASCII, building the string from char codes beats a TextDecoder call several times over.
  const text = word & ASCII_BIT && len <= 4096 ? String.fromCharCode.apply(null, bytes) : utf8.decode(bytes);
  return { text, ix: heap32, at: (indexPtr >>> 2) + 1, pos: 0 };
}

function nextString(x) {
  const start = x.pos;
  x.pos = x.ix[x.at++];
  return x.text.slice(start, x.pos);
}

const localeCache = new Map();
function localeIndex(tag) {
  if (tag === undefined || tag === 'en') return 0;
  let i = localeCache.get(tag);
  if (i === undefined) {
    i = core.locale_index(String(tag));
    localeCache.set(tag, i);
  }
  return i;
}

function optionBits(options) {
  if (!options) return 0;
  let bits = 0;
  for (const key in OPT) if (options[key]) bits |= OPT[key];
  return bits;
}

// Messages are rendered here from the core's templates (fetched once by init), not fetched per
// issue: a call across the boundary per message would cost more than the validation. The rules
// mirror `render_template` in src/locale.rs and the JS suite checks both agree for every code and
// locale: `{name}` is replaced by params[name]; in fa and ar a number is written in the locale's
// digits and any other value is wrapped in Unicode isolates (FSI ... PDI).
let templates = null; // code -> [parts per locale]; parts alternate literal text and param names
const RTL_ZERO = [0, 0x06f0, 0x0660, 0];

function compileTemplate(t) {
  const parts = t.split(/\{([a-z_]+)\}/);
  return parts;
}

function renderMessage(code, locale, params) {
  const perLocale = templates.get(code);
  if (!perLocale) return code;
  const parts = perLocale[locale] ?? perLocale[0];
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const value = params[parts[i]];
    if (value === undefined) out += `{${parts[i]}}`;
    else if (RTL_ZERO[locale] === 0) out += value;
    else if (/^[0-9]+$/.test(value)) out += value.replace(/[0-9]/g, (d) => String.fromCharCode(RTL_ZERO[locale] + (d.charCodeAt(0) - 48)));
    else out += '\u2068' + value + '\u2069';
    out += parts[i + 1];
  }
  return out;
}

function issue(code, path, locale, params) {
  return { code, path, severity: codeSeverity.get(code) ?? 'error', message: renderMessage(code, locale, params), params };
}

/** The issue for a value that is not a string (the core only sees strings). */
function notStringIssue(input, path, locale) {
  return issue('input.not_string', path, locale, { type: input === null ? 'null' : typeof input });
}

function notString(input, path, locale) {
  return {
    valid: false, value: '', original: '', changes: [], ascii: null, canonical: null, suggestion: null,
    domainKind: null, role: false, placeholder: false,
    issues: [notStringIssue(input, path, locale)],
  };
}

/**
 * The string the core sees for `original`: a lone UTF-16 surrogate has no UTF-8 form, so it is
 * replaced (U+FFFD) first, and that replacement is recorded like any other change.
 */
function wellFormed(original) {
  return original.isWellFormed() ? null : { kind: 'replace_lone_surrogate', from: original, to: original.toWellFormed() };
}

/** The changes (each `from` is the previous `to`, the first's is `input`) and issues of a group. */
function readChangesAndIssues(x, input, changes, issues, path, locale) {
  let from = input;
  for (let n = x.ix[x.at++]; n > 0; n--) {
    const kind = nextString(x);
    const to = nextString(x);
    changes.push({ kind, from, to });
    from = to;
  }
  for (let n = x.ix[x.at++]; n > 0; n--) {
    const code = nextString(x);
    const params = {};
    for (let p = x.ix[x.at++]; p > 0; p--) {
      const name = nextString(x);
      params[name] = nextString(x);
    }
    issues.push(issue(code, path, locale, params));
  }
}

/** Builds the public result from a status word and, when it has ST_EXTRA, the reader's next group. */
function emailResult(original, repaired, st, x, path, locale) {
  const input = repaired ? repaired.to : original;
  const valid = (st & ST_VALID) !== 0;
  let value = input, ascii = input, canonical = input, suggestion = null;
  const changes = [], issues = [];
  if (repaired) changes.push(repaired);
  if (st & ST_EXTRA) {
    const mask = x.ix[x.at++];
    if (mask & 1) value = nextString(x);
    ascii = canonical = value;
    if (mask & 2) ascii = nextString(x);
    if (mask & 4) canonical = nextString(x);
    if (mask & 8) suggestion = nextString(x);
    readChangesAndIssues(x, input, changes, issues, path, locale);
  }
  return {
    valid,
    value,
    original,
    changes,
    ascii: valid ? ascii : null,
    canonical: valid ? canonical : null,
    suggestion,
    domainKind: DOMAIN_KINDS[(st >>> ST_KIND_SHIFT) & 3],
    role: (st & ST_ROLE) !== 0,
    placeholder: (st & ST_PLACEHOLDER) !== 0,
    issues,
  };
}

function checkEmail(original, bits, locale, path) {
  if (typeof original !== 'string') return notString(original, path, locale);
  const repaired = wellFormed(original);
  const input = repaired ? repaired.to : original;
  let st;
  if (input.length > limits.emailInputBytes) {
    // Past the cap only the length matters: the core answers without looking (and so without a copy).
    st = core.email_check(input, bits, locale);
  } else {
    reserveInput(input.length * 3);
    st = core.email_check_in(writeInput(input, 0), bits, locale);
  }
  return emailResult(original, repaired, st, st & ST_EXTRA ? readExtra() : null, path, locale);
}

export function validateEmail(input, options) {
  assertReady();
  return checkEmail(input, optionBits(options), localeIndex(options?.locale), options?.path ?? 'email');
}

/** Inputs per batch call, and input bytes reserved at most for one call. */
const BATCH_RECORDS = 512;
const BATCH_BYTES = 256 * 1024;

/**
 * Validates many strings with one wasm call per batch: `single(s)` handles what the batch cannot
 * (non-strings, inputs over `cap`), `callBatch(n)` runs the core on the `n` inputs written, and
 * `build(original, repaired, status, reader)` makes each result.
 */
function runBatch(inputs, cap, single, callBatch, build) {
  const out = new Array(inputs.length);
  const batch = [], fixes = [];
  const flush = (reserved) => {
    if (batch.length === 0) return;
    reserveInput(reserved);
    const lengths = core.batch_buf(batch.length);
    let offset = 0;
    for (let k = 0; k < batch.length; k++) {
      const n = writeInput(fixes[k] ? fixes[k].to : inputs[batch[k]], offset);
      // Views are made after writing: growing the input buffer may have moved wasm memory.
      new Uint32Array(memory.buffer, lengths, batch.length)[k] = n;
      offset += n;
    }
    callBatch(batch.length);
    const x = readExtra();
    const statuses = new Uint32Array(memory.buffer, lengths, batch.length).slice();
    for (let k = 0; k < batch.length; k++) out[batch[k]] = build(inputs[batch[k]], fixes[k], statuses[k], x);
    batch.length = 0;
    fixes.length = 0;
  };
  let reserved = 0;
  for (let i = 0; i < inputs.length; i++) {
    const s = inputs[i];
    if (typeof s !== 'string' || s.length > cap) {
      out[i] = single(s);
      continue;
    }
    if (batch.length === BATCH_RECORDS || reserved + s.length * 3 > BATCH_BYTES) {
      flush(reserved);
      reserved = 0;
    }
    batch.push(i);
    fixes.push(wellFormed(s));
    reserved += s.length * 3;
  }
  flush(reserved);
  return out;
}

export function validateEmails(inputs, options) {
  assertReady();
  const bits = optionBits(options);
  const locale = localeIndex(options?.locale);
  const path = options?.path ?? 'email';
  return runBatch(inputs, limits.emailInputBytes, (s) => checkEmail(s, bits, locale, path),
    (n) => core.email_check_batch(n, bits, locale),
    (original, repaired, st, x) => emailResult(original, repaired, st, x, path, locale));
}

// Phone status word: mirrors src/bindings.rs.
const PH_VALID = 1, PH_EXTRA = 2, PH_POSSIBLE = 4, PH_TYPE_SHIFT = 4, PH_CC_SHIFT = 16;
const PHONE_TYPES = ['FIXED_LINE', 'MOBILE', 'FIXED_LINE_OR_MOBILE', 'TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST',
  'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL', 'UNKNOWN'];

/** A region code as the core takes it: its two letters packed in a number, 0 for none. */
function regionWord(region) {
  if (typeof region !== 'string') return 0;
  const r = region.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(r) ? (r.charCodeAt(0) << 8) | r.charCodeAt(1) : 0;
}

function phoneResult(original, repaired, st, x, path, locale) {
  const input = repaired ? repaired.to : original;
  let value = input, e164 = null, international = null, national = null, rfc3966 = null, region = null,
    nationalNumber = null, extension = null;
  const changes = [], issues = [];
  if (repaired) changes.push(repaired);
  if (st & PH_EXTRA) {
    const mask = x.ix[x.at++];
    if (mask & 1) value = nextString(x);
    if (mask & 2) e164 = nextString(x);
    if (mask & 4) international = nextString(x);
    if (mask & 8) national = nextString(x);
    if (mask & 16) rfc3966 = nextString(x);
    if (mask & 32) region = nextString(x);
    if (mask & 64) nationalNumber = nextString(x);
    if (mask & 128) extension = nextString(x);
    readChangesAndIssues(x, input, changes, issues, path, locale);
  }
  const type = (st >>> PH_TYPE_SHIFT) & 15;
  return {
    valid: (st & PH_VALID) !== 0,
    value,
    original,
    changes,
    e164,
    international,
    national,
    rfc3966,
    countryCode: (st >>> PH_CC_SHIFT) || null,
    region,
    nationalNumber,
    extension,
    type: type ? PHONE_TYPES[type - 1] : null,
    possible: (st & PH_POSSIBLE) !== 0,
    issues,
  };
}

function checkPhone(original, region, bits, locale, path) {
  if (typeof original !== 'string') {
    return {
      valid: false, value: '', original: '', changes: [], e164: null, international: null, national: null,
      rfc3966: null, countryCode: null, region: null, nationalNumber: null, extension: null, type: null,
      possible: false, issues: [notStringIssue(original, path, locale)],
    };
  }
  const repaired = wellFormed(original);
  const input = repaired ? repaired.to : original;
  let st;
  if (input.length > limits.phoneInputBytes) {
    st = core.phone_check(input, region, bits, locale);
  } else {
    reserveInput(input.length * 3);
    st = core.phone_check_in(writeInput(input, 0), region, bits, locale);
  }
  return phoneResult(original, repaired, st, readExtra(), path, locale);
}

function phoneArgs(options) {
  return [regionWord(options?.defaultRegion), options?.allowLetters ? 1 : 0, localeIndex(options?.locale), options?.path ?? 'phone'];
}

export function validatePhone(input, options) {
  assertReady();
  const [region, bits, locale, path] = phoneArgs(options);
  return checkPhone(input, region, bits, locale, path);
}

export function validatePhones(inputs, options) {
  assertReady();
  const [region, bits, locale, path] = phoneArgs(options);
  return runBatch(inputs, limits.phoneInputBytes, (s) => checkPhone(s, region, bits, locale, path),
    (n) => core.phone_check_batch(n, region, bits, locale),
    (original, repaired, st, x) => phoneResult(original, repaired, st, x, path, locale));
}

/** Writes `input` into the core's input buffer; returns its byte length. */
function inputBytes(input) {
  reserveInput(input.length * 3);
  return writeInput(input, 0);
}

/** `{ value, original, changes, issues }` of a field whose group starts with the optional value. */
function standardized(original, repaired, x, path, locale, strings) {
  const input = repaired ? repaired.to : original;
  const changes = repaired ? [repaired] : [], issues = [];
  const mask = x.ix[x.at++];
  const value = mask & 1 ? nextString(x) : input;
  const got = strings.map((_, i) => (mask & (2 << i) ? nextString(x) : null));
  readChangesAndIssues(x, input, changes, issues, path, locale);
  return { value, changes, issues, got };
}

/** A result for a value that is not a string, with the field's own keys set to null. */
function notStringResult(input, path, locale, keys) {
  const r = { valid: false, value: '', original: '', changes: [] };
  for (const k of keys) r[k] = null;
  r.issues = [notStringIssue(input, path, locale)];
  return r;
}

const COUNTRY_KEYS = ['alpha2', 'alpha3', 'name'];
const COUNTRY_NULLS = ['alpha2', 'alpha3', 'numeric', 'name'];

export function validateCountry(input, options) {
  assertReady();
  const locale = localeIndex(options?.locale);
  const path = options?.path ?? 'country';
  if (typeof input !== 'string') return notStringResult(input, path, locale, COUNTRY_NULLS);
  const repaired = wellFormed(input);
  const st = core.country_check_in(inputBytes(repaired ? repaired.to : input), locale);
  const { value, changes, issues, got } = standardized(input, repaired, readExtra(), path, locale, COUNTRY_KEYS);
  const [alpha2, alpha3, name] = got;
  return { valid: (st & 1) !== 0, value, original: input, changes, alpha2, alpha3, numeric: (st >>> 16) || null, name, issues };
}

const DATE_KEYS = ['iso', 'calendar', 'native'];
const CALENDARS = { auto: 0, gregorian: 1, jalali: 2, hijri: 3 };

/**
 * "Today" as the core takes it: yyyymmdd from an ISO string or a Date, the clock when undefined,
 * and 0 ("no today": no checks against the present, two-digit years split at 50) for null.
 */
function todayWord(today) {
  if (today === null) return 0;
  if (typeof today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(today)) return Number(today.replaceAll('-', ''));
  if (today !== undefined && !(today instanceof Date)) throw new TypeError('intake: `today` must be YYYY-MM-DD, a Date or null');
  const d = today ?? new Date();
  if (Number.isNaN(d.getTime())) throw new TypeError('intake: `today` is an invalid Date');
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
}

export function validateDate(input, options) {
  assertReady();
  const locale = localeIndex(options?.locale);
  const path = options?.path ?? 'date';
  if (typeof input !== 'string') return notStringResult(input, path, locale, DATE_KEYS);
  const monthFirst = options?.order ? options.order === 'mdy' : core.date_month_first(String(options?.locale ?? ''));
  const bits = (monthFirst ? 1 : 0) | (options?.birthDate ? 2 : 0) | ((CALENDARS[options?.calendar] ?? 0) << 4);
  const repaired = wellFormed(input);
  const st = core.date_check_in(inputBytes(repaired ? repaired.to : input), bits, todayWord(options?.today), locale);
  const { value, changes, issues, got } = standardized(input, repaired, readExtra(), path, locale, DATE_KEYS);
  const [iso, calendar, native] = got;
  return { valid: (st & 1) !== 0, value, original: input, changes, iso, calendar, native, issues };
}

/** Formats a phone number as it is typed (see index.d.ts). Keeps the text typed so far. */
export class AsYouType {
  #region;
  #text = '';

  constructor(defaultRegion) {
    this.#region = regionWord(defaultRegion);
  }

  input(chars) {
    return this.set(this.#text + String(chars));
  }

  set(text) {
    assertReady();
    // Bounded like every input: a field never holds a phone number longer than this.
    this.#text = String(text).slice(0, 256);
    return core.phone_as_you_type(this.#text, this.#region);
  }

  clear() {
    this.#text = '';
  }

  region() {
    assertReady();
    const r = validatePhone(this.#text, { defaultRegion: this.#region ? String.fromCharCode(this.#region >> 8, this.#region & 255) : undefined });
    return r.region;
  }
}

export function issueCodes() {
  assertReady();
  return core.issue_codes();
}

export function message(code, locale, params) {
  assertReady();
  return renderMessage(String(code), localeIndex(locale), params ?? {});
}

export function versions() {
  assertReady();
  return core.versions();
}

/** Filled in by init() from the core, so the numbers have one source. */
export const limits = { emailInputBytes: 0, phoneInputBytes: 0 };

// ---- names (issue 5) ----

// ---- companies (issue 5) ----

// ---- websites (issue 5) ----

// ---- addresses and postcodes (issue 5) ----

// Group strings of address_check_in / postcode_check_in after the value (src/bindings/address.rs).
const ADDRESS_KEYS = ['houseNumber', 'street', 'streetType', 'unitKind', 'unitValue', 'district', 'city', 'region',
  'postcode', 'country', 'keyPostcode', 'keyStreet', 'keyHouseNumber', 'key'];
const POSTCODE_KEYS = ['country', 'region'];
const ADDRESS_STYLES = { standard: 0, short: 1, long: 2, keep: 3 };
const countryWords = new Map();

/** The core's word for a country option (alpha-2 or a name in any language it reads), cached per string. */
function countryWord(country) {
  if (country === undefined || country === null || country === '') return 0;
  const key = String(country);
  let w = countryWords.get(key);
  if (w === undefined) {
    w = core.address_country(key);
    if (countryWords.size < 1024) countryWords.set(key, w);
  }
  return w;
}

function addressStyle(style) {
  if (style === undefined) return 0;
  const bits = ADDRESS_STYLES[style];
  if (bits === undefined) throw new TypeError(`intake: address style must be one of ${Object.keys(ADDRESS_STYLES).join(', ')}`);
  return bits;
}

function addressResult(original, repaired, st, x, path, locale) {
  const { value, changes, issues, got } = standardized(original, repaired, x, path, locale, ADDRESS_KEYS);
  const [houseNumber, street, streetType, unitKind, unitValue, district, city, region, postcode, country,
    keyPostcode, keyStreet, keyHouseNumber, key] = got;
  return {
    valid: (st & 1) !== 0, value, original, changes,
    parts: { houseNumber, street, streetType, unit: unitKind === null ? null : { kind: unitKind, value: unitValue ?? '' },
      district, city, region, postcode, country },
    keys: { postcode: keyPostcode, street: keyStreet, houseNumber: keyHouseNumber, key },
    issues,
  };
}

function addressNotString(input, path, locale) {
  return {
    valid: false, value: '', original: '', changes: [],
    parts: { houseNumber: null, street: null, streetType: null, unit: null, district: null, city: null, region: null,
      postcode: null, country: null },
    keys: { postcode: null, street: null, houseNumber: null, key: null },
    issues: [notStringIssue(input, path, locale)],
  };
}

function addressArgs(options) {
  return [countryWord(options?.country), addressStyle(options?.style), localeIndex(options?.locale), options?.path ?? 'address'];
}

function checkAddress(input, country, style, locale, path) {
  if (typeof input !== 'string') return addressNotString(input, path, locale);
  const repaired = wellFormed(input);
  const st = core.address_check_in(inputBytes(repaired ? repaired.to : input), country, style, locale);
  return addressResult(input, repaired, st, readExtra(), path, locale);
}

export function validateAddress(input, options) {
  assertReady();
  return checkAddress(input, ...addressArgs(options));
}

export function validateAddresses(inputs, options) {
  assertReady();
  const [country, style, locale, path] = addressArgs(options);
  limits.addressInputBytes ||= core.address_input_cap();
  return runBatch(inputs, limits.addressInputBytes, (s) => checkAddress(s, country, style, locale, path),
    (n) => core.address_check_batch(n, country, style, locale),
    (original, repaired, st, x) => addressResult(original, repaired, st, x, path, locale));
}

function postcodeResult(original, repaired, st, x, path, locale) {
  const { value, changes, issues, got } = standardized(original, repaired, x, path, locale, POSTCODE_KEYS);
  const [country, region] = got;
  return { valid: (st & 1) !== 0, value, original, changes, country, region, issues };
}

function checkPostcode(input, country, locale, path) {
  if (typeof input !== 'string') return notStringResult(input, path, locale, POSTCODE_KEYS);
  const repaired = wellFormed(input);
  const st = core.postcode_check_in(inputBytes(repaired ? repaired.to : input), country, locale);
  return postcodeResult(input, repaired, st, readExtra(), path, locale);
}

function postcodeArgs(options) {
  return [countryWord(options?.country), localeIndex(options?.locale), options?.path ?? 'postcode'];
}

export function validatePostcode(input, options) {
  assertReady();
  return checkPostcode(input, ...postcodeArgs(options));
}

export function validatePostcodes(inputs, options) {
  assertReady();
  const [country, locale, path] = postcodeArgs(options);
  limits.postcodeInputBytes ||= core.postcode_input_cap();
  return runBatch(inputs, limits.postcodeInputBytes, (s) => checkPostcode(s, country, locale, path),
    (n) => core.postcode_check_batch(n, country, locale),
    (original, repaired, st, x) => postcodeResult(original, repaired, st, x, path, locale));
}

/** Parts to lines in the country's libaddressinput format (see index.d.ts). */
export function formatAddress(parts, options) {
  assertReady();
  const p = parts ?? {};
  const s = (v) => (v === undefined || v === null ? '' : String(v));
  const street = Array.isArray(p.streetAddress) ? p.streetAddress.map(s).join('\n') : s(p.streetAddress);
  return core.address_format(s(p.name), s(p.organization), street, s(p.district), s(p.city), s(p.region),
    s(p.postcode), s(p.sortingCode), s(options?.country), options?.latin === true, options?.withCountry !== false);
}

// ---- records, rule sets, header mapping, quality report (issue 6) ----

// ---- duplicates (issue 7) ----

// ---- forms, Standard Schema, edge handler (issue 8) ----

/** True once `init()` has resolved (or `initSync` ran): every call after that is synchronous. */
export function isReady() {
  return initialized;
}
