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
  // Severities and message templates are fetched with the first issue (see `readExtra` and
  // `issue`), not here: they cross the boundary as a few hundred objects (~1.5 ms), which a clean
  // first result never needs.
  // A build with some fields left out (cargo features) lacks their exports: their caps stay 0.
  for (const [key, cap] of LIMIT_EXPORTS) limits[key] = core[cap]?.() ?? 0;
}

/** Each field's byte cap and the wasm export that reports it (one source: the core's `limits`). */
const LIMIT_EXPORTS = [
  ['emailInputBytes', 'email_input_cap'], ['phoneInputBytes', 'phone_input_cap'], ['nameInputBytes', 'name_input_cap'],
  ['companyInputBytes', 'company_input_cap'], ['websiteInputBytes', 'website_input_cap'],
  ['addressInputBytes', 'address_input_cap'], ['postcodeInputBytes', 'postcode_input_cap'],
];

const isNode = typeof process !== 'undefined' && process.versions != null && process.versions.node != null
  && typeof Deno === 'undefined';

async function readNodeFile(url) {
  // Node's fetch cannot read file: URLs, so the bytes are read instead: in one synchronous read where
  // process.getBuiltinModule exists (Node >= 20.16), which costs ~1 ms once at start-up where
  // fs/promises' thread-pool round trips take several (tens on a loaded machine). The specifier is
  // built at run time so that bundlers for the browser do not try to resolve a Node built-in.
  const fs = process.getBuiltinModule?.('node:fs');
  if (fs) return fs.readFileSync(url);
  const fsp = 'node:fs/promises';
  const { readFile } = await import(/* @vite-ignore */ fsp);
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

/**
 * Compiles what `resolveInput` gave: bytes off the main thread; a URL is fetched and a Response
 * streams into the compiler when it is served as application/wasm. Anything else is left for the glue.
 */
async function compileInput(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source);
  if (typeof source === 'string' || source instanceof URL || (typeof Request === 'function' && source instanceof Request)) {
    source = await fetch(source);
  }
  if (typeof Response === 'function' && source instanceof Response) {
    if (!source.ok) throw new Error(`intake: failed to fetch the wasm: ${source.status} ${source.statusText} ${source.url}`);
    const type = source.headers.get('Content-Type')?.trim().toLowerCase();
    if (typeof WebAssembly.compileStreaming === 'function' && type === 'application/wasm') return WebAssembly.compileStreaming(source);
    return WebAssembly.compile(await source.arrayBuffer());
  }
  return null;
}

/**
 * Instantiates a compiled module. Synchronously when the host allows it: Node answers an async
 * `WebAssembly.instantiate` of this module 20-30 ms later than `new WebAssembly.Instance` returns
 * (instantiation itself is ~1.5 ms: it copies the data segments), which was most of the cold start.
 */
async function instantiate(module) {
  try {
    return core.initSync({ module });
  } catch (e) {
    // Hosts that refuse synchronous instantiation of a large module on their main thread.
    if (!(e instanceof RangeError)) throw e;
    return initWasm({ module_or_path: module });
  }
}

export function init(input) {
  if (!ready) {
    ready = (async () => {
      const source = await resolveInput(input);
      const module = await compileInput(source);
      afterInit(await (module ? instantiate(module) : initWasm({ module_or_path: source })));
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
// The output header's length word (see `ASCII_BIT` in src/bindings/mod.rs).
const ASCII_BIT = 0x80000000, ISSUES_BIT = 0x40000000, LENGTH_MASK = 0x3fffffff;
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
 * unit) and returns the byte length. ASCII is copied by a plain loop; a short rest (a phone number
 * in Persian or full-width digits) is encoded here too, which is several times cheaper than the
 * slice and the encodeInto call it would take; a long one goes to encodeInto. Lone surrogates
 * become U+FFFD, as encodeInto writes them.
 */
function writeInput(s, offset) {
  if (heap === null || heap.length === 0) refreshViews();
  const n = s.length;
  const base = inPtr + offset;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) break;
    heap[base + i] = c;
  }
  if (i === n) return n;
  if (n - i > 64) return i + utf8out.encodeInto(s.slice(i), heap.subarray(base + i, inPtr + inCap)).written;
  let at = base + i;
  for (; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      heap[at++] = c;
    } else if (c < 0x800) {
      heap[at++] = 0xc0 | (c >> 6);
      heap[at++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c < 0xe000) {
        const low = c < 0xdc00 && i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (low >= 0xdc00 && low < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          i++;
          heap[at++] = 0xf0 | (c >> 18);
          heap[at++] = 0x80 | ((c >> 12) & 0x3f);
          heap[at++] = 0x80 | ((c >> 6) & 0x3f);
          heap[at++] = 0x80 | (c & 0x3f);
          continue;
        }
        c = 0xfffd;
      }
      heap[at++] = 0xe0 | (c >> 12);
      heap[at++] = 0x80 | ((c >> 6) & 0x3f);
      heap[at++] = 0x80 | (c & 0x3f);
    }
  }
  return at - base;
}

let heap32 = null, header = 0;
/** Node's (and Bun's) Buffer#latin1Slice, null elsewhere; `heapLatin1` is a Buffer over wasm memory. */
const latin1Slice = typeof Buffer === 'function' && typeof Buffer.prototype?.latin1Slice === 'function'
  ? Buffer.prototype.latin1Slice : null;
let heapLatin1 = null;
/**
 * Makes the views over wasm memory current. Growing the memory detaches the old buffer (its views
 * then have length 0), which is cheaper to test per call than reading `memory.buffer`.
 */
function refreshViews() {
  heap = new Uint8Array(memory.buffer);
  heap32 = new Uint32Array(memory.buffer);
  heapLatin1 = latin1Slice === null ? null : Buffer.from(memory.buffer);
}

/**
 * A reader over what the last `email_check` (with ST_EXTRA) or `email_check_batch` wrote, found
 * through the core's header (see `HEADER` in src/bindings.rs): the text as one JS string, and the
 * index (read in place) whose first entry is its length, then one group per outcome.
 */
function readExtra() {
  if (heap32 === null || heap32.length === 0) refreshViews();
  // The messages are fetched with the first result that has an issue, before it is read: fetching
  // may grow wasm memory, which would detach the views a reader holds.
  if ((heap32[header] & ISSUES_BIT) !== 0 && codeSeverity === null) loadMessages();
  const word = heap32[header], textPtr = heap32[header + 1], indexPtr = heap32[header + 2];
  const len = word & LENGTH_MASK;
  let text;
  if ((word & ASCII_BIT) === 0) text = utf8.decode(heap.subarray(textPtr, textPtr + len));
  // ASCII: Node's latin1 slice is a plain copy (~50 ns whatever the length); elsewhere char codes
  // beat a TextDecoder call for a few bytes only (the cost of `apply` grows with the length).
  else if (heapLatin1 !== null) text = latin1Slice.call(heapLatin1, textPtr, textPtr + len);
  else if (len <= 24) text = String.fromCharCode.apply(null, heap.subarray(textPtr, textPtr + len));
  else text = utf8.decode(heap.subarray(textPtr, textPtr + len));
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

// Messages are rendered here from the core's templates (fetched once, on first use), not fetched per
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
  if (templates === null) loadMessages();
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

/** Code severities and message templates, fetched from the core on first use (see `afterInit`). */
function loadMessages() {
  codeSeverity = new Map(core.issue_codes().map((c) => [c.code, c.severity]));
  templates = new Map(core.message_templates().map(([code, ts]) => [code, ts.map(compileTemplate)]));
  if (heap32 !== null && heap32.length === 0) refreshViews();
}

function issue(code, path, locale, params) {
  if (codeSeverity === null) loadMessages();
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
function readChangesAndIssues(x, input, changes, issues, path, locale, lastTo) {
  let from = input;
  for (let n = x.ix[x.at++]; n > 0; n--) {
    const kind = nextString(x);
    // The core leaves out the last change's `to` when the caller knows it (`lastTo`, the value).
    const to = n === 1 && lastTo !== undefined ? lastTo : nextString(x);
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
    // The view is made after both calls: growing a buffer may have grown wasm memory (nothing
    // between here and `callBatch` calls into wasm).
    const at = core.batch_buf(batch.length);
    const lengths = new Uint32Array(memory.buffer, at, batch.length);
    let offset = 0;
    for (let k = 0; k < batch.length; k++) {
      const n = writeInput(fixes[k] ? fixes[k].to : inputs[batch[k]], offset);
      lengths[k] = n;
      offset += n;
    }
    callBatch(batch.length);
    const x = readExtra();
    const statuses = new Uint32Array(memory.buffer, at, batch.length).slice();
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
  let w = regionWords.get(region);
  if (w === undefined) {
    const r = region.trim().toUpperCase();
    w = /^[A-Z]{2}$/.test(r) ? (r.charCodeAt(0) << 8) | r.charCodeAt(1) : 0;
    // Remembered per spelling (a few hundred at most in practice; bounded all the same).
    if (regionWords.size > 4096) regionWords.clear();
    regionWords.set(region, w);
  }
  return w;
}
const regionWords = new Map();

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
    // What the core left out because it is rebuilt here (see phone_outcome in src/bindings/phone.rs).
    if (mask & 256) e164 = '+' + (st >>> PH_CC_SHIFT) + nationalNumber;
    if (mask & 512) value = extension === null ? e164 : e164 + ';ext=' + extension;
    readChangesAndIssues(x, input, changes, issues, path, locale, mask & 1024 ? value : undefined);
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

function phoneBits(options) {
  return (options?.allowLetters ? 1 : 0) | (options?.formats === false ? 2 : 0);
}

export function validatePhone(input, options) {
  assertReady();
  if (options == null) return checkPhone(input, 0, 0, 0, 'phone');
  return checkPhone(input, regionWord(options.defaultRegion), phoneBits(options), localeIndex(options.locale),
    options.path ?? 'phone');
}

export function validatePhones(inputs, options) {
  assertReady();
  const region = regionWord(options?.defaultRegion), bits = phoneBits(options), locale = localeIndex(options?.locale);
  const path = options?.path ?? 'phone';
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
export const limits = {
  emailInputBytes: 0, phoneInputBytes: 0, nameInputBytes: 0, companyInputBytes: 0, websiteInputBytes: 0,
  addressInputBytes: 0, postcodeInputBytes: 0,
};

// ---- names (issue 5) ----

const NAME_KEYS = ['honorific', 'given', 'middle', 'family', 'suffix', 'scripts', 'fold', 'foldGiven', 'foldFamily', 'phonetic', 'givenGroups'];
const NAME_PARTS = { full: 0, given: 1, family: 2 };

function nameBits(options) {
  const part = options?.part ?? 'full';
  if (!(part in NAME_PARTS)) throw new TypeError(`intake: unknown name part ${JSON.stringify(part)} (full, given or family)`);
  return NAME_PARTS[part] | (options?.keys === false ? 0 : 4);
}

function checkName(input, bits, locale, path) {
  if (typeof input !== 'string') {
    return {
      valid: false, value: '', original: '', changes: [],
      parts: { honorific: null, given: null, middle: null, family: null, suffix: null },
      scripts: [], keys: null, issues: [notStringIssue(input, path, locale)],
    };
  }
  const repaired = wellFormed(input);
  const st = core.name_check_in(inputBytes(repaired ? repaired.to : input), bits, locale);
  const { value, changes, issues, got } = standardized(input, repaired, readExtra(), path, locale, NAME_KEYS);
  const [honorific, given, middle, family, suffix, scripts, fold, foldGiven, foldFamily, phonetic, groups] = got;
  return {
    valid: (st & 1) !== 0, value, original: input, changes,
    parts: { honorific, given, middle, family, suffix },
    scripts: scripts ? scripts.split(' ') : [],
    keys: st & 2 ? { fold, given: foldGiven, family: foldFamily, phonetic, givenGroups: groups ? groups.split(' ') : [] } : null,
    issues,
  };
}

export function validateName(input, options) {
  assertReady();
  return checkName(input, nameBits(options), localeIndex(options?.locale), options?.path ?? 'name');
}

export function validateNames(inputs, options) {
  assertReady();
  const bits = nameBits(options);
  const locale = localeIndex(options?.locale);
  const path = options?.path ?? 'name';
  return Array.from(inputs, (s) => checkName(s, bits, locale, path));
}

export function sameGivenName(a, b) {
  assertReady();
  return core.name_same_given(String(a), String(b));
}

// ---- companies (issue 5) ----

const COMPANY_KEYS = ['core', 'legalForm', 'written', 'countries', 'position', 'key', 'domain'];
const COMPANY_NULLS = ['core', 'legalForm', 'key', 'domain'];
const ABSENT = 0xffffffff;

function checkCompany(input, website, email, locale, path) {
  if (typeof input !== 'string') return notStringResult(input, path, locale, COMPANY_NULLS);
  const repaired = wellFormed(input);
  const name = repaired ? repaired.to : input;
  const extra = [website, email].map((s) => (typeof s === 'string' ? s.toWellFormed() : null));
  reserveInput((name.length + extra.reduce((n, s) => n + (s ? s.length : 0), 0)) * 3);
  let offset = writeInput(name, 0);
  const nameBytes = offset;
  const lens = extra.map((s) => {
    if (s === null) return ABSENT;
    const n = writeInput(s, offset);
    offset += n;
    return n;
  });
  const st = core.company_check_in(nameBytes, lens[0], lens[1], locale);
  const { value, changes, issues, got } = standardized(input, repaired, readExtra(), path, locale, COMPANY_KEYS);
  const [coreName, canonical, written, countries, position, key, domain] = got;
  return {
    valid: (st & 1) !== 0, value, original: input, changes, core: coreName ?? '',
    legalForm: canonical === null ? null : { canonical, written, countries: countries ? countries.split(' ') : [], position },
    key: key ?? '', domain, issues,
  };
}

export function validateCompany(input, options) {
  assertReady();
  return checkCompany(input, options?.website, options?.email, localeIndex(options?.locale), options?.path ?? 'company');
}

export function validateCompanies(inputs, options) {
  assertReady();
  const locale = localeIndex(options?.locale);
  const path = options?.path ?? 'company';
  return Array.from(inputs, (s) => checkCompany(s, options?.website, options?.email, locale, path));
}

// ---- websites (issue 5) ----

const WEBSITE_KEYS = ['host', 'domain', 'network', 'handle'];
const WEBSITE_NULLS = ['host', 'domain', 'social'];
/** Mirrors `Network::ALL` in src/website/social.rs (the core takes 1 + the index, 0 for none). */
const NETWORKS = ['linkedin', 'x', 'facebook', 'instagram', 'github', 'telegram', 'youtube', 'tiktok', 'aparat', 'weibo', 'wechat'];

function checkWebsite(input, network, locale, path) {
  if (typeof input !== 'string') return notStringResult(input, path, locale, WEBSITE_NULLS);
  const repaired = wellFormed(input);
  const st = core.website_check_in(inputBytes(repaired ? repaired.to : input), network, locale);
  const { value, changes, issues, got } = standardized(input, repaired, readExtra(), path, locale, WEBSITE_KEYS);
  const [host, domain, net, handle] = got;
  return { valid: (st & 1) !== 0, value, original: input, changes, host, domain, social: net === null ? null : { network: net, handle }, issues };
}

function networkWord(network) {
  if (network === undefined || network === null) return 0;
  const i = NETWORKS.indexOf(String(network).toLowerCase() === 'twitter' ? 'x' : String(network).toLowerCase());
  if (i < 0) throw new TypeError(`intake: unknown network ${JSON.stringify(network)} (one of ${NETWORKS.join(', ')})`);
  return i + 1;
}

export function validateWebsite(input, options) {
  assertReady();
  return checkWebsite(input, networkWord(options?.network), localeIndex(options?.locale), options?.path ?? 'website');
}

export function validateWebsites(inputs, options) {
  assertReady();
  const network = networkWord(options?.network), locale = localeIndex(options?.locale);
  const path = options?.path ?? 'website';
  return Array.from(inputs, (s) => checkWebsite(s, network, locale, path));
}

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

/** Rows per wasm call, and bytes of values reserved at most for one call. */
const RECORD_CHUNK_ROWS = 512;
const RECORD_CHUNK_BYTES = 1024 * 1024;
/** Longest value passed to the core (every field's cap is far below: longer is `input.too_long`). */
const RECORD_VALUE_CHARS = 65536;
const RECORD_MISSING = 0xffffffff;
/** `FieldState` in src/record/mod.rs, by number. */
const FIELD_STATES = ['missing', 'clean', 'fixed', 'warned', 'invalid'];

/**
 * The JSON text of a rule set. Objects without `today` get the clock's date (the core reads no
 * clock; birth dates are checked against it), as `validateDate` does; `today: null` means none.
 */
function rulesText(rules) {
  if (typeof rules === 'string') return rules;
  if (rules === undefined || rules === null) rules = {};
  if (typeof rules === 'object' && !Array.isArray(rules) && rules.today === undefined) {
    const t = String(todayWord(undefined));
    rules = { ...rules, today: `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}` };
  } else if (typeof rules === 'object' && rules !== null && rules.today === null) {
    const { today: _, ...rest } = rules;
    rules = rest;
  }
  return JSON.stringify(rules);
}

function compileRules(rules, locale) {
  let text;
  try {
    text = rulesText(rules);
  } catch (e) {
    return { handle: 0, rules: null, errors: [{ code: 'rules.invalid_json', path: '', params: { at: '0', reason: String(e?.message ?? e) } }] };
  }
  return core.rules_compile(String(text), locale);
}

/** Thrown by `createRecordValidator` for a bad rule set; `issues` names every bad path. */
export class RuleSetError extends Error {
  constructor(issues) {
    super(`intake: invalid rule set: ${issues.map((i) => `${i.path || '(root)'} ${i.code}`).join('; ')}`);
    this.name = 'RuleSetError';
    this.issues = issues;
  }
}

export function checkRuleSet(rules, options) {
  assertReady();
  const locale = localeIndex(options?.locale);
  const r = compileRules(rules, locale);
  if (r.handle) core.rules_free(r.handle);
  return { valid: r.handle !== 0, rules: r.rules ?? null, issues: r.errors.map((e) => issue(e.code, e.path, locale, e.params)) };
}

/**
 * A record value as text: a string of at most RECORD_VALUE_CHARS, or undefined for a missing one.
 * Not yet made well-formed: the batch does that while writing (only non-ASCII text can need it).
 */
function cellText(v) {
  if (v === undefined || v === null) return undefined;
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) ?? '' : String(v);
  return s.length > RECORD_VALUE_CHARS ? s.slice(0, RECORD_VALUE_CHARS) : s;
}

/** A record value (or key) as the core sees it: a well-formed string, or undefined for a missing one. */
function recordCell(v) {
  const s = cellText(v);
  return s === undefined || s.isWellFormed() ? s : s.toWellFormed();
}

/**
 * Row `row` of an import as `cols` cells (see `cellText`): the row itself when it already is one
 * (an array of that many strings, none too long), which spares a copy per row; else a new array.
 */
function rowCells(row, cols) {
  if (Array.isArray(row) && row.length === cols) {
    let k = 0;
    for (; k < cols; k++) {
      const v = row[k];
      if (typeof v !== 'string' || v.length > RECORD_VALUE_CHARS) break;
    }
    if (k === cols) return row;
  }
  const c = new Array(cols);
  for (let k = 0; k < cols; k++) c[k] = cellText(row?.[k]);
  return c;
}

function sameKeys(a, b) {
  if (a === null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A compiled rule set. It lives in the wasm instance until `free()` (no FinalizationRegistry: a
 * validator is never freed behind the back of code still using it).
 */
class RecordValidator {
  #handle;
  #locale;
  #keys = null;
  #plan = null;

  constructor(rules, options) {
    const r = compileRules(rules, localeIndex(options?.locale));
    if (!r.handle) throw new RuleSetError(r.errors.map((e) => issue(e.code, e.path, localeIndex(options?.locale), e.params)));
    this.#handle = r.handle;
    this.rules = r.rules;
    this.#locale = localeIndex(r.rules.locale);
  }

  #live() {
    assertReady();
    if (!this.#handle) throw new Error('intake: this record validator was freed');
  }

  /** Matches a list of keys to the rule set's fields (once per distinct list). */
  #setKeys(keys) {
    if (sameKeys(this.#keys, keys)) return;
    let bytes = 0;
    for (const k of keys) bytes += k.length * 3;
    reserveInput(bytes);
    const ptr = core.batch_buf(Math.max(keys.length, 1));
    const lens = new Uint32Array(keys.length);
    let offset = 0;
    for (let i = 0; i < keys.length; i++) {
      lens[i] = writeInput(recordCell(keys[i]) ?? '', offset);
      offset += lens[i];
    }
    new Uint32Array(memory.buffer, ptr, keys.length).set(lens);
    this.#plan = core.record_keys(this.#handle, keys.length);
    this.#plan.allKept = this.#plan.kept.every(Boolean);
    this.#keys = keys.slice();
  }

  /**
   * Validates rows `cells[start..end)` (values by column of `keys`, see `cellText`; `bytes`: what
   * they take in UTF-8 at most) in one wasm call; pushes results. `originals[i]` is result i's
   * `original`; without `originals` it is the row's present values by key.
   */
  #chunk(keys, cells, originals, start, end, bytes, report, out) {
    const cols = keys.length, n = end - start;
    reserveInput(bytes);
    const ptr = core.batch_buf(Math.max(n * cols, n, 1));
    // Nothing allocates in the instance until the call: the lengths go straight into its memory.
    const lens = new Uint32Array(memory.buffer, ptr, n * cols);
    let offset = 0, at = 0;
    for (let r = start; r < end; r++) {
      let row = cells[r];
      for (let k = 0; k < cols; k++, at++) {
        const s = row[k];
        if (s === undefined) {
          lens[at] = RECORD_MISSING;
          continue;
        }
        const len = writeInput(s, offset);
        lens[at] = len;
        offset += len;
        // As many bytes as UTF-16 units means ASCII. Otherwise a lone surrogate (written as U+FFFD,
        // as toWellFormed has it) is replaced in a copy of the row: it may be the caller's array.
        if (len !== s.length && !s.isWellFormed()) {
          row = cells[r] = row.slice();
          row[k] = s.toWellFormed();
        }
      }
    }
    core.record_check_batch(this.#handle, n, report);
    const x = readExtra();
    const statuses = new Uint32Array(memory.buffer, ptr, n).slice();
    const kept = this.#plan.kept, allKept = this.#plan.allKept, fields = this.#plan.fields, nf = fields.length, locale = this.#locale;
    const ix = x.ix;
    for (let r = start; r < end; r++) {
      const row = cells[r];
      let original, record;
      if (originals === null) {
        original = {};
        for (let k = 0; k < cols; k++) if (row[k] !== undefined) original[keys[k]] = row[k];
        // Same keys in the same order: a copy (one fast clone, not a store per key).
        if (allKept) record = { ...original };
      } else {
        original = originals[r];
      }
      if (record === undefined) {
        record = {};
        for (let k = 0; k < cols; k++) if (kept[k] && row[k] !== undefined) record[keys[k]] = row[k];
      }
      for (let m = ix[x.at++]; m > 0; m--) {
        const col = ix[x.at++];
        const v = nextString(x);
        if (kept[col]) record[keys[col]] = v;
      }
      const changes = [];
      let m = ix[x.at++];
      if (m > 0) {
        // Each change's `from` is the value before it: the cell, then the previous change's `to`.
        const last = row.slice();
        for (; m > 0; m--) {
          const col = ix[x.at++];
          const kind = nextString(x);
          const to = nextString(x);
          changes.push({ field: keys[col], kind, from: last[col], to });
          last[col] = to;
        }
      }
      const issues = [];
      for (let m = ix[x.at++]; m > 0; m--) {
        const code = nextString(x);
        const path = nextString(x);
        const blocking = ix[x.at++] === 1;
        const params = {};
        for (let p = ix[x.at++]; p > 0; p--) {
          const name = nextString(x);
          params[name] = nextString(x);
        }
        const i = issue(code, path, locale, params);
        i.blocking = blocking;
        issues.push(i);
      }
      const states = new Array(nf);
      for (let j = 0; j < nf; j++) states[j] = { name: fields[j][0], kind: fields[j][1], state: FIELD_STATES[ix[x.at++]] };
      const st = statuses[r - start];
      out.push({ valid: (st & 1) !== 0, score: (st >>> 8) & 255, record, original, changes, issues, fields: states });
    }
  }

  /** Validates rows of one key list in chunks of one wasm call (see `#chunk`). */
  #rows(keys, cells, originals, report, out) {
    this.#setKeys(keys);
    const cols = keys.length;
    let start = 0;
    while (start < cells.length) {
      let end = start, bytes = 0;
      while (end < cells.length && end - start < RECORD_CHUNK_ROWS && (end === start || bytes < RECORD_CHUNK_BYTES)) {
        const row = cells[end];
        for (let k = 0; k < cols; k++) if (row[k] !== undefined) bytes += row[k].length * 3;
        end++;
      }
      this.#chunk(keys, cells, originals, start, end, bytes, report, out);
      start = end;
    }
  }

  validate(record) {
    return this.validateMany([record])[0];
  }

  /**
   * Validates records (plain objects) in chunks of one wasm call each, records with the same keys
   * together. `options.onProgress({ done, total })` after each chunk; `options.report` (default
   * true) adds them to this validator's quality report.
   */
  validateMany(records, options) {
    this.#live();
    const report = options?.report !== false;
    const total = records.length;
    const out = [];
    let done = 0;
    let keys = null, cells = [], originals = [];
    const flush = () => {
      if (cells.length === 0) return;
      const before = out.length;
      this.#rows(keys, cells, originals, report, out);
      done += out.length - before;
      options?.onProgress?.({ done, total });
      cells = [];
      originals = [];
    };
    for (const rec of records) {
      const obj = rec !== null && typeof rec === 'object' ? rec : {};
      const k = Object.keys(obj);
      if (!sameKeys(keys, k) || cells.length >= RECORD_CHUNK_ROWS) {
        flush();
        keys = k;
      }
      cells.push(k.map((key) => recordCell(obj[key])));
      originals.push({ ...obj });
    }
    flush();
    return out;
  }

  /** Validates rows given as arrays of values by column (an import: `columns` are its headers). */
  validateRows(columns, rows, options) {
    this.#live();
    const report = options?.report !== false;
    const keys = columns.map((c) => recordCell(c) ?? '');
    const cols = keys.length;
    const out = [];
    for (let start = 0; start < rows.length; start += RECORD_CHUNK_ROWS) {
      const end = Math.min(rows.length, start + RECORD_CHUNK_ROWS);
      const cells = new Array(end - start);
      for (let r = start; r < end; r++) cells[r - start] = rowCells(rows[r], cols);
      this.#rows(keys, cells, null, report, out);
      options?.onProgress?.({ done: out.length, total: rows.length });
    }
    return out;
  }

  /** The quality report of every record validated so far (see docs/quality.md). */
  report() {
    this.#live();
    return core.record_report(this.#handle);
  }

  resetReport() {
    this.#live();
    core.record_report_reset(this.#handle);
  }

  free() {
    if (this.#handle) core.rules_free(this.#handle);
    this.#handle = 0;
  }

  [Symbol.dispose]() {
    this.free();
  }
}

export function createRecordValidator(rules, options) {
  assertReady();
  return new RecordValidator(rules, options);
}

/** Compiled rule sets for the one-call functions, by JSON text (a few kept, the oldest freed). */
const validatorCache = new Map();
function cachedValidator(rules, options) {
  const text = rulesText(rules);
  const key = `${options?.locale ?? ''}\u0000${text}`;
  let v = validatorCache.get(key);
  if (!v) {
    v = new RecordValidator(text, options);
    if (validatorCache.size >= 16) {
      const [oldKey, old] = validatorCache.entries().next().value;
      validatorCache.delete(oldKey);
      old.free();
    }
    validatorCache.set(key, v);
  }
  return v;
}

export function validateRecord(record, rules, options) {
  assertReady();
  return cachedValidator(rules, options).validateMany([record], { report: false })[0];
}

export function validateRecords(records, rules, options) {
  assertReady();
  return cachedValidator(rules, options).validateMany(records, { report: false, onProgress: options?.onProgress });
}

/** The quality report of a batch (or any iterable) of records, without keeping the results. */
export function qualityReport(records, rules, options) {
  assertReady();
  const v = new RecordValidator(rules, options);
  try {
    let chunk = [];
    let done = 0;
    for (const r of records) {
      chunk.push(r);
      if (chunk.length === RECORD_CHUNK_ROWS) {
        v.validateMany(chunk);
        done += chunk.length;
        options?.onProgress?.({ done });
        chunk = [];
      }
    }
    if (chunk.length) v.validateMany(chunk);
    return v.report();
  } finally {
    v.free();
  }
}

/**
 * Validates a stream (any iterable or async iterable of records) chunk by chunk: memory holds one
 * chunk. `onChunk(results)` gets each chunk's results (await-ed), `onProgress({ done })` follows.
 * Resolves to the quality report.
 */
export async function validateRecordStream(source, rules, options) {
  assertReady();
  const v = new RecordValidator(rules, options);
  const size = Math.max(1, Math.min(options?.chunkSize ?? 4096, 65536));
  try {
    let chunk = [];
    let done = 0;
    const flush = async () => {
      const results = v.validateMany(chunk);
      done += chunk.length;
      chunk = [];
      await options?.onChunk?.(results);
      options?.onProgress?.({ done });
    };
    for await (const r of source) {
      chunk.push(r);
      if (chunk.length >= size) await flush();
    }
    if (chunk.length) await flush();
    return v.report();
  } finally {
    v.free();
  }
}

/** Which column of an import is which field (see index.d.ts). */
export function mapHeaders(headers, sampleRows) {
  assertReady();
  const hs = Array.from(headers ?? [], (h) => recordCell(h) ?? '');
  const rows = Array.from(sampleRows ?? [], (r) => Array.from(r ?? [], (v) => recordCell(v) ?? '')).slice(0, 100);
  return core.map_columns(hs, rows);
}

// ---- duplicates (issue 7) ----
// Records are objects (columns by key) or arrays (with `options.headers`). They cross into wasm in
// chunks, as one string per chunk (U+001F between fields, U+001E between records).
const DEDUP_CHUNK = 4096;
const SEP_RE = /[\u001e\u001f]/g;

function dedupHeaders(records, options) {
  if (options.headers) return options.headers.map(String);
  const first = records.find((r) => r != null && typeof r === 'object');
  if (!first || Array.isArray(first)) throw new TypeError('intake: dedupe needs options.headers for array records');
  return Object.keys(first);
}

function dedupRoles(headers, roles) {
  return headers.map((h) => (roles && roles[h]) || '');
}

function dedupCellText(v) {
  if (v == null) return '';
  return String(v).replace(SEP_RE, ' ');
}

function rowText(record, headers) {
  if (Array.isArray(record)) return headers.map((_, i) => dedupCellText(record[i])).join('\u001f');
  if (record == null || typeof record !== 'object') return '';
  return headers.map((h) => dedupCellText(record[h])).join('\u001f');
}

function pushChunks(batch, records, headers, source, onProgress) {
  for (let i = 0; i < records.length; i += DEDUP_CHUNK) {
    const end = Math.min(records.length, i + DEDUP_CHUNK);
    let text = '';
    for (let j = i; j < end; j++) text += (j > i ? '\u001e' : '') + rowText(records[j], headers);
    // An empty row still counts as a record: a lone separator keeps it.
    batch.push(text.length ? text : '\u001f', source);
    if (onProgress) onProgress('reading', end, records.length);
  }
}

let csvEncoder = null;

function csvBytes(chunk) {
  if (typeof chunk === 'string') return (csvEncoder ??= new TextEncoder()).encode(chunk);
  if (chunk instanceof Uint8Array) return chunk;
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError('intake: pushCsv takes a string, Uint8Array or ArrayBuffer');
}

/** A batch that records are pushed into chunk by chunk (streaming), then run once. */
export function createDeduper(options = {}) {
  assertReady();
  let batch = null, headers = null, count = 0, result = null;
  // CSV bytes held until the header line is complete (before the batch exists).
  let csvHead = null, csvHeadSource = 0;
  const open = (names) => {
    headers = names;
    batch = new core.DedupBatch(headers, dedupRoles(headers, options.roles), options.threshold ?? 0, options.defaultRegion ?? '', options.dateOrder === 'month-first');
  };
  const ensure = (records) => {
    if (!batch) open(dedupHeaders(records, options));
  };
  const openCsv = (last) => {
    const names = core.dedup_csv_header(csvHead, last);
    if (!names) return false;
    open(options.headers ? options.headers.map(String) : names);
    count = batch.pushCsv(csvHead, csvHeadSource);
    csvHead = null;
    return true;
  };
  return {
    /** Adds records of `source` 0 (default), or 1 for the second file of a linkage. */
    push(records, source = 0) {
      if (!records.length) return count;
      ensure(records);
      pushChunks(batch, records, headers, source ? 1 : 0, options.onProgress);
      count += records.length;
      return count;
    },
    /**
     * Adds CSV of `source` (0, or 1 for the second file of a linkage) straight from a file's text or bytes, in
     * chunks of any size; each source's first row is its header (columns matched to the first's by name).
     */
    pushCsv(chunk, source = 0) {
      const bytes = csvBytes(chunk);
      if (batch) {
        count = batch.pushCsv(bytes, source ? 1 : 0);
      } else {
        if (!csvHead) csvHeadSource = source ? 1 : 0;
        if (csvHead && csvHeadSource !== (source ? 1 : 0)) throw new Error('intake: the first CSV header row is not complete yet');
        const held = csvHead ? new Uint8Array(csvHead.length + bytes.length) : bytes;
        if (csvHead) {
          held.set(csvHead);
          held.set(bytes, csvHead.length);
        }
        csvHead = held;
        openCsv(false);
      }
      if (options.onProgress) options.onProgress('reading', count, count);
      return count;
    },
    /** Ends the CSV file of `source` after its last chunk (a last line without a line break counts now). */
    endCsv(source = 0) {
      if (!batch && csvHead && csvHeadSource === (source ? 1 : 0)) openCsv(true);
      if (batch) count = batch.endCsv(source ? 1 : 0);
      return count;
    },
    run() {
      if (!batch && csvHead) openCsv(true);
      if (!batch) ensure([{}]);
      const raw = batch.run(options.onProgress ? (phase, done, total) => options.onProgress(phase, done, total) : undefined);
      result = dedupResult(raw, batch);
      return result;
    },
    get roles() { return batch ? Object.fromEntries(headers.map((h, i) => [h, batch.roles()[i]])) : {}; },
    /** Frees the batch's memory in wasm (it is otherwise freed when garbage-collected). */
    free() {
      if (batch) batch.free();
      batch = null;
    },
    /** An index of the records for "already on file?" checks (after run()). */
    index() {
      const idx = batch && batch.index();
      if (!idx) throw new Error('intake: run() the deduper before making an index');
      return wrapIndex(idx, headers);
    },
  };
}

function dedupResult(raw, batch) {
  const { labels, probabilities, pairs, weights } = raw;
  const groups = new Map();
  for (let r = 0; r < labels.length; r++) {
    const k = labels[r];
    const g = groups.get(k);
    if (g) g.push(r); else groups.set(k, [r]);
  }
  const clusters = [];
  for (const [k, members] of groups) {
    if (members.length > 1) clusters.push({ members, probability: probabilities[k] });
  }
  const pairList = [];
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    pairList.push({ a: pairs[2 * i], b: pairs[2 * i + 1], weight: w, probability: 1 / (1 + 2 ** -w) });
  }
  return {
    clusters,
    labels,
    pairs: pairList,
    stats: raw.stats,
    issues: raw.issues,
    /** Why records a and b (input positions) match or not: per-field contributions summing to the weight. */
    explain: (a, b) => batch.explain(a, b),
  };
}

/**
 * Finds duplicate clusters in `records` (or links them to `options.link`, a second list).
 * Returns { clusters: [{ members, probability, golden?, plan? }], pairs, stats, explain(a, b) }.
 */
export function dedupe(records, options = {}) {
  const d = createDeduper(options);
  d.push(records, 0);
  if (options.link) d.push(options.link, 1);
  const out = d.run();
  if (options.golden) {
    const rules = options.golden === true ? null : options.golden;
    const all = options.link ? records.concat(options.link) : records;
    const headers = dedupHeaders(records, options);
    for (const c of out.clusters) {
      const g = goldenRecord(c.members.map((m) => all[m]), { ...options, headers, rules });
      c.golden = g.record;
      c.plan = g.plan;
    }
  }
  out.index = () => d.index();
  return out;
}

/** The golden record of one cluster's records under survivorship rules (options.rules). */
export function goldenRecord(records, options = {}) {
  assertReady();
  const headers = dedupHeaders(records, options);
  const text = records.map((r) => rowText(r, headers)).join('\u001e');
  const g = core.dedup_golden(headers, dedupRoles(headers, options.roles), text, options.rules ?? null);
  const record = Object.fromEntries(headers.map((h, i) => [h, g.values[i]]));
  return { record, plan: g.plan };
}

function wrapIndex(idx, headers) {
  return {
    get size() { return idx.len(); },
    /** Adds a record; returns its position. */
    add(record) { return idx.add(rowText(record, headers)); },
    /** Records on file matching `record`, best first: [{ record, id, weight, probability }]. */
    match(record, { limit = 5 } = {}) { return idx.matchOne(rowText(record, headers), limit); },
    explain(record, position) { return idx.explain(rowText(record, headers), position); },
    toBytes() { return idx.toBytes(); },
    /** Frees the index's memory in wasm (it is otherwise freed when garbage-collected). */
    free() { idx.free(); },
    headers: headers.slice(),
  };
}

/** Loads an index written by `index.toBytes()` (an edge function ships these bytes). */
export function loadDedupIndex(bytes, { headers } = {}) {
  assertReady();
  const idx = core.DedupIndex.fromBytes(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  return wrapIndex(idx, headers ?? idx.roles());
}

// ---- forms, Standard Schema, edge handler (issue 8) ----

/** True once `init()` has resolved (or `initSync` ran): every call after that is synchronous. */
export function isReady() {
  return initialized;
}
