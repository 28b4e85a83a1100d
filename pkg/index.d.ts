// Hand-written types for the `intake` package. Checked by `tsc` in the test suite (tests/js/types.ts).

/** Languages messages are available in. `fa` and `ar` are right-to-left. */
export type Locale = 'en' | 'fa' | 'ar' | 'zh';

export type Severity = 'error' | 'warning';

/** One problem found in a value: a stable code, where it was found, and a message in the caller's language. */
export interface Issue {
  /** Stable machine-readable code, e.g. `email.domain_typo`, `input.too_long`. See docs/codes.md. */
  code: string;
  /** The field the issue is about (the `path` option, `email` by default). */
  path: string;
  severity: Severity;
  /** Localized, human-readable text. Values embedded in RTL messages are wrapped in Unicode isolates. */
  message: string;
  /** Values the message refers to, e.g. `{ suggestion: 'ali@gmail.com' }`. */
  params: Record<string, string>;
}

/** One step of standardization: what was changed from what to what. Nothing the user typed is lost. */
export interface Change {
  /** e.g. `trim`, `nfc`, `fold_width`, `fold_digits`, `lowercase_domain`, `strip_mailto`, `strip_display_name`. */
  kind: string;
  from: string;
  to: string;
}

export interface EmailOptions {
  /** Language of `Issue.message`. Default `en`. */
  locale?: Locale;
  /** Field path reported in issues. Default `email`. */
  path?: string;
  /** Accept quoted local parts (`"john doe"@example.com`). Default false. */
  allowQuoted?: boolean;
  /** Accept RFC 5322 comments (`john(work)@example.com`). Default false. */
  allowComments?: boolean;
  /** Accept IP-literal domains (`john@[192.0.2.1]`). Default false. */
  allowIpDomain?: boolean;
  /** Accept single-label domains (`john@localhost`). Default false. */
  allowSingleLabel?: boolean;
  /** Accept addresses over RFC 5321 lengths (local part > 64, address > 254 octets). Default false. */
  allowOverlong?: boolean;
  /** Accept top-level domains missing from the bundled IANA list. Default false. */
  allowUnknownTld?: boolean;
}

export type DomainKind = 'free' | 'business' | 'disposable';

export interface EmailResult {
  /** True when no issue has severity `error`. Warnings (typo suggestion, disposable, role, placeholder) do not make it false. */
  valid: boolean;
  /** The standardized address (trimmed, NFC, width and digits folded, domain lowercased). Best effort even when invalid. */
  value: string;
  /** Exactly what was passed in. */
  original: string;
  /** Every change from `original` to `value`, in order. */
  changes: Change[];
  /** ASCII form (IDN domain as punycode), or null when invalid. Equals `value` for ASCII addresses. */
  ascii: string | null;
  /** Provider-aware matching key (Gmail dots and +tags removed, ...). Never replaces `value`. Null when invalid. */
  canonical: string | null;
  /** A full corrected address when the domain looks like a typo ("ali@gmial.com" -> "ali@gmail.com"), else null. */
  suggestion: string | null;
  /** Kind of domain, null when invalid. */
  domainKind: DomainKind | null;
  /** Local part is a role account such as info@, admin@, noreply@. */
  role: boolean;
  /** A placeholder or test address such as test@test.com, a@a.com, x@example.com. */
  placeholder: boolean;
  issues: Issue[];
}

export interface IssueCodeInfo {
  code: string;
  severity: Severity;
  /** English description of when the code is raised. */
  description: string;
}

export interface Versions {
  /** Version of the intake crate and package. */
  intake: string;
  /** Each generated table and the pinned source it was generated from, e.g. `{ tlds: 'tlds@1.261.0' }`. */
  tables: Record<string, string>;
}

/** Anything `init` accepts: a compiled module, the wasm bytes, a URL or path to them, or a Response. */
export type InitInput =
  | WebAssembly.Module
  | BufferSource
  | URL
  | string
  | Response
  | Promise<Response>;

/**
 * Loads the WebAssembly core once. Call (and await) before any other function; later calls return the same promise.
 * With no argument the bundled `intake_bg.wasm` beside this file is loaded (from disk in Node and Deno, by fetch in browsers).
 * Cloudflare Workers: `import wasm from 'intake/intake_bg.wasm'; await init(wasm)`.
 */
export function init(input?: InitInput): Promise<void>;

/** Synchronous initialisation from a compiled `WebAssembly.Module` or the wasm bytes. */
export function initSync(input: WebAssembly.Module | BufferSource): void;

/** Validates and standardizes one email address. Synchronous and total: never throws for any string input. */
export function validateEmail(input: string, options?: EmailOptions): EmailResult;

/** Validates many addresses with the same options; same results as mapping `validateEmail`. */
export function validateEmails(inputs: readonly string[], options?: EmailOptions): EmailResult[];

/** ISO 3166-1 alpha-2 region code, e.g. `IR`, `US`, `CN` (case-insensitive on input). */
export type RegionCode = string;

export type PhoneType =
  | 'FIXED_LINE' | 'MOBILE' | 'FIXED_LINE_OR_MOBILE' | 'TOLL_FREE' | 'PREMIUM_RATE' | 'SHARED_COST'
  | 'VOIP' | 'PERSONAL_NUMBER' | 'PAGER' | 'UAN' | 'VOICEMAIL' | 'UNKNOWN';

export interface PhoneOptions {
  /** Region assumed for numbers written without a country code (`0912 345 6789` with `IR`). */
  defaultRegion?: RegionCode;
  locale?: Locale;
  /** Field path reported in issues. Default `phone`. */
  path?: string;
  /** Accept letters (vanity numbers such as 1-800-FLOWERS), converted to digits. Default false. */
  allowLetters?: boolean;
}

export interface PhoneResult {
  /** True when the number is valid for its region (no issue of severity error). */
  valid: boolean;
  /** The standardized value: E.164 (with `;ext=` when an extension was given) when the number could be parsed, else the trimmed input. */
  value: string;
  original: string;
  changes: Change[];
  /** `+989123456789`; null when the number could not be parsed to a country code and national number. */
  e164: string | null;
  /** `+98 912 345 6789` */
  international: string | null;
  /** `0912 345 6789` */
  national: string | null;
  /** `tel:+98-912-345-6789` */
  rfc3966: string | null;
  countryCode: number | null;
  /** The region the number belongs to as libphonenumber decides it (also for invalid numbers of a one-region country code), null when unknown. `001` for non-geographic numbers. */
  region: RegionCode | null;
  nationalNumber: string | null;
  extension: string | null;
  type: PhoneType | null;
  /** The length is possible for the region (a weaker check than `valid`). */
  possible: boolean;
  issues: Issue[];
}

/** Parses, validates and formats one phone number. Synchronous and total. */
export function validatePhone(input: string, options?: PhoneOptions): PhoneResult;

/** Same as mapping `validatePhone`, faster for many numbers. */
export function validatePhones(inputs: readonly string[], options?: PhoneOptions): PhoneResult[];

/**
 * Formats a phone number as it is typed: feed one character at a time (or the whole text so far
 * with `set`), get the formatted text back. For live form fields.
 */
export class AsYouType {
  constructor(defaultRegion?: RegionCode);
  /** Adds typed characters; returns the formatted text so far. */
  input(chars: string): string;
  /** Replaces everything typed so far; returns the formatted text. */
  set(text: string): string;
  /** Clears the state. */
  clear(): void;
  /** The region detected so far, or null. */
  region(): RegionCode | null;
}

export interface CountryOptions {
  locale?: Locale;
  /** Field path reported in issues. Default `country`. */
  path?: string;
}

export interface CountryResult {
  valid: boolean;
  /** The ISO 3166-1 alpha-2 code when the country is known, else the trimmed input. */
  value: string;
  original: string;
  changes: Change[];
  alpha2: string | null;
  alpha3: string | null;
  numeric: number | null;
  /** English name. */
  name: string | null;
  issues: Issue[];
}

/** A country name (en, fa, ar, zh, de, fr, es, common variants) or code to ISO 3166-1. */
export function validateCountry(input: string, options?: CountryOptions): CountryResult;

export interface DateOptions {
  /** Language of messages; its region also sets the day/month order (en-US is month first). */
  locale?: Locale | string;
  path?: string;
  /** Order of day and month in numeric dates; default from the locale, day first otherwise. */
  order?: 'dmy' | 'mdy';
  /** The calendar of numeric dates whose text does not say (`auto` decides by the year). */
  calendar?: 'auto' | 'gregorian' | 'jalali' | 'hijri';
  /** Check plausibility as a birth date: not in the future, at most 130 years ago. */
  birthDate?: boolean;
  /**
   * "Today" for the birth-date checks and for two-digit years (`YYYY-MM-DD` or a Date); default the
   * local date. `null`: no today (no checks against the present; two-digit years 00-49 are 20xx).
   */
  today?: string | Date | null;
}

export interface DateResult {
  valid: boolean;
  /** ISO 8601 (Gregorian) when the date was understood, else the trimmed input. */
  value: string;
  original: string;
  changes: Change[];
  iso: string | null;
  /** The calendar the input was written in. */
  calendar: 'gregorian' | 'jalali' | 'hijri' | null;
  /** The date in the calendar it was written in, `YYYY-MM-DD`. */
  native: string | null;
  issues: Issue[];
}

/** A date in many formats, languages and calendars (Gregorian, Jalali, Hijri) to ISO 8601. */
export function validateDate(input: string, options?: DateOptions): DateResult;

/** Every issue code intake can raise, with its severity. */
export function issueCodes(): IssueCodeInfo[];

/** The message for a code in a locale, with params substituted. An unknown code is returned as it is. */
export function message(code: string, locale?: Locale, params?: Record<string, string>): string;

/** Versions of the package and of every generated table. */
export function versions(): Versions;

/** Byte caps applied to inputs; longer input gets an `input.too_long` issue. */
export const limits: { readonly emailInputBytes: number; readonly phoneInputBytes: number };

// ---- names (issue 5) ----

// ---- companies (issue 5) ----

// ---- websites (issue 5) ----

// ---- addresses and postcodes (issue 5) ----

/** How street types and unit designators are written in `value`. */
export type AddressStyle =
  /** USPS abbreviations for English (St, Ave, Apt), the long form in other languages (Straße, خیابان). Default. */
  | 'standard'
  /** Abbreviated in every language (St, Str., خ.). */
  | 'short'
  /** Written out in every language (Street, Apartment, Straße). */
  | 'long'
  /** As written (casing and spacing are still standardized). */
  | 'keep';

export interface AddressOptions {
  /** ISO 3166-1 alpha-2 or a country name in any language validateCountry reads. A country written at the end of
   * the address is used when none is given. Postcodes are checked against this country's pattern. */
  country?: string;
  locale?: Locale;
  /** Field path reported in issues (default 'address'). */
  path?: string;
  style?: AddressStyle;
}

export interface AddressUnit {
  /** 'apartment', 'suite', 'floor', 'unit', 'room', 'building', 'flat', 'office' ... (stable strings). */
  kind: string;
  value: string;
}

/** The parts found in the address, as written in `value`; null when absent. */
export interface AddressParts {
  houseNumber: string | null;
  /** The street with its type ('Main St', 'خیابان آزادی'). */
  street: string | null;
  streetType: string | null;
  unit: AddressUnit | null;
  /** Dependent locality (朝阳区). */
  district: string | null;
  city: string | null;
  /** First-level region: its key where libaddressinput has one ('CA', 'NSW'), else as written. */
  region: string | null;
  postcode: string | null;
  /** ISO 3166-1 alpha-2 of the country given or written. */
  country: string | null;
}

/** Matching keys for the duplicate finder: equal for the same place however it was written. */
export interface AddressKeys {
  /** Postcode without spaces or hyphens ('SW1A1AA'). */
  postcode: string | null;
  /** Street words folded (case, accents, Arabic/Persian letters), the type in one spelling ('main st'). */
  street: string | null;
  houseNumber: string | null;
  /** 'postcode|street|houseNumber' when a street was found. */
  key: string | null;
}

export interface AddressResult {
  valid: boolean;
  value: string;
  original: string;
  changes: Change[];
  parts: AddressParts;
  keys: AddressKeys;
  issues: Issue[];
}

/** Standardizes one address: hygiene, casing, street types and units, parts, postcode check, matching keys. */
export function validateAddress(input: string, options?: AddressOptions): AddressResult;
/** validateAddress over many inputs, in batches (same results as mapping validateAddress). */
export function validateAddresses(inputs: readonly unknown[], options?: AddressOptions): AddressResult[];

export interface PostcodeOptions {
  /** ISO 3166-1 alpha-2 or a country name. Without one the postcode is only cleaned. */
  country?: string;
  locale?: Locale;
  /** Field path reported in issues (default 'postcode'). */
  path?: string;
}

export interface PostcodeResult {
  valid: boolean;
  /** The country's written form when valid ('SW1A 1AA', '12345-67890'), else the cleaned input. */
  value: string;
  original: string;
  changes: Change[];
  /** ISO 3166-1 alpha-2 it was checked against. */
  country: string | null;
  /** Key of the first-level region whose postcode range holds it ('CA' for 94043). */
  region: string | null;
  issues: Issue[];
}

/** Validates and formats a postcode with libaddressinput's pattern for the country. */
export function validatePostcode(input: string, options?: PostcodeOptions): PostcodeResult;
export function validatePostcodes(inputs: readonly unknown[], options?: PostcodeOptions): PostcodeResult[];

/** What formatAddress lays out (libaddressinput fields); absent fields are left out with their line. */
export interface FormatAddressParts {
  name?: string;
  organization?: string;
  /** Street lines: one string (lines separated by \n) or an array of lines. */
  streetAddress?: string | readonly string[];
  district?: string;
  city?: string;
  region?: string;
  postcode?: string;
  sortingCode?: string;
}

export interface FormatAddressOptions {
  /** ISO 3166-1 alpha-2 or a name; unknown countries use libaddressinput's default format. */
  country?: string;
  /** Use the country's Latin-script format where it has one (CN, JP, KR ...). */
  latin?: boolean;
  /** Append the country's name as the last line (default true, as libaddressinput does). */
  withCountry?: boolean;
}

/** Formats parts as the lines of a postal label in the country's libaddressinput format, joined by \n. */
export function formatAddress(parts: FormatAddressParts, options?: FormatAddressOptions): string;

// ---- records, rule sets, header mapping, quality report (issue 6) ----

// ---- duplicates (issue 7) ----

// ---- forms, Standard Schema, edge handler (issue 8) ----

/** True once `init()` has resolved (or `initSync` ran): every call after that is synchronous. */
export function isReady(): boolean;
