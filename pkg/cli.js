#!/usr/bin/env node
// intake command line: clean a CSV / TSV / JSONL file of contact records.
//
//   intake clean contacts.csv [--out FILE] [--report FILE.json] [--locale en|fa|ar|zh] [--region XX]
//                             [--email-column NAME]... [--phone-column NAME]... [--country-column NAME]...
//                             [--date-column NAME]... [--date-order dmy|mdy]
//   intake --help | --version
//
// Per-field work is table-driven: FIELD_HANDLERS lists each kind of field (email, phone, country, birth date)
// with how to find its columns, how to check a batch of values and which columns it appends. Everything else
// (streaming, batching, statistics, report) is generic.

import { createReadStream, createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, extname } from 'node:path';
import { CsvError, CsvParser, toCsvRow } from './csv.js';

const EXIT_USAGE = 2;
const EXIT_FAILURE = 1;
const BATCH = 1000; // records per validateEmails call
const SNIFF_ROWS = 100; // records looked at to detect columns from values
const MAX_LISTED = 1000; // malformed lines kept in the JSON report
const MAX_PRINTED = 10; // malformed lines printed
const LOCALES = ['en', 'fa', 'ar', 'zh'];

class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// Header matching

/** Folds a header for comparison: NFKC, lowercase, no separators, Arabic-script letter variants unified. */
function normalizeHeader(h) {
  return String(h)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200b-\u200f\u2066-\u2069\ufeff\u0640]/g, '') // zero-width, bidi marks, tatweel
    .replace(/[\s_\-.:/()[\]#*]+/g, '')
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[أإآٱ]/g, 'ا')
    .normalize('NFC');
}

const EMAIL_HEADER_NAMES = [
  // en
  'email', 'e-mail', 'e_mail', 'emails', 'email address', 'email_address', 'e-mail address', 'email addr', 'mail',
  'mail address', 'mailaddress', 'electronic mail',
  // de
  'E-Mail-Adresse', 'email-adresse', 'mailadresse', 'e-mail adresse', 'elektronische post',
  // fr
  'courriel', 'adresse courriel', 'adresse e-mail', 'adresse email', 'adresse mail', 'adresse électronique', 'mél',
  // es / pt / it
  'correo', 'correo electrónico', 'correo electronico', 'dirección de correo', 'direccion de correo',
  'dirección de correo electrónico', 'email (correo)', 'correio eletrônico', 'correio electrónico',
  'endereço de email', 'endereço de e-mail', 'posta elettronica', 'indirizzo email', 'indirizzo e-mail',
  // nl / nordic / tr / ru
  'e-mailadres', 'emailadres', 'e-post', 'epost', 'e-postadresse', 'sähköposti', 'e-posta', 'eposta',
  'почта', 'электронная почта', 'эл. почта', 'эл почта', 'email адрес',
  // fa
  'ایمیل', 'آدرس ایمیل', 'نشانی ایمیل', 'پست الکترونیک', 'پست الکترونیکی', 'نشانی پست الکترونیک', 'رایانامه',
  'ایمیل کاری', 'ایمیل شخصی', 'ایمیل سازمانی',
  // ar
  'البريد الإلكتروني', 'البريد الالكتروني', 'بريد إلكتروني', 'بريد الكتروني', 'البريد', 'الايميل', 'الإيميل',
  'ايميل', 'إيميل', 'عنوان البريد الإلكتروني', 'عنوان البريد',
  // zh / ja / ko
  '电子邮件', '电子邮箱', '邮箱', '邮件', '邮件地址', '邮箱地址', '电邮', '電子郵件', '電子郵箱', '電郵', '郵箱',
  '電子信箱', 'メール', 'メールアドレス', 'eメール', '이메일', '이메일 주소', '전자우편',
];
const HEADER_PREFIXES = ['work', 'personal', 'home', 'business', 'primary', 'secondary', 'contact', 'customer',
  'private', 'other', 'alt', 'alternate', 'billing', 'company', 'office', 'main', 'user', 'client', 'corporate'];

function headerMatcher(names, prefixes) {
  const set = new Set(names.map(normalizeHeader));
  const pre = prefixes.map(normalizeHeader);
  return (header) => {
    let h = normalizeHeader(header).replace(/\d{1,2}$/, ''); // email2, email_1
    if (set.has(h)) return true;
    for (const p of pre) if (h.startsWith(p) && set.has(h.slice(p.length))) return true;
    return false;
  };
}

const PHONE_HEADER_NAMES = [
  // en
  'phone', 'phones', 'phone number', 'phone no', 'phone num', 'phonenumber', 'telephone', 'telephone number',
  'telephone no', 'tel', 'tel no', 'tel nr', 'tel number', 'mobile', 'mobile number', 'mobile phone', 'mobile no',
  'cell', 'cell phone', 'cellphone', 'cell number', 'cell no', 'whatsapp', 'whatsapp number', 'contact number',
  'contact no', 'landline', 'msisdn', 'sms', 'sms number',
  // de
  'Telefon', 'Telefonnummer', 'Tel.-Nr.', 'Rufnummer', 'Handy', 'Handynummer', 'Mobiltelefon', 'Mobilnummer',
  'Mobilfunknummer', 'Festnetz', 'Festnetznummer',
  // fr
  'téléphone', 'tél', 'numéro de téléphone', 'no de téléphone', 'n° de téléphone', 'portable', 'numéro de portable',
  'téléphone portable', 'tél portable', 'mobile', 'numéro de mobile', 'téléphone mobile', 'fixe', 'téléphone fixe',
  // es / pt / it / nl
  'teléfono', 'telefono', 'número de teléfono', 'numero de telefono', 'móvil', 'movil', 'teléfono móvil', 'celular',
  'número de celular', 'numero de celular', 'telefone', 'número de telefone', 'numero de telefone', 'telemóvel',
  'telemovel', 'cellulare', 'numero di telefono', 'telefoon', 'telefoonnummer', 'mobiel', 'mobiel nummer',
  // nordic / tr / ru
  'telefonnummer', 'mobilnummer', 'puhelin', 'puhelinnumero', 'cep telefonu', 'telefon numarası', 'gsm',
  'телефон', 'номер телефона', 'мобильный', 'мобильный телефон', 'моб телефон', 'сотовый', 'тел',
  // fa
  'تلفن', 'شماره تلفن', 'موبایل', 'شماره موبایل', 'تلفن همراه', 'همراه', 'شماره همراه', 'شماره تماس', 'تلفن ثابت',
  'واتساپ', 'شماره واتساپ', 'تلفن تماس',
  // ar
  'هاتف', 'الهاتف', 'رقم الهاتف', 'جوال', 'الجوال', 'رقم الجوال', 'موبايل', 'الموبايل', 'رقم الموبايل', 'محمول',
  'الهاتف المحمول', 'رقم المحمول', 'تلفون', 'رقم التلفون', 'واتساب', 'رقم الواتساب', 'رقم التواصل', 'رقم الاتصال',
  // zh / ja / ko
  '电话', '电话号码', '手机', '手机号', '手机号码', '联系电话', '移动电话', '座机', '電話', '電話號碼',
  '手機', '手機號碼', '聯絡電話', '電話番号', '携帯', '携帯電話', '携帯番号', '전화', '전화번호', '휴대폰',
  '휴대전화', '핸드폰', '연락처',
];
const PHONE_HEADER_PREFIXES = [...HEADER_PREFIXES, 'mobile', 'cell', 'fixed', 'direct', 'emergency'];

const COUNTRY_HEADER_NAMES = [
  'country', 'country code', 'countrycode', 'country iso', 'country iso2', 'iso country', 'iso country code', 'iso2',
  'country region', 'country/region', 'nation', 'Land', 'Ländercode', 'Landescode', 'pays', 'code pays', 'país', 'pais',
  'paese', 'land', 'landcode', 'страна', 'код страны', 'ülke', 'کشور', 'کد کشور', 'الدولة', 'الدوله', 'دولة', 'البلد',
  'بلد', 'رمز الدولة', '国家', '国家地区', '国家/地区', '國家', '國家/地區', '国', '국가',
];
const DATE_HEADER_NAMES = [
  // en
  'date of birth', 'date_of_birth', 'birth date', 'birthdate', 'birth_date', 'dob', 'd.o.b.', 'birthday', 'bday',
  'birth day', 'date born',
  // de / fr / es / pt / it / nl
  'Geburtsdatum', 'Geburtstag', 'Geb.-Datum', 'date de naissance', 'naissance', 'date naissance', 'fecha de nacimiento',
  'fecha nacimiento', 'fecha nac', 'nacimiento', 'data de nascimento', 'data nascimento', 'nascimento',
  'data di nascita', 'geboortedatum',
  // ru / tr
  'дата рождения', 'день рождения', 'doğum tarihi',
  // fa
  'تاریخ تولد', 'تاریخ‌تولد', 'تولد', 'روز تولد',
  // ar
  'تاريخ الميلاد', 'تاريخ الولادة', 'الميلاد', 'يوم الميلاد',
  // zh / ja / ko
  '出生日期', '生日', '出生年月日', '生年月日', '誕生日', '생년월일', '생일',
];

// Websites and companies (issue 5).
const WEBSITE_HEADER_NAMES = [
  'website', 'web site', 'websites', 'web', 'url', 'homepage', 'home page', 'site', 'web address', 'webpage',
  'Webseite', 'Internetseite', 'Internetadresse', 'site web', 'site internet', 'sitio web', 'página web', 'pagina web',
  'sítio', 'sitio', 'endereço do site', 'وب‌سایت', 'وبسایت', 'وب سایت', 'سایت', 'آدرس سایت', 'نشانی وب', 'الموقع',
  'الموقع الإلكتروني', 'الموقع الالكتروني', 'موقع', 'موقع الويب', '网站', '网址', '官网', '網站', '網址', 'ウェブサイト',
  'ホームページ', '웹사이트', '홈페이지',
];
/** Columns named after a social network hold its handles (`@acme`): header -> the network option. */
const SOCIAL_HEADERS = {
  linkedin: 'linkedin', twitter: 'x', x: 'x', facebook: 'facebook', instagram: 'instagram', github: 'github',
  telegram: 'telegram', youtube: 'youtube', tiktok: 'tiktok', aparat: 'aparat', weibo: 'weibo', wechat: 'wechat',
  weixin: 'wechat', 'لینکدین': 'linkedin', 'اینستاگرام': 'instagram', 'تلگرام': 'telegram', 'آپارات': 'aparat',
  'انستقرام': 'instagram', 'تويتر': 'x', 'فيسبوك': 'facebook', '微信': 'wechat', '微博': 'weibo', '抖音': 'tiktok',
};
const COMPANY_HEADER_NAMES = [
  'company', 'company name', 'companyname', 'organization', 'organisation', 'organization name', 'organisation name',
  'org', 'employer', 'business name', 'firm', 'Firma', 'Firmenname', 'Unternehmen', 'société', 'entreprise',
  'raison sociale', 'empresa', 'compañía', 'nombre de la empresa', 'companhia', 'organização', 'nome da empresa',
  'شرکت', 'نام شرکت', 'سازمان', 'محل کار', 'الشركة', 'اسم الشركة', 'شركة', 'المؤسسة', 'جهة العمل', '公司',
  '公司名称', '单位', '工作单位', '企业', '公司名稱', '会社', '会社名', '회사', '회사명',
];
const socialNetworkOf = (header) => SOCIAL_HEADERS[normalizeHeader(header)] ?? SOCIAL_HEADERS[String(header).trim().toLowerCase()];

/** Common non-ISO two-letter country codes written in country columns, and the ISO code meant. */
const COUNTRY_ALIASES = { UK: 'GB', EL: 'GR' };

/** The ISO 3166-1 alpha-2 code a country cell holds, or null. */
function regionCode(v) {
  const r = String(v ?? '').normalize('NFKC').trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(r)) return null;
  return COUNTRY_ALIASES[r] ?? r;
}

/**
 * Sampled values that say a "country code" column holds calling codes (44, +98, 1-684), not countries: mostly
 * digits, and not all three-digit ISO numeric codes (044 or 364). validateCountry would read 44 as ISO numeric 044
 * (the Bahamas), so such a column is never taken as a country column.
 */
function looksLikeDialCodes(values) {
  const filled = values.map((v) => asciiDigits(v.normalize('NFKC').trim())).filter((v) => v !== '');
  const numeric = filled.filter((v) => /^\+?[\d\s-]+$/.test(v));
  return filled.length > 0 && numeric.length / filled.length > 0.5 && numeric.some((v) => !/^\d{3}$/.test(v));
}

/** Folds any script's decimal digits to ASCII (for the value heuristics only; the core does its own folding). */
function asciiDigits(s) {
  return s.replace(/\p{Nd}/gu, (d) => {
    let cp = d.codePointAt(0);
    if (cp < 128) return d;
    let start = cp;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
    return String.fromCharCode(48 + ((cp - start) % 10));
  });
}

/** A date as people write them (2.9.1980, 1989-12-02, 05/13/1970, 19970623, ۱۳۷۷/۰۱/۲۸): never a phone number. */
function looksLikeDate(v) {
  const s = asciiDigits(v.trim());
  const year = (y) => (y.length === 2) || (+y >= 1300 && +y <= 2100);
  const md = (a, b) => +a >= 1 && +b >= 1 && ((+a <= 12 && +b <= 31) || (+a <= 31 && +b <= 12));
  let m = /^(\d{4})([-./])(\d{1,2})\2(\d{1,2})$/.exec(s) ?? /^(\d{4})()(\d{2})(\d{2})$/.exec(s);
  if (m && year(m[1]) && md(m[3], m[4])) return true;
  m = /^(\d{1,2})([-./])(\d{1,2})\2(\d{2}|\d{4})$/.exec(s);
  return Boolean(m && year(m[4]) && md(m[1], m[3]));
}

/**
 * Mostly digits and phone punctuation: 7 to 17 digits (any script), nothing but + ( ) - . / spaces and an
 * extension marker besides, and not a date. Used only when no header names a phone column.
 */
function looksLikePhone(v) {
  const s = asciiDigits(v.normalize('NFKC').trim());
  if (s.includes('@') || looksLikeDate(s)) return false;
  const rest = s.replace(/^tel:/i, '').replace(/(\s*(?:;ext=|ext\.?|x|#)\s*\d{1,7})$/i, '');
  if (!/^[+]?[\d\s().\-/\u00a0\u2010-\u2015\u200e\u200f]+$/.test(rest)) return false;
  const digits = rest.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 17;
}

// Names (issue 5): the header also says which part of a name the column holds.
const NAME_HEADER_PARTS = {
  given: ['first name', 'firstname', 'first', 'given name', 'givenname', 'forename', 'fname', 'Vorname', 'prénom',
    'prenom', 'nombre', 'nome', 'primeiro nome', 'voornaam', 'имя', 'نام', 'نام کوچک', 'الاسم الأول', 'الاسم الاول',
    'الاسم الاول', '名', '名字'],
  family: ['last name', 'lastname', 'last', 'surname', 'family name', 'familyname', 'lname', 'Nachname', 'Familienname',
    'nom', 'nom de famille', 'apellido', 'apellidos', 'sobrenome', 'achternaam', 'фамилия', 'نام خانوادگی',
    'نام‌خانوادگی', 'فامیلی', 'اسم العائلة', 'اسم العائله', 'اللقب', '姓', '姓氏'],
  full: ['name', 'full name', 'fullname', 'contact name', 'customer name', 'client name', 'person', 'nombre completo',
    'nome completo', 'vollständiger name', 'nom complet', 'фио', 'نام و نام خانوادگی', 'نام کامل', 'الاسم',
    'الاسم الكامل', '姓名', '名前', '이름'],
};
const nameMatchers = Object.entries(NAME_HEADER_PARTS).map(([part, names]) => [part, headerMatcher(names, [])]);
/** The name part a column holds by its header (`full` when the header says nothing). */
const namePartOf = (header) => nameMatchers.find(([, m]) => m(header))?.[0] ?? 'full';

// ---------------------------------------------------------------------------------------------------------------
// Field handlers. Each one: which columns it owns and how to check a batch of values.
//   field          name used in reports and in appended column names
//   option         CLI option naming columns explicitly (repeatable)
//   matchHeader    (header) -> boolean
//   matchValue     (value, api) -> boolean; a column where > 50% of the first rows match is taken when no header
//                  matches (null: never detected from values)
//   rejectColumn   (sampled values) -> boolean: a column this handler's header or values matched is not taken after all
//   check(values, {api, locale, path, regions, dateOrder})
//                  -> [{ value, valid, suggestion?, type?, issues: [{code, severity, params}] }]
//                  (regions[i] is the default region for values[i], or null; only handlers with usesRegion get it)
//   output         (outcome, cell) -> what replaces the cell (default: outcome.value)
//   extras         appended columns: suffix and how to render an outcome (empty cells render '')
//   suggestions    the field has suggestions (counted and reported)
//   types          the outcome has a `type` worth tallying in the report
//   tally          { key, of(outcome) }: another property of valid outcomes tallied in the report under `key`
//   usesRegion     checks need a default region (--region, or the row's country column)

const FIELD_HANDLERS = [
  {
    field: 'email',
    option: 'email-column',
    matchHeader: headerMatcher(EMAIL_HEADER_NAMES, HEADER_PREFIXES),
    matchValue: (v) => v.includes('@') || v.includes('＠'),
    check(values, { api, locale, path }) {
      return api.validateEmails(values, { locale, path });
    },
    extras: [
      { suffix: 'valid', render: (o) => o.valid },
      { suffix: 'suggestion', render: (o) => o.suggestion ?? null },
    ],
    suggestions: true,
  },
  {
    field: 'phone',
    option: 'phone-column',
    matchHeader: headerMatcher(PHONE_HEADER_NAMES, PHONE_HEADER_PREFIXES),
    matchValue: looksLikePhone,
    usesRegion: true,
    types: true,
    // One validatePhones call per default region present in the batch; results back in input order.
    check(values, { api, locale, path, regions }) {
      const out = new Array(values.length);
      const groups = new Map();
      values.forEach((_, i) => {
        const r = regions[i] ?? '';
        if (!groups.has(r)) groups.set(r, []);
        groups.get(r).push(i);
      });
      for (const [region, idx] of groups) {
        const options = region ? { locale, path, defaultRegion: region } : { locale, path };
        const res = api.validatePhones(idx.map((i) => values[i]), options);
        idx.forEach((i, k) => { out[i] = res[k]; });
      }
      return out;
    },
    // A valid number is written in E.164 (with ;ext=); an invalid one is kept as typed, so that a person can
    // still fix it (its E.164 form would assert a country code and digits that are known to be wrong).
    output: (o, cell) => (o.valid ? o.value : cell),
    extras: [
      { suffix: 'valid', render: (o) => o.valid },
      { suffix: 'type', render: (o) => o.type ?? null },
    ],
  },
  {
    field: 'country',
    option: 'country-column',
    matchHeader: headerMatcher(COUNTRY_HEADER_NAMES, HEADER_PREFIXES),
    // Names and letter codes only: a column of small numbers (ages, quantities) is not read as ISO numeric codes.
    matchValue: (v, api) => !/^[+\d\s.-]*$/.test(asciiDigits(v)) && api.validateCountry(v).valid,
    rejectColumn: looksLikeDialCodes,
    check(values, { api, locale, path }) {
      return values.map((v) => api.validateCountry(v, { locale, path }));
    },
    // The ISO 3166-1 alpha-2 code when the country is known; anything else is kept as typed.
    output: (o, cell) => o.alpha2 ?? cell,
    extras: [{ suffix: 'valid', render: (o) => o.valid }],
  },
  {
    field: 'date',
    option: 'date-column',
    matchHeader: headerMatcher(DATE_HEADER_NAMES, HEADER_PREFIXES),
    matchValue: null, // a column of dates is not necessarily birth dates: header or --date-column only
    check(values, { api, locale, path, dateOrder }) {
      const options = dateOrder ? { locale, path, order: dateOrder, birthDate: true } : { locale, path, birthDate: true };
      return values.map((v) => api.validateDate(v, options));
    },
    // ISO 8601 when the date was understood (also when implausible as a birth date); otherwise kept as typed.
    output: (o, cell) => o.iso ?? cell,
    extras: [{ suffix: 'calendar', render: (o) => o.calendar ?? null }],
    tally: { key: 'calendars', of: (o) => o.calendar },
  },
  {
    field: 'website',
    option: 'website-column',
    matchHeader: (h) => headerMatcher(WEBSITE_HEADER_NAMES, HEADER_PREFIXES)(h) || socialNetworkOf(h) !== undefined,
    matchValue: null, // header or --website-column only
    // A column named after a network (instagram, تلگرام) reads bare handles as handles on it.
    check(values, { api, locale, path }) {
      const network = socialNetworkOf(path);
      return api.validateWebsites(values, network ? { locale, path, network } : { locale, path });
    },
    // The standardized address when valid; anything else is kept as typed.
    output: (o, cell) => (o.valid ? o.value : cell),
    extras: [{ suffix: 'valid', render: (o) => o.valid }, { suffix: 'domain', render: (o) => o.domain ?? null }],
  },
  {
    field: 'company',
    option: 'company-column',
    matchHeader: headerMatcher(COMPANY_HEADER_NAMES, []),
    matchValue: null, // header or --company-column only
    check(values, { api, locale, path }) {
      return api.validateCompanies(values, { locale, path });
    },
    output: (o, cell) => (o.valid ? o.value : cell),
    extras: [{ suffix: 'legal_form', render: (o) => o.legalForm?.canonical ?? null }],
  },
  {
    field: 'name',
    option: 'name-column',
    matchHeader: (h) => nameMatchers.some(([, m]) => m(h)),
    matchValue: null, // header or --name-column only
    // One validateNames call per column; the part (given, family, full) follows the column's header.
    check(values, { api, locale, path }) {
      return api.validateNames(values, { locale, path, part: namePartOf(path), keys: false });
    },
    // The standardized name when valid, its honorific and suffix kept in place (Dr. Jean-Luc Picard Jr.); junk is
    // kept as typed.
    output: (o, cell) => (o.valid ? [o.parts.honorific, o.value, o.parts.suffix].filter(Boolean).join(' ') : cell),
    extras: [],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Report labels. Issue messages come from the core (`message(code, locale, params)`); these are the CLI's own words.

const LABELS = {
  en: {
    title: 'intake clean', input: 'input', output: 'output', report: 'report', rows: 'rows', malformed: 'malformed lines',
    column: 'column', detectedBy: { header: 'header', values: 'values', option: 'option' },
    present: { email: 'emails present', phone: 'phones present', country: 'countries present', date: 'dates present',
      website: 'websites present', company: 'companies present', name: 'names present' },
    types: 'types (valid)', tallies: { calendars: 'calendars (valid)' },
    defaultRegion: 'default region', fromColumn: (c) => `column "${c}"`, noRegion: 'none', rowsN: (n) => `${n} rows`,
    valid: 'valid', invalid: 'invalid', standardized: 'standardized (changed)', withSuggestion: 'with suggestion',
    issues: 'issues', noIssues: 'no issues', time: 'time', rowsPerSecond: 'rows/s', seconds: 's',
    severity: { error: 'error', warning: 'warning' }, lineOf: (n) => `line ${n}`, more: 'more', comma: ', ', colon: ':',
    actions: { skipped: 'skipped', padded: 'padded', kept: 'kept' },
    fields: { email: 'email', phone: 'phone', country: 'country', date: 'birth date', website: 'website', company: 'company', name: 'name' },
    malformed_: {
      too_many_fields: '{n} fields, the header has {h}', too_few_fields: '{n} fields, the header has {h}',
      bad_json: 'not valid JSON', not_object: 'not a JSON object', quote_in_unquoted: 'a quote inside an unquoted field',
      text_after_quote: 'text after a closing quote', invalid_utf8: 'invalid UTF-8 (replaced by U+FFFD)',
    },
  },
  fa: {
    title: 'پاک‌سازی intake', input: 'ورودی', output: 'خروجی', report: 'گزارش', rows: 'ردیف‌ها', malformed: 'سطرهای معیوب',
    column: 'ستون', detectedBy: { header: 'از روی سرستون', values: 'از روی مقدارها', option: 'با گزینه' },
    present: { email: 'ایمیل‌های موجود', phone: 'تلفن‌های موجود', country: 'کشورهای موجود', date: 'تاریخ‌های موجود',
      website: 'وب‌سایت‌های موجود', company: 'شرکت‌های موجود', name: 'نام‌های موجود' },
    types: 'نوع (معتبرها)', tallies: { calendars: 'تقویم (معتبرها)' },
    defaultRegion: 'کشور پیش‌فرض', fromColumn: (c) => `ستون «${c}»`, noRegion: 'هیچ', rowsN: (n) => `${n} ردیف`,
    valid: 'معتبر', invalid: 'نامعتبر', standardized: 'استانداردشده (تغییریافته)',
    withSuggestion: 'دارای پیشنهاد', issues: 'مشکلات', noIssues: 'بدون مشکل', time: 'زمان', rowsPerSecond: 'ردیف در ثانیه',
    seconds: 'ثانیه', severity: { error: 'خطا', warning: 'هشدار' }, lineOf: (n) => `سطر ${n}`, more: 'مورد دیگر', colon: ':',
    comma: '، ', actions: { skipped: 'کنار گذاشته شد', padded: 'با خانهٔ خالی تکمیل شد', kept: 'نگه داشته شد' },
    fields: { email: 'ایمیل', phone: 'تلفن', country: 'کشور', date: 'تاریخ تولد', website: 'وب‌سایت', company: 'شرکت', name: 'نام' },
    malformed_: {
      too_many_fields: '{n} فیلد دارد، سرستون {h} فیلد', too_few_fields: '{n} فیلد دارد، سرستون {h} فیلد',
      bad_json: 'JSON نامعتبر', not_object: 'شیء JSON نیست', quote_in_unquoted: 'گیومه درون فیلدی بدون گیومه',
      text_after_quote: 'متن پس از گیومهٔ پایانی', invalid_utf8: 'UTF-8 نامعتبر (با U+FFFD جایگزین شد)',
    },
  },
  ar: {
    title: 'تنظيف intake', input: 'الإدخال', output: 'الإخراج', report: 'التقرير', rows: 'الصفوف', malformed: 'أسطر تالفة',
    column: 'العمود', detectedBy: { header: 'من العنوان', values: 'من القيم', option: 'بالخيار' },
    present: { email: 'عناوين البريد الموجودة', phone: 'أرقام الهاتف الموجودة', country: 'الدول الموجودة',
      date: 'التواريخ الموجودة', website: 'المواقع الموجودة', company: 'الشركات الموجودة', name: 'الأسماء الموجودة' },
    types: 'الأنواع (الصالحة)', tallies: { calendars: 'التقويم (الصالحة)' },
    defaultRegion: 'البلد الافتراضي', fromColumn: (c) => `العمود «${c}»`, noRegion: 'لا شيء', rowsN: (n) => `${n} صفوف`,
    valid: 'صالحة', invalid: 'غير صالحة', standardized: 'موحّدة (تم تغييرها)',
    withSuggestion: 'مع اقتراح', issues: 'المشكلات', noIssues: 'لا توجد مشكلات', time: 'الوقت', rowsPerSecond: 'صف/ثانية',
    seconds: 'ثانية', severity: { error: 'خطأ', warning: 'تحذير' }, lineOf: (n) => `السطر ${n}`, more: 'أخرى', colon: ':',
    comma: '، ', actions: { skipped: 'تم تخطيه', padded: 'أُكمل بحقول فارغة', kept: 'تم الاحتفاظ به' },
    fields: { email: 'البريد الإلكتروني', phone: 'الهاتف', country: 'البلد', date: 'تاريخ الميلاد', website: 'الموقع',
      company: 'الشركة', name: 'الاسم' },
    malformed_: {
      too_many_fields: 'فيه {n} حقول والعنوان فيه {h}', too_few_fields: 'فيه {n} حقول والعنوان فيه {h}',
      bad_json: 'JSON غير صالح', not_object: 'ليس كائن JSON', quote_in_unquoted: 'علامة اقتباس داخل حقل غير مقتبس',
      text_after_quote: 'نص بعد علامة الاقتباس الختامية', invalid_utf8: 'UTF-8 غير صالح (استُبدل بـ U+FFFD)',
    },
  },
  zh: {
    title: 'intake 清洗', input: '输入', output: '输出', report: '报告', rows: '行数', malformed: '格式错误的行',
    column: '列', detectedBy: { header: '按表头', values: '按取值', option: '按参数' },
    present: { email: '有邮箱', phone: '有电话', country: '有国家', date: '有日期', website: '有网站', company: '有公司', name: '有姓名' },
    types: '类型（有效）',
    tallies: { calendars: '历法（有效）' }, defaultRegion: '默认地区',
    fromColumn: (c) => `“${c}”列`, noRegion: '无', rowsN: (n) => `${n} 行`,
    valid: '有效', invalid: '无效', standardized: '已标准化（有改动）', withSuggestion: '有建议', issues: '问题',
    noIssues: '无问题', time: '用时', rowsPerSecond: '行/秒', seconds: '秒', severity: { error: '错误', warning: '警告' },
    lineOf: (n) => `第 ${n} 行`, more: '更多', comma: '，', colon: '：', actions: { skipped: '已跳过', padded: '已补齐', kept: '已保留' },
    fields: { email: '邮箱', phone: '电话', country: '国家', date: '出生日期', website: '网站', company: '公司', name: '姓名' },
    malformed_: {
      too_many_fields: '有 {n} 个字段，表头有 {h} 个', too_few_fields: '有 {n} 个字段，表头有 {h} 个',
      bad_json: 'JSON 无效', not_object: '不是 JSON 对象', quote_in_unquoted: '未加引号的字段中出现引号',
      text_after_quote: '右引号后还有文字', invalid_utf8: '无效的 UTF-8（已替换为 U+FFFD）',
    },
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Arguments

const HELP = `intake - validate and standardize contact records before they reach a CRM

Usage:
  intake clean <input.csv|.tsv|.jsonl> [options]
  intake dedupe <input.csv|.tsv|.jsonl> [--out clusters.json] [options]   (intake dedupe --help)
  intake --help
  intake --version

Options for clean:
  --out FILE            cleaned output (default: <input>.clean.<ext>; "-" for stdout)
  --report FILE.json    also write the report as JSON
  --locale LANG         language of the report and messages: en, fa, ar, zh (default en)
  --email-column NAME   column holding emails; repeat for several (default: detected from the
                        header, e.g. email, E-Mail-Adresse, courriel, ایمیل, البريد الإلكتروني, 邮箱,
                        or else from values: a column where over half of the first rows contain @)
  --phone-column NAME   column holding phone numbers; repeat for several (default: detected from
                        the header, e.g. phone, mobile, tel, Handy, téléphone, تلفن, موبایل, هاتف,
                        جوال, 电话, 手机, or else from values: a column where over half of the first
                        rows are 7-17 digits with phone punctuation, dates excluded)
  --region XX           default region for phone numbers written without a country code, as an
                        ISO 3166 code (IR, US, DE ...). When the file has a country column (codes
                        or names), each row's country is that row's default region, XX the fallback
  --country-column NAME column holding countries; repeat for several, the first gives phones their
                        region (default: detected from the header, e.g. country, Land, pays, país,
                        کشور, الدولة, 国家, or else from values: a column where over half of the
                        first rows are country names or letter codes; never calling codes like 44)
  --date-column NAME    column holding birth dates; repeat for several (default: detected from the
                        header, e.g. date_of_birth, dob, birthday, Geburtsdatum, تاریخ تولد,
                        تاريخ الميلاد, 出生日期, 生日)
  --website-column NAME column holding websites or social profiles; repeat for several (default:
                        detected from the header, e.g. website, url, Webseite, site web, وب‌سایت,
                        الموقع, 网站; a column named after a network, e.g. instagram or تلگرام,
                        reads bare handles as handles on it)
  --company-column NAME column holding company names; repeat for several (default: detected from
                        the header, e.g. company, organization, Firma, société, empresa, شرکت,
                        الشركة, 公司)
  --name-column NAME    column holding person names; repeat for several (default: detected from the
                        header, which also gives the part: first_name, Vorname, نام, 名 given names;
                        last_name, surname, Nachname, نام خانوادگی, 姓 family names; name, full name,
                        姓名 full names)
  --date-order ORDER    dmy or mdy: order of day and month in numeric dates such as 03/04/1990
                        (default: day first); either way the ambiguity is reported as a warning
  --format FMT          csv, tsv or jsonl (default: from the input's extension; csv for others)
  --delimiter CHAR      CSV delimiter (default: sniffed from the first line: comma, semicolon or tab)
  --encoding NAME       input encoding (default utf-8; a UTF-16 byte order mark is detected;
                        e.g. windows-1256 for Persian/Arabic Excel exports)
  --quiet, -q           print nothing but errors

Whole records (docs/quality.md). Every run prints a quality report over whole records: columns are
mapped to fields by their headers in en, fa, ar, zh, de, fr, es or by their values, each record is
checked by the core's record pipeline and scored 0-100. With any of these options the output is that
pipeline's: each mapped column standardized (names, companies, addresses, postcodes, websites too),
plus the columns valid, score and issues (field:code joined by ';'):
  --rules FILE.json     a rule set (fields, kinds, required, regions, policies); without it the rule
                        set is made from the mapped columns
  --redact              issue params never echo personal values
  --minimize            write only the fields the rule set names

Output: the same records with each email replaced by its standardized form and each valid phone
number by its E.164 form (+989123456789, with ;ext=12 for an extension; an invalid number is kept
as typed), plus the columns email_valid (true/false, empty when there is no email), email_suggestion
(a corrected address for a likely typo), phone_valid, phone_type (MOBILE, FIXED_LINE, ...),
country_valid (each known country is written as its ISO 3166-1 alpha-2 code, others kept as typed),
date_calendar (gregorian, jalali or hijri: the calendar the date was written in; each understood
date is written as ISO 8601, 1375/04/12 as 1996-07-02, and checked as a birth date against today)
website_valid and website_domain (each valid website written in its standardized form, https://
added, tracking parameters removed; the domain is its registrable domain), company_legal_form (each
company name standardized: casing, canonical legal form such as Inc., GmbH, 有限公司), each valid
person name standardized in place (casing such as McDonald, van der Berg, O'Brien; ي/ك per language;
Dr., Jr. and III in their usual spelling; junk such as test, asdf or an email typed into a name
column is kept as typed and reported)
and issues (issue codes joined by ';'). When several columns of one kind are checked, each gets
<column>_valid, <column>_suggestion, <column>_type or <column>_calendar, and its codes in issues are prefixed with
"<column>:"; so are codes shared by all fields (input.*) when more than one column is checked.
JSONL input gives JSONL output with the same extra keys.

Malformed lines are reported with their line number and processing continues (rows with more fields
than the header are skipped, shorter rows are padded). Exit status: 0 done, 1 failure (unreadable
input, unterminated quote), 2 usage error.
`;

function parseArgs(argv) {
  const opts = { command: null, input: null, out: null, report: null, locale: 'en', columns: {}, quiet: false,
    format: null, delimiter: null, encoding: null, region: null, dateOrder: null };
  for (const h of FIELD_HANDLERS) opts.columns[h.field] = [];
  const byOption = new Map(FIELD_HANDLERS.map((h) => [`--${h.option}`, h]));
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline = null;
    if (a.startsWith('--') && a.includes('=')) {
      inline = a.slice(a.indexOf('=') + 1);
      a = a.slice(0, a.indexOf('='));
    }
    const value = () => {
      if (inline !== null) return inline;
      const v = argv[++i];
      if (v === undefined || (v.startsWith('--') && v.length > 2)) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') return { ...opts, command: 'help' };
    if (a === '--version' || a === '-V' || a === '-v') return { ...opts, command: 'version' };
    if (a === '--out' || a === '-o') opts.out = value();
    else if (a === '--report') opts.report = value();
    else if (a === '--locale') opts.locale = value();
    else if (a === '--quiet' || a === '-q') opts.quiet = true;
    else if (a === '--format') opts.format = value();
    else if (a === '--delimiter') opts.delimiter = value();
    else if (a === '--encoding') opts.encoding = value();
    else if (a === '--region') opts.region = value();
    else if (a === '--date-order') opts.dateOrder = value().toLowerCase();
    else if (a === '--rules') opts.rules = value();
    else if (a === '--redact') opts.redact = true;
    else if (a === '--minimize') opts.minimize = true;
    else if (byOption.has(a)) opts.columns[byOption.get(a).field].push(value());
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  if (positional.length === 0) throw new UsageError('missing command (try: intake clean contacts.csv)');
  const [command, ...rest] = positional;
  if (command !== 'clean') throw new UsageError(`unknown command "${command}" (the only command is: clean)`);
  if (rest.length === 0) throw new UsageError('clean needs an input file');
  if (rest.length > 1) throw new UsageError(`clean takes one input file, got ${rest.length}: ${rest.join(' ')}`);
  opts.command = 'clean';
  opts.input = rest[0];
  if (!LOCALES.includes(opts.locale)) throw new UsageError(`unknown locale "${opts.locale}" (use en, fa, ar or zh)`);
  if (opts.format !== null && !['csv', 'tsv', 'jsonl'].includes(opts.format)) {
    throw new UsageError(`unknown format "${opts.format}" (use csv, tsv or jsonl)`);
  }
  if (opts.delimiter !== null) {
    if (opts.delimiter === '\\t' || opts.delimiter === 'tab') opts.delimiter = '\t';
    if (opts.delimiter.length !== 1 || '"\r\n'.includes(opts.delimiter)) {
      throw new UsageError(`--delimiter must be one character other than a quote or line break`);
    }
  }
  if (opts.encoding !== null) {
    try {
      new TextDecoder(opts.encoding);
    } catch {
      throw new UsageError(`unknown encoding "${opts.encoding}"`);
    }
  }
  if (opts.report === '-') throw new UsageError('--report needs a file name');
  if (opts.dateOrder !== null && !['dmy', 'mdy'].includes(opts.dateOrder)) {
    throw new UsageError(`--date-order must be dmy or mdy, got "${opts.dateOrder}"`);
  }
  if (opts.region !== null) {
    const r = regionCode(opts.region);
    if (r === null) throw new UsageError(`--region must be a two-letter ISO 3166 country code such as IR, US, DE, got "${opts.region}"`);
    opts.region = r;
  }
  return opts;
}

function formatOf(path, explicit) {
  if (explicit) return explicit;
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.tsv' || ext === '.tab') return 'tsv';
  return 'csv';
}

function defaultOutPath(input, format) {
  const ext = extname(input);
  const stem = ext ? input.slice(0, -ext.length) : input;
  return `${stem}.clean${format === 'jsonl' ? ext || '.jsonl' : format === 'tsv' ? '.tsv' : '.csv'}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Loading the core

/** versions() with `tables` as a plain object (older builds returned a Map). */
function plainVersions(api) {
  const v = api.versions();
  return { intake: v.intake, tables: v.tables instanceof Map ? Object.fromEntries(v.tables) : { ...v.tables } };
}

async function loadApi() {
  const wasmUrl = new URL('./gen/intake_bg.wasm', import.meta.url);
  if (!existsSync(wasmUrl)) {
    throw new Error(`the WebAssembly core is not built (${wasmUrl.pathname} is missing); run scripts/build.sh`);
  }
  const api = await import('./index.js');
  const t0 = performance.now();
  await api.init(await readFile(wasmUrl));
  return { api, initMs: performance.now() - t0 };
}

// ---------------------------------------------------------------------------------------------------------------
// Input: bytes -> text chunks (decoder chosen from --encoding or a BOM) -> records

async function* textChunks(path, encoding, state) {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  let decoder = null;
  for await (const buf of stream) {
    if (decoder === null) {
      let enc = encoding ?? 'utf-8';
      if (!encoding && buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) enc = 'utf-16le';
      else if (!encoding && buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) enc = 'utf-16be';
      state.encoding = enc;
      state.bom = (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) || enc.startsWith('utf-16');
      decoder = new TextDecoder(enc);
    }
    const text = decoder.decode(buf, { stream: true });
    if (!state.eol) {
      const nl = text.indexOf('\n');
      if (nl >= 0) state.eol = nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
    }
    if (state.encoding === 'utf-8' && text.includes('\ufffd')) state.replacementChars = true;
    if (text) yield text;
  }
  if (decoder) {
    const tail = decoder.decode();
    if (tail) yield tail;
  }
}

/** Yields { kind: 'header', fields, line } once, then { kind: 'row', fields, line, warning }. */
async function* csvRecords(path, opts, state) {
  const parser = new CsvParser({ delimiter: opts.delimiter ?? (opts.format === 'tsv' ? '\t' : undefined) });
  let first = true;
  const emit = function* (rows) {
    for (const r of rows) {
      if (first) {
        first = false;
        state.delimiter = parser.delimiter;
        yield { kind: 'header', fields: r.fields, line: r.line };
      } else yield { kind: 'row', fields: r.fields, line: r.line, warningCode: r.warningCode };
    }
  };
  for await (const text of textChunks(path, opts.encoding, state)) yield* emit(parser.push(text));
  yield* emit(parser.end());
  state.delimiter ??= parser.delimiter ?? ',';
}

/** Yields { kind: 'row', obj, line } or { kind: 'bad', line, message } per non-empty line. */
async function* jsonlRecords(path, opts, state) {
  let rest = '';
  let line = 0;
  const parseLine = (s) => {
    line++;
    if (s.endsWith('\r')) s = s.slice(0, -1);
    if (line === 1 && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    if (s.trim() === '') return null;
    let obj;
    try {
      obj = JSON.parse(s);
    } catch {
      return { kind: 'bad', line, code: 'bad_json' };
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
      return { kind: 'bad', line, code: 'not_object' };
    }
    return { kind: 'row', obj, line };
  };
  for await (const text of textChunks(path, opts.encoding, state)) {
    let s = rest + text;
    let start = 0;
    for (;;) {
      const nl = s.indexOf('\n', start);
      if (nl < 0) break;
      const r = parseLine(s.slice(start, nl));
      if (r) yield r;
      start = nl + 1;
    }
    rest = s.slice(start);
    if (rest.length > 16 * 1024 * 1024) throw new CsvError('line longer than 16 MiB', 'line_too_long', line + 1, line + 1);
  }
  if (rest.length > 0) {
    const r = parseLine(rest);
    if (r) yield r;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Output

class Output {
  constructor(path) {
    this.path = path;
    this.stream = path === '-' ? process.stdout : createWriteStream(path);
    this.buf = [];
    this.size = 0;
  }

  write(s) {
    this.buf.push(s);
    this.size += s.length;
  }

  async flush() {
    if (this.buf.length === 0) return;
    const s = this.buf.join('');
    this.buf = [];
    this.size = 0;
    if (!this.stream.write(s)) await once(this.stream, 'drain');
  }

  async close() {
    await this.flush();
    if (this.stream !== process.stdout) {
      this.stream.end();
      await once(this.stream, 'finish');
    }
  }
}

function uniqueName(name, taken) {
  if (!taken.has(name)) {
    taken.add(name);
    return name;
  }
  for (let i = 1; ; i++) {
    const n = i === 1 ? `${name}_intake` : `${name}_intake${i}`;
    if (!taken.has(n)) {
      taken.add(n);
      return n;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics

function newColumnStats(handler, column, detectedBy) {
  return { field: handler.field, column, detectedBy, present: 0, valid: 0, invalid: 0, standardized: 0,
    withSuggestion: handler.suggestions ? 0 : null, types: handler.types ? {} : null, defaultRegion: null,
    tallyKey: handler.tally?.key ?? null, tally: handler.tally ? {} : null,
    regionFrom: handler.usesRegion ? { country: 0, option: 0, none: 0 } : null, codes: new Map() };
}

function countIssue(stats, issue) {
  let c = stats.codes.get(issue.code);
  if (!c) {
    c = { code: issue.code, severity: issue.severity, count: 0, params: null, variable: new Set(), examples: new Map() };
    stats.codes.set(issue.code, c);
  }
  c.count++;
  const params = issue.params ?? {};
  if (c.params === null) c.params = { ...params };
  else {
    for (const k of Object.keys(params)) if (c.params[k] !== params[k]) c.variable.add(k);
    for (const k of Object.keys(c.params)) if (!(k in params)) c.variable.add(k);
  }
  const key = JSON.stringify(params);
  if (c.examples.has(key)) c.examples.set(key, c.examples.get(key) + 1);
  else if (c.examples.size < 1000) c.examples.set(key, 1);
}

// ---------------------------------------------------------------------------------------------------------------
// The clean command

async function clean(opts, log) {
  const format = formatOf(opts.input, opts.format);
  if (!existsSync(opts.input)) throw new UsageError(`input file not found: ${opts.input}`);
  if (statSync(opts.input).isDirectory()) throw new UsageError(`input is a directory: ${opts.input}`);
  const outPath = opts.out ?? defaultOutPath(opts.input, format);
  if (outPath !== '-' && outPath === opts.input) throw new UsageError('--out must differ from the input file');
  const outFormat = format === 'jsonl' ? 'jsonl' : outPath !== '-' && extname(outPath).toLowerCase() === '.tsv' ? 'tsv' : 'csv';

  const { api, initMs } = await loadApi();
  const started = performance.now();
  const locale = opts.locale;
  const state = { encoding: null, bom: false, eol: null, delimiter: null, replacementChars: false };
  const malformed = { count: 0, lines: [] };
  const addMalformed = (line, code, params, action) => {
    malformed.count++;
    if (malformed.lines.length < MAX_LISTED) {
      malformed.lines.push({ line, code, message: fill(LABELS.en.malformed_[code], params), params, action });
    }
  };

  let out = null;
  let header = null; // CSV header fields, or JSONL keys seen in the first records
  let columns = null; // [{ handler, key, stats, extraNames, sameField }]
  let country = null; // { key, by } of the country column phones take their default region from
  const regionCache = new Map(); // country cell -> ISO alpha-2 region or null
  let issuesName = null;
  let rows = 0;
  let written = 0;
  let pending = []; // records waiting for column detection / the next batch
  let outDelimiter = ',';
  const records = recordPipeline(api, opts, format, log);

  const detect = (keys, sample) => {
    const cols = [];
    const taken = new Set(keys);
    const claimed = new Set(); // columns an earlier handler took: never detected again by header or values
    for (const h of FIELD_HANDLERS) {
      const explicit = opts.columns[h.field];
      let chosen = [];
      if (explicit.length > 0) {
        for (const name of explicit) {
          let k = keys.find((x) => x === name) ?? keys.find((x) => normalizeHeader(x) === normalizeHeader(name));
          if (k === undefined) {
            if (format === 'jsonl') {
              log.notice(`notice: key "${name}" not seen in the first ${sample.length} records; using it anyway`);
              k = name;
            } else {
              throw new UsageError(`--${h.option} ${name}: no such column (columns: ${keys.join(', ')})`);
            }
          }
          if (!chosen.some((c) => c.key === k)) chosen.push({ key: k, by: 'option' });
        }
      } else {
        const rejected = (k) => {
          if (!h.rejectColumn || !h.rejectColumn(sample.map((rec) => cellOf(rec, k)))) return false;
          log.notice(`notice: column "${k}" is not taken as a ${h.field} column: its values do not look like one`);
          return true;
        };
        chosen = keys.filter((k) => !claimed.has(k) && h.matchHeader(k) && !rejected(k)).map((k) => ({ key: k, by: 'header' }));
        if (chosen.length === 0 && sample.length > 0 && h.matchValue) {
          for (const k of keys) {
            if (claimed.has(k)) continue;
            let hits = 0;
            for (const rec of sample) {
              const v = cellOf(rec, k);
              if (v && h.matchValue(v, api)) hits++;
            }
            if (hits / sample.length > 0.5 && !rejected(k)) chosen.push({ key: k, by: 'values' });
          }
        }
      }
      chosen.forEach((c) => {
        claimed.add(c.key);
        // one column: email_valid, ...; several: <column>_valid, ... for each
        const base = chosen.length === 1 ? h.field : String(c.key).replace(/[^\p{L}\p{N}_]+/gu, '_');
        cols.push({
          handler: h,
          key: c.key,
          index: format === 'jsonl' ? null : keys.indexOf(c.key),
          stats: newColumnStats(h, String(c.key), c.by),
          extraNames: h.extras.map((e) => uniqueName(`${base}_${e.suffix}`, taken)),
          sameField: chosen.length,
        });
      });
    }
    if (cols.length === 0) {
      const shown = keys.length > 20 ? `${keys.slice(0, 20).join(', ')}, ...` : keys.join(', ');
      throw new UsageError(
        `no email, phone, country or birth date column found (columns: ${shown || 'none'}); ` +
          'name one with --email-column, --phone-column, --country-column or --date-column NAME',
      );
    }
    if (cols.some((c) => c.handler.usesRegion)) {
      const first = cols.find((c) => c.handler.field === 'country');
      country = first ? { key: first.key, by: first.stats.detectedBy } : null;
      for (const c of cols) {
        if (c.handler.usesRegion) c.stats.defaultRegion = { countryColumn: country?.key ?? null, countryDetectedBy: country?.by ?? null, option: opts.region };
      }
    }
    issuesName = uniqueName('issues', taken);
    return cols;
  };

  /**
   * The region a country cell names: the alpha-2 code of a known country name or code (Iran, ایران, IR, UK), else a
   * two-letter code as written (EL for Greece), else null.
   */
  const regionOfCell = (cell) => {
    const v = cell.trim();
    if (v === '') return null;
    let r = regionCache.get(v);
    if (r === undefined) {
      r = api.validateCountry(v).alpha2 ?? regionCode(v);
      if (regionCache.size > 10_000) regionCache.clear();
      regionCache.set(v, r);
    }
    return r;
  };

  /** The default region for a row's phone numbers: its country cell when that names a country, else --region. */
  const regionOf = (rec, stats) => {
    const fromRow = country ? regionOfCell(cellOf(rec, country.key)) : null;
    if (fromRow) {
      stats.regionFrom.country++;
      return fromRow;
    }
    if (opts.region) {
      stats.regionFrom.option++;
      return opts.region;
    }
    stats.regionFrom.none++;
    return null;
  };

  /** A code as written in the issues column: prefixed with its column when it would otherwise be ambiguous. */
  const tagCode = (col, code) =>
    col.sameField > 1 || (columns.length > 1 && !code.startsWith(`${col.handler.field}.`)) ? `${col.key}:${code}` : code;

  const cellOf = (rec, key) => {
    if (format === 'jsonl') {
      const v = rec.obj[key];
      if (v === null || v === undefined) return '';
      return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
    const i = typeof key === 'number' ? key : header.indexOf(key);
    return rec.fields[i] ?? '';
  };

  const processBatch = async (batch) => {
    if (batch.length === 0) return;
    if (records.mode) {
      await records.write(batch, out, state);
      written += batch.length;
      await out.flush();
      return;
    }
    // The quality report over whole records, before the cells are replaced below.
    records.observe(batch);
    const perRowIssues = batch.map(() => []);
    const perRowExtras = batch.map(() => []);
    for (const col of columns) {
      const values = [];
      const where = [];
      const regions = col.handler.usesRegion ? [] : null;
      batch.forEach((rec, i) => {
        const v = format === 'jsonl' ? cellOf(rec, col.key) : rec.fields[col.index] ?? '';
        if (v.trim() !== '') {
          values.push(v);
          where.push(i);
          if (regions) regions.push(regionOf(rec, col.stats));
        }
      });
      const results = values.length ? col.handler.check(values, { api, locale, path: String(col.key), regions, dateOrder: opts.dateOrder }) : [];
      const extras = batch.map(() => col.handler.extras.map(() => null));
      results.forEach((r, j) => {
        const i = where[j];
        const rec = batch[i];
        const s = col.stats;
        const value = col.handler.output ? col.handler.output(r, values[j]) : r.value;
        s.present++;
        if (r.valid) s.valid++;
        else s.invalid++;
        if (value !== values[j]) s.standardized++;
        if (r.suggestion) s.withSuggestion++;
        if (col.handler.types && r.valid && r.type) s.types[r.type] = (s.types[r.type] ?? 0) + 1;
        if (col.handler.tally && r.valid) {
          const t = col.handler.tally.of(r);
          if (t) s.tally[t] = (s.tally[t] ?? 0) + 1;
        }
        for (const iss of r.issues) {
          countIssue(s, iss);
          perRowIssues[i].push(tagCode(col, iss.code));
        }
        // replace the cell with the standardized value (strings only in JSONL)
        if (format === 'jsonl') {
          if (typeof rec.obj[col.key] === 'string') rec.obj[col.key] = value;
        } else rec.fields[col.index] = value;
        extras[i] = col.handler.extras.map((e) => e.render(r));
      });
      batch.forEach((_, i) => perRowExtras[i].push(...extras[i]));
    }
    for (let i = 0; i < batch.length; i++) {
      const rec = batch[i];
      const iss = perRowIssues[i].join(';');
      if (format === 'jsonl') {
        const o = rec.obj;
        let k = 0;
        for (const col of columns) for (const name of col.extraNames) o[name] = perRowExtras[i][k++];
        o[issuesName] = iss;
        out.write(JSON.stringify(o) + '\n');
      } else {
        const cells = rec.fields.concat(perRowExtras[i].map((v) => (v === null ? '' : String(v))), [iss]);
        out.write(toCsvRow(cells, outDelimiter) + state.eolOut);
      }
      written++;
    }
    await out.flush();
  };

  const startOutput = async () => {
    if (outPath !== '-') await mkdir(dirname(outPath), { recursive: true });
    out = new Output(outPath);
    if (format !== 'jsonl') {
      outDelimiter = outFormat === 'tsv' ? '\t' : state.delimiter === ';' ? ';' : ',';
      state.outDelimiter = outDelimiter;
      state.eolOut = state.eol ?? '\r\n';
      if (state.bom) out.write('\ufeff');
      const names = records.mode ? records.outputColumns() : header.concat(...columns.map((c) => c.extraNames), [issuesName]);
      out.write(toCsvRow(names, outDelimiter) + state.eolOut);
    }
  };

  let fatal = null;
  try {
    const source = format === 'jsonl' ? jsonlRecords(opts.input, opts, state) : csvRecords(opts.input, opts, state);
    for await (const rec of source) {
      if (rec.kind === 'header') {
        header = rec.fields;
        if (header.some((h) => h.includes('@'))) {
          log.notice(`notice: the first line contains "@": is the header row missing? (it is kept as the header)`);
        }
        continue;
      }
      if (rec.kind === 'bad') {
        addMalformed(rec.line, rec.code, {}, 'skipped');
        continue;
      }
      rows++;
      if (format !== 'jsonl') {
        if (rec.warningCode) addMalformed(rec.line, rec.warningCode, {}, 'kept');
        const counts = { n: rec.fields.length, h: header.length };
        if (rec.fields.length > header.length) {
          addMalformed(rec.line, 'too_many_fields', counts, 'skipped');
          continue;
        }
        if (rec.fields.length < header.length) {
          addMalformed(rec.line, 'too_few_fields', counts, 'padded');
          while (rec.fields.length < header.length) rec.fields.push('');
        }
      }
      if (state.replacementChars && (format === 'jsonl' ? JSON.stringify(rec.obj) : rec.fields.join('')).includes('\ufffd')) {
        addMalformed(rec.line, 'invalid_utf8', {}, 'kept');
      }
      pending.push(rec);
      if (columns === null) {
        if (pending.length < SNIFF_ROWS) continue;
        if (format === 'jsonl') header = keysOf(pending);
        records.start(header, pending);
        columns = records.mode ? [] : detect(header, pending);
        await startOutput();
      }
      if (pending.length >= BATCH) {
        await processBatch(pending);
        pending = [];
      }
    }
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    fatal = { line: e.line, row: e.row, code: e.code, message: e.message };
  }
  if (columns === null) {
    if (fatal && header === null && format !== 'jsonl') throw new Error(`${opts.input}: ${fatal.message}`);
    if (header === null && format !== 'jsonl') throw new UsageError(`input is empty: ${opts.input}`);
    if (format === 'jsonl') header = keysOf(pending);
    if (format === 'jsonl' && header.length === 0) throw new UsageError(`no JSON records in ${opts.input}`);
    records.start(header, pending);
    columns = records.mode ? [] : detect(header, pending);
    await startOutput();
  }
  await processBatch(pending);
  await out.close();
  const seconds = (performance.now() - started) / 1000;
  const quality = records.finish();

  const report = {
    intake: plainVersions(api),
    input: { path: opts.input, format, encoding: state.encoding ?? 'utf-8',
      ...(format === 'jsonl' ? {} : { delimiter: state.delimiter ?? ',' }) },
    output: { path: outPath, format: outFormat },
    locale,
    rows,
    written,
    malformed,
    fatal,
    fields: columns.map((c) => columnReport(c.stats, api, locale)),
    ...quality,
    timing: { seconds: round(seconds, 3), rowsPerSecond: Math.round(rows / Math.max(seconds, 1e-6)),
      initMs: round(initMs, 1) },
  };
  if (state.replacementChars) {
    log.notice('notice: the input is not valid UTF-8; if it came from Excel on Windows, try --encoding windows-1256 (Persian/Arabic) or windows-1252');
  }
  return report;
}

function keysOf(records) {
  const keys = [];
  const seen = new Set();
  for (const r of records) {
    for (const k of Object.keys(r.obj)) {
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
    }
  }
  return keys;
}

function columnReport(s, api, locale) {
  const issues = [...s.codes.values()]
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .map((c) => {
      // Params that differ between rows are shown as "…"; constant ones (e.g. max) keep their value.
      const params = { ...(c.params ?? {}) };
      for (const k of c.variable) params[k] = '…';
      const examples = [...c.examples.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .filter(([k]) => k !== '{}')
        .map(([k, n]) => ({ params: JSON.parse(k), count: n }));
      return { code: c.code, severity: c.severity, count: c.count, message: api.message(c.code, locale, params),
        ...(examples.length && c.variable.size ? { examples } : {}) };
    });
  const report = { field: s.field, column: s.column, detectedBy: s.detectedBy, present: s.present, valid: s.valid,
    invalid: s.invalid, standardized: s.standardized };
  if (s.withSuggestion !== null) report.withSuggestion = s.withSuggestion;
  if (s.types !== null) {
    report.types = Object.fromEntries(Object.entries(s.types).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  }
  if (s.tally !== null) {
    report[s.tallyKey] = Object.fromEntries(Object.entries(s.tally).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  }
  if (s.regionFrom !== null) report.defaultRegion = { ...s.defaultRegion, rows: s.regionFrom };
  report.issues = issues;
  return report;
}

/** Terminal columns a string takes: East Asian wide characters count 2, marks and format characters 0. */
function displayWidth(s) {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (/[\p{Mn}\p{Me}\p{Cf}]/u.test(ch)) continue;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}
const padEnd = (s, width) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
const fill = (template, params, fmt = String) => template.replace(/\{(\w+)\}/g, (m, k) => (k in params ? fmt(params[k]) : m));

// ---------------------------------------------------------------------------------------------------------------
// Whole records: the core's record pipeline (rule sets, header mapping, quality report; docs/quality.md)

/** A rule set made from the mapped columns (city and state columns as text). */
function rulesFromMapping(mapping, opts) {
  const fields = {};
  for (const m of mapping) {
    if (m.kind === 'text' || m.confidence < 0.5 || m.header === '' || m.header in fields) continue;
    const spec = { kind: ['city', 'region'].includes(m.field) ? 'text' : m.kind };
    if (m.field === 'birth_date') spec.birthDate = true;
    if (m.kind === 'name') spec.part = m.field === 'first_name' || m.field === 'middle_name' ? 'given' : m.field === 'last_name' ? 'family' : 'full';
    fields[m.header] = spec;
  }
  return { fields };
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The record pipeline of one clean run. `mode` (--rules, --redact or --minimize) makes it write the
 * output; otherwise it only `observe`s batches for the quality report.
 */
function recordPipeline(api, opts, format, log) {
  const mode = Boolean(opts.rules || opts.redact || opts.minimize);
  let validator = null, mapping = null, keys = null, kept = null, names = null;
  const validate = (batch, report) =>
    format === 'jsonl' ? validator.validateMany(batch.map((r) => r.obj), { report }) : validator.validateRows(keys, batch.map((r) => r.fields), { report });
  return {
    mode,
    start(header, sample) {
      keys = format === 'jsonl' ? [...new Set(sample.flatMap((r) => Object.keys(r.obj)))] : header;
      mapping = api.mapHeaders(keys, sample.map((r) => keys.map((k, i) => (format === 'jsonl' ? r.obj[k] : r.fields[i]))));
      let rules;
      if (opts.rules) {
        try {
          rules = JSON.parse(readFileSync(opts.rules, 'utf8'));
        } catch (e) {
          throw new UsageError(`--rules ${opts.rules}: ${e.message}`);
        }
        if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) throw new UsageError(`--rules ${opts.rules}: not a JSON object`);
      } else rules = rulesFromMapping(mapping, opts);
      if (opts.redact) rules.redact = true;
      if (opts.minimize) rules.minimize = true;
      if (opts.region && !rules.defaultRegion) rules.defaultRegion = opts.region.toUpperCase();
      rules.today ??= today();
      if (!rules.locale) rules.locale = opts.dateOrder === 'mdy' ? `${opts.locale}-US` : opts.locale;
      try {
        validator = api.createRecordValidator(rules, { locale: opts.locale });
      } catch (e) {
        if (!(e instanceof api.RuleSetError)) throw e;
        throw new UsageError(`${opts.rules ? `--rules ${opts.rules}` : "the rule set made from the columns"}: ${e.issues.map((i) => `${i.path || '(root)'}: ${i.message} [${i.code}]`).join('; ')}`);
      }
      if (mode) {
        const empty = validator.validateMany([Object.fromEntries(keys.map((k) => [k, '']))], { report: false })[0];
        kept = Object.keys(empty.record);
        const taken = new Set(kept);
        names = { valid: uniqueName('valid', taken), score: uniqueName('score', taken), issues: uniqueName('issues', taken) };
        log.notice(`notice: records checked against ${opts.rules ? opts.rules : 'a rule set made from the mapped columns'}`);
      }
    },
    observe(batch) {
      if (validator) validate(batch, true);
    },
    outputColumns() {
      return [...kept, names.valid, names.score, names.issues];
    },
    async write(batch, out, state) {
      const results = validate(batch, true);
      results.forEach((r) => {
        const issues = r.issues.map((x) => (x.path ? `${x.path}:${x.code}` : x.code)).join(';');
        if (format === 'jsonl') {
          out.write(JSON.stringify({ ...r.record, [names.valid]: r.valid, [names.score]: r.score, [names.issues]: issues }) + '\n');
        } else {
          const cells = kept.map((k) => r.record[k] ?? '');
          out.write(toCsvRow(cells.concat([String(r.valid), String(r.score), issues]), state.outDelimiter) + state.eolOut);
        }
      });
    },
    finish() {
      if (!validator) return {};
      const quality = validator.report();
      const rules = validator.rules;
      validator.free();
      return { records: { mode: mode ? 'output' : 'report', rules, mapping }, quality };
    },
  };
}

const QUALITY_LABELS = {
  en: { title: 'quality (whole records, docs/quality.md)', score: 'score', records: 'records', valid: 'valid', rejected: 'rejected',
    fixed: 'fixed', clean: 'clean', field: 'field', completeness: 'completeness', validity: 'validity', codes: 'issue codes' },
  fa: { title: 'کیفیت (رکوردهای کامل، docs/quality.md)', score: 'امتیاز', records: 'رکوردها', valid: 'معتبر', rejected: 'ردشده',
    fixed: 'اصلاح‌شده', clean: 'بی‌نقص', field: 'فیلد', completeness: 'کامل بودن', validity: 'اعتبار', codes: 'کدهای مشکل' },
  ar: { title: 'الجودة (سجلات كاملة، docs/quality.md)', score: 'الدرجة', records: 'السجلات', valid: 'صالحة', rejected: 'مرفوضة',
    fixed: 'مصححة', clean: 'سليمة', field: 'الحقل', completeness: 'الاكتمال', validity: 'الصلاحية', codes: 'رموز المشكلات' },
  zh: { title: '质量（整条记录，docs/quality.md）', score: '评分', records: '记录', valid: '有效', rejected: '拒绝', fixed: '已修正',
    clean: '无问题', field: '字段', completeness: '完整度', validity: '有效率', codes: '问题代码' },
};

function printQuality(report, write, line, n, pct) {
  const Q = QUALITY_LABELS[report.locale] ?? QUALITY_LABELS.en;
  const q = report.quality;
  write(`  ${Q.title}\n`);
  line(4, Q.score, `${n(q.score)}/${n(100)}`);
  line(4, Q.records, `${n(q.records)}: ${Q.valid} ${n(q.valid)}${pct(q.valid, q.records)}, ${Q.rejected} ${n(q.rejected)}, ` +
    `${Q.fixed} ${n(q.fixed)}, ${Q.clean} ${n(q.clean)}`);
  for (const f of q.fields) {
    line(4, `${Q.field} "${f.field}" (${f.kind})`, `${Q.completeness} ${n(Math.round(f.completeness * 1000) / 10)}%, ` +
      `${Q.validity} ${n(Math.round(f.validity * 1000) / 10)}%`);
  }
  const codes = Object.entries(q.codes).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 12);
  if (codes.length) line(4, Q.codes, codes.map(([c, k]) => `${c} ${n(k)}`).join(', '));
}

// ---------------------------------------------------------------------------------------------------------------
// Printing the report

function printReport(report, opts, write) {
  const L = LABELS[report.locale];
  const rtl = report.locale === 'fa' || report.locale === 'ar';
  // Same digits as the core's messages: Persian and Arabic-Indic digits in fa and ar.
  const tag = { en: 'en', fa: 'fa-u-nu-arabext', ar: 'ar-u-nu-arab', zh: 'zh' }[report.locale];
  const nf = new Intl.NumberFormat(tag);
  const pf = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  const n = (x) => nf.format(x);
  const pct = (a, b) => (b > 0 ? ` (${pf.format(a / b)})` : '');
  // RTL text mixed with padding columns reorders badly in bidi terminals: use "label: value" lines there.
  const line = (indent, label, value) =>
    write(rtl ? `${' '.repeat(indent)}${label}: ${value}\n` : `${' '.repeat(indent)}${padEnd(label + L.colon, 28 - indent)} ${value}\n`);

  write(`${L.title}\n`);
  line(2, L.input, report.input.path);
  line(2, L.output, report.output.path);
  if (opts.report) line(2, L.report, opts.report);
  line(2, L.rows, n(report.rows));
  if (report.malformed.count > 0) {
    line(2, L.malformed, n(report.malformed.count));
    for (const m of report.malformed.lines.slice(0, MAX_PRINTED)) {
      write(`    ${L.lineOf(n(m.line))}${L.colon} ${fill(L.malformed_[m.code], m.params, n)} [${L.actions[m.action]}]\n`);
    }
    if (report.malformed.count > MAX_PRINTED) write(`    … ${n(report.malformed.count - MAX_PRINTED)} ${L.more}\n`);
  }
  for (const f of report.fields) {
    write(`  ${L.column} "${f.column}" (${L.fields[f.field] ?? f.field}${L.comma}${L.detectedBy[f.detectedBy]})\n`);
    line(4, L.present[f.field] ?? L.present.email, n(f.present));
    line(4, L.valid, n(f.valid) + pct(f.valid, f.present));
    line(4, L.invalid, n(f.invalid) + pct(f.invalid, f.present));
    line(4, L.standardized, n(f.standardized) + pct(f.standardized, f.present));
    if (f.withSuggestion !== undefined) line(4, L.withSuggestion, n(f.withSuggestion) + pct(f.withSuggestion, f.present));
    if (f.types) {
      const types = Object.entries(f.types).map(([k, c]) => `${k} ${n(c)}`).join(L.comma);
      line(4, L.types, types || L.noRegion);
    }
    for (const key of Object.keys(L.tallies)) {
      if (!f[key]) continue;
      const tally = Object.entries(f[key]).map(([k, c]) => `${k} ${n(c)}`).join(L.comma);
      line(4, L.tallies[key], tally || L.noRegion);
    }
    if (f.defaultRegion) {
      const d = f.defaultRegion;
      const parts = [];
      if (d.countryColumn !== null) parts.push(`${L.fromColumn(d.countryColumn)}: ${L.rowsN(n(d.rows.country))}`);
      if (d.option !== null) parts.push(`--region ${d.option}: ${L.rowsN(n(d.rows.option))}`);
      if (d.rows.none > 0 || parts.length === 0) parts.push(`${L.noRegion}: ${L.rowsN(n(d.rows.none))}`);
      line(4, L.defaultRegion, parts.join(L.comma));
    }
    if (f.issues.length === 0) {
      write(`    ${L.issues}${L.colon} ${L.noIssues}\n`);
      continue;
    }
    write(`    ${L.issues}${L.colon}\n`);
    const w = Math.max(...f.issues.map((i) => i.code.length));
    const cw = Math.max(...f.issues.map((i) => n(i.count).length));
    const sw = Math.max(...f.issues.map((i) => displayWidth(L.severity[i.severity])));
    for (const i of f.issues) {
      // code first (LTR), then count, severity and the localized message
      write(`      ${i.code.padEnd(w)}  ${n(i.count).padStart(cw)}  ${padEnd(L.severity[i.severity], sw)}  ${i.message}\n`);
    }
  }
  if (report.quality) printQuality(report, write, line, n, pct);
  if (report.fatal) write(`  error: ${report.fatal.message}\n`);
  const t = report.timing;
  line(2, L.time, `${n(t.seconds)} ${L.seconds}${L.comma}${n(t.rowsPerSecond)} ${L.rowsPerSecond}`);
}

// ---------------------------------------------------------------------------------------------------------------

async function main(argv) {
  // `intake dedupe ...` (issue 7) lives in its own module.
  if (argv[0] === 'dedupe') return (await import('./cli-dedupe.js')).main(argv.slice(1));
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`intake: ${e.message}\n\n${HELP.split('\n').slice(2, 6).join('\n')}\nRun "intake --help" for all options.\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  if (opts.command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (opts.command === 'version') {
    const { api } = await loadApi();
    const v = plainVersions(api);
    let s = `intake ${v.intake}\n`;
    const w = Math.max(0, ...Object.keys(v.tables).map((k) => k.length));
    for (const [k, src] of Object.entries(v.tables)) s += `  ${k.padEnd(w)}  ${src}\n`;
    s += `node ${process.version}\n`;
    process.stdout.write(s);
    return 0;
  }
  // The report goes to stdout, unless the cleaned data does.
  const toStdout = opts.out === '-';
  const write = (s) => (toStdout ? process.stderr : process.stdout).write(s);
  const log = { notice: (s) => opts.quiet || process.stderr.write(`${s}\n`) };
  let report;
  try {
    report = await clean(opts, log);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`intake: ${e.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`intake: ${e.message}\n`);
    return EXIT_FAILURE;
  }
  if (opts.report) {
    if (dirname(opts.report)) await mkdir(dirname(opts.report), { recursive: true });
    await writeFile(opts.report, JSON.stringify(report, null, 2) + '\n');
  }
  if (!opts.quiet) printReport(report, opts, write);
  if (report.fatal) {
    process.stderr.write(`intake: ${opts.input}: ${report.fatal.message}; rows before it were written\n`);
    return EXIT_FAILURE;
  }
  return 0;
}

process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`intake: internal error: ${e.stack ?? e}\n`);
    process.exitCode = EXIT_FAILURE;
  },
);
