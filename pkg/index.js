// The intake package: a thin, hand-written layer over the wasm core (generated glue in ./gen/).
// One ESM file for Node >= 20, Deno, browsers (with or without a bundler) and Cloudflare Workers.
import initWasm, * as core from './gen/intake.js';

let ready = null;
let initialized = false;
let codeSeverity = null;

function afterInit() {
  initialized = true;
  codeSeverity = new Map(core.issue_codes().map((c) => [c.code, c.severity]));
  limits.emailInputBytes = core.email_input_cap();
}

const isNode = typeof process !== 'undefined' && process.versions != null && process.versions.node != null
  && typeof Deno === 'undefined';

async function defaultInput() {
  const url = new URL('./gen/intake_bg.wasm', import.meta.url);
  if (isNode && url.protocol === 'file:') {
    // Node's fetch cannot read file: URLs; read the bytes instead. The specifier is built at run
    // time so that bundlers for the browser do not try to resolve a Node built-in.
    const fs = 'node:fs/promises';
    const { readFile } = await import(/* @vite-ignore */ fs);
    return readFile(url);
  }
  return url;
}

export function init(input) {
  if (!ready) {
    ready = (async () => {
      const source = input === undefined ? await defaultInput() : await input;
      await initWasm({ module_or_path: source });
      afterInit();
    })();
    ready.catch(() => { ready = null; });
  }
  return ready;
}

export function initSync(input) {
  if (initialized) return;
  core.initSync({ module: input });
  afterInit();
  ready = Promise.resolve();
}

function assertReady() {
  if (!initialized) throw new Error('intake: call `await init()` before using it');
}

// Mirrors the bit layout in src/bindings.rs.
const OPT = { allowQuoted: 1, allowComments: 2, allowIpDomain: 4, allowSingleLabel: 8, allowOverlong: 16, allowUnknownTld: 32 };
const ST_VALID = 1, ST_VALUE = 2, ST_ASCII = 4, ST_CANONICAL = 8, ST_SUGGESTION = 16, ST_DETAILS = 32,
  ST_ROLE = 64, ST_PLACEHOLDER = 128, ST_KIND_SHIFT = 8;
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
  return {
    valid: false, value: '', original: input, changes: [], ascii: null, canonical: null, suggestion: null,
    domainKind: null, role: false, placeholder: false,
    issues: [issue(code, path, core.message(code, locale, {}), {})],
  };
}

function checkEmail(input, bits, locale, path) {
  if (typeof input !== 'string') return notString(input, path, locale);
  const st = core.email_check(input, bits, locale);
  const valid = (st & ST_VALID) !== 0;
  const value = st & ST_VALUE ? core.email_value() : input;
  let changes = [];
  let issues = [];
  if (st & ST_DETAILS) {
    const d = JSON.parse(core.email_details());
    changes = d.changes.map(([kind, from, to]) => ({ kind, from, to }));
    issues = d.issues.map(([code, message, params]) => issue(code, path, message, params));
  }
  return {
    valid,
    value,
    original: input,
    changes,
    ascii: valid ? (st & ST_ASCII ? core.email_ascii() : value) : null,
    canonical: valid ? (st & ST_CANONICAL ? core.email_canonical() : value) : null,
    suggestion: st & ST_SUGGESTION ? core.email_suggestion() : null,
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
