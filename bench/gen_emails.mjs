// Deterministic generator of messy email addresses with ground truth, for benchmarks (never for tests of
// behaviour: the truth labels encode our own policy, e.g. quoted local parts and IP literals count as invalid).
//
//   import { generateEmails } from './gen_emails.mjs';
//   generateEmails(100000, 42) -> [{ input, truth, intended, meta }]
//
// truth: 'clean'  a deliverable, already standardized address (intended === input)
//        'typo'   a popular provider's domain with one realistic typo (intended = the address without the typo)
//        'format' a valid address with formatting noise (intended = its standardized form: trimmed, NFKC width
//                 folding, ASCII digits, domain lowercased, mailto:/display name/trailing dot removed; the local
//                 part keeps its case)
//        'invalid' not an address we accept (intended = null)
// meta:  { kind, first, last, region } describing how the row was made (used by samples/make_sample.mjs).
//
// Mix (roughly): 55% clean, 20% typo, 15% format, 10% invalid. Of clean: ~45% business domains, ~28% global free
// providers, ~22% regional providers, ~5% Unicode local parts / IDN domains.
//
// Run directly for a preview: node bench/gen_emails.mjs [n] [seed]

/** sfc32 seeded by splitmix32: fast, good quality, fully deterministic. */
export function makeRng(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const rng = {
    next,
    int: (n) => Math.floor(next() * n),
    range: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    /** pick from [[weight, value], ...] */
    weighted: (pairs) => {
      let total = 0;
      for (const [w] of pairs) total += w;
      let r = next() * total;
      for (const [w, v] of pairs) {
        r -= w;
        if (r < 0) return v;
      }
      return pairs[pairs.length - 1][1];
    },
  };
  return rng;
}

// ---------------------------------------------------------------------------------------------------------------
// Names. Regions carry [latin transliteration, native script] pairs where a native script exists.

export const NAMES = {
  en: {
    first: ['james', 'mary', 'john', 'patricia', 'robert', 'jennifer', 'michael', 'linda', 'david', 'elizabeth',
      'william', 'susan', 'richard', 'jessica', 'joseph', 'sarah', 'thomas', 'karen', 'chris', 'nancy', 'daniel',
      'lisa', 'matthew', 'betty', 'anthony', 'sandra', 'mark', 'ashley', 'paul', 'emily', 'steven', 'donna',
      'andrew', 'michelle', 'kevin', 'carol', 'brian', 'amanda', 'george', 'melissa', 'ed', 'jo', 'al'],
    last: ['smith', 'johnson', 'williams', 'brown', 'jones', 'garcia', 'miller', 'davis', 'rodriguez', 'martinez',
      'hernandez', 'lopez', 'wilson', 'anderson', 'thomas', 'taylor', 'moore', 'jackson', 'martin', 'lee',
      'thompson', 'white', 'harris', 'clark', 'lewis', 'walker', 'hall', 'young', 'king', 'wright', 'scott',
      'green', 'baker', 'adams', 'nelson', 'hill', 'campbell', 'mitchell', 'roberts', 'carter', 'obrien', 'ng'],
  },
  de: {
    first: ['lukas', 'anna', 'felix', 'lena', 'jonas', 'laura', 'leon', 'julia', 'paul', 'sophie', 'maximilian',
      'katharina', 'jan', 'hannah', 'tobias', 'marie', 'stefan', 'sabine', 'juergen', 'ursula'],
    last: ['mueller', 'schmidt', 'schneider', 'fischer', 'weber', 'meyer', 'wagner', 'becker', 'schulz',
      'hoffmann', 'koch', 'richter', 'klein', 'wolf', 'schroeder', 'neumann', 'braun', 'zimmermann'],
  },
  fr: {
    first: ['jean', 'marie', 'pierre', 'camille', 'louis', 'chloe', 'hugo', 'manon', 'lucas', 'ines', 'theo',
      'lea', 'nicolas', 'julie', 'antoine', 'claire', 'mathieu', 'sylvie'],
    last: ['martin', 'bernard', 'dubois', 'thomas', 'robert', 'richard', 'petit', 'durand', 'leroy', 'moreau',
      'simon', 'laurent', 'lefebvre', 'michel', 'garcia', 'david', 'bertrand', 'roux'],
  },
  it: {
    first: ['giulia', 'francesco', 'sofia', 'alessandro', 'martina', 'lorenzo', 'chiara', 'matteo', 'giorgia',
      'andrea'],
    last: ['rossi', 'russo', 'ferrari', 'esposito', 'bianchi', 'romano', 'colombo', 'ricci', 'marino', 'greco'],
  },
  br: {
    first: ['joao', 'maria', 'pedro', 'ana', 'gabriel', 'juliana', 'rafael', 'fernanda', 'lucas', 'camila',
      'thiago', 'beatriz'],
    last: ['silva', 'santos', 'oliveira', 'souza', 'rodrigues', 'ferreira', 'alves', 'pereira', 'lima',
      'gomes', 'costa', 'ribeiro'],
  },
  in: {
    first: ['aarav', 'priya', 'rahul', 'ananya', 'vikram', 'deepa', 'arjun', 'kavya', 'rohan', 'sneha', 'amit',
      'pooja', 'sanjay', 'neha'],
    last: ['sharma', 'patel', 'singh', 'kumar', 'gupta', 'reddy', 'iyer', 'nair', 'mehta', 'joshi', 'rao',
      'das', 'verma', 'chopra'],
  },
  ir: {
    first: [['ali', 'علی'], ['reza', 'رضا'], ['mohammad', 'محمد'], ['hossein', 'حسین'], ['mahdi', 'مهدی'],
      ['zahra', 'زهرا'], ['fatemeh', 'فاطمه'], ['maryam', 'مریم'], ['sara', 'سارا'], ['narges', 'نرگس'],
      ['amir', 'امیر'], ['hamid', 'حمید'], ['parisa', 'پریسا'], ['shirin', 'شیرین'], ['arash', 'آرش'],
      ['babak', 'بابک'], ['kian', 'کیان'], ['niloofar', 'نیلوفر'], ['mina', 'مینا'], ['saeed', 'سعید'],
      ['farhad', 'فرهاد'], ['yasaman', 'یاسمن'], ['omid', 'امید'], ['leila', 'لیلا']],
    last: [['ahmadi', 'احمدی'], ['hosseini', 'حسینی'], ['rezaei', 'رضایی'], ['mohammadi', 'محمدی'],
      ['karimi', 'کریمی'], ['jafari', 'جعفری'], ['moradi', 'مرادی'], ['rahimi', 'رحیمی'], ['hashemi', 'هاشمی'],
      ['kazemi', 'کاظمی'], ['tehrani', 'تهرانی'], ['sadeghi', 'صادقی'], ['ghorbani', 'قربانی'],
      ['najafi', 'نجفی'], ['akbari', 'اکبری'], ['shirazi', 'شیرازی'], ['nouri', 'نوری'], ['bagheri', 'باقری']],
  },
  ar: {
    first: [['mohammed', 'محمد'], ['ahmed', 'أحمد'], ['abdullah', 'عبدالله'], ['khalid', 'خالد'],
      ['faisal', 'فيصل'], ['omar', 'عمر'], ['fatima', 'فاطمة'], ['aisha', 'عائشة'], ['noura', 'نورة'],
      ['layla', 'ليلى'], ['saud', 'سعود'], ['sultan', 'سلطان'], ['hamad', 'حمد'], ['mariam', 'مريم'],
      ['yousef', 'يوسف'], ['huda', 'هدى'], ['salem', 'سالم'], ['reem', 'ريم'], ['tariq', 'طارق'], ['hessa', 'حصة']],
    last: [['alharbi', 'الحربي'], ['alotaibi', 'العتيبي'], ['alghamdi', 'الغامدي'], ['alqahtani', 'القحطاني'],
      ['alzahrani', 'الزهراني'], ['almansouri', 'المنصوري'], ['alshamsi', 'الشامسي'], ['alnuaimi', 'النعيمي'],
      ['alkaabi', 'الكعبي'], ['aldosari', 'الدوسري'], ['almutairi', 'المطيري'], ['alshehri', 'الشهري'],
      ['hassan', 'حسن'], ['saleh', 'صالح'], ['haddad', 'حداد'], ['khoury', 'خوري']],
  },
  cn: {
    first: [['wei', '伟'], ['fang', '芳'], ['na', '娜'], ['min', '敏'], ['jing', '静'], ['li', '丽'],
      ['qiang', '强'], ['lei', '磊'], ['jun', '军'], ['yang', '洋'], ['yong', '勇'], ['yan', '艳'],
      ['jie', '杰'], ['tao', '涛'], ['ming', '明'], ['chao', '超'], ['xiuying', '秀英'], ['xiaoming', '晓明'],
      ['jianguo', '建国'], ['haiyan', '海燕'], ['zhiwei', '志伟'], ['yuxuan', '宇轩']],
    last: [['wang', '王'], ['li', '李'], ['zhang', '张'], ['liu', '刘'], ['chen', '陈'], ['yang', '杨'],
      ['huang', '黄'], ['zhao', '赵'], ['wu', '吴'], ['zhou', '周'], ['xu', '徐'], ['sun', '孙'], ['ma', '马'],
      ['zhu', '朱'], ['hu', '胡'], ['guo', '郭'], ['he', '何'], ['lin', '林'], ['gao', '高'], ['luo', '罗']],
  },
  jp: {
    first: ['hiroshi', 'yuki', 'takeshi', 'akiko', 'kenji', 'naoko', 'daisuke', 'yumi', 'shota', 'haruka'],
    last: ['sato', 'suzuki', 'takahashi', 'tanaka', 'watanabe', 'ito', 'yamamoto', 'nakamura', 'kobayashi'],
  },
  kr: {
    first: ['minjun', 'seoyeon', 'jiho', 'jiwoo', 'hyun', 'soyeon', 'donghyun', 'eunji', 'sungmin', 'yuna'],
    last: ['kim', 'lee', 'park', 'choi', 'jung', 'kang', 'cho', 'yoon', 'jang', 'lim'],
  },
  ru: {
    first: ['ivan', 'olga', 'dmitry', 'elena', 'sergey', 'natalia', 'alexei', 'irina', 'mikhail', 'tatiana'],
    last: ['ivanov', 'smirnova', 'kuznetsov', 'popova', 'vasiliev', 'petrova', 'sokolov', 'volkova'],
  },
};

const latin = (n) => (Array.isArray(n) ? n[0] : n);
const native = (n) => (Array.isArray(n) ? n[1] : null);

// ---------------------------------------------------------------------------------------------------------------
// Domains.

export const GLOBAL_PROVIDERS = ['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'live.com', 'icloud.com',
  'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'mail.com', 'zoho.com'];
const GLOBAL_WEIGHTS = [30, 14, 14, 10, 4, 8, 4, 3, 3, 3, 3, 3];

// region -> providers used by people of that region
export const REGIONAL_PROVIDERS = {
  jp: ['yahoo.co.jp'],
  cn: ['qq.com', '163.com', '126.com', 'sina.com', 'sina.cn', 'foxmail.com'],
  kr: ['naver.com', 'daum.net', 'hanmail.net'],
  ru: ['yandex.ru', 'mail.ru', 'rambler.ru', 'bk.ru'],
  de: ['gmx.de', 'web.de', 't-online.de', 'freenet.de'],
  fr: ['orange.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'wanadoo.fr'],
  it: ['libero.it', 'virgilio.it', 'tiscali.it'],
  br: ['uol.com.br', 'bol.com.br', 'terra.com.br'],
  in: ['rediffmail.com'],
  ir: ['chmail.ir', 'yahoo.com', 'gmail.com'],
  ar: ['emirates.net.ae', 'eim.ae', 'stc.com.sa', 'sabic.com.sa', 'batelco.com.bh', 'omantel.net.om',
    'qatar.net.qa', 'kems.net', 'du.ae'],
};

const COMPANY_WORDS = ['acme', 'nova', 'apex', 'blue', 'river', 'summit', 'green', 'atlas', 'orbit', 'pixel',
  'vertex', 'cedar', 'harbor', 'quantum', 'lumen', 'zenith', 'ember', 'solace', 'pars', 'aria', 'parsian',
  'tejarat', 'golden', 'falcon', 'najm', 'noor', 'dar', 'alwaha', 'huaxin', 'tianli', 'jinlong', 'sahra',
  'oasis', 'delta', 'north', 'bright', 'silver', 'oak', 'maple', 'stone', 'iron', 'cloud', 'data', 'smart',
  'rapid', 'prime', 'alpha', 'omega', 'sun', 'star', 'peak', 'bridge', 'crest', 'fjord', 'kavir', 'zagros',
  'khalij', 'rimal', 'baraka', 'longma', 'hengda', 'fuxing', 'bergmann', 'rheinland', 'lumiere', 'soleil'];
const COMPANY_SUFFIXES = ['group', 'labs', 'tech', 'systems', 'consulting', 'partners', 'holdings', 'trading',
  'logistics', 'media', 'health', 'capital', 'foods', 'energy', 'soft', 'works', 'co', 'studio', 'hq'];
const BUSINESS_TLDS = [[20, 'com'], [6, 'net'], [5, 'org'], [5, 'io'], [3, 'co'], [6, 'de'], [4, 'fr'],
  [6, 'ir'], [5, 'ae'], [5, 'sa'], [5, 'cn'], [5, 'co.uk'], [3, 'com.au'], [3, 'co.jp'], [3, 'com.br']];
// Real-looking business domains that resemble providers or are very short: classic false-suggestion bait.
export const LOOKALIKE_BUSINESS = ['mgi.com', 'mail-box.de', 'gmx-partners.com', 'yahoo-finance-club.org',
  'outlook-advisors.com', 'gmc.com', 'hotmart.com', 'aol-ventures.io', 'live-nation.com', 'icloud-solutions.io',
  'proton-energy.de', 'zoho-partners.co.uk', 'ge.com', 'hp.com', 'gm.com', 'att.com', 'ymca.org', 'mailgun.net',
  'gmaxx.de', 'yahya.ir', 'hotel.com', 'outlet.com', 'qqbox.cn', 'mail.ir', 'post.sa', 'orange-bank.fr',
  'freebox.fr', 'livecorp.com', 'aolani.com', 'iclub.cn', 'yahav.co', 'mailo.com'];

// Unicode local parts and IDN domains (NFC) that are valid and already standardized.
const UNICODE_CLEAN = ['ali@مثال.ایران', 'user@bücher.de', 'müller@bücher.de', 'info@münchen.de',
  'josé.garcía@correo.es', 'علی@مثال.ایران', 'رضا.احمدی@شرکت.ایران', 'محمد@شركة.السعودية',
  'فاطمة@مثال.امارات', '张伟@公司.中国', '李娜@例子.中国', '王芳@example.cn', 'søren@blåbær.dk',
  'françois@société.fr', 'zoë@straße.de', 'ivan@пример.рф', 'δοκιμή@example.gr', 'ali@bücher.de',
  'user@xn--bcher-kva.de', 'nasrin@exemple.fr', 'ユーザー@例え.jp', 'çelik@örnek.com.tr'];

// Keyboard neighbours on QWERTY (lowercase letters and digits).
const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const NEIGHBOURS = (() => {
  const map = {};
  for (let r = 0; r < ROWS.length; r++) {
    for (let c = 0; c < ROWS[r].length; c++) {
      const ch = ROWS[r][c];
      const ns = new Set();
      for (const [dr, dc] of [[0, -1], [0, 1], [-1, 0], [-1, 1], [1, -1], [1, 0]]) {
        const row = ROWS[r + dr];
        if (row && row[c + dc]) ns.add(row[c + dc]);
      }
      map[ch] = [...ns].filter((x) => /[a-z]/.test(x));
    }
  }
  return map;
})();

// Providers whose domains get typos, with weights (popular first).
const TYPO_TARGETS = [[34, 'gmail.com'], [16, 'yahoo.com'], [16, 'hotmail.com'], [10, 'outlook.com'],
  [6, 'icloud.com'], [4, 'aol.com'], [4, 'live.com'], [3, 'protonmail.com'], [2, 'yahoo.co.uk'],
  [2, 'hotmail.co.uk'], [3, 'comcast.net']];
const TLD_TYPOS = { com: ['con', 'cmo', 'ocm', 'comm', 'om', 'co', 'cm', 'vom', 'xom', 'coom', 'cpm', 'cim'],
  net: ['nte', 'ent', 'nett', 'ne', 'bet'], 'co.uk': ['co.ul', 'co.k', 'couk', 'co.uj'] };

// Every domain a typo must not land on (it would then be a real, different address).
const KNOWN_DOMAINS = new Set([
  ...GLOBAL_PROVIDERS, ...Object.values(REGIONAL_PROVIDERS).flat(), ...LOOKALIKE_BUSINESS,
  'yahoo.co.uk', 'hotmail.co.uk', 'comcast.net', 'googlemail.com', 'ymail.com', 'msn.com', 'me.com', 'mac.com',
  'gmail.co', 'al.com', 'ao.com', 'ol.com', 'aol.co', 'live.co', 'love.com', 'lve.com', 'mail.co', 'gmx.net',
  'hotmail.co', 'yahoo.co', 'outlook.co', 'icloud.co', 'aim.com', 'hotmail.fr', 'hotmail.de', 'live.de',
]);

// ---------------------------------------------------------------------------------------------------------------

const REGION_MIX = [[40, 'en'], [8, 'de'], [6, 'fr'], [3, 'it'], [5, 'br'], [6, 'in'], [10, 'ir'], [9, 'ar'],
  [9, 'cn'], [2, 'jp'], [2, 'kr'], [2, 'ru']];

function person(rng, region) {
  const r = region ?? rng.weighted(REGION_MIX);
  const set = NAMES[r];
  const f = rng.pick(set.first);
  const l = rng.pick(set.last);
  return { region: r, first: latin(f), last: latin(l), firstNative: native(f), lastNative: native(l) };
}

/** A local part from a name with one of the usual patterns. Lowercase ASCII. */
function localPart(rng, p) {
  const f = p.first;
  const l = p.last;
  const yy = String(rng.range(50, 99) + (rng.chance(0.3) ? 1900 : 0)).slice(-rng.pick([2, 2, 4]));
  const n = String(rng.range(1, 999));
  return rng.weighted([
    [22, () => `${f}.${l}`],
    [14, () => `${f[0]}${l}`],
    [10, () => `${f}_${l}${rng.range(1, 99)}`],
    [7, () => `${f}+${rng.pick(['news', 'shop', 'work', 'crm', 'promo', 'list'])}`],
    [8, () => `${f}${l}`],
    [8, () => `${f}.${l}${yy}`],
    [6, () => `${f}${n}`],
    [5, () => `${l}.${f}`],
    [4, () => `${f}-${l}`],
    [4, () => `${f}.${l[0]}`],
    [4, () => `${f}`],
    [3, () => `${l}${f[0]}${rng.range(1, 9)}`],
    [3, () => `${f}.${l}+${rng.pick(['a', 'b', 'x', '2024'])}`],
    [2, () => `${f}_${l}`],
  ])();
}

function businessDomain(rng) {
  if (rng.chance(0.12)) return rng.pick(LOOKALIKE_BUSINESS);
  const w = rng.pick(COMPANY_WORDS);
  const name = rng.weighted([
    [35, () => w],
    [25, () => w + rng.pick(COMPANY_WORDS)],
    [15, () => `${w}-${rng.pick(COMPANY_WORDS)}`],
    [20, () => w + rng.pick(COMPANY_SUFFIXES)],
    [5, () => `${w}-${rng.pick(COMPANY_SUFFIXES)}`],
  ])();
  return `${name}.${rng.weighted(BUSINESS_TLDS)}`;
}

function regionalDomain(rng, p) {
  const list = REGIONAL_PROVIDERS[p.region];
  if (list) return rng.pick(list);
  // regions without their own providers use the regional ones of a random other region
  return rng.pick(rng.pick(Object.values(REGIONAL_PROVIDERS)));
}

function globalDomain(rng) {
  let r = rng.next() * 100;
  for (let i = 0; i < GLOBAL_PROVIDERS.length; i++) {
    r -= GLOBAL_WEIGHTS[i];
    if (r < 0) return GLOBAL_PROVIDERS[i];
  }
  return 'gmail.com';
}

/** A clean address: { address, kind, person }. Occasionally capitalized local parts (still clean). */
function cleanAddress(rng, opts = {}) {
  const kind = opts.kind ?? rng.weighted([[45, 'business'], [28, 'global'], [22, 'regional'], [5, 'unicode']]);
  if (kind === 'unicode') {
    return { address: rng.pick(UNICODE_CLEAN), kind, person: person(rng) };
  }
  const p = person(rng, opts.region);
  let local = localPart(rng, p);
  if (!opts.lowercase && rng.chance(0.06)) local = local.replace(/(^|[._-])([a-z])/g, (m, s, c) => s + c.toUpperCase());
  let domain;
  if (kind === 'business') {
    domain = businessDomain(rng);
    if (rng.chance(0.15)) local = rng.pick(['info', 'sales', 'contact', 'office', 'hr', 'support']);
  } else if (kind === 'global') domain = globalDomain(rng);
  else domain = regionalDomain(rng, p);
  return { address: `${local}@${domain}`, kind, person: p };
}

// ---------------------------------------------------------------------------------------------------------------
// Typos on the domain.

function typoLabel(rng, s) {
  // one edit on a label of lowercase letters
  const op = rng.weighted([[25, 'delete'], [20, 'insert'], [25, 'substitute'], [20, 'transpose'], [10, 'double']]);
  const i = rng.int(s.length);
  switch (op) {
    case 'delete':
      return s.slice(0, i) + s.slice(i + 1);
    case 'insert': {
      // a neighbour of the previous/next key, as fingers slip
      const base = s[i];
      const ch = rng.pick(NEIGHBOURS[base] ?? ['a']);
      return rng.chance(0.5) ? s.slice(0, i) + ch + s.slice(i) : s.slice(0, i + 1) + ch + s.slice(i + 1);
    }
    case 'substitute': {
      const ch = rng.pick(NEIGHBOURS[s[i]] ?? ['e']);
      return s.slice(0, i) + ch + s.slice(i + 1);
    }
    case 'transpose': {
      const k = Math.min(i, s.length - 2);
      return s.slice(0, k) + s[k + 1] + s[k] + s.slice(k + 2);
    }
    default:
      return s.slice(0, i + 1) + s[i] + s.slice(i + 1);
  }
}

function typoDomain(rng, domain) {
  const dot = domain.indexOf('.');
  const sld = domain.slice(0, dot);
  const tld = domain.slice(dot + 1);
  for (let attempt = 0; attempt < 20; attempt++) {
    let out;
    if (rng.chance(0.22) && TLD_TYPOS[tld]) out = `${sld}.${rng.pick(TLD_TYPOS[tld])}`;
    else out = `${typoLabel(rng, sld)}.${tld}`;
    if (!out || out === domain || KNOWN_DOMAINS.has(out)) continue;
    if (out.startsWith('.') || out.includes('..') || out.indexOf('.') < 1) continue;
    return out;
  }
  return `${sld}.${tld === 'com' ? 'con' : tld + 'x'}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Format noise.

const toFullWidth = (s) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

function formatNoise(rng) {
  const op = rng.weighted([[22, 'space'], [20, 'upper'], [10, 'fullwidth'], [10, 'mailto'], [16, 'display'],
    [8, 'trailingdot'], [14, 'digits']]);
  // base: an ASCII clean address (digits op needs a local part with digits)
  const base = cleanAddress(rng, { kind: rng.weighted([[45, 'business'], [35, 'global'], [20, 'regional']]) });
  if (op === 'digits' && !/\d/.test(base.address.split('@')[0])) {
    const [l, d] = base.address.split('@'); // add a (Solar Hijri) birth year to get digits
    base.address = `${l}${rng.range(1340, 1404)}@${d}`;
  }
  const intended = base.address;
  const [local, domain] = intended.split('@');
  let input;
  switch (op) {
    case 'space': {
      const ws = () => rng.pick([' ', '  ', '\t', '\u00a0', ' \t', '\n', '\u3000']);
      input = rng.weighted([[40, () => ws() + intended + ws()], [30, () => ws() + intended], [30, () => intended + ws()]])();
      break;
    }
    case 'upper': {
      const loc = rng.chance(0.5) ? local : local.replace(/^[a-z]/, (c) => c.toUpperCase());
      const dom = rng.chance(0.7) ? domain.toUpperCase() : domain.replace(/^[a-z]/, (c) => c.toUpperCase());
      input = `${loc}@${dom}`;
      return { input, intended: `${loc}@${domain}`, base };
    }
    case 'fullwidth':
      input = rng.chance(0.7) ? toFullWidth(intended) : `${local}＠${domain.replaceAll('.', '．')}`;
      break;
    case 'mailto':
      input = `${rng.pick(['mailto:', 'mailto:', 'MAILTO:', 'Mailto:'])}${intended}`;
      break;
    case 'display': {
      const p = base.person;
      const nm = p.firstNative && rng.chance(0.4)
        ? `${p.firstNative} ${p.lastNative}`
        : `${cap(p.first)} ${cap(p.last)}`;
      input = rng.weighted([
        [50, () => `${nm} <${intended}>`],
        [20, () => `"${cap(p.last)}, ${cap(p.first)}" <${intended}>`],
        [15, () => `<${intended}>`],
        [15, () => `"${nm}" <${intended}>`],
      ])();
      break;
    }
    case 'trailingdot':
      input = `${intended}.`;
      break;
    default: {
      const digits = rng.chance(0.6) ? PERSIAN_DIGITS : ARABIC_DIGITS;
      input = `${local.replace(/[0-9]/g, (d) => digits[+d])}@${domain}`;
    }
  }
  return { input, intended, base };
}

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------------------------------------------------------
// Invalid.

function invalidAddress(rng) {
  const { address } = cleanAddress(rng, { kind: rng.weighted([[50, 'business'], [50, 'global']]), lowercase: true });
  const [local, domain] = address.split('@');
  const dot = domain.indexOf('.');
  const sld = domain.slice(0, dot);
  const kind = rng.weighted([[10, 'no_at'], [8, 'two_at'], [10, 'space'], [9, 'no_tld'], [8, 'dots'],
    [6, 'leading_dot'], [10, 'bad_char'], [6, 'empty_local'], [5, 'empty_domain'], [6, 'underscore'],
    [5, 'quoted'], [5, 'ip'], [5, 'overlong'], [4, 'hyphen_label'], [3, 'unknown_tld']]);
  const v = {
    no_at: () => rng.pick([`${local}${domain}`, `${local}.${domain}`, `${local} at ${domain}`, `${local}(at)${domain}`]),
    two_at: () => rng.pick([`${local}@@${domain}`, `${local}@${sld}@${domain}`, `${local}@${domain}@${domain}`]),
    space: () => rng.pick([`${local.slice(0, 2)} ${local.slice(2)}@${domain}`, `${local}@${sld} .${domain.slice(dot + 1)}`,
      `${local} x@${domain}`, `${local}@${sld} ${domain.slice(dot + 1)}`]),
    no_tld: () => rng.pick([`${local}@${sld}`, `${local}@localhost`, `${local}@${sld}.`, `${local}@intranet`]),
    dots: () => rng.pick([`${local.slice(0, 1)}..${local.slice(1)}@${domain}`, `${local}@${sld}..${domain.slice(dot + 1)}`,
      `${local}.@${domain}`]),
    leading_dot: () => rng.pick([`.${local}@${domain}`, `${local}@.${domain}`]),
    bad_char: () => {
      const ch = rng.pick([',', ';', '(', ')', ':', '[', ']', '\\', '<', '>']);
      const i = 1 + rng.int(Math.max(1, local.length - 1));
      return rng.chance(0.8) ? `${local.slice(0, i)}${ch}${local.slice(i)}@${domain}` : `${local}@${sld}${ch}.${domain.slice(dot + 1)}`;
    },
    empty_local: () => `@${domain}`,
    empty_domain: () => `${local}@`,
    underscore: () => `${local}@${sld}_${rng.pick(COMPANY_WORDS)}.${domain.slice(dot + 1)}`,
    quoted: () => rng.pick([`"${local} x"@${domain}`, `"${local}"@${domain}`, `"${local}@home"@${domain}`]),
    ip: () => rng.pick([`${local}@[192.168.${rng.int(256)}.${rng.int(256)}]`, `${local}@[IPv6:2001:db8::${rng.int(99)}]`,
      `${local}@[10.0.0.${rng.int(256)}]`]),
    overlong: () => `${(local + '.').repeat(Math.ceil(66 / (local.length + 1))).slice(0, 65 + rng.int(30)).replace(/\.$/, 'x')}@${domain}`,
    hyphen_label: () => rng.pick([`${local}@-${domain}`, `${local}@${sld}-.${domain.slice(dot + 1)}`]),
    unknown_tld: () => `${local}@${sld}.${rng.pick(['local', 'lan', 'internal', 'corp', 'cmo2', 'c0m'])}`,
  }[kind]();
  return { input: v, kind };
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * n messy emails with ground truth, deterministic for a given seed.
 * @returns {{input: string, truth: 'clean'|'typo'|'format'|'invalid', intended: string|null, meta: object}[]}
 */
export function generateEmails(n, seed = 1) {
  const rng = makeRng(seed);
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const truth = rng.weighted([[55, 'clean'], [20, 'typo'], [15, 'format'], [10, 'invalid']]);
    if (truth === 'clean') {
      const c = cleanAddress(rng);
      out[i] = { input: c.address, truth, intended: c.address, meta: meta(c.kind, c.person) };
    } else if (truth === 'typo') {
      const target = rng.weighted(TYPO_TARGETS);
      const p = person(rng, rng.weighted([[60, 'en'], [8, 'ir'], [8, 'ar'], [6, 'in'], [6, 'br'], [6, 'de'], [6, 'fr']]));
      const local = localPart(rng, p);
      const intended = `${local}@${target}`;
      out[i] = { input: `${local}@${typoDomain(rng, target)}`, truth, intended, meta: meta('typo', p) };
    } else if (truth === 'format') {
      const f = formatNoise(rng);
      out[i] = { input: f.input, truth, intended: f.intended, meta: meta(f.base.kind, f.base.person) };
    } else {
      const v = invalidAddress(rng);
      out[i] = { input: v.input, truth, intended: null, meta: meta(`invalid:${v.kind}`, null) };
    }
  }
  return out;
}

function meta(kind, p) {
  return p
    ? { kind, region: p.region, first: p.first, last: p.last, firstNative: p.firstNative, lastNative: p.lastNative }
    : { kind, region: null, first: null, last: null, firstNative: null, lastNative: null };
}

// Preview when run directly.
if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 40);
  const seed = Number(process.argv[3] ?? 7);
  const rows = generateEmails(n, seed);
  const counts = {};
  for (const r of rows) counts[r.truth] = (counts[r.truth] ?? 0) + 1;
  if (n <= 200) for (const r of rows) console.log(r.truth.padEnd(8), JSON.stringify(r.input), '->', JSON.stringify(r.intended), r.meta.kind);
  console.log(counts);
}
