// Generates src/tables/countries.rs from the pinned npm package i18n-iso-countries (exact version in
// package.json) plus the hand-written VARIANTS below.
// Run: node scripts/gen-countries.mjs   (after npm ci). The output is committed; never edit it by hand.
//
// The table holds RAW names. All matching normalization (case, diacritics, punctuation, Arabic/Persian
// letter forms, digits) is done by one function in Rust, `intake::country::match_key`, when the
// lookup index is built on first use; so the generator and the lookup can never disagree about keys.
// Collisions (two countries whose names share a key) are resolved in Rust by a fixed priority, see
// src/country/mod.rs and the documented list in tests/country.rs.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pinned } from './pins.mjs';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url);
const PKG = 'i18n-iso-countries';

// The name columns, in collision priority order. Changing the order changes which country wins a
// shared key; keep it in step with `table::LANGUAGES` users (tests/country.rs).
const LANGUAGES = ['en', 'fa', 'ar', 'zh', 'de', 'fr', 'es'];

// Common variants the package lacks (or that must win a collision), by alpha-2. They take priority
// over every package name (but not over the codes themselves). Duplicates of package names are fine.
//
// Choices worth knowing:
// - England, Scotland, Wales and Northern Ireland map to GB: ISO 3166-1 has no codes for the UK's
//   constituent countries (they are ISO 3166-2 subdivisions GB-ENG, GB-SCT ...), and a CRM country
//   field wants the sovereign state.
// - "Congo" alone maps to CG, whose ISO short name it is ("Congo, The Democratic Republic of the" is
//   CD). The package lists "Congo" as an English alias of both.
// - "Korea" alone maps to KR (South Korea), as most forms and address data use it.
// - "Macedonia" maps to MK (the country's former name), not to the Greek region.
// - "Republic of China" / "ROC" map to TW; "PRC", "Mainland China" to CN.
const VARIANTS = {
  AE: ['UAE', 'U.A.E.', 'Emirates', 'The Emirates', 'United Arab Emirates', 'الإمارات', 'الامارات', 'الإمارات العربية المتحدة',
    'امارات', 'امارات متحده عربی', 'امارات متحدهٔ عربی', '阿联酋', '阿聯酋'],
  AF: ['افغانستان', 'أفغانستان', 'Islamic Republic of Afghanistan'],
  AG: ['Antigua & Barbuda', 'Antigua'],
  AT: ['Österreich', 'Republik Österreich'],
  BA: ['Bosnia', 'Bosnia & Herzegovina', 'Bosnia-Herzegovina', 'Bosna i Hercegovina'],
  BE: ['België', 'Belgique', 'Belgien'],
  BH: ['البحرين', 'بحرین'],
  BO: ['Bolivia', 'Bolivia (Plurinational State of)', 'Plurinational State of Bolivia', 'Bolivia, Plurinational State of'],
  BR: ['Brasil', 'República Federativa do Brasil'],
  BS: ['The Bahamas', 'Bahamas, The'],
  AZ: ['آذربایجان', 'Azərbaycan'],
  BY: ['Беларусь', 'Belarus', 'Byelorussia', 'Belorussia', 'Weißrussland'],
  CD: ['DRC', 'DR Congo', 'D.R. Congo', 'Congo-Kinshasa', 'Congo (Kinshasa)', 'Democratic Republic of Congo',
    'Congo, Democratic Republic of the', 'Congo, The Democratic Republic of the', 'Zaire'],
  CG: ['Congo', 'Congo-Brazzaville', 'Congo (Brazzaville)', 'Republic of Congo', 'Congo, Republic of the'],
  CH: ['Schweiz', 'Suisse', 'Svizzera', 'Svizra', 'Confoederatio Helvetica', 'Swiss Confederation'],
  CI: ['Ivory Coast', "Côte d'Ivoire", "Cote d'Ivoire", 'Elfenbeinküste', 'Costa de Marfil'],
  CN: ['PRC', 'P.R.C.', 'P.R. China', 'PR China', 'Mainland China', 'China (PRC)', "People's Republic of China", 'China, People\'s Republic of',
    '中国', '中华人民共和国', '中國', '中華人民共和國', '中国大陆', '中國大陸', '中国内地'],
  CV: ['Cape Verde', 'Cabo Verde'],
  CY: ['Κύπρος', 'Kıbrıs'],
  CZ: ['Czechia', 'Czech Republic', 'Czech', 'Česko', 'Česká republika', 'Tschechien'],
  DE: ['Deutschland', 'BRD', 'Bundesrepublik Deutschland', 'Federal Republic of Germany', 'آلمان', 'ألمانيا', '德國'],
  DK: ['Danmark'],
  DZ: ['الجزائر', 'Algérie'],
  EG: ['مصر', 'Misr', 'Arab Republic of Egypt', 'جمهورية مصر العربية'],
  ES: ['España', 'Espana', 'Reino de España', 'Kingdom of Spain', 'Espagne', 'Spanien'],
  FI: ['Suomi'],
  FM: ['Micronesia', 'Federated States of Micronesia'],
  FR: ['République française', 'French Republic'],
  GB: ['UK', 'U.K.', 'The UK', 'Great Britain', 'Britain', 'G.B.', 'England', 'Scotland', 'Wales', 'Northern Ireland',
    'United Kingdom of Great Britain and Northern Ireland', 'Grande-Bretagne', 'Angleterre', 'Gran Bretaña', 'Inglaterra',
    'Großbritannien', 'England', 'انگلستان', 'انگلیس', 'بریتانیا', 'بریتانیای کبیر', 'بريطانيا', 'المملكة المتحدة', 'إنجلترا',
    'انجلترا', '英國', '英格兰', '大不列颠'],
  GE: ['საქართველო'],
  GM: ['The Gambia', 'Gambia, The'],
  GR: ['Ελλάδα', 'Hellas', 'Ελλάς'],
  HK: ['Hong Kong', 'Hongkong', 'Hong Kong SAR', 'Hong Kong SAR China', 'HKSAR', '香港', '中國香港', '中国香港', 'هنگ کنگ', 'هنگ‌کنگ', 'هونغ كونغ'],
  HR: ['Hrvatska'],
  HU: ['Magyarország'],
  ID: ['印度尼西亚', '印度尼西亞', 'Republik Indonesia'],
  IE: ['Éire', 'Republic of Ireland'],
  IL: ['ישראל', 'اسرائیل', 'إسرائيل'],
  IN: ['Bharat', 'भारत', 'Republic of India'],
  IQ: ['العراق', 'عراق', 'Republic of Iraq'],
  IR: ['Iran', 'Iran (Islamic Republic of)', 'Iran, Islamic Republic of', 'Islamic Republic of Iran', 'I.R. Iran', 'IR Iran', 'Persia',
    'ایران', 'جمهوری اسلامی ایران', 'إيران', 'ايران', 'جمهورية إيران الإسلامية', '伊朗', 'Perse', 'Persien'],
  IS: ['Ísland'],
  IT: ['Italia', 'Repubblica Italiana'],
  JO: ['الأردن', 'اردن'],
  JP: ['日本', '日本国', 'Nippon', 'Nihon'],
  KN: ['St Kitts and Nevis', 'St. Kitts and Nevis', 'Saint Kitts & Nevis', 'St Kitts & Nevis', 'St Kitts', 'Saint Kitts'],
  KP: ['North Korea', 'DPRK', 'D.P.R.K.', 'Korea (North)', 'Korea, North', "Korea, Democratic People's Republic of",
    "Democratic People's Republic of Korea", '조선민주주의인민공화국', '북한', '朝鲜', '北韓', '北朝鲜', 'کره شمالی', 'كوريا الشمالية'],
  KR: ['South Korea', 'Korea', 'Korea Republic', 'Korea, Republic of', 'Republic of Korea', 'Korea (South)', 'Korea, South', 'ROK',
    'S. Korea', '대한민국', '한국', '南韓', '韓國', '韩国', '南朝鲜', 'کره جنوبی', 'کره', 'كوريا الجنوبية', 'Corée du Sud', 'Corea del Sur', 'Südkorea'],
  KW: ['الكويت', 'کویت'],
  KZ: ['Қазақстан', 'Казахстан'],
  LA: ['Laos', 'Lao PDR', 'Lao', "Lao People's Democratic Republic"],
  LB: ['لبنان'],
  LC: ['St Lucia', 'St. Lucia'],
  LY: ['ليبيا', 'لیبی'],
  MA: ['المغرب', 'مراکش', 'Maroc'],
  MD: ['Moldova', 'Republic of Moldova', 'Moldova, Republic of', 'Moldavia'],
  MK: ['Macedonia', 'North Macedonia', 'Republic of North Macedonia', 'FYROM', 'Former Yugoslav Republic of Macedonia',
    'Macedonia (FYROM)', 'The former Yugoslav Republic of Macedonia', 'Северна Македонија', 'مقدونیه', 'مقدونيا'],
  MM: ['Burma', 'Myanmar', 'Myanmar (Burma)', 'برمه', '緬甸'],
  MO: ['Macau', 'Macao', 'Macao SAR', 'Macau SAR', '澳门', '澳門'],
  MX: ['México', 'Mexico', 'Estados Unidos Mexicanos', 'Méjico'],
  NL: ['Holland', 'The Netherlands', 'Nederland', 'Hollande', 'Holanda', 'هلند', 'هولندا'],
  NO: ['Norge', 'Noreg'],
  OM: ['عمان', 'سلطنة عمان'],
  PK: ['پاکستان', 'پاكستان', 'باكستان', 'Islamic Republic of Pakistan'],
  PL: ['Polska'],
  PS: ['Palestine', 'State of Palestine', 'Palestinian Territories', 'Palestinian Territory', 'Occupied Palestinian Territory',
    'Palestine, State of', 'فلسطين', 'دولة فلسطين', 'فلسطین'],
  QA: ['قطر'],
  RS: ['Србија', 'Srbija'],
  RU: ['Russia', 'Russian Federation', 'Россия', 'Российская Федерация', 'روسیه', 'روسيا', '俄罗斯', '俄羅斯'],
  SA: ['KSA', 'K.S.A.', 'Saudi', 'Saudi Arabia', 'Kingdom of Saudi Arabia', 'المملكة العربية السعودية', 'السعودية', 'عربستان',
    'عربستان سعودی', 'Arabie saoudite', 'Arabia Saudita', 'Saudi-Arabien'],
  SD: ['السودان'],
  SE: ['Sverige'],
  ST: ['Sao Tome and Principe', 'São Tomé & Príncipe', 'Sao Tome & Principe'],
  SY: ['Syria', 'Syrian Arab Republic', 'سوريا', 'سورية', 'سوریه'],
  SZ: ['Swaziland', 'Eswatini', 'Kingdom of Eswatini', 'eSwatini'],
  TH: ['ประเทศไทย', 'ไทย', 'Siam'],
  TJ: ['Тоҷикистон', 'تاجیکستان'],
  TL: ['East Timor', 'Timor-Leste', 'Timor Leste', 'Timor Oriental'],
  TN: ['تونس'],
  TR: ['Türkiye', 'Turkey', 'Turkiye', 'Republic of Türkiye', 'Republic of Turkey', 'Türkei', 'Turquie', 'Turquía', 'ترکیه', 'تركيا', '土耳其'],
  TT: ['Trinidad & Tobago', 'Trinidad'],
  TW: ['Taiwan', 'Republic of China', 'ROC', 'Taiwan (ROC)', 'Taiwan, Province of China', 'Chinese Taipei', '台湾', '台灣', '臺灣', '中華民國', 'تایوان'],
  TZ: ['Tanzania', 'United Republic of Tanzania', 'Tanzania, United Republic of'],
  UA: ['Україна', 'Ukraina', 'The Ukraine'],
  US: ['USA', 'U.S.', 'U.S.A.', 'US of A', 'America', 'United States', 'United States of America', 'The United States', 'The US',
    'The USA', 'EEUU', 'EE.UU.', 'EE. UU.', 'Etats-Unis', 'Amerika', '美國', '美利坚合众国', '美利堅合眾國', 'آمریکا', 'امریکا',
    'ایالات متحده آمریکا', 'ایالات متحدهٔ آمریکا', 'أمريكا', 'امريكا', 'الولايات المتحدة الأمريكية'],
  VA: ['Vatican', 'Vatican City', 'Vatican City State', 'Holy See', 'Città del Vaticano', 'Vaticano'],
  VC: ['St Vincent and the Grenadines', 'St. Vincent and the Grenadines', 'St Vincent', 'Saint Vincent'],
  VE: ['Venezuela', 'Venezuela (Bolivarian Republic of)', 'Bolivarian Republic of Venezuela', 'Venezuela, Bolivarian Republic of'],
  VG: ['BVI', 'British Virgin Islands', 'Virgin Islands (British)'],
  VI: ['USVI', 'US Virgin Islands', 'U.S. Virgin Islands', 'Virgin Islands (U.S.)'],
  VN: ['Vietnam', 'Viet Nam', 'Việt Nam'],
  YE: ['اليمن', 'یمن'],
};

const SEP_NAMES = '|';
const SEP_COLS = '\t';

function checkName(code, name) {
  if (typeof name !== 'string' || !name.trim()) throw new Error(`${code}: empty name`);
  if (/["\\|\t\n\r]/.test(name) || name !== name.trim() || /^\s/.test(name)) {
    throw new Error(`${code}: name ${JSON.stringify(name)} has a quote, backslash, separator or edge whitespace`);
  }
  return name;
}

const source = pinned(PKG);
const codes = require(`${PKG}/codes.json`);
const langs = Object.fromEntries(LANGUAGES.map((l) => [l, require(`${PKG}/langs/${l}.json`).countries]));

// Byte order, the order Rust's str comparison uses.
const byBytes = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const rows = codes.map(([a2, a3, num]) => ({ a2, a3, num })).sort((x, y) => byBytes(x.a2, y.a2));
const known = new Set(rows.map((r) => r.a2));

const lines = [];
let nameCount = 0;
for (const { a2, a3, num } of rows) {
  if (!/^[A-Z]{2}$/.test(a2) || !/^[A-Z]{3}$/.test(a3) || !/^[0-9]{3}$/.test(num)) throw new Error(`bad codes ${a2} ${a3} ${num}`);
  const seen = new Set();
  const cols = LANGUAGES.map((l) => {
    const names = [].concat(langs[l][a2] ?? []).map((n) => checkName(a2, n.normalize('NFC')));
    if (l === 'en' && names.length === 0) throw new Error(`${a2}: no English name`);
    const fresh = names.filter((n) => !seen.has(n) && seen.add(n));
    nameCount += fresh.length;
    return fresh.join(SEP_NAMES);
  });
  lines.push([a2, a3, num, ...cols].join(SEP_COLS));
}

const variantLines = [];
let variantCount = 0;
for (const a2 of Object.keys(VARIANTS).sort(byBytes)) {
  if (!known.has(a2)) throw new Error(`VARIANTS: unknown alpha-2 ${a2}`);
  const names = [...new Set(VARIANTS[a2].map((n) => checkName(a2, n.normalize('NFC'))))];
  variantCount += names.length;
  variantLines.push([a2, names.join(SEP_NAMES)].join(SEP_COLS));
}

// Literal tabs are kept inside Rust string literals; every line starts with an alpha-2 code, so the
// `\` line continuation (which skips leading whitespace) never eats data.
const out =
  `// @generated by scripts/gen-countries.mjs. DO NOT EDIT.\n` +
  `// Source: ${source} and the hand-written variants in scripts/gen-countries.mjs. ` +
  `Regenerate with \`node scripts/gen-countries.mjs\`.\n\n` +
  `/// The pinned source of the names and codes.\n` +
  `pub const SOURCE: &str = "${source}";\n\n` +
  `/// The languages of the name columns of [\`COUNTRIES\`], in collision priority order.\n` +
  `pub const LANGUAGES: [&str; ${LANGUAGES.length}] = [${LANGUAGES.map((l) => `"${l}"`).join(', ')}];\n\n` +
  `/// ${rows.length} countries, one line each, sorted by alpha-2: alpha-2, alpha-3 and numeric code, then one column\n` +
  `/// per [\`LANGUAGES\`] entry, separated by tabs. Names in a column are separated by \`|\`; the first English\n` +
  `/// name is the official one. A name already in an earlier column of the same line is left out.\n` +
  `/// ${nameCount} names. Source: ${source}.\n` +
  `pub static COUNTRIES: &str = "\\\n${lines.join('\n')}\n";\n\n` +
  `/// Hand-written common variants (scripts/gen-countries.mjs), one line per country: alpha-2, a tab, names\n` +
  `/// separated by \`|\`. ${variantCount} names.\n` +
  `pub static VARIANTS: &str = "\\\n${variantLines.join('\n')}\n";\n`;

writeFileSync(new URL('src/tables/countries.rs', root), out);
console.log(`wrote src/tables/countries.rs: ${rows.length} countries, ${nameCount} names, ${variantCount} variants`);
