#!/usr/bin/env python3
"""Generates src/tables/names.rs: given-name groups (nicknames and spelling variants), Chinese surnames,
the pinyin of common Chinese characters, honorifics, suffixes and placeholder names.

Sources (exact versions pinned in scripts/requirements-names.txt; the script refuses any other):
- PyPI `nicknames` (names.csv: `name,has_nickname,nickname` rows, English given names and nicknames).
  A *group* is a canonical name with its nicknames. A name1 of the CSV is canonical unless it and a
  longer name are listed as nicknames of each other (`bill` and `william` are, so `bill` keys no group
  of its own, which would make Fred ~ William through bill's row `bill,has_nickname,fred`).
- PyPI `pypinyin` (its single-character dictionary): the first (most common) reading, without tones,
  of every character of GB 2312 level 1 (the 3,755 most common simplified characters) and of the
  surnames below, with surname readings overriding where a surname is read differently (单 shan, 曾 zeng).
- The curated supplement in this file: Persian and Arabic given-name variants in Latin spellings and
  in Arabic script (Mohammad ~ Muhammad ~ Mohammed ~ محمد), a few English groups the package lacks
  (Alexander ~ Sasha), honorifics and suffixes in en, de, fr, es, pt, fa, ar and zh, Chinese single
  and compound surnames (simplified and traditional), and placeholder names.

Keys are written as `intake::text::fold_for_key` computes them (lowercase, accents and harakat
removed, Arabic letter variants unified), which `fold` below reproduces; the Rust tests check that
every key is a fixed point of fold_for_key.

Setup (once), then run from the repository root:

    python3 -m venv /tmp/namesvenv && /tmp/namesvenv/bin/pip install -r scripts/requirements-names.txt
    /tmp/namesvenv/bin/python3 scripts/gen-names.py          # writes the table
    /tmp/namesvenv/bin/python3 scripts/gen-names.py --check  # exits 1 if the committed table differs
"""
import csv
import os
import sys
import unicodedata
from importlib.metadata import version

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pins  # noqa: E402  (scripts/pins.py)

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
OUT = os.path.join(ROOT, 'src', 'tables', 'names.rs')
REQUIREMENTS = os.path.join(ROOT, 'scripts', 'requirements-names.txt')

try:
    import nicknames
    import pypinyin
    from pypinyin import pinyin_dict
except ImportError:
    sys.exit('gen-names: install the pinned sources first (see the docstring)')

for pkg in ('nicknames', 'pypinyin'):
    want = pins.pinned(REQUIREMENTS, pkg, 'gen-names')
    if version(pkg) != want:
        sys.exit(f'gen-names: {pkg} {version(pkg)} is installed, {want} is pinned')

# ---- curated supplement ------------------------------------------------------------------------

# Each group: the canonical spelling first, then variants (Latin transliterations and Arabic script).
VARIANT_GROUPS = [
    'mohammad muhammad mohammed mohamed mohamad muhammed mohammud mehmet mohamud محمد',
    'ahmad ahmed ahmet احمد',
    'mahmoud mahmood mahmud محمود',
    'hossein hosein hussein husain hussain hosain hosseyn husayn hussien حسین',
    'hassan hasan حسن',
    'ali aly علی',
    'reza rida ridha riza رضا',
    'alireza علیرضا',
    'mehdi mahdi mehdy مهدی',
    'mostafa mustafa moustafa mostapha mustapha مصطفی',
    'morteza mortaza murtaza murtada مرتضی',
    'fatemeh fatima fatemah fatma fatimah فاطمه',
    'zahra zahraa zehra زهرا زهراء',
    'maryam mariam maryem مریم',
    'zeynab zainab zaynab zeinab زینب',
    'yousef yusuf youssef yousif yosef yousuf یوسف',
    'ebrahim ibrahim ابراهیم',
    'esmaeil ismail esmail ismael ismaeel esmaeel اسماعیل',
    'abdollah abdullah abdallah abdulla عبدالله',
    'abdolrahman abdulrahman abdurrahman abdelrahman abdalrahman عبدالرحمن',
    'abbas عباس',
    'javad jawad جواد',
    'saeed said saeid saied saied سعید',
    'majid majeed مجید',
    'hamid hameed حمید',
    'karim kareem کریم',
    'rahim raheem رحیم',
    'omar umar omer عمر',
    'osman othman uthman usman عثمان',
    'khaled khalid خالد',
    'soleiman sulaiman suleiman sulayman soliman solayman سلیمان',
    'jafar jaafar jafer جعفر',
    'yaser yasser yasir یاسر',
    'nasser naser nasir ناصر',
    'amir ameer امیر',
    'mojtaba mujtaba مجتبی',
    'masoud masood masud massoud مسعود',
    'sadegh sadiq sadeq sadik صادق',
    'ghasem qasim qasem kasem kasim قاسم',
    'vahid wahid وحید',
    'mohsen muhsin mohsin محسن',
    'aisha ayesha aysha aicha ayesheh عایشه عائشه',
    'khadijeh khadija khadijah خدیجه',
    'leila layla leyla laila لیلا لیلی',
    'narges nargis نرگس',
    'nour noor nur نور',
    'hamza hamzeh hamzah حمزه',
    'tarek tariq tarik tareq طارق',
    'walid waleed ولید',
    'yahya yahia یحیی',
    'younes yunus younis yunes یونس',
    'mousa musa moosa موسی',
    'isa eisa issa عیسی',
    'sajjad sajad سجاد',
    'ehsan ihsan احسان',
    'hadi هادی',
    'hamed حامد',
    'shirin شیرین',
    'nasrin نسرین',
    'parisa پریسا',
    'mahsa مهسا',
    'sara سارا',
]
# Extra members of existing English groups (the package has no Sasha for Alexander).
EXTRA_MEMBERS = {
    'alexander': ['sasha', 'sascha', 'sanya', 'shura'],
    'alexandra': ['sasha', 'sascha'],
    'william': ['liam'],
}

# Honorifics (before a name) and suffixes (after it), written as fold_for_key writes them, without
# a final period (`dr.` matches `dr`).
HONORIFICS = (
    'mr mrs ms miss mx dr prof sir dame lord lady rev fr mister madam madame mrs herr frau '
    'mme mlle monsieur mademoiselle sr sra srta senor senora senorita sig dott ing eng '
    'dhr mevr hr '
    'آقای آقا خانم دکتر مهندس استاد حاج حاجی جناب سرکار '
    'السید السیده الدکتور الدکتوره الاستاذ الاستاذه الشیخ المهندس السید السیده'
).split()
SUFFIXES = 'jr sr ii iii iv phd md dds esq mba cpa dvm jd llm msc bsc'.split()
# Titles written after a Chinese name, usually with no space (王先生).
ZH_TITLES = ['先生', '女士', '小姐', '太太', '夫人', '博士', '教授', '老师', '同学', '医生']

# Chinese surnames: compound (two characters) and single, simplified and traditional.
ZH_COMPOUND = ('欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 '
               '闻人 万俟 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠 西门 南宫 端木 百里 呼延 '
               '歐陽 司馬 諸葛 長孫 夏侯 軒轅 鍾離 聞人 萬俟 濮陽 單于 南宮 呼延').split()
ZH_SINGLE = (
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔'
    '钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛'
    '邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝'
    '路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂'
    '全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕'
    '楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈'
    '晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉'
    '冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由'
    '陳張劉楊黃趙吳孫馬鄭羅謝許韓馮鄧蕭葉蔣賈魏呂盧鍾譚陸範廖賈韋鄒閻顧龔萬錢嚴湯溫齊喬龐顏聶魯詹歐關蘭寧紀畢單裴塗駱'
    '藍饒簡車項連蘆麥婁竇岑費衛臧閔鄔邊師樂鄺談鄢勞蘭閻藺樓區闞豐國狄晉雲'
)
# Readings of surname characters that differ from the character's most common reading.
SURNAME_READINGS = {
    '单': 'shan', '單': 'shan', '曾': 'zeng', '区': 'ou', '區': 'ou', '仇': 'qiu', '朴': 'piao', '解': 'xie',
    '查': 'zha', '盖': 'ge', '乐': 'yue', '樂': 'yue', '覃': 'qin', '翟': 'zhai', '缪': 'miao', '冼': 'xian',
    '尉': 'yu', '万': 'wan', '萬': 'wan', '长': 'zhang', '長': 'zhang', '宿': 'su', '车': 'che', '車': 'che',
    '柏': 'bai', '秘': 'bi', '繁': 'po', '种': 'chong', '重': 'chong', '朝': 'chao', '召': 'shao', '句': 'gou',
    '沈': 'shen', '石': 'shi', '薄': 'bo', '藏': 'zang', '盛': 'sheng', '华': 'hua', '任': 'ren', '纪': 'ji',
    '紀': 'ji', '费': 'fei', '費': 'fei', '卜': 'bu', '夏': 'xia', '曲': 'qu', '员': 'yun', '都': 'du',
    '那': 'na', '阿': 'a', '於': 'yu', '令': 'ling', '狐': 'hu', '俟': 'qi', '澹': 'tan', '台': 'tai',
    '于': 'yu', '单于': 'chanyu',
}

# Values typed to get past a required name field (folded; a final period is ignored). Not `bar`
# (Bär folds to it), not `x` (an initial), not `doe` or `nan` (real names).
PLACEHOLDERS = (
    'test|testing|tester|test test|test user|testuser|asdf|qwerty|n/a|na|n.a|none|null|nil|undefined|unknown|'
    'no name|noname|name|first name|last name|firstname|lastname|first|last|fname|lname|given name|family name|'
    'surname|full name|your name|my name|firstname lastname|first last|john doe|jane doe|foo|foo bar|'
    'foobar|abc|xyz|xxx|xx|yyy|zzz|aaa|dummy|sample|example|anonymous|anon|nobody|someone|somebody|'
    'customer|user|client|guest|admin|mickey mouse|donald duck|-|--|---|.|..|...|?|??|???|_|*|#|0|00|000|'
    'ندارد|نامشخص|تست|ازمایش|ازمایشی|نام|نام خانوادگی|فلانی|بی نام|'
    'لا یوجد|اختبار|تجربه|مجهول|غیر معروف|الاسم|اسم|فلان|'
    '无|無|测试|測試|某某|未知|姓名|名字|张三|李四|王五|'
    'keine angabe|unbekannt|vorname|nachname|mustermann|max mustermann|inconnu|nom|prenom|aucun|'
    'ninguno|desconocido|nombre|apellido|fulano|fulano de tal|nenhum|desconhecido|sobrenome'
).split('|')


def fold(s):
    """intake::text::fold_for_key for the characters this table uses."""
    table = {'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'þ': 'th', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'ł': 'l', 'ı': 'i',
             '\u0623': '\u0627', '\u0625': '\u0627', '\u0622': '\u0627', '\u0671': '\u0627',
             '\u0649': '\u06cc', '\u064a': '\u06cc', '\u0626': '\u06cc', '\u0643': '\u06a9',
             '\u0629': '\u0647', '\u0624': '\u0648'}
    out = []
    for c in unicodedata.normalize('NFKD', s):
        if unicodedata.category(c).startswith('M') or c in '\u0640\u200c\u200d':
            continue
        out.append(table.get(c.lower(), table.get(c, c.lower())))
    return ' '.join(''.join(out).split())


def given_groups():
    path = os.path.join(os.path.dirname(nicknames.__file__), 'names.csv')
    with open(path, encoding='utf-8') as f:
        rows = [(r['name1'].strip().lower(), r['name2'].strip().lower()) for r in csv.DictReader(f)]
    pairs = set(rows)
    nick_of_longer = {n for c, n in rows if len(c) > len(n) and (n, c) in pairs}
    groups = {}
    for c, n in rows:
        assert c.isascii() and n.isascii(), (c, n)
        if c in nick_of_longer:
            continue
        groups.setdefault(c, {c}).add(n)
    for canonical, extra in EXTRA_MEMBERS.items():
        groups[canonical].update(extra)
    for line in VARIANT_GROUPS:
        names = [fold(w) for w in line.split()]
        assert names[0] not in groups, names[0]
        groups[names[0]] = set(names)
    canon = sorted(groups)
    members = {}
    for gid, c in enumerate(canon):
        for n in groups[c]:
            members.setdefault(fold(n), set()).add(gid)
    return canon, members


def han_readings():
    chars = set()
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode('gb2312'))
            except UnicodeDecodeError:
                pass
    chars.update(ZH_SINGLE)
    for c in ZH_COMPOUND:
        chars.update(c)
    readings = {}
    for c in sorted(chars):
        assert 0x4E00 <= ord(c) <= 0x9FFF, c  # three UTF-8 bytes each: the table is indexed by 3-byte steps
        if c in SURNAME_READINGS:
            readings[c] = SURNAME_READINGS[c]
            continue
        entry = pinyin_dict.pinyin_dict.get(ord(c))
        if not entry:
            continue
        first = entry.split(',')[0]
        plain = pypinyin.contrib.tone_convert.to_normal(first).replace('ü', 'v')
        readings[c] = plain
    return readings


def rust_str(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def generate():
    canon, members = given_groups()
    readings = han_readings()
    by_syllable = {}
    for c, r in readings.items():
        by_syllable.setdefault(r, []).append(c)
    src = (f'nicknames {version("nicknames")} + pypinyin {version("pypinyin")} (PyPI) '
           f'+ curated supplement in scripts/gen-names.py')
    o = []
    o.append(f'// generated by scripts/gen-names.py, do not edit; source: {src}')
    o.append('//! Name tables: given-name groups, Chinese surnames and pinyin, honorifics, suffixes, placeholders.')
    o.append('//! Keys are as `text::fold_for_key` writes them. Large lists are one string each, so that the')
    o.append('//! wasm data holds only their bytes (no pointer per entry); lookups index them on first use.')
    o.append('')
    o.append(f'pub const SOURCE: &str = {rust_str(src)};')
    o.append('')
    o.append('/// One line per given name in some group other than its own, sorted: the name, then the')
    o.append('/// canonical names of its groups (`=` for the name itself), space-separated. A name not listed')
    o.append('/// is in its own group only. Canonical names are the group keys.')
    o.append('pub static GIVEN: &str = "\\')
    for n in sorted(members):
        gs = sorted(canon[g] for g in members[n])
        if gs == [n]:
            continue
        line = ' '.join([n] + ['=' if g == n else g for g in gs])
        assert '"' not in line and '\\' not in line, line
        o.append(line)
    o.append('";')
    o.append('')
    o.append('/// One line per pinyin syllable (toneless, ü written v): the syllable, a space, then every')
    o.append('/// character read so (GB 2312 level 1 and the surname list).')
    o.append('pub static HAN_PINYIN: &str = "\\')
    for syl in sorted(by_syllable):
        o.append(f'{syl} {"".join(by_syllable[syl])}')
    o.append('";')
    o.append('')
    for name, items in (('ZH_COMPOUND_SURNAMES', sorted(set(ZH_COMPOUND))),
                        ('ZH_TITLES', ZH_TITLES),
                        ('HONORIFICS', sorted({fold(h) for h in HONORIFICS})),
                        ('SUFFIXES', sorted({fold(s) for s in SUFFIXES})),
                        ('PLACEHOLDERS', sorted({fold(p) for p in PLACEHOLDERS}))):
        o.append(f'pub static {name}: &[&str] = &[')
        o.extend(wrap([rust_str(i) for i in items]))
        o.append('];')
        o.append('')
    o.append('/// Single-character Chinese surnames, sorted by code point.')
    o.append(f'pub static ZH_SURNAMES: &str = {rust_str("".join(sorted(set(ZH_SINGLE))))};')
    return '\n'.join(o) + '\n'


def wrap(items, width=110):
    lines, line = [], '   '
    for it in items:
        if len(line) + len(it) + 2 > width and line.strip():
            lines.append(line)
            line = '   '
        line += ' ' + it + ','
    if line.strip():
        lines.append(line)
    return lines


def main():
    text = generate()
    if '--check' in sys.argv:
        with open(OUT, encoding='utf-8') as f:
            if f.read() != text:
                sys.exit('gen-names: src/tables/names.rs is out of date')
        print('gen-names: up to date')
        return
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write(text)
    print(f'gen-names: wrote {OUT} ({len(text.encode())} bytes)')


if __name__ == '__main__':
    main()
