// Compile-time test of pkg/index.d.ts (never executed): every export and type is used as a strict TypeScript
// user would, and `// @ts-expect-error` lines prove that misuse is rejected. Checked by
// `node_modules/.bin/tsc -p tests/js/tsconfig.json`.
import {
  AsYouType,
  init,
  initSync,
  issueCodes,
  limits,
  message,
  validateCountry,
  validateDate,
  validateEmail,
  validateEmails,
  validatePhone,
  validatePhones,
  versions,
} from 'intake';
import type {
  Change,
  CountryOptions,
  CountryResult,
  DateOptions,
  DateResult,
  DomainKind,
  EmailOptions,
  EmailResult,
  InitInput,
  Issue,
  IssueCodeInfo,
  Locale,
  PhoneOptions,
  PhoneResult,
  PhoneType,
  RegionCode,
  Severity,
  Versions,
} from 'intake';

// Exact type equality, so a widened or narrowed declaration fails the check.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
function assertType<T extends true>(): T | void {}

assertType<Equals<Locale, 'en' | 'fa' | 'ar' | 'zh'>>();
assertType<Equals<Severity, 'error' | 'warning'>>();
assertType<Equals<DomainKind, 'free' | 'business' | 'disposable'>>();
assertType<Equals<ReturnType<typeof init>, Promise<void>>>();
assertType<Equals<ReturnType<typeof initSync>, void>>();
assertType<Equals<ReturnType<typeof validateEmail>, EmailResult>>();
assertType<Equals<ReturnType<typeof validateEmails>, EmailResult[]>>();
assertType<Equals<ReturnType<typeof issueCodes>, IssueCodeInfo[]>>();
assertType<Equals<ReturnType<typeof message>, string>>();
assertType<Equals<ReturnType<typeof versions>, Versions>>();
assertType<Equals<EmailResult['domainKind'], DomainKind | null>>();
assertType<Equals<EmailResult['ascii'], string | null>>();
assertType<Equals<EmailResult['canonical'], string | null>>();
assertType<Equals<EmailResult['suggestion'], string | null>>();
assertType<Equals<EmailResult['issues'], Issue[]>>();
assertType<Equals<EmailResult['changes'], Change[]>>();
assertType<Equals<Issue['params'], Record<string, string>>>();
assertType<Equals<Versions['tables'], Record<string, string>>>();
assertType<Equals<typeof limits.emailInputBytes, number>>();
assertType<Equals<typeof limits.phoneInputBytes, number>>();
assertType<Equals<ReturnType<typeof validatePhone>, PhoneResult>>();
assertType<Equals<ReturnType<typeof validatePhones>, PhoneResult[]>>();
assertType<Equals<Parameters<typeof validatePhone>, [input: string, options?: PhoneOptions]>>();
assertType<Equals<RegionCode, string>>();
assertType<Equals<PhoneType,
  | 'FIXED_LINE' | 'MOBILE' | 'FIXED_LINE_OR_MOBILE' | 'TOLL_FREE' | 'PREMIUM_RATE' | 'SHARED_COST' | 'VOIP'
  | 'PERSONAL_NUMBER' | 'PAGER' | 'UAN' | 'VOICEMAIL' | 'UNKNOWN'>>();
assertType<Equals<PhoneResult['valid'], boolean>>();
assertType<Equals<PhoneResult['value'], string>>();
assertType<Equals<PhoneResult['original'], string>>();
assertType<Equals<PhoneResult['changes'], Change[]>>();
assertType<Equals<PhoneResult['e164'], string | null>>();
assertType<Equals<PhoneResult['international'], string | null>>();
assertType<Equals<PhoneResult['national'], string | null>>();
assertType<Equals<PhoneResult['rfc3966'], string | null>>();
assertType<Equals<PhoneResult['countryCode'], number | null>>();
assertType<Equals<PhoneResult['region'], RegionCode | null>>();
assertType<Equals<PhoneResult['nationalNumber'], string | null>>();
assertType<Equals<PhoneResult['extension'], string | null>>();
assertType<Equals<PhoneResult['type'], PhoneType | null>>();
assertType<Equals<PhoneResult['possible'], boolean>>();
assertType<Equals<PhoneResult['issues'], Issue[]>>();
assertType<Equals<keyof PhoneResult,
  | 'valid' | 'value' | 'original' | 'changes' | 'e164' | 'international' | 'national' | 'rfc3966' | 'countryCode'
  | 'region' | 'nationalNumber' | 'extension' | 'type' | 'possible' | 'issues'>>();
assertType<Equals<keyof PhoneOptions, 'defaultRegion' | 'locale' | 'path' | 'allowLetters' | 'formats'>>();
assertType<Equals<ReturnType<AsYouType['input']>, string>>();
assertType<Equals<ReturnType<AsYouType['set']>, string>>();
assertType<Equals<ReturnType<AsYouType['clear']>, void>>();
assertType<Equals<ReturnType<AsYouType['region']>, RegionCode | null>>();

async function initialise(
  wasmModule: WebAssembly.Module,
  bytes: Uint8Array,
  buffer: ArrayBuffer,
  response: Response,
): Promise<void> {
  await init();
  await init(wasmModule);
  await init(bytes);
  await init(buffer);
  await init(new URL('https://example.invalid/intake_bg.wasm'));
  await init('./intake_bg.wasm');
  await init(response);
  await init(fetch('/intake_bg.wasm'));
  const input: InitInput = wasmModule;
  await init(input);
  initSync(wasmModule);
  initSync(bytes);
  initSync(buffer);
  // No @ts-expect-error for init(42) or initSync(new URL(...)): lib.dom declares WebAssembly.Module as an empty
  // interface, so any non-null value is assignable to it and TypeScript cannot reject these.
}

function useResults(): string[] {
  const options: EmailOptions = {
    locale: 'fa',
    path: 'contacts[0].email',
    allowQuoted: true,
    allowComments: false,
    allowIpDomain: false,
    allowSingleLabel: false,
    allowOverlong: false,
    allowUnknownTld: true,
  };
  const empty: EmailOptions = {};
  const r: EmailResult = validateEmail(' Ali@GMIAL.com ', options);
  validateEmail('ali@example.com');
  validateEmail('ali@example.com', empty);

  const valid: boolean = r.valid;
  const value: string = r.value;
  const original: string = r.original;
  const ascii: string | null = r.ascii;
  const canonical: string | null = r.canonical;
  const suggestion: string | null = r.suggestion;
  const role: boolean = r.role;
  const placeholder: boolean = r.placeholder;
  const out: string[] = [String(valid), value, original, ascii ?? '', canonical ?? '', suggestion ?? '',
    String(role), String(placeholder)];

  switch (r.domainKind) {
    case 'free':
    case 'business':
    case 'disposable':
      out.push(r.domainKind);
      break;
    case null:
      break;
    default: {
      const never: never = r.domainKind;
      out.push(never);
    }
  }
  for (const change of r.changes) {
    const c: Change = change;
    out.push(`${c.kind}: ${c.from} -> ${c.to}`);
  }
  for (const issue of r.issues) {
    const severity: Severity = issue.severity;
    const params: Record<string, string> = issue.params;
    out.push(issue.code, issue.path, severity, issue.message, params['suggestion'] ?? '');
  }

  const many: EmailResult[] = validateEmails(['a@b.co', 'x@y.org'], { locale: 'zh' });
  const readonlyInputs: readonly string[] = ['a@b.co'];
  validateEmails(readonlyInputs);
  out.push(String(many.length));

  const codes: IssueCodeInfo[] = issueCodes();
  for (const info of codes) out.push(info.code, info.severity, info.description);
  const locales: Locale[] = ['en', 'fa', 'ar', 'zh'];
  for (const locale of locales) out.push(message('email.domain_typo', locale, { suggestion: 'ali@gmail.com' }));
  out.push(message('input.too_long'));

  const v: Versions = versions();
  out.push(v.intake, ...Object.entries(v.tables).map(([k, s]) => `${k}=${s}`));
  const cap: number = limits.emailInputBytes;
  out.push(String(cap));
  return out;
}

function usePhones(): string[] {
  const options: PhoneOptions = { defaultRegion: 'IR', locale: 'fa', path: 'contacts[0].phone', allowLetters: false };
  const empty: PhoneOptions = {};
  const r: PhoneResult = validatePhone('0912 345 6789', options);
  validatePhone('+14155552671');
  validatePhone('+14155552671', empty);
  const out: string[] = [String(r.valid), r.value, r.original, String(r.possible)];
  const e164: string | null = r.e164;
  const cc: number | null = r.countryCode;
  const region: RegionCode | null = r.region;
  out.push(e164 ?? '', r.international ?? '', r.national ?? '', r.rfc3966 ?? '', String(cc ?? ''), region ?? '',
    r.nationalNumber ?? '', r.extension ?? '');
  switch (r.type) {
    case 'MOBILE':
    case 'FIXED_LINE':
    case 'FIXED_LINE_OR_MOBILE':
    case 'TOLL_FREE':
    case 'PREMIUM_RATE':
    case 'SHARED_COST':
    case 'VOIP':
    case 'PERSONAL_NUMBER':
    case 'PAGER':
    case 'UAN':
    case 'VOICEMAIL':
    case 'UNKNOWN':
      out.push(r.type);
      break;
    case null:
      break;
    default: {
      const never: never = r.type;
      out.push(never);
    }
  }
  for (const c of r.changes) out.push(c.kind, c.from, c.to);
  for (const issue of r.issues) out.push(issue.code, issue.path, issue.severity, issue.message);
  const inputs: readonly string[] = ['0912 345 6789', '+98 912 345 6789'];
  const many: PhoneResult[] = validatePhones(inputs, { defaultRegion: 'IR' });
  validatePhones(['+14155552671']);
  out.push(String(many.length));

  const typer = new AsYouType('IR');
  new AsYouType();
  for (const ch of '09123456789') out.push(typer.input(ch));
  out.push(typer.set('0912'));
  typer.clear();
  const detected: RegionCode | null = typer.region();
  out.push(detected ?? '', String(limits.phoneInputBytes));
  return out;
}

function misusePhones(): void {
  // @ts-expect-error input must be a string
  validatePhone(989123456789);
  // @ts-expect-error inputs must be an array of strings
  validatePhones('0912 345 6789');
  // @ts-expect-error unknown option
  validatePhone('0912', { region: 'IR' });
  // @ts-expect-error allowLetters is a boolean
  validatePhone('1-800-FLOWERS', { allowLetters: 'yes' });
  // @ts-expect-error locale must be a Locale
  validatePhone('0912', { locale: 'de' });
  // @ts-expect-error exactOptionalPropertyTypes: an explicit undefined is not a region
  validatePhone('0912', { defaultRegion: undefined });
  const r = validatePhone('0912 345 6789');
  // @ts-expect-error e164 may be null
  const e164: string = r.e164;
  // @ts-expect-error type may be null
  const type: PhoneType = r.type;
  // @ts-expect-error not a PhoneType
  const cell: PhoneType = 'CELL';
  // @ts-expect-error countryCode is a number
  const cc: string | null = r.countryCode;
  // @ts-expect-error limits is read-only
  limits.phoneInputBytes = 1;
  // @ts-expect-error AsYouType is a class
  AsYouType('IR');
  // @ts-expect-error input takes a string
  new AsYouType('IR').input(9);
  void e164;
  void type;
  void cell;
  void cc;
}

function misuse(): void {
  // @ts-expect-error locale must be one of the Locale strings
  validateEmail('a@b.co', { locale: 'de' });
  // @ts-expect-error allowQuoted is a boolean, not a string
  validateEmail('a@b.co', { allowQuoted: 'yes' });
  // @ts-expect-error unknown option
  validateEmail('a@b.co', { allowEverything: true });
  // @ts-expect-error input must be a string
  validateEmail(42);
  // @ts-expect-error inputs must be an array of strings
  validateEmails('a@b.co');
  // @ts-expect-error exactOptionalPropertyTypes: an explicit undefined is not a Locale
  validateEmail('a@b.co', { locale: undefined });
  // @ts-expect-error message locale must be a Locale
  message('input.too_long', 'de');
  // @ts-expect-error params values are strings
  message('email.domain_typo', 'en', { suggestion: 1 });
  // @ts-expect-error limits is read-only
  limits.emailInputBytes = 1;
  const r = validateEmail('a@b.co');
  // @ts-expect-error domainKind may be null
  const kind: DomainKind = r.domainKind;
  // @ts-expect-error ascii may be null
  const ascii: string = r.ascii;
  // @ts-expect-error severity is 'error' | 'warning'
  const sev: Severity = 'info';
  void kind;
  void ascii;
  void sev;
}

export { initialise, misuse, misusePhones, usePhones, useResults };

// Countries and dates.
assertType<Equals<ReturnType<typeof validateCountry>, CountryResult>>();
assertType<Equals<Parameters<typeof validateCountry>, [input: string, options?: CountryOptions]>>();
assertType<Equals<keyof CountryOptions, 'locale' | 'path'>>();
assertType<Equals<CountryOptions['locale'], Locale | undefined>>();
assertType<Equals<keyof CountryResult,
  'valid' | 'value' | 'original' | 'changes' | 'alpha2' | 'alpha3' | 'numeric' | 'name' | 'issues'>>();
assertType<Equals<CountryResult['alpha2'], string | null>>();
assertType<Equals<CountryResult['alpha3'], string | null>>();
assertType<Equals<CountryResult['numeric'], number | null>>();
assertType<Equals<CountryResult['name'], string | null>>();
assertType<Equals<CountryResult['changes'], Change[]>>();
assertType<Equals<CountryResult['issues'], Issue[]>>();
assertType<Equals<ReturnType<typeof validateDate>, DateResult>>();
assertType<Equals<Parameters<typeof validateDate>, [input: string, options?: DateOptions]>>();
assertType<Equals<keyof DateOptions, 'locale' | 'path' | 'order' | 'calendar' | 'birthDate' | 'today'>>();
assertType<Equals<DateOptions['order'], 'dmy' | 'mdy' | undefined>>();
assertType<Equals<DateOptions['calendar'], 'auto' | 'gregorian' | 'jalali' | 'hijri' | undefined>>();
assertType<Equals<DateOptions['today'], string | Date | null | undefined>>();
assertType<Equals<DateOptions['birthDate'], boolean | undefined>>();
assertType<Equals<keyof DateResult, 'valid' | 'value' | 'original' | 'changes' | 'iso' | 'calendar' | 'native' | 'issues'>>();
assertType<Equals<DateResult['iso'], string | null>>();
assertType<Equals<DateResult['native'], string | null>>();
assertType<Equals<DateResult['calendar'], 'gregorian' | 'jalali' | 'hijri' | null>>();
assertType<Equals<DateResult['issues'], Issue[]>>();

export function useCountriesAndDates(): string[] {
  const co: CountryOptions = { locale: 'fa', path: 'rows[0].country' };
  const c: CountryResult = validateCountry('ایران', co);
  validateCountry('DE');
  const out: string[] = [String(c.valid), c.value, c.original, c.alpha2 ?? '', c.alpha3 ?? '', String(c.numeric ?? ''), c.name ?? ''];
  const d1: DateOptions = { locale: 'en-US', path: 'dob', order: 'mdy', calendar: 'jalali', birthDate: true, today: '2024-06-01' };
  const d2: DateOptions = { locale: 'fa', order: 'dmy', calendar: 'auto', today: new Date() };
  const d: DateResult = validateDate('03/04/1990', d1);
  validateDate('۱۴۰۳/۰۳/۱۲', d2);
  validateDate('1990-05-03');
  out.push(d.iso ?? '', d.native ?? '', d.calendar ?? 'unknown', String(d.valid), d.value, d.original,
    ...d.changes.map((ch) => ch.kind), ...d.issues.map((i) => i.code));
  // @ts-expect-error order is 'dmy' | 'mdy'
  validateDate('1/2/2000', { order: 'ymd' });
  // @ts-expect-error no such calendar
  validateDate('1/2/2000', { calendar: 'julian' });
  // @ts-expect-error birthDate is a boolean
  validateDate('1/2/2000', { birthDate: 'yes' });
  // @ts-expect-error today is a string or a Date
  validateDate('1/2/2000', { today: 20240601 });
  // @ts-expect-error country locale is a Locale, not any tag
  validateCountry('Iran', { locale: 'de' });
  // @ts-expect-error input must be a string
  validateCountry(42);
  // @ts-expect-error no such option
  validateCountry('Iran', { defaultRegion: 'IR' });
  return out;
}

// ---- addresses and postcodes (issue 5) ----
import {
  formatAddress,
  validateAddress,
  validateAddresses,
  validatePostcode,
  validatePostcodes,
} from 'intake';
import type { AddressOptions, AddressResult, AddressStyle, FormatAddressParts, PostcodeResult } from 'intake';

export function addressTypes(): string[] {
  const style: AddressStyle = 'short';
  const o: AddressOptions = { country: 'US', locale: 'fa', path: 'street', style };
  const a: AddressResult = validateAddress('1 Main St', o);
  const many: AddressResult[] = validateAddresses(['1 Main St', 42], { country: 'Iran' });
  const out: string[] = [a.value, a.parts.houseNumber ?? '', a.parts.unit?.kind ?? '', a.keys.key ?? '', String(many.length)];
  const p: PostcodeResult = validatePostcode('sw1a1aa', { country: 'GB', locale: 'en' });
  out.push(p.value, p.country ?? '', p.region ?? '', String(validatePostcodes(['1'], { country: 'US' }).length));
  const parts: FormatAddressParts = { name: 'Ada', streetAddress: ['1 Main St'], city: 'Boston', postcode: '02108' };
  out.push(formatAddress(parts, { country: 'US', latin: false, withCountry: false }));
  // @ts-expect-error no such style
  validateAddress('1 Main St', { style: 'tiny' });
  // @ts-expect-error the address locale is a Locale
  validateAddress('1 Main St', { locale: 'de' });
  // @ts-expect-error input must be a string
  validatePostcode(42);
  return out;
}

// Companies and websites (issue 5).
import { validateCompany, validateCompanies, validateWebsite, validateWebsites } from '../../pkg/index.js';
import type { CompanyOptions, CompanyResult, LegalForm, SocialNetwork, SocialProfile, WebsiteOptions, WebsiteResult } from '../../pkg/index.js';
assertType<Equals<ReturnType<typeof validateWebsite>, WebsiteResult>>();
assertType<Equals<Parameters<typeof validateWebsite>, [input: string, options?: WebsiteOptions]>>();
assertType<Equals<keyof WebsiteOptions, 'locale' | 'path' | 'network'>>();
assertType<Equals<keyof WebsiteResult, 'valid' | 'value' | 'original' | 'changes' | 'host' | 'domain' | 'social' | 'issues'>>();
assertType<Equals<WebsiteResult['social'], SocialProfile | null>>();
assertType<Equals<SocialProfile['network'], SocialNetwork>>();
assertType<Equals<ReturnType<typeof validateWebsites>, WebsiteResult[]>>();
assertType<Equals<ReturnType<typeof validateCompany>, CompanyResult>>();
assertType<Equals<keyof CompanyOptions, 'locale' | 'path' | 'website' | 'email'>>();
assertType<Equals<keyof CompanyResult, 'valid' | 'value' | 'original' | 'changes' | 'core' | 'legalForm' | 'key' | 'domain' | 'issues'>>();
assertType<Equals<CompanyResult['legalForm'], LegalForm | null>>();
assertType<Equals<LegalForm['position'], 'start' | 'end'>>();
assertType<Equals<ReturnType<typeof validateCompanies>, CompanyResult[]>>();

export function useCompaniesAndWebsites(): string[] {
  const w = validateWebsite('instagram: @acme', { network: 'instagram', locale: 'fa' });
  const c = validateCompany('ACME GMBH', { website: 'acme.de', email: 'a@acme.de' });
  // @ts-expect-error no such network
  validateWebsite('@acme', { network: 'myspace' });
  // @ts-expect-error website is a string
  validateCompany('Acme', { website: 42 });
  return [w.value, w.social?.handle ?? '', w.domain ?? '', c.legalForm?.canonical ?? '', c.key ?? '', ...c.legalForm?.countries ?? []];
}

// Names (issue 5).
import { validateName, validateNames, sameGivenName } from '../../pkg/index.js';
import type { NameKeys, NameOptions, NamePart, NameParts, NameResult } from '../../pkg/index.js';
assertType<Equals<ReturnType<typeof validateName>, NameResult>>();
assertType<Equals<Parameters<typeof validateName>, [input: string, options?: NameOptions]>>();
assertType<Equals<keyof NameOptions, 'part' | 'locale' | 'path' | 'keys'>>();
assertType<Equals<NamePart, 'full' | 'given' | 'family'>>();
assertType<Equals<keyof NameResult, 'valid' | 'value' | 'original' | 'changes' | 'parts' | 'scripts' | 'keys' | 'issues'>>();
assertType<Equals<keyof NameParts, 'honorific' | 'given' | 'middle' | 'family' | 'suffix'>>();
assertType<Equals<NameResult['keys'], NameKeys | null>>();
assertType<Equals<keyof NameKeys, 'fold' | 'given' | 'family' | 'phonetic' | 'givenGroups'>>();
assertType<Equals<ReturnType<typeof validateNames>, NameResult[]>>();
assertType<Equals<ReturnType<typeof sameGivenName>, boolean>>();

export function useNames(): string[] {
  const n = validateName('DR. JEAN-LUC MCDONALD JR', { part: 'full', locale: 'fa', keys: true });
  const many = validateNames(['علی', 'Bob'], { part: 'given' });
  // @ts-expect-error no such part
  validateName('Ali', { part: 'middle' });
  // @ts-expect-error keys is a boolean
  validateName('Ali', { keys: 'yes' });
  return [n.value, n.parts.family ?? '', n.keys?.phonetic ?? '', ...(many[0]?.keys?.givenGroups ?? []), String(sameGivenName('Bill', 'William'))];
}

// Records, rule sets, header mapping, quality report (issue 6).
import { checkRuleSet, createRecordValidator, mapHeaders, qualityReport, validateRecord, validateRecords, validateRecordStream, RuleSetError } from '../../pkg/index.js';
import type { ColumnMapping, FieldKind, QualityReport, RecordResult, RecordValidator, RuleSet, RuleSetCheck } from '../../pkg/index.js';
assertType<Equals<ReturnType<typeof validateRecord>, RecordResult>>();
assertType<Equals<ReturnType<typeof validateRecords>, RecordResult[]>>();
assertType<Equals<ReturnType<typeof createRecordValidator>, RecordValidator>>();
assertType<Equals<ReturnType<typeof checkRuleSet>, RuleSetCheck>>();
assertType<Equals<ReturnType<typeof mapHeaders>, ColumnMapping[]>>();
assertType<Equals<ReturnType<typeof qualityReport>, QualityReport>>();
assertType<Equals<ReturnType<typeof validateRecordStream>, Promise<QualityReport>>>();
assertType<Equals<keyof RecordResult, 'valid' | 'score' | 'record' | 'original' | 'changes' | 'issues' | 'fields'>>();
assertType<Equals<FieldKind, 'email' | 'phone' | 'name' | 'company' | 'address' | 'postcode' | 'country' | 'date' | 'website' | 'text'>>();

export function useRecords(): string[] {
  const rules: RuleSet = { fields: { email: { kind: 'email', required: true }, mobile: 'phone' }, policies: { blockOn: ['email.role_account'] } };
  const v = createRecordValidator(rules);
  const r = v.validate({ email: 'a@b.co', mobile: 912 });
  const rows = v.validateRows(['email'], [['x@y.z']], { onProgress: (p) => void p.done });
  const report = v.report();
  v.free();
  // @ts-expect-error no such kind
  checkRuleSet({ fields: { a: 'emial' } });
  const m = mapHeaders(['E-mail'], [['a@b.co']]);
  const err = new RuleSetError();
  return [r.record['email'] ?? '', String(rows.length), String(report.score), m[0]?.kind ?? '', String(err.issues.length), r.fields[0]?.state ?? ''];
}

// ---- duplicates (issue 7): CSV straight into a deduper ----
import { createDeduper } from '../../pkg/index.js';
import type { Deduper } from '../../pkg/index.js';

export function useDedupCsv(bytes: Uint8Array): number {
  const d: Deduper = createDeduper({ threshold: 0.6 });
  d.pushCsv('id,first_name,last_name\n1,Ann,Lee\n');
  d.pushCsv(bytes, 1);
  d.pushCsv(new ArrayBuffer(8));
  d.endCsv(1);
  // @ts-expect-error a number is not CSV
  d.pushCsv(42);
  return d.run().clusters.length;
}
