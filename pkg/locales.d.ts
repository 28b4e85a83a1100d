// Types for `intake/locales`: messages in en, fa, ar, zh and languages added at run time.
import type { Issue } from './index.js';

/** First Strong Isolate and Pop Directional Isolate, which wrap values inside right-to-left messages. */
export const FSI: '\u2068';
export const PDI: '\u2069';

export interface LocaleDefinition {
  /** Issue code -> template with `{param}` placeholders (docs/codes.md lists the codes). */
  messages?: Record<string, string>;
  /** Writing direction; default from the language code (ar, fa, he, ur ... are rtl). */
  dir?: 'ltr' | 'rtl';
  /** The digit zero numbers are written with in right-to-left messages, e.g. '۰'. Default: ASCII digits. */
  zero?: string;
  /** Language for codes this one lacks. Default `en`. */
  fallback?: string;
}

/** Every language messages are available in (the built-in four first). */
export function locales(): string[];
/** Adds or extends a language (a BCP 47 tag other than en, fa, ar, zh). */
export function addLocale(tag: string, definition?: LocaleDefinition): void;
/** The best available language for a tag, a preference list, or an Accept-Language header; `en` if none. */
export function resolveLocale(preferred: string | readonly string[] | undefined | null): string;
/** Writing direction of a language tag. */
export function direction(tag: string): 'ltr' | 'rtl';
/** `text` wrapped in FSI ... PDI. */
export function isolate(text: string): string;
/** The message for a code in a language, params substituted (numbers in RTL digits, other values isolated). */
export function message(code: string, locale?: string, params?: Record<string, string>): string;
/** A copy of the issue with its message in `locale`. */
export function localize<I extends Pick<Issue, 'code' | 'params'>>(issue: I, locale: string): I & { message: string };
/** A number written with the language's digits. */
export function formatNumber(n: number | string, locale: string): string;
