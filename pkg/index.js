// The intake package: a thin, hand-written layer over the wasm core (generated glue in ./gen/).
// One ESM file for Node >= 20, Deno, browsers (with or without a bundler) and Cloudflare Workers.
import initWasm, * as core from './gen/intake.js';

let ready = null;
let initialized = false;
let codeSeverity = null;
let memory = null;

function afterInit(exports) {
  memory = exports.memory;
  initialized = true;
  codeSeverity = new Map(core.issue_codes().map((c) => [c.code, c.severity]));
  limits.emailInputBytes = core.email_input_cap();
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
const ASCII_BIT = 0x80000000;
const utf8 = new TextDecoder();

/** Reads what the last `*_extra` call wrote to the output buffer (see src/bindings.rs). */
function readOut(lengthWord) {
  const len = lengthWord & 0x7fffffff;
  const bytes = new Uint8Array(memory.buffer, core.out_ptr(), len);
  // For short ASCII, building the string from char codes beats a TextDecoder call several times over.
  if (lengthWord & ASCII_BIT && len <= 4096) return String.fromCharCode.apply(null, bytes);
  return utf8.decode(bytes);
}
const DOMAIN_KINDS = [null, 'free', 'business', 'disposable'];

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

function issue(code, path, message, params) {
  return { code, path, severity: codeSeverity.get(code) ?? 'error', message, params };
}

function notString(input, path, locale) {
  const code = 'input.not_string';
  const params = { type: input === null ? 'null' : typeof input };
  return {
    valid: false, value: '', original: '', changes: [], ascii: null, canonical: null, suggestion: null,
    domainKind: null, role: false, placeholder: false,
    issues: [issue(code, path, core.message(code, locale, params), params)],
  };
}

function checkEmail(original, bits, locale, path) {
  if (typeof original !== 'string') return notString(original, path, locale);
  // A lone UTF-16 surrogate has no UTF-8 form; it is replaced (U+FFFD) before the core sees the
  // string, and that replacement is recorded like any other change.
  let input = original, repaired = null;
  if (!original.isWellFormed()) {
    input = original.toWellFormed();
    repaired = { kind: 'replace_lone_surrogate', from: original, to: input };
  }
  const st = core.email_check(input, bits, locale);
  const valid = (st & ST_VALID) !== 0;
  let value = input, ascii = input, canonical = input, suggestion = null, changes = [], issues = [];
  if (st & ST_EXTRA) {
    const [v, a, c, s, ch, is] = JSON.parse(readOut(core.email_extra()));
    value = v;
    ascii = a ?? v;
    canonical = c ?? v;
    suggestion = s;
    changes = ch.map(([kind, from, to]) => ({ kind, from, to }));
    issues = is.map(([code, message, params]) => issue(code, path, message, params));
  }
  if (repaired) changes.unshift(repaired);
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

export function validateEmail(input, options) {
  assertReady();
  return checkEmail(input, optionBits(options), localeIndex(options?.locale), options?.path ?? 'email');
}

export function validateEmails(inputs, options) {
  assertReady();
  const bits = optionBits(options);
  const locale = localeIndex(options?.locale);
  const path = options?.path ?? 'email';
  const out = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) out[i] = checkEmail(inputs[i], bits, locale, path);
  return out;
}

export function issueCodes() {
  assertReady();
  return core.issue_codes();
}

export function message(code, locale, params) {
  assertReady();
  return core.message(String(code), localeIndex(locale), params ?? {});
}

export function versions() {
  assertReady();
  return core.versions();
}

/** Filled in by init() from the core, so the numbers have one source. */
export const limits = { emailInputBytes: 0 };
