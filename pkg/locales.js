// Messages in the caller's language, right in right-to-left text. The four built-in languages (en, fa, ar, zh)
// come from the core's code table (one source for Rust and JS); more are added at run time with `addLocale`:
//
//   import { addLocale } from 'intake/locales';
//   addLocale('de', { dir: 'ltr', fallback: 'en', messages: { 'email.domain_typo': 'Meinten Sie {suggestion}?' } });
//
// A template names its params in braces (`{max}`, `{suggestion}`; docs/codes.md lists each code's params). In a
// right-to-left language every number is written in the language's digits (`zero`, e.g. '۰') and every other value
// is wrapped in Unicode isolates (FSI ... PDI), so an email address or a Latin name inside Persian text keeps its own
// order and does not pull the surrounding punctuation or quotes with it. Codes a language lacks fall back along
// `fallback` (default `en`).
import { message as builtinMessage } from './index.js';

export const FSI = '\u2068';
export const PDI = '\u2069';
const BUILTIN = new Set(['en', 'fa', 'ar', 'zh']);
// Languages written right to left (ISO 639-1/-3), for `direction` of tags intake has no messages for.
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'ku', 'yi', 'dv', 'sd', 'ug', 'syr', 'iw']);
const BUILTIN_ZERO = { fa: '\u06f0', ar: '\u0660' };

/** tag -> { dir, zero, fallback, messages: Map } for languages added with addLocale. */
const added = new Map();

function primary(tag) {
  return String(tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
}

/** Every language messages are available in: the built-in four, then those added. */
export function locales() {
  return [...BUILTIN, ...added.keys()];
}

/**
 * Adds (or extends) a language. `messages` maps issue codes to templates; `dir` defaults from the language
 * code; `zero` is the digit zero numbers are written with in right-to-left text (none: ASCII digits kept);
 * `fallback` is the language used for codes missing here (default `en`).
 */
export function addLocale(tag, { messages = {}, dir, zero, fallback = 'en' } = {}) {
  const key = String(tag).trim().toLowerCase();
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(key)) throw new TypeError(`intake: not a language tag: ${tag}`);
  if (BUILTIN.has(key)) throw new TypeError(`intake: ${key} is built in; add a regional tag such as ${key}-x-custom instead`);
  const prev = added.get(key);
  const entry = {
    dir: dir ?? prev?.dir ?? (RTL_LANGUAGES.has(primary(key)) ? 'rtl' : 'ltr'),
    zero: zero ?? prev?.zero ?? null,
    fallback: fallback ?? prev?.fallback ?? 'en',
    messages: new Map(prev?.messages),
  };
  for (const [code, template] of Object.entries(messages)) entry.messages.set(code, String(template));
  added.set(key, entry);
}

/**
 * The best language intake has messages for, from one tag or a preference list (`navigator.languages`,
 * an Accept-Language header, `document.documentElement.lang`): exact tag, then its primary language; `en` if none.
 */
export function resolveLocale(preferred) {
  let list = preferred;
  if (typeof preferred === 'string') {
    // Accept-Language: "fa-IR,fa;q=0.9,en;q=0.8" (q-values ordered, ties keep their order).
    list = preferred.split(',').map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) || 0 : 1, i };
    }).filter((x) => x.tag && x.q > 0).sort((a, b) => b.q - a.q || a.i - b.i).map((x) => x.tag);
  }
  for (const raw of list ?? []) {
    const tag = String(raw).trim().toLowerCase().replace(/_/g, '-');
    if (added.has(tag) || BUILTIN.has(tag)) return tag;
    const p = primary(tag);
    if (added.has(p) || BUILTIN.has(p)) return p;
  }
  return 'en';
}

/** 'rtl' or 'ltr' for a language tag (built in, added, or any other by its primary language). */
export function direction(tag) {
  const key = String(tag ?? '').trim().toLowerCase();
  const entry = added.get(key);
  if (entry) return entry.dir;
  return RTL_LANGUAGES.has(primary(key)) ? 'rtl' : 'ltr';
}

/** `text` wrapped in Unicode isolates, so it keeps its own direction inside text of the other direction. */
export function isolate(text) {
  return FSI + String(text) + PDI;
}

function renderAdded(template, entry, params) {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name) => {
    const value = params?.[name];
    if (value === undefined) return whole;
    const s = String(value);
    if (entry.dir !== 'rtl') return s;
    if (/^[0-9]+$/.test(s)) {
      if (!entry.zero) return s;
      const zero = entry.zero.codePointAt(0);
      return s.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + (d.charCodeAt(0) - 48)));
    }
    return isolate(s);
  });
}

/**
 * The message for `code` in `locale` with `params` substituted, following the language's fallback chain;
 * built-in languages are rendered by the core's rules (init() must have run). An unknown code is returned as is.
 */
export function message(code, locale = 'en', params = {}) {
  const seen = new Set();
  let tag = resolveLocale([locale]);
  while (!BUILTIN.has(tag) && !seen.has(tag)) {
    seen.add(tag);
    const entry = added.get(tag);
    if (!entry) break;
    const template = entry.messages.get(code);
    if (template !== undefined) return renderAdded(template, entry, params);
    tag = resolveLocale([entry.fallback]);
  }
  return builtinMessage(code, BUILTIN.has(tag) ? tag : 'en', params);
}

/** The issue with its message in `locale` (a new object; code, path, severity and params unchanged). */
export function localize(issue, locale) {
  return { ...issue, message: message(issue.code, locale, issue.params) };
}

/** The digits of `n` in the language's digits (Persian, Arabic-Indic), for numbers a UI adds around messages. */
export function formatNumber(n, locale) {
  const tag = resolveLocale([locale]);
  const zero = BUILTIN_ZERO[tag] ?? added.get(tag)?.zero;
  const s = String(n);
  if (!zero) return s;
  const z = zero.codePointAt(0);
  return s.replace(/[0-9]/g, (d) => String.fromCodePoint(z + (d.charCodeAt(0) - 48)));
}
