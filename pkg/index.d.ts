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
  /**
   * Write `international`, `national` and `rfc3966`. Default true; `false` leaves them null and
   * does only parse + validate + E.164 (faster, for imports that store E.164 alone).
   */
  formats?: boolean;
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
  /** `+98 912 345 6789`; null when unparsed or with `formats: false`. */
  international: string | null;
  /** `0912 345 6789`; null when unparsed or with `formats: false`. */
  national: string | null;
  /** `tel:+98-912-345-6789`; null when unparsed or with `formats: false`. */
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
export const limits: {
  readonly emailInputBytes: number; readonly phoneInputBytes: number; readonly nameInputBytes: number;
  readonly companyInputBytes: number; readonly websiteInputBytes: number; readonly addressInputBytes: number;
  readonly postcodeInputBytes: number;
};

// ---- names (issue 5) ----

export type NamePart = 'full' | 'given' | 'family';

export interface NameOptions {
  /** Which part of a name the field holds. Default `full` (split into given, middle and family). */
  part?: NamePart;
  /** Message language; `fa` also writes Arabic-script names with Persian ی/ک, `ar` with Arabic ي/ك. */
  locale?: Locale;
  /** Field path reported in issues. Default `name`. */
  path?: string;
  /** Compute matching keys (default true); false for speed-sensitive pipelines that do not deduplicate. */
  keys?: boolean;
}

export interface NameParts {
  /** Dr., Mrs, دکتر, السيد, 先生 ... (moved out of the value). */
  honorific: string | null;
  given: string | null;
  middle: string | null;
  family: string | null;
  /** Jr., III, PhD ... (moved out of the value). */
  suffix: string | null;
}

export interface NameKeys {
  /** Lowercase, accents folded, Persian/Arabic transliterated, Chinese as pinyin (`ouyang nana`). */
  fold: string;
  /** The fold of the given name (`` when there is none). */
  given: string;
  /** The fold of the family name (`` when there is none). */
  family: string;
  /** Consonant skeleton per word: Mohammad, Muhammad and محمد all give `mhmd`. */
  phonetic: string;
  /** Nickname/variant groups of the given name: Bill gives `robert william willis`; its own fold when in none. */
  givenGroups: string[];
}

export interface NameResult {
  /** No issue of severity error. */
  valid: boolean;
  /** The standardized name (honorific and suffix moved to `parts`); junk is returned as typed, only trimmed. */
  value: string;
  original: string;
  changes: Change[];
  /** Empty parts for junk and non-strings. */
  parts: NameParts;
  /** Scripts of the letters: `Latin`, `Arabic`, `Han`, `Cyrillic`, `Greek`, `Hebrew`, `Hangul`, `Kana` ... */
  scripts: string[];
  /** Null when `keys: false` or the name is not valid. */
  keys: NameKeys | null;
  issues: Issue[];
}

/** A person's name (or its given or family part): hygiene, junk codes, parts, casing, matching keys. */
export function validateName(input: string, options?: NameOptions): NameResult;
/** Many names with one set of options. */
export function validateNames(inputs: readonly unknown[], options?: NameOptions): NameResult[];
/** Whether two given names can be the same person's: Bill ~ William, Mohammad ~ محمد. */
export function sameGivenName(a: string, b: string): boolean;

// ---- companies (issue 5) ----

export interface CompanyOptions {
  locale?: Locale;
  /** Field path reported in issues. Default `company`. */
  path?: string;
  /** The company's website: its registrable domain becomes `domain`. */
  website?: string;
  /** A contact's email: its registrable domain becomes `domain` when it is a business domain and no website gave one. */
  email?: string;
}

export interface LegalForm {
  /** Canonical spelling: `Inc.`, `LLC`, `GmbH`, `S.A.`, `有限公司`, `سهامی خاص` ... */
  canonical: string;
  /** As written (after text hygiene). */
  written: string;
  /** Countries where the form is used (ISO 3166-1 alpha-2): a hint. */
  countries: string[];
  position: 'start' | 'end';
}

export interface CompanyResult {
  valid: boolean;
  /** The name with text hygiene, casing fixed (all caps, all lowercase) and the legal form canonical. */
  value: string;
  original: string;
  changes: Change[];
  /** The name without its legal form (`null` only for a non-string input). */
  core: string | null;
  legalForm: LegalForm | null;
  /** Core-name matching key: folded, legal form, `the`, `and`, punctuation and spaces removed. */
  key: string | null;
  /** Registrable domain of the website or business email given in the options (ASCII). */
  domain: string | null;
  issues: Issue[];
}

export function validateCompany(input: string, options?: CompanyOptions): CompanyResult;
export function validateCompanies(inputs: readonly unknown[], options?: CompanyOptions): CompanyResult[];

// ---- websites (issue 5) ----

export type SocialNetwork = 'linkedin' | 'x' | 'facebook' | 'instagram' | 'github' | 'telegram' | 'youtube'
  | 'tiktok' | 'aparat' | 'weibo' | 'wechat';

export interface WebsiteOptions {
  locale?: Locale;
  /** Field path reported in issues. Default `website`. */
  path?: string;
  /** The network of a column of handles: `@acme` and `acme` are read as handles on it (`twitter` is `x`). */
  network?: SocialNetwork | 'twitter';
}

export interface SocialProfile {
  network: SocialNetwork;
  /** `acme`; `company/acme` or `in/jane` on LinkedIn; `@acme`, `channel/UC...` on YouTube; `u/123` on Weibo. */
  handle: string;
}

export interface WebsiteResult {
  valid: boolean;
  /** The address: https:// added, host lowercased, default port, tracking parameters, fragment and trailing slash removed. */
  value: string;
  original: string;
  changes: Change[];
  /** Host in ASCII (IDNA) form. */
  host: string | null;
  /** Registrable domain (eTLD+1, Public Suffix List): the matching key. */
  domain: string | null;
  social: SocialProfile | null;
  issues: Issue[];
}

export function validateWebsite(input: string, options?: WebsiteOptions): WebsiteResult;
export function validateWebsites(inputs: readonly unknown[], options?: WebsiteOptions): WebsiteResult[];

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

/** What a field of a record holds, and so which standardizer checks it. */
export type FieldKind = 'email' | 'phone' | 'name' | 'company' | 'address' | 'postcode' | 'country' | 'date' | 'website' | 'text';

export interface FieldRuleSpec {
  kind: FieldKind;
  /** Missing or empty gives `record.required` (an error). */
  required?: boolean;
  /** ISO 3166-1 alpha-2: default region of phone numbers and postcodes when the record has no country. */
  region?: string;
  /** Dates: a birth date (not in the future, not over 130 years before `today`). */
  birthDate?: boolean;
  /** Phones: require a mobile number (overrides `policies.requireMobile`). */
  mobile?: boolean;
  /** Names: which part the field holds (default: what the field's name says, e.g. first_name is given). */
  part?: 'full' | 'given' | 'family';
  /** BCP 47: how the field is written (the order of its numeric dates); messages keep the rule set's language. */
  locale?: string;
}

/** A CRM's schema and policies as plain data (docs/quality.md). `{}` is the default rule set. */
export interface RuleSet {
  /** Field name -> kind or spec, in order. Absent: every key is checked by the kind its name says. */
  fields?: Record<string, FieldKind | FieldRuleSpec>;
  defaultRegion?: string;
  /** BCP 47: the language of messages and the order of numeric dates (`en-US` is month first). */
  locale?: string;
  /** YYYY-MM-DD: birth dates are checked against it. In JS an object rule set without it gets the clock's date; null: none. */
  today?: string | null;
  policies?: {
    rejectDisposable?: boolean;
    requireMobile?: boolean;
    /** By default `email.placeholder`, `phone.placeholder` and `address.placeholder` block. */
    acceptPlaceholders?: boolean;
    /** Further warning codes that make a record invalid. */
    blockOn?: string[];
  };
  /** Issue params never echo personal values. */
  redact?: boolean;
  /** The output record holds only the fields the rule set names. */
  minimize?: boolean;
}

/** The rule set with its defaults filled in, as the core read it. */
export interface CompiledRuleSet {
  fields: {
    name: string; kind: FieldKind; required: boolean; region: string | null; birthDate: boolean; mobile: boolean | null;
    part: 'full' | 'given' | 'family'; locale: string | null;
  }[];
  defaultRegion: string | null;
  locale: string;
  today: [number, number, number] | null;
  policies: { rejectDisposable: boolean; requireMobile: boolean; acceptPlaceholders: boolean; blockOn: string[] };
  redact: boolean;
  minimize: boolean;
}

export interface RuleSetCheck {
  valid: boolean;
  rules: CompiledRuleSet | null;
  /** `rules.*` issues, each with the path of the bad part (`fields.mobile.region`, `policies.blockOn[1]`). */
  issues: Issue[];
}

export interface RecordIssue extends Issue {
  /** Whether it makes the record invalid (errors, and warnings the policies block). */
  blocking: boolean;
}

export interface RecordChange extends Change {
  /** The record key it changed. */
  field: string;
}

export interface RecordResult {
  valid: boolean;
  /** 0-100 (docs/quality.md). */
  score: number;
  /** The standardized record (only the rule set's fields with `minimize`). */
  record: Record<string, string>;
  /** The record as given. */
  original: Record<string, unknown>;
  changes: RecordChange[];
  issues: RecordIssue[];
  /** Per field of the rule set (with the default rule set: per key whose kind is known). */
  fields: { name: string; kind: FieldKind; state: 'missing' | 'clean' | 'fixed' | 'warned' | 'invalid' }[];
}

export interface FieldStats {
  field: string;
  kind: FieldKind | null;
  present: number;
  missing: number;
  clean: number;
  fixed: number;
  warned: number;
  invalid: number;
  /** present / records. */
  completeness: number;
  /** (clean + fixed + warned) / present. */
  validity: number;
}

/** Counts only: never a value. */
export interface QualityReport {
  records: number;
  valid: number;
  rejected: number;
  /** Valid records that standardization changed. */
  fixed: number;
  /** Valid records with no change and no issue. */
  clean: number;
  /** Mean of the record scores. */
  score: number;
  /** Records per score band: 0-9, 10-19, ..., 90-99, 100. */
  scoreBands: number[];
  fields: FieldStats[];
  codes: Record<string, number>;
}

export interface Progress {
  done: number;
  total?: number;
}

export interface RecordBatchOptions {
  /** Called after each chunk (one wasm call per chunk of up to 512 records). */
  onProgress?: (p: Progress) => void;
  /** Add the records to the validator's quality report (default true). */
  report?: boolean;
}

export interface RecordValidator {
  readonly rules: CompiledRuleSet;
  validate(record: Record<string, unknown>): RecordResult;
  validateMany(records: Iterable<Record<string, unknown>>, options?: RecordBatchOptions): RecordResult[];
  /** Rows as arrays of values by column: an import whose headers are `columns`. */
  validateRows(columns: string[], rows: unknown[][], options?: RecordBatchOptions): RecordResult[];
  /** The quality report of every record validated so far. */
  report(): QualityReport;
  resetReport(): void;
  /**
   * Frees the compiled rule set. The validator lives until this is called (no finalizer frees it);
   * it is also `Symbol.dispose` where the runtime has it (`using v = createRecordValidator(...)`).
   */
  free(): void;
}

/** Thrown by `createRecordValidator` for a bad rule set. */
export class RuleSetError extends Error {
  issues: Issue[];
}

/** Reads a rule set; every problem is listed with the path of the bad part. */
export function checkRuleSet(rules: RuleSet | string, options?: { locale?: Locale }): RuleSetCheck;
/** Compiles a rule set once for many records; throws `RuleSetError` when it is bad. */
export function createRecordValidator(rules?: RuleSet | string, options?: { locale?: Locale }): RecordValidator;
export function validateRecord(record: Record<string, unknown>, rules?: RuleSet | string): RecordResult;
export function validateRecords(records: Iterable<Record<string, unknown>>, rules?: RuleSet | string, options?: { onProgress?: (p: Progress) => void }): RecordResult[];
/** The quality report of records (any iterable), without keeping the results. */
export function qualityReport(records: Iterable<Record<string, unknown>>, rules?: RuleSet | string, options?: { onProgress?: (p: Progress) => void }): QualityReport;
/** Validates a stream chunk by chunk (memory holds one chunk); resolves to the quality report. */
export function validateRecordStream(
  source: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>,
  rules?: RuleSet | string,
  options?: { chunkSize?: number; onChunk?: (results: RecordResult[]) => void | Promise<void>; onProgress?: (p: Progress) => void },
): Promise<QualityReport>;

export interface ColumnMapping {
  column: number;
  header: string;
  kind: FieldKind;
  /** A finer name: first_name, last_name, full_name, mobile, fax, street, city, region, birth_date ... */
  field: string;
  /** 0-1; ask the user to confirm below about 0.7. */
  confidence: number;
  reason: 'header' | 'values';
}

/** Which column of an import is which field, from the headers (en, fa, ar, zh, de, fr, es) and sample rows. */
export function mapHeaders(headers: string[], sampleRows?: unknown[][]): ColumnMapping[];

// ---- duplicates (issue 7) ----

/** Column roles for matching; guessed from header names when not given. */
export type DedupRole =
  | 'id' | 'given_name' | 'surname' | 'full_name' | 'email' | 'phone' | 'company' | 'website' | 'street'
  | 'street_number' | 'address2' | 'city' | 'postcode' | 'state' | 'country' | 'birth_date' | 'national_id'
  | 'updated' | 'ignore';

export type DedupRecord = Record<string, unknown> | unknown[];

export interface DedupOptions {
  /** Column names (required for array records; default: the first object's keys). */
  headers?: string[];
  roles?: Record<string, DedupRole>;
  /** Match probability at or above which a pair is a link (default 0.5). */
  threshold?: number;
  /** Region for phone numbers without a country code when a record has no country. */
  defaultRegion?: string;
  dateOrder?: 'day-first' | 'month-first';
  /** Called with a phase ('reading', 'blocking', 'comparing', 'training', 'scoring', 'clustering'). */
  onProgress?: (phase: string, done: number, total: number) => void;
  /** A second list to link against (only pairs across the two lists are compared). */
  link?: DedupRecord[];
  /** Add a golden record and merge plan to each cluster (true: default rules). */
  golden?: boolean | SurvivorshipRules;
}

export type SurvivorshipRule = 'most_recent' | 'most_complete' | 'most_frequent' | 'valid_over_invalid' | 'source_priority' | 'union';

export interface SurvivorshipRules {
  default?: SurvivorshipRule[];
  fields?: Record<string, SurvivorshipRule[]>;
  updated?: string;
  source?: string;
  sourcePriority?: string[];
}

export interface MergeDecision { column: string; value: string; from: number[]; rule: string }

export interface DedupContribution { field: string; level: string; a: string; b: string; weight: number; tfAdjustment: number }

export interface DedupExplanation {
  prior: number;
  against: 'unrelated' | 'related';
  contributions: DedupContribution[];
  mixture: number;
  weight: number;
  probability: number;
}

export interface DedupCluster {
  members: number[];
  probability: number;
  golden?: Record<string, string>;
  plan?: MergeDecision[];
}

export interface DedupStats {
  records: number; candidatePairs: number; links: number; clusters: number; duplicateClusters: number;
  emIterations: number; lambda: number; windowedBlocks: number; pairsPerKey: Record<string, number>;
}

export interface DedupMatch { record: number; id: string; weight: number; probability: number }

export interface DedupIndex {
  readonly size: number;
  readonly headers: string[];
  add(record: DedupRecord): number;
  match(record: DedupRecord, options?: { limit?: number }): DedupMatch[];
  explain(record: DedupRecord, position: number): DedupExplanation | null;
  toBytes(): Uint8Array;
  /** Frees the index's wasm memory now rather than at garbage collection. */
  free(): void;
}

export interface DedupResult {
  /** Groups of two or more records (positions in the input; linked lists follow the first). */
  clusters: DedupCluster[];
  /** Cluster number per record. */
  labels: Uint32Array;
  pairs: { a: number; b: number; weight: number; probability: number }[];
  stats: DedupStats;
  issues: { code: string; path: string; params: Record<string, string> }[];
  explain(a: number, b: number): DedupExplanation | null;
  index?: () => DedupIndex;
}

export interface Deduper {
  push(records: DedupRecord[], source?: 0 | 1): number;
  /**
   * Adds CSV (comma, semicolon or tab; RFC 4180 quoting) straight from a file's text or bytes, in chunks of any
   * size, without a JS value per cell. Each source's first row is its header; the batch's columns are
   * `options.headers` or the first header row, and other files' columns are matched to them by name. Returns the
   * record count so far (complete rows only).
   */
  pushCsv(chunk: string | Uint8Array | ArrayBuffer | ArrayBufferView, source?: 0 | 1): number;
  /** Ends a CSV file after its last chunk: a last line without a line break counts now (run() ends the rest). */
  endCsv(source?: 0 | 1): number;
  run(): DedupResult;
  index(): DedupIndex;
  /** Frees the batch's wasm memory now rather than at garbage collection. */
  free(): void;
  readonly roles: Record<string, DedupRole>;
}

/** Duplicate clusters with match probabilities, explanations and optional golden records. */
export function dedupe(records: DedupRecord[], options?: DedupOptions): DedupResult;
/** A streaming batch: push chunks, then run once. */
export function createDeduper(options?: DedupOptions): Deduper;
/** The golden record of one cluster's records and the merge plan (which record each value came from). */
export function goldenRecord(records: DedupRecord[], options?: { headers?: string[]; roles?: Record<string, DedupRole>; rules?: SurvivorshipRules | null }): { record: Record<string, string>; plan: MergeDecision[] };
/** Loads an index written by `toBytes()`; pass the headers the records use. */
export function loadDedupIndex(bytes: Uint8Array | ArrayBuffer, options?: { headers?: string[] }): DedupIndex;

// ---- forms, Standard Schema, edge handler (issue 8) ----

/** True once `init()` has resolved (or `initSync` ran): every call after that is synchronous. */
export function isReady(): boolean;
