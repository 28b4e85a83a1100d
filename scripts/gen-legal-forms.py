#!/usr/bin/env python3
"""Generates src/tables/legal_forms.rs, the company legal forms (Inc., GmbH, S.A., 有限公司, سهامی خاص ...),
from the pinned PyPI package cleanco (scripts/requirements-company.txt) plus the SUPPLEMENT below.

    python3 -m venv /tmp/companyvenv && /tmp/companyvenv/bin/pip install -r scripts/requirements-company.txt
    /tmp/companyvenv/bin/python scripts/gen-legal-forms.py

What is taken from cleanco (termdata.terms_by_type and terms_by_country): every term, except the ones in
AMBIGUOUS, which are ordinary words or abbreviations far more often than legal forms at the end of a company name
(`Acme UK`, `Acme at`), and with its mis-encoded Czech term repaired. Countries come from terms_by_country (names
mapped to ISO alpha-2 by COUNTRY_CODES).

Each row is keyed by `form_key` (NFKC, lowercase, Arabic yeh and kaf folded to the Persian letters, dots, commas,
spaces, apostrophes and parentheses removed): the Rust side (`intake::company::form_key`) computes the same key of
the input words, and tests/company.rs checks that every row's canonical spelling maps back to its row. Rows of
one key are merged (countries united); the canonical spelling is CANONICAL[key], else the SUPPLEMENT's, else
derived from cleanco's spelling (see `derived`).

The SUPPLEMENT adds the long forms cleanco lacks (Incorporated is in it, Aktiengesellschaft is not) and the forms
of fa, ar, zh, ja and ko, written as they appear in registers (sources: the Iranian Commercial Code, arts. 1-4, for
سهامی خاص/عام, با مسئولیت محدود, تضامنی; the UAE and Lebanese commercial company laws for ذ.م.م, ش.م.ع, ش.م.خ, ش.م.ل;
the PRC Company Law for 有限责任公司 and 股份有限公司; the Japanese Companies Act for 株式会社, 合同会社, 合名会社,
合資会社 and the older 有限会社; the Korean Commercial Act for 주식회사 and 유한회사).
Position: 'e' the end of a name only, 's' the start only, 'a' either.
"""
import os
import sys
import unicodedata
from importlib.metadata import version

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pins  # noqa: E402  (scripts/pins.py)

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
OUT = os.path.join(ROOT, 'src', 'tables', 'legal_forms.rs')
REQUIREMENTS = os.path.join(ROOT, 'scripts', 'requirements-company.txt')

try:
    from cleanco import termdata
except ImportError:
    sys.exit('gen-legal-forms: cleanco is not installed; see the header of this script for the venv')

PIN = pins.pinned(REQUIREMENTS, 'cleanco', 'gen-legal-forms')
if version('cleanco') != PIN:
    sys.exit(f'gen-legal-forms: cleanco {version("cleanco")} is installed, {PIN} is pinned')

AMBIGUOUS = {
    'uk', 'at', 'ok', 'private', 'e.g.', 'ent.', 'sem', 'sep', 'ep', 'ec', 'ei', 'ev', 'ba', 'bl', 'bm', 'ik',
    'ud', 'ij', 'ps', 'sp', 'sf', 'gp', 'kt', 'fa', 'cic', 'cio', 'pp', 'xk', 'xt', 'et', 'da', 'sd', 'mb',
    'ay', 'tdv', 'teo', 'ee', 'kf', 'fcp', 'ok', 'sgr', 's.g.r', 's.g.r.', 'ses.', 'gte.', 'etat', 'ks',
}

COUNTRY_CODES = {
    'Albania': 'AL', 'Argentina': 'AR', 'Australia': 'AU', 'Austria': 'AT', 'Belarus': 'BY', 'Belgium': 'BE',
    'Bosnia / Herzegovina': 'BA', 'Brazil': 'BR', 'Bulgaria': 'BG', 'Cambodia': 'KH', 'Canada': 'CA', 'Chile': 'CL',
    'Columbia': 'CO', 'Croatia': 'HR', 'Czech Republic': 'CZ', 'Denmark': 'DK', 'Dominican Republic': 'DO',
    'Ecuador': 'EC', 'Egypt': 'EG', 'Estonia': 'EE', 'Finland': 'FI', 'France': 'FR', 'Germany': 'DE',
    'Greece': 'GR', 'Guatemala': 'GT', 'Haiti': 'HT', 'Hong Kong': 'HK', 'Hungary': 'HU', 'Iceland': 'IS',
    'India': 'IN', 'Indonesia': 'ID', 'Ireland': 'IE', 'Israel': 'IL', 'Italy': 'IT', 'Japan': 'JP', 'Latvia': 'LV',
    'Lebanon': 'LB', 'Lithuania': 'LT', 'Luxemborg': 'LU', 'Macedonia': 'MK', 'Malaysia': 'MY', 'Mexico': 'MX',
    'Mongolia': 'MN', 'Netherlands': 'NL', 'New Zealand': 'NZ', 'Nigeria': 'NG', 'Norway': 'NO', 'Oman': 'OM',
    'Pakistan': 'PK', 'Peru': 'PE', 'Philippines': 'PH', 'Poland': 'PL', 'Portugal': 'PT', 'Romania': 'RO',
    'Russia': 'RU', 'Serbia': 'RS', 'Singapore': 'SG', 'Slovenia': 'SI', 'Slovakia': 'SK', 'Spain': 'ES',
    'Sweden': 'SE', 'Switzerland': 'CH', 'Turkey': 'TR', 'Ukraine': 'UA', 'United Kingdom': 'GB',
    'United States of America': 'US', 'Uzbekistan': 'UZ',
}

# Canonical spellings of cleanco's keys (the usual register spelling).
CANONICAL = {
    'inc': 'Inc.', 'corp': 'Corp.', 'co': 'Co.', '&co': '& Co.', 'llc': 'LLC', 'ltd': 'Ltd', 'plc': 'PLC',
    'llp': 'LLP', 'lp': 'LP', 'lllp': 'LLLP', 'pllc': 'PLLC', 'pc': 'P.C.', 'gmbh': 'GmbH', 'ag': 'AG', 'kg': 'KG',
    'ohg': 'OHG', 'gbr': 'GbR', 'gesbr': 'GesbR', 'kgaa': 'KGaA', 'gmbh&cokg': 'GmbH & Co. KG',
    'mbh&cokg': 'mbH & Co. KG', 'sarl': 'SARL', 'sa': 'S.A.', 'sas': 'SAS', 'sasu': 'SASU', 'eurl': 'EURL',
    'snc': 'SNC', 'sca': 'SCA', 'sprl': 'SPRL', 'bvba': 'BVBA', 'nv': 'N.V.', 'bv': 'B.V.', 'vof': 'VOF',
    'spa': 'S.p.A.', 'srl': 'S.r.l.', 'sl': 'S.L.', 'slne': 'S.L.N.E.', 'sadecv': 'S.A. de C.V.',
    'sderl': 'S. de R.L.', 'ltda': 'Ltda.', 'lda': 'Lda.', 'sab': 'S.A.B.', 'ptyltd': 'Pty Ltd',
    'pteltd': 'Pte. Ltd.', 'pte': 'Pte.', 'pvtltd': 'Pvt. Ltd.', 'sdnbhd': 'Sdn. Bhd.', 'bhd': 'Bhd.', 'ab': 'AB',
    'as': 'AS', 'asa': 'ASA', 'aps': 'ApS', 'a/s': 'A/S', 'oy': 'Oy', 'oyj': 'Oyj', 'ooo': 'OOO', 'oao': 'OAO',
    'zao': 'ZAO', 'ооо': 'ООО', 'оао': 'ОАО', 'пао': 'ПАО', 'kft': 'Kft.', 'zrt': 'Zrt.', 'nyrt': 'Nyrt.',
    'bt': 'Bt.', 'sro': 's.r.o.', 'spolsro': 'spol. s r.o.', 'doo': 'd.o.o.', 'dd': 'd.d.', 'spzoo': 'sp. z o.o.',
    'spółkazoo': 'sp. z o.o.', 'uab': 'UAB', 'sia': 'SIA', 'oü': 'OÜ', 'ehf': 'ehf.', 'hf': 'hf.', 'kk': 'K.K.',
    'gk': 'G.K.', 'yk': 'Y.K.', 'ad': 'AD', 'ead': 'EAD', 'ood': 'OOD', 'ae': 'A.E.', 'epe': 'E.P.E.',
    'nl': 'NL', 'sal': 'S.A.L.', 'sae': 'S.A.E.', 'plcltd': 'PLC Ltd', 'smpteltd': 'SM Pte. Ltd.', 'pt': 'PT',
    'tmi': 'Tmi', 'pse': 'PSE', 'sicav': 'SICAV', 'ohf': 'ohf.', 'nuf': 'NUF', 'hb': 'HB', 'kb': 'KB', 'kda': 'KDA',
    'kd': 'KD', 'sapa': 'S.a.p.a.', 'scpa': 'S.C.p.A.', 'scrl': 'S.C.R.L.', 'scs': 'SCS', 'cvba': 'CVBA',
    'vzw': 'VZW', 'as oy': 'AS Oy', 'asoy': 'AS Oy', 'amba': 'A.m.b.A.', 'fmba': 'F.m.b.A.', 'smba': 'S.m.b.A.',
    'sagl': 'Sagl', 'se': 'SE', 'coop': 'Coop.', 'scoop': 'S.Coop.', 'sgps': 'SGPS', 'tov': 'TOV', 'ltdltd': 'Ltd',
}

# (written form, canonical, countries, position). Long forms cleanco lacks, and fa/ar/zh/ja/ko.
SUPPLEMENT = [
    ('Incorporated', 'Inc.', '', 'e'), ('Corporation', 'Corp.', '', 'e'), ('Company', 'Co.', '', 'e'),
    ('Limited', 'Ltd', '', 'e'), ('& Company', '& Co.', '', 'e'), ('and Company', '& Co.', '', 'e'),
    ('Limited Liability Company', 'LLC', 'US', 'e'), ('Limited Liability Partnership', 'LLP', 'GB US', 'e'),
    ('Public Limited Company', 'PLC', 'GB IE', 'e'), ('Proprietary Limited', 'Pty Ltd', 'AU ZA', 'e'),
    ('(Pty) Ltd', 'Pty Ltd', 'ZA', 'e'), ('Private Limited', 'Pvt. Ltd.', 'IN', 'e'),
    ('Aktiengesellschaft', 'AG', 'DE AT CH', 'e'), ('Gesellschaft mit beschränkter Haftung', 'GmbH', 'DE AT CH', 'e'),
    ('UG (haftungsbeschränkt)', 'UG (haftungsbeschränkt)', 'DE', 'e'), ('e.K.', 'e.K.', 'DE', 'e'),
    ('Société anonyme', 'S.A.', 'FR BE CH LU', 'e'), ('Société à responsabilité limitée', 'SARL', 'FR BE CH LU', 'e'),
    ('Société par actions simplifiée', 'SAS', 'FR', 'e'), ('Sociedad Anónima', 'S.A.', 'ES MX AR', 'e'),
    ('Sociedad Limitada', 'S.L.', 'ES', 'e'), ('Sociedad de Responsabilidad Limitada', 'S. de R.L.', 'MX', 'e'),
    ('Sociedade Anônima', 'S.A.', 'BR', 'e'), ('Sociedade Anónima', 'S.A.', 'PT', 'e'), ('S/A', 'S.A.', 'BR', 'e'),
    ('Sociedade Limitada', 'Ltda.', 'BR', 'e'), ('Limitada', 'Ltda.', 'BR CL CO', 'e'), ('KG', 'KG', 'DE', 'e'), ('EIRELI', 'EIRELI', 'BR', 'e'), ('Unipessoal Lda.', 'Unipessoal Lda.', 'PT', 'e'),
    ('Società per Azioni', 'S.p.A.', 'IT', 'e'), ('Società a responsabilità limitata', 'S.r.l.', 'IT', 'e'),
    ('Besloten Vennootschap', 'B.V.', 'NL', 'e'), ('Naamloze Vennootschap', 'N.V.', 'NL BE', 'e'),
    ('Aktiebolag', 'AB', 'SE', 'e'), ('Aksjeselskap', 'AS', 'NO', 'e'), ('Osakeyhtiö', 'Oy', 'FI', 'e'),
    ('S.A.B. de C.V.', 'S.A.B. de C.V.', 'MX', 'e'), ('PT', 'PT', 'ID', 's'), ('Tbk', 'Tbk', 'ID', 'e'),
    # fa (IR)
    ('سهامی خاص', 'سهامی خاص', 'IR', 'a'), ('شرکت سهامی خاص', 'سهامی خاص', 'IR', 'a'), ('س.خ', 'سهامی خاص', 'IR', 'e'),
    ('سهامی عام', 'سهامی عام', 'IR', 'a'), ('شرکت سهامی عام', 'سهامی عام', 'IR', 'a'), ('س.ع', 'سهامی عام', 'IR', 'e'),
    ('با مسئولیت محدود', 'با مسئولیت محدود', 'IR', 'a'), ('شرکت با مسئولیت محدود', 'با مسئولیت محدود', 'IR', 'a'),
    ('مسئولیت محدود', 'با مسئولیت محدود', 'IR', 'e'), ('تضامنی', 'تضامنی', 'IR', 'a'), ('شرکت تضامنی', 'تضامنی', 'IR', 'a'),
    ('سهامی', 'سهامی', 'IR', 'a'), ('شرکت سهامی', 'سهامی', 'IR', 's'),
    # ar
    ('ذ.م.م', 'ذ.م.م', 'AE QA BH', 'e'), ('ذات مسؤولية محدودة', 'ذ.م.م', 'AE QA BH SA', 'e'), ('ش.ذ.م.م', 'ش.ذ.م.م', 'BH SA', 'e'),
    ('ش.م.م', 'ش.م.م', 'LB EG', 'e'), ('ش.م.ع', 'ش.م.ع', 'AE OM', 'e'), ('ش.م.ع.ع', 'ش.م.ع.ع', 'OM', 'e'),
    ('ش.م.خ', 'ش.م.خ', 'AE', 'e'), ('ش.م.ل', 'ش.م.ل', 'LB', 'e'), ('ش.م.ب', 'ش.م.ب', 'BH', 'e'),
    ('المحدودة', 'المحدودة', 'SA EG JO', 'e'), ('شركة مساهمة', 'شركة مساهمة', 'SA EG', 'a'),
    ('شركة مساهمة عامة', 'ش.م.ع', 'AE OM JO', 'a'), ('شركة مساهمة خاصة', 'ش.م.خ', 'AE', 'a'),
    # zh
    ('有限公司', '有限公司', 'CN HK TW MO', 'e'), ('有限责任公司', '有限责任公司', 'CN', 'e'), ('有限責任公司', '有限责任公司', 'TW HK', 'e'),
    ('股份有限公司', '股份有限公司', 'CN TW', 'e'), ('股份公司', '股份有限公司', 'CN', 'e'),
    # ja
    ('株式会社', '株式会社', 'JP', 'a'), ('(株)', '株式会社', 'JP', 'a'), ('有限会社', '有限会社', 'JP', 'a'), ('(有)', '有限会社', 'JP', 'a'),
    ('合同会社', '合同会社', 'JP', 'a'), ('合名会社', '合名会社', 'JP', 'a'), ('合資会社', '合資会社', 'JP', 'a'),
    # ko
    ('주식회사', '주식회사', 'KR', 'a'), ('(주)', '주식회사', 'KR', 'a'), ('유한회사', '유한회사', 'KR', 'a'), ('(유)', '유한회사', 'KR', 'a'),
    ('유한책임회사', '유한책임회사', 'KR', 'a'),
]

STRIP = set('., \'()')


def form_key(s):
    """The key of a written form; `intake::company::form_key` must agree."""
    s = unicodedata.normalize('NFKC', s).lower()
    s = s.replace('\u064a', '\u06cc').replace('\u0649', '\u06cc').replace('\u0643', '\u06a9')
    return ''.join(c for c in s if c not in STRIP and not c.isspace())


def derived(term):
    """A canonical spelling for a cleanco term with no entry in CANONICAL."""
    if '.' not in term and len(term) <= 4:
        return term.upper()
    parts = [p for p in term.split('.') if p]
    if all(len(p.strip()) == 1 for p in parts):
        return term.upper()
    return term[:1].upper() + term[1:]


def repair(term):
    try:
        return term.encode('latin-1').decode('utf-8').strip()
    except (UnicodeEncodeError, UnicodeDecodeError):
        return term.strip()


rows = {}  # key -> [canonical, set(countries), position]


def add(written, canonical, countries, position):
    key = form_key(written)
    if not key:
        return
    row = rows.setdefault(key, [canonical, set(), position])
    if row[0] != canonical:
        sys.exit(f'gen-legal-forms: {written!r} (key {key}) is both {row[0]!r} and {canonical!r}')
    row[1].update(countries)
    if row[2] != position:
        row[2] = 'a'


countries_of = {}
for country, terms in termdata.terms_by_country.items():
    for t in terms:
        countries_of.setdefault(form_key(repair(t)), set()).add(COUNTRY_CODES[country])
cleanco_terms = {repair(t) for ts in termdata.terms_by_type.values() for t in ts}
cleanco_terms |= {repair(t) for ts in termdata.terms_by_country.values() for t in ts}
supplement_canonical = {form_key(w): c for (w, c, _, _) in SUPPLEMENT}
for t in sorted(cleanco_terms):
    if t in AMBIGUOUS:
        continue
    key = form_key(t)
    # Spellings of one key derived differently (d.o.o.e.l / d.o.o.e.l.): the first in sorted order wins.
    canonical = CANONICAL.get(key) or supplement_canonical.get(key) or (rows[key][0] if key in rows else derived(t))
    add(t, canonical, countries_of.get(key, set()), 's' if key == 'pt' else 'e')
for written, canonical, countries, position in SUPPLEMENT:
    add(written, canonical, countries.split(), position)


def rust_str(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


lines = [
    '// @generated by scripts/gen-legal-forms.py. DO NOT EDIT.',
    f'// Source: cleanco=={PIN} (PyPI) and the supplement in scripts/gen-legal-forms.py. Regenerate with',
    '// `python scripts/gen-legal-forms.py` in the venv its header describes.',
    '',
    '/// The pinned package.',
    f'pub const SOURCE: &str = "cleanco=={PIN} (PyPI) + supplement";',
    '',
    '/// (form key, canonical spelling, countries as ISO alpha-2 separated by spaces, position: b\'e\' end of a',
    '/// name, b\'s\' start, b\'a\' either), sorted by key.',
    'pub static FORMS: &[(&str, &str, &str, u8)] = &[',
]
for key in sorted(rows):
    canonical, countries, position = rows[key]
    lines.append(f'    ({rust_str(key)}, {rust_str(canonical)}, {rust_str(" ".join(sorted(countries)))}, b\'{position}\'),')
lines.append('];')
with open(OUT, 'w', encoding='utf-8') as f:
    f.write('\n'.join(lines) + '\n')
print(f'wrote {os.path.relpath(OUT, ROOT)}: {len(rows)} forms')
