#!/usr/bin/env python3
"""Generates the labelled phone fixtures in tests/fixtures/phone/ from the Python port of libphonenumber.

    python3 -m venv /tmp/pnvenv && /tmp/pnvenv/bin/pip install phonenumbers==9.0.43   # once
    /tmp/pnvenv/bin/python scripts/gen-phone-corpus.py                                   # from the repository root

Writes (deterministically: one seeded random.Random per region, no set or hash order, no clock):

  tests/fixtures/phone/corpus.jsonl   one JSON object per line:
      {"input", "region", "valid", "e164", "type", "intl", "national", "rfc3966", "error"}
    labelled with exactly what `phonenumbers.parse(input, region)` says. On NumberParseException `error` is the
    error type's name (INVALID_COUNTRY_CODE, NOT_A_NUMBER, TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN, TOO_LONG) and
    every other label is null / false. Otherwise `valid` = is_valid_number, `type` = number_type's name
    (UNKNOWN for invalid numbers), and `e164` / `intl` / `national` / `rfc3966` = format_number in each format,
    for invalid-but-parsed numbers too. `region` is the default region passed to parse (null only for inputs
    that start with a plus sign or `tel:+`).
  tests/fixtures/phone/cases.json     about 80 hand-picked cases in the tests/fixtures/email/cases.json shape,
    with PhoneResult keys; labels from phonenumbers, issue codes by the rules in CASES_DESCRIPTION below.

Prints a summary (lines per region, valid share, forms, error types, size) to stderr.
Options: --seed N (default 20250601), --out DIR (default tests/fixtures/phone), --check (exit 1 if the files on
disk differ from what would be written).
"""

import argparse
import collections
import json
import random
import sys
from pathlib import Path

try:
    import phonenumbers as pn
    from phonenumbers import NumberParseException, PhoneMetadata, PhoneNumberFormat, PhoneNumberType, ValidationResult
except ImportError:  # pragma: no cover
    sys.exit('gen-phone-corpus: needs phonenumbers==9.0.43; run it with /tmp/pnvenv/bin/python (see the docstring)')

try:
    import re._parser as sre_parse  # Python >= 3.11
    import re._constants as sre_c
except ImportError:  # pragma: no cover
    import sre_parse
    import sre_constants as sre_c

PHONENUMBERS_VERSION = '9.0.43'
SEED = 20250601
ROOT = Path(__file__).resolve().parent.parent

# Regions named in the phone issue: more lines each. Then a spread of others, including regions that share a
# country calling code with a bigger one (JE/GB, KZ/RU, VA/IT, PR/US), which exercises region detection.
ISSUE_REGIONS = ['IR', 'SA', 'AE', 'CN', 'US', 'CA', 'GB', 'DE', 'FR', 'IN', 'BR', 'RU', 'JP', 'KR', 'TR', 'EG',
                 'PK', 'ID', 'NG', 'MX', 'IT', 'ES', 'NL', 'AU', 'QA', 'KW', 'BH', 'OM', 'IQ', 'AF']
OTHER_REGIONS = ['AT', 'CH', 'SE', 'PL', 'UA', 'IL', 'JO', 'LB', 'SG', 'HK', 'TW', 'MY', 'TH', 'VN', 'PH', 'ZA',
                 'AR', 'CO', 'NZ', 'KZ', 'JE', 'VA', 'PR']
NONGEO_CODES = [800, 808, 870, 878, 881, 882, 883, 888, 979]
LINES_ISSUE_REGION = 450
LINES_OTHER_REGION = 270
LINES_NONGEO = 64

PERSIAN_REGIONS = {'IR', 'AF'}
ARABIC_REGIONS = {'SA', 'AE', 'EG', 'QA', 'KW', 'BH', 'OM', 'IQ', 'JO', 'LB'}
FULLWIDTH_REGIONS = {'CN', 'JP', 'KR', 'TW', 'HK'}

TYPES = ['FIXED_LINE', 'MOBILE', 'TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER',
         'UAN', 'VOICEMAIL']
TYPE_DESC = {'FIXED_LINE': 'fixed_line', 'MOBILE': 'mobile', 'TOLL_FREE': 'toll_free', 'PREMIUM_RATE': 'premium_rate',
             'SHARED_COST': 'shared_cost', 'VOIP': 'voip', 'PERSONAL_NUMBER': 'personal_number', 'PAGER': 'pager',
             'UAN': 'uan', 'VOICEMAIL': 'voicemail'}
TYPE_NAME = {getattr(PhoneNumberType, n): n for n in dir(PhoneNumberType) if n.isupper()}
ERROR_NAME = {getattr(NumberParseException, n): n for n in dir(NumberParseException) if n.isupper()}
REASON_NAME = {getattr(ValidationResult, n): n for n in dir(ValidationResult) if n.isupper()}

PERSIAN = '۰۱۲۳۴۵۶۷۸۹'
ARABIC = '٠١٢٣٤٥٦٧٨٩'
FULLWIDTH = '０１２３４５６７８９'


# ---------------------------------------------------------------------------------------------------------------
# The oracle


# phonenumbers reads a number with 3+ letters as a vanity number and converts the letters by the keypad, even
# letters that were meant as something else (`ext` followed by an ideographic space, say). intake only does that
# with allowLetters, so the corpus (replayed with default options) leaves out inputs that parse that way; the
# vanity cases are in cases.json with both settings. `_normalize` is wrapped only to notice it, not to change it.
_pnu = pn.phonenumberutil
_normalize_orig = _pnu._normalize
_alpha_seen = [False]


def _normalize_watch(number):
    if _pnu.fullmatch(_pnu._VALID_ALPHA_PHONE_PATTERN, number):
        _alpha_seen[0] = True
    return _normalize_orig(number)


_pnu._normalize = _normalize_watch


def parsed_as_vanity(text, region):
    """True when parse(text, region) succeeds by converting letters to digits."""
    _alpha_seen[0] = False
    try:
        pn.parse(text, region)
    except NumberParseException:
        return False
    return _alpha_seen[0]


def label(text, region):
    """What phonenumbers says about parse(text, region), in the corpus line shape."""
    row = {'input': text, 'region': region, 'valid': False, 'e164': None, 'type': None, 'intl': None,
           'national': None, 'rfc3966': None, 'error': None}
    try:
        n = pn.parse(text, region)
    except NumberParseException as e:
        row['error'] = ERROR_NAME[e.error_type]
        return row
    row['valid'] = pn.is_valid_number(n)
    row['e164'] = pn.format_number(n, PhoneNumberFormat.E164)
    row['type'] = TYPE_NAME[pn.number_type(n)]
    row['intl'] = pn.format_number(n, PhoneNumberFormat.INTERNATIONAL)
    row['national'] = pn.format_number(n, PhoneNumberFormat.NATIONAL)
    row['rfc3966'] = pn.format_number(n, PhoneNumberFormat.RFC3966)
    return row


def parse_or_none(text, region=None):
    try:
        return pn.parse(text, region)
    except NumberParseException:
        return None


# ---------------------------------------------------------------------------------------------------------------
# Random strings matching the metadata's regular expressions (digits, classes, groups, alternation, repeats).


def gen_regex(rng, pattern, extra_repeats=3):
    """A random string the (digit-only) regular expression matches; an open or wide repeat runs at
    most `extra_repeats` times past its minimum. Raises ValueError on syntax beyond the metadata's."""
    out = []

    def walk(items):
        for op, av in items:
            name = str(op)
            if name == 'LITERAL':
                out.append(chr(av))
            elif name == 'IN':
                choices = []
                for iop, iav in av:
                    iname = str(iop)
                    if iname == 'LITERAL':
                        choices.append(chr(iav))
                    elif iname == 'RANGE':
                        choices.extend(chr(c) for c in range(iav[0], iav[1] + 1))
                    elif iname == 'CATEGORY' and str(iav) == 'CATEGORY_DIGIT':
                        choices.extend('0123456789')
                    else:
                        raise ValueError(f'unsupported class item {iname} in {pattern}')
                out.append(rng.choice(choices))
            elif name == 'CATEGORY' and str(av) == 'CATEGORY_DIGIT':
                out.append(rng.choice('0123456789'))
            elif name == 'BRANCH':
                walk(rng.choice(av[1]))
            elif name == 'SUBPATTERN':
                walk(av[-1])
            elif name in ('MAX_REPEAT', 'MIN_REPEAT', 'POSSESSIVE_REPEAT'):
                lo, hi, sub = av
                hi = min(hi, lo + extra_repeats) if hi != sre_c.MAXREPEAT else lo + extra_repeats
                for _ in range(rng.randint(lo, hi)):
                    walk(sub)
            elif name == 'AT':
                pass
            else:
                raise ValueError(f'unsupported regex op {name} in {pattern}')

    walk(sre_parse.parse(pattern))
    return ''.join(out)


# ---------------------------------------------------------------------------------------------------------------
# Base numbers: (country code, national significant number) per region, valid and invalid.


def metadata_for(region):
    if isinstance(region, int):
        return PhoneMetadata.metadata_for_nongeo_region(region)
    return PhoneMetadata.metadata_for_region(region)


def nsn_of(n):
    return pn.national_significant_number(n)


def is_valid_e164(cc, nsn):
    n = parse_or_none(f'+{cc}{nsn}')
    return n is not None and pn.is_valid_number(n)


def base_numbers(rng, region, n_generated, n_invalid):
    """Valid numbers (every example number, then numbers generated from each type's pattern) and invalid
    mutations of them. Returns (valid, invalid), lists of dicts {cc, nsn, origin}."""
    meta = metadata_for(region)
    cc = meta.country_code
    valid, seen = [], set()

    def add(nsn, origin):
        if nsn not in seen and is_valid_e164(cc, nsn):
            seen.add(nsn)
            valid.append({'cc': cc, 'nsn': nsn, 'origin': origin})
            return True
        return False

    if isinstance(region, int):
        ex = pn.example_number_for_non_geo_entity(region)
        if ex is not None:
            add(nsn_of(ex), 'example')
    for t in TYPES:
        ex = None if isinstance(region, int) else pn.example_number_for_type(region, getattr(PhoneNumberType, t))
        if ex is not None and pn.number_type(ex) != PhoneNumberType.UNKNOWN:
            add(nsn_of(ex), f'example:{t}')
    # Types this region has, weighted towards what people store in a CRM.
    weights = {'MOBILE': 8, 'FIXED_LINE': 6}
    kinds = []
    for t in TYPES:
        desc = getattr(meta, TYPE_DESC[t], None)
        if desc is not None and desc.national_number_pattern and desc.national_number_pattern != 'NA':
            kinds.append((t, desc, weights.get(t, 1)))
    made, attempts = 0, 0
    while made < n_generated and attempts < n_generated * 60 and kinds:
        attempts += 1
        t, desc, _ = rng.choices(kinds, weights=[k[2] for k in kinds])[0]
        nsn = gen_regex(rng, desc.national_number_pattern)
        if desc.possible_length and len(nsn) not in desc.possible_length and rng.random() < 0.9:
            continue
        if add(nsn, f'pattern:{t}'):
            made += 1
    # Mutations of the valid numbers: a changed digit, dropped or added trailing digits, a stub, a run that is
    # too long for any plan, random digits of a plausible length.
    invalid, iseen = [], set(seen)
    mutations = ['change', 'change', 'change', 'drop', 'drop', 'add', 'add', 'stub', 'toolong', 'random', 'lead']
    attempts = 0
    while len(invalid) < n_invalid and attempts < n_invalid * 40 and valid:
        attempts += 1
        src = rng.choice(valid)['nsn']
        kind = rng.choice(mutations)
        if kind == 'change':
            i = rng.randrange(len(src))
            nsn = src[:i] + rng.choice([d for d in '0123456789' if d != src[i]]) + src[i + 1:]
        elif kind == 'lead':
            nsn = rng.choice([d for d in '0123456789' if d != src[0]]) + src[1:]
        elif kind == 'drop':
            nsn = src[:-rng.randint(1, min(3, max(1, len(src) - 2)))]
        elif kind == 'add':
            nsn = src + ''.join(rng.choice('0123456789') for _ in range(rng.randint(1, 3)))
        elif kind == 'stub':
            nsn = src[:rng.randint(1, 3)]
        elif kind == 'toolong':
            nsn = src + ''.join(rng.choice('0123456789') for _ in range(rng.randint(18 - len(src), 22 - len(src))))
        else:
            nsn = rng.choice('123456789') + ''.join(rng.choice('0123456789') for _ in range(len(src) - 1))
        if nsn in iseen or is_valid_e164(cc, nsn):
            continue
        iseen.add(nsn)
        invalid.append({'cc': cc, 'nsn': nsn, 'origin': f'mutation:{kind}'})
    return valid, invalid


# ---------------------------------------------------------------------------------------------------------------
# Forms people type


def chunk(rng, digits):
    """Splits an ungrouped digit string into groups of 2-4 (how people space numbers the formatter cannot)."""
    if len(digits) <= 4:
        return [digits]
    out, i = [], 0
    while i < len(digits):
        k = rng.choice([3, 3, 4, 4, 2])
        if len(digits) - (i + k) == 1:
            k += 1
        out.append(digits[i:i + k])
        i += k
    return out


def idd_for(rng, region):
    """A string the region's international_prefix pattern matches, the preferred one when there is one."""
    meta = PhoneMetadata.metadata_for_region(region)
    if meta is None or not meta.international_prefix:
        return None
    if meta.preferred_international_prefix:
        return meta.preferred_international_prefix.replace('~', '')
    if meta.international_prefix.isdigit():
        return meta.international_prefix
    for _ in range(20):
        s = gen_regex(rng, meta.international_prefix)
        if s.isdigit():
            return s
    return None


ALL_GEO = ISSUE_REGIONS + OTHER_REGIONS


def regions_sharing(cc):
    return [r for r in pn.region_codes_for_country_code(cc) if r != '001']


class Number:
    """One base number and what is needed to write it in different ways."""

    def __init__(self, rng, base, home):
        self.rng = rng
        self.cc = str(base['cc'])
        self.nsn = base['nsn']
        self.origin = base['origin']
        self.home = home  # a region code, or None for non-geographic numbers
        self.n = parse_or_none(f'+{self.cc}{self.nsn}')
        self.valid = self.n is not None and pn.is_valid_number(self.n)
        if self.valid:
            intl = pn.format_number(self.n, PhoneNumberFormat.INTERNATIONAL)
            parts = intl.replace('-', ' ').split(' ')[1:]
            self.groups = parts if len(parts) > 1 else chunk(rng, self.nsn)
            self.national_fmt = pn.format_number(self.n, PhoneNumberFormat.NATIONAL)
            self.rfc = pn.format_number(self.n, PhoneNumberFormat.RFC3966)
        else:
            self.groups = chunk(rng, self.nsn)
            self.national_fmt = None
            self.rfc = f'tel:+{self.cc}-' + '-'.join(self.groups)
        meta = PhoneMetadata.metadata_for_region(home) if home else None
        self.np = meta.national_prefix if meta is not None and meta.national_prefix else None
        self.nanpa = self.cc == '1'

    def region_for_plus(self):
        """Default region for an input with a country code: mostly none, else one of ours."""
        r = self.rng.random()
        if r < 0.55:
            return None
        if r < 0.8 and self.home:
            return self.home
        return self.rng.choice(ALL_GEO)

    def national_region(self):
        """Default region for a national form: the home region, sometimes a region sharing the country code, and
        now and then an unrelated region (the number then reads as that region's)."""
        r = self.rng.random()
        if r < 0.05:
            return self.rng.choice(ALL_GEO)
        if r < 0.15:
            return self.rng.choice(regions_sharing(int(self.cc)))
        return self.home

    # Each form returns (text, region) or None when it does not apply.
    def f_e164(self):
        return f'+{self.cc}{self.nsn}', self.region_for_plus()

    def f_intl(self):
        return f'+{self.cc} ' + ' '.join(self.groups), self.region_for_plus()

    def f_intl_dash(self):
        return f'+{self.cc}-' + '-'.join(self.groups), self.region_for_plus()

    def f_intl_dot(self):
        return f'+{self.cc}.' + '.'.join(self.groups), self.region_for_plus()

    def f_intl_cc_space(self):
        return f'+{self.cc} {self.nsn}', self.region_for_plus()

    def f_intl_parens(self):
        if len(self.groups) < 2:
            return None
        sep = self.rng.choice([' ', '-'])
        return f'+{self.cc} ({self.groups[0]}) ' + sep.join(self.groups[1:]), self.region_for_plus()

    def f_intl_trunk0(self):
        if self.np != '0' or len(self.groups) < 2:
            return None
        return f'+{self.cc} (0){self.rng.choice(["", " "])}' + ' '.join(self.groups), self.region_for_plus()

    def f_national(self):
        if not self.home:
            return None
        if self.national_fmt is not None:
            text = self.national_fmt
        else:
            text = (self.np or '') + ' '.join(self.groups)
        return text, self.national_region()

    def f_national_compact(self):
        if not self.home:
            return None
        return (self.np or '') + self.nsn, self.national_region()

    def f_national_noprefix(self):
        if not self.home:
            return None
        return ' '.join(self.groups), self.national_region()

    def f_national_noprefix_compact(self):
        if not self.home:
            return None
        return self.nsn, self.national_region()

    def f_national_prefix_spaced(self):
        if not self.home or not self.np:
            return None
        sep = self.rng.choice([' ', '-']) if self.nanpa else ' '
        return self.np + sep + sep.join(self.groups), self.national_region()

    def f_parens(self):
        if not self.home or len(self.groups) < 2:
            return None
        if self.nanpa and len(self.groups) == 3:
            text = f'({self.groups[0]}) {self.groups[1]}-{self.groups[2]}'
            if self.rng.random() < 0.3:
                text = '1 ' + text
        else:
            sep = self.rng.choice([' ', '-'])
            text = f'({self.np or ""}{self.groups[0]}) ' + sep.join(self.groups[1:])
        return text, self.national_region()

    def f_slash(self):
        if not self.home or len(self.groups) < 2:
            return None
        return f'{self.np or ""}{self.groups[0]}/' + ''.join(self.groups[1:]), self.national_region()

    def f_idd(self):
        if self.home and self.rng.random() < 0.4:
            caller = self.home
        else:
            caller = self.rng.choice(ALL_GEO)
        idd = idd_for(self.rng, caller)
        if idd is None:
            return None
        style = self.rng.random()
        if style < 0.4:
            text = f'{idd} {self.cc} ' + ' '.join(self.groups)
        elif style < 0.7:
            text = f'{idd}{self.cc}{self.nsn}'
        elif style < 0.85:
            text = f'{idd}-{self.cc}-' + '-'.join(self.groups)
        else:
            text = f'({idd}{self.cc}) ' + ' '.join(self.groups)
        return text, caller

    def f_idd_wrong(self):
        """`00` + country code typed with a default region whose international prefix is not 00 (US, JP, AU...)."""
        caller = self.rng.choice(['US', 'CA', 'JP', 'AU', 'KR', 'RU', 'BR', 'MX'])
        if idd_for(self.rng, caller) == '00':
            return None
        return f'00{self.cc}' + self.rng.choice(['', ' ']) + ' '.join(self.groups), caller

    def f_tel(self):
        return self.rfc, self.region_for_plus()


FORMS = {  # name -> (weight for geographic numbers, weight for non-geographic numbers)
    'e164': (10, 20), 'intl': (12, 25), 'intl_dash': (4, 8), 'intl_dot': (2, 4), 'intl_cc_space': (3, 6),
    'intl_parens': (3, 3), 'intl_trunk0': (2, 0), 'national': (14, 0), 'national_compact': (10, 0),
    'national_noprefix': (5, 0), 'national_noprefix_compact': (5, 0), 'national_prefix_spaced': (3, 0),
    'parens': (4, 0), 'slash': (1, 0), 'idd': (9, 12), 'idd_wrong': (1, 2), 'tel': (4, 8),
}

EXT_STYLES = [' x{}', ' x {}', 'x{}', ' ext. {}', ' ext {}', ' ext.{}', ' Ext. {}', ' EXT {}', ' extension {}',
              '#{}', ' #{}', ',{}', ', {}', ' X{}']
WS_CHARS = [' ', '  ', '\t', '\n', ' \r\n', '\u00a0', '\u3000', ' \t ']
INVISIBLE = ['\u200f', '\u200e', '\u202a', '\u202c', '\u200b', '\ufeff']


def apply_script(rng, text, script):
    """Rewrites the digits (and for full-width the plus, hyphens and spaces) of `text` in another script."""
    table = {'persian': PERSIAN, 'arabic': ARABIC, 'fullwidth': FULLWIDTH}
    out = []
    other = rng.choice([PERSIAN, ARABIC, FULLWIDTH]) if script == 'mixed' else None
    for ch in text:
        if ch.isascii() and ch.isdigit():
            if script == 'mixed':
                out.append(other[int(ch)] if rng.random() < 0.5 else ch)
            else:
                out.append(table[script][int(ch)])
        elif script == 'fullwidth' and ch == '+':
            out.append('＋')
        elif script == 'fullwidth' and ch == '-' and rng.random() < 0.5:
            out.append('－')
        elif script == 'fullwidth' and ch == ' ' and rng.random() < 0.2:
            out.append('\u3000')
        else:
            out.append(ch)
    return ''.join(out)


def script_weights(region):
    if region in PERSIAN_REGIONS:
        return {'persian': 0.22, 'arabic': 0.04, 'fullwidth': 0.01, 'mixed': 0.06}
    if region in ARABIC_REGIONS:
        return {'persian': 0.03, 'arabic': 0.18, 'fullwidth': 0.01, 'mixed': 0.05}
    if region in FULLWIDTH_REGIONS:
        return {'persian': 0.005, 'arabic': 0.005, 'fullwidth': 0.2, 'mixed': 0.03}
    return {'persian': 0.01, 'arabic': 0.01, 'fullwidth': 0.015, 'mixed': 0.01}


def dress(rng, form, text, home):
    """Adds what people add around a number: an extension, whitespace, invisible marks, other digit scripts.
    Returns (text, list of modifier names)."""
    mods = []
    if rng.random() < 0.10:
        ext = ''.join(rng.choice('0123456789') for _ in range(rng.choice([1, 2, 2, 3, 3, 4, 5])))
        if form == 'tel':
            text += f';ext={ext}'
        else:
            text += rng.choice(EXT_STYLES).format(ext)
        mods.append('ext')
    if form != 'tel':
        r = rng.random()
        acc = 0.0
        for script, p in script_weights(home).items():
            acc += p
            if r < acc:
                text = apply_script(rng, text, script)
                mods.append(script)
                break
    r = rng.random()
    if r < 0.08:
        side = rng.random()
        if side < 0.4:
            text = rng.choice(WS_CHARS) + text
        elif side < 0.7:
            text = text + rng.choice(WS_CHARS)
        else:
            text = rng.choice(WS_CHARS) + text + rng.choice(WS_CHARS)
        mods.append('whitespace')
    elif r < 0.095:
        text = rng.choice(INVISIBLE) + text if rng.random() < 0.5 else text + rng.choice(INVISIBLE)
        mods.append('invisible')
    return text, mods


def starts_with_plus(text):
    t = text.strip().lstrip(''.join(INVISIBLE))
    return t.startswith(('+', '＋', 'tel:+'))


# ---------------------------------------------------------------------------------------------------------------
# Garbage and edge inputs (a few per the issue), labelled by the oracle like everything else.


def garbage_inputs(rng):
    rows = []
    regions = ['US', 'IR', 'DE', 'SA', 'CN', 'GB', 'FR', 'IN']
    words = ['hello', 'N/A', 'none', 'n/a', 'call me', 'abc-def', 'unknown', 'TBD', 'no phone', 'xxx', '-',
             'ندارد', '无', 'тел', 'test', 'null', 'undefined', 'mobile', 'phone']
    punct = ['', ' ', '   ', '\t', '\n', '---', '()', '( )', '+', '+ ', '...', '#', '*', '+-', '//', '.', '-()-',
             '＋', '（）', '++', '+()', '# 12', 'x12', 'ext. 5']
    for w in words + punct:
        rows.append((w, rng.choice(regions), 'garbage'))
    for w in ['+', '+ ', '+-', '++', '＋', '+()', 'tel:+', 'tel:']:
        rows.append((w, None, 'garbage'))
    for d in ['1', '12', '123', '0', '00', '000', '0000000', '00 1', '00 12', '011 1', '011', '810 7']:
        for r in ['US', 'FR', 'RU', 'IR']:
            rows.append((d, r, 'short'))
    for cc in ['0', '999', '28', '42', '80', '83', '89', '35', '210', '999 999']:
        rows.append((f'+{cc} 123 456 7890', None, 'bad_country_code'))
        rows.append((f'00{cc.replace(" ", "")}1234567890', 'DE', 'bad_country_code'))
    for n in range(16, 31):
        digits = rng.choice('123456789') + ''.join(rng.choice('0123456789') for _ in range(n - 1))
        rows.append((digits, rng.choice(regions), 'long_run'))
        rows.append(('+' + digits, None, 'long_run'))
        rows.append(('0' * n, rng.choice(regions), 'long_run'))
    for n in [7, 8, 9, 10, 11, 12]:
        for d in '019':
            rows.append((d * n, rng.choice(regions), 'repeated'))
    for text, r in [('000-000-0000', 'US'), ('(000) 000-0000', 'US'), ('111-111-1111', 'US'), ('123-456-7890', 'US'),
                    ('555-555-5555', 'US'), ('0000 000 0000', 'IR'), ('0900 000 0000', 'IR'), ('1234567890', 'IN'),
                    ('+1 000 000 0000', None), ('+98 000 000 0000', None), ('+1 555 555 5555', None),
                    ('(415) 555-2671)', 'US'), ('((415)) 555-2671', 'US'), ('+1 415 555 2671 +1 415 555 2672', None),
                    ('415 555 2671 / 415 555 2672', 'US'), ('+1 (415) 555-2671 x', None),
                    ('+1 415 555 2671;ext=', None), ('tel:+1-415-555-2671;phone-context=example.com', None),
                    ('tel:415-555-2671;phone-context=+1', 'US'), ('+,1 415 555 2671', None), ('+ 1 415 555 2671', None),
                    ('+(1) 415 555 2671', None), ('+1 415 555 2671.', None), ('+1 415 555 2671,', None),
                    ('+1-415-555-2671-', None), ('-+1-415-555-2671', None), ('0', 'US')]:
        rows.append((text, r, 'edge'))
    return rows


# ---------------------------------------------------------------------------------------------------------------


def generate_corpus(seed):
    lines, meta = [], []
    seen = set()

    skipped = collections.Counter()

    def emit(text, region, form, mods, home):
        key = (text, region)
        if key in seen:
            return False
        seen.add(key)
        if parsed_as_vanity(text, region):
            skipped[form] += 1
            return False
        lines.append(label(text, region))
        meta.append({'home': home, 'form': form, 'mods': mods})
        return True

    for home in ALL_GEO + NONGEO_CODES:
        rng = random.Random(f'{seed}:{home}')
        if isinstance(home, int):
            target, n_gen, n_inv = LINES_NONGEO, 4, 3
        elif home in ISSUE_REGIONS:
            target, n_gen, n_inv = LINES_ISSUE_REGION, 16, 14
        else:
            target, n_gen, n_inv = LINES_OTHER_REGION, 10, 9
        valid, invalid = base_numbers(rng, home, n_gen, n_inv)
        geo = not isinstance(home, int)
        nums_valid = [Number(rng, b, home if geo else None) for b in valid]
        nums_invalid = [Number(rng, b, home if geo else None) for b in invalid]
        names = list(FORMS)
        weights = [FORMS[f][0 if geo else 1] for f in names]
        label_name = home if geo else f'+{home}'
        made, attempts = 0, 0
        while made < target and attempts < target * 20:
            attempts += 1
            pool = nums_valid if (rng.random() < 0.72 or not nums_invalid) else nums_invalid
            if not pool:
                break
            num = rng.choice(pool)
            form = rng.choices(names, weights=weights)[0]
            got = getattr(num, f'f_{form}')()
            if got is None:
                continue
            text, region = got
            text, mods = dress(rng, form, text, home if geo else None)
            if region is None and not starts_with_plus(text):
                region = home if geo else 'US'
            if emit(text, region, form, mods, label_name):
                made += 1

    rng = random.Random(f'{seed}:garbage')
    for text, region, kind in garbage_inputs(rng):
        emit(text, region, kind, [], 'garbage')
    return lines, meta, skipped


# ---------------------------------------------------------------------------------------------------------------
# cases.json: hand-picked, hand-readable cases with PhoneResult keys.

CASES_DESCRIPTION = (
    "Behaviour of intake's phone field (validatePhone). Replayed against every runtime like "
    "tests/fixtures/email/cases.json. Only keys present in `expect` are asserted; `codes` is the exact set of issue "
    "codes. Generated by scripts/gen-phone-corpus.py: valid, e164, international, national, rfc3966, type, "
    "extension and countryCode are what phonenumbers " + PHONENUMBERS_VERSION + " says for parse(input, "
    "defaultRegion) (type UNKNOWN when parsed but invalid; null when it cannot parse); region = "
    "region_code_for_number, asserted only for valid numbers and parse errors (null). Codes: empty or "
    "whitespace-only input -> input.empty; over limits.phoneInputBytes (1024) -> input.too_long; letters that are "
    "not an extension marker or tel: with allowLetters false -> phone.has_letters (only valid and codes asserted); "
    "parse errors NOT_A_NUMBER -> phone.not_a_number, INVALID_COUNTRY_CODE -> phone.invalid_country_code, "
    "TOO_SHORT_NSN / TOO_SHORT_AFTER_IDD -> phone.too_short, TOO_LONG -> phone.too_long; parsed but invalid, by "
    "is_possible_number_with_reason: TOO_SHORT -> phone.too_short, TOO_LONG -> phone.too_long, INVALID_LENGTH -> "
    "phone.invalid_length, IS_POSSIBLE or IS_POSSIBLE_LOCAL_ONLY -> phone.invalid_for_region; valid numbers: none, "
    "or phone.placeholder (a warning) when the national number has 6+ digits all alike or stepping by one."
)

# (input, defaultRegion or None, extra options or None, note). The labels are computed, never typed.
CASES = [
    # The shapes named in the issue
    ('0912 345 6789', 'IR', None, 'Iranian mobile, national form with trunk 0'),
    ('+98 912 345 6789', None, None, 'the same number, international'),
    ('۰۹۱۲۳۴۵۶۷۸۹', 'IR', None, 'Persian digits'),
    ('٠٥٠١٢٣٤٥٦٧', 'SA', None, 'Arabic-Indic digits, Saudi mobile'),
    ('(415) 555-2671 x12', 'US', None, 'US with extension x12'),
    ('0044 20 7946 0958', 'FR', None, 'IDD 00 from France to a London number'),
    ('tel:+1-415-555-2671', None, None, 'RFC 3966 URI'),
    ('１３８ ００１３ ８０００', 'CN', None, 'full-width digits, Chinese mobile'),
    ('000-000-0000', 'US', None, 'placeholder digits; not a valid number, so only the error'),
    ('+1 234 567 8901', None, None, 'valid, but a keypad run: placeholder warning'),
    ('1-800-FLOWERS', 'US', None, 'vanity number: letters are rejected by default'),
    ('1-800-FLOWERS', 'US', {'allowLetters': True}, 'vanity number with allowLetters'),
    # Iran and Afghanistan
    ('09123456789', 'IR', None, None),
    ('9123456789', 'IR', None, 'without the trunk prefix'),
    ('00989123456789', 'IR', None, 'IDD 00 with the home region'),
    ('+۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹', None, None, 'Persian digits with a plus'),
    ('+98 ۹۱۲ 345 ۶۷۸۹', None, None, 'mixed Persian and ASCII digits'),
    ('021 2345 6789', 'IR', None, 'Tehran fixed line'),
    ('+98 912 345 678', None, None, 'one digit short: INVALID_LENGTH'),
    ('+98 912 345 67890', None, None, 'one digit too many'),
    ('0912 345 6789', 'US', None, 'Iranian national form with the wrong default region'),
    ('+93 70 123 4567', None, None, 'Afghan mobile'),
    ('۰۷۰ ۱۲۳ ۴۵۶۷', 'AF', None, 'Afghan mobile in Persian digits'),
    # Arabic-speaking regions
    ('+966 50 123 4567', None, None, None),
    ('0501234567', 'SA', None, None),
    ('+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧', None, None, 'Arabic-Indic digits with a plus'),
    ('050 123 4567', 'AE', None, 'UAE mobile'),
    ('+971 4 234 5678', None, None, 'Dubai fixed line'),
    ('00971501234567', 'SA', None, 'IDD from Saudi Arabia'),
    ('3312 3456', 'QA', None, 'Qatar: no trunk prefix'),
    ('+965 500 12345', None, None, 'Kuwait mobile'),
    ('3600 1234', 'BH', None, 'Bahrain mobile'),
    ('9212 3456', 'OM', None, 'Oman mobile'),
    ('0791 234 5678', 'IQ', None, 'Iraq mobile'),
    ('٠١٠٠ ١٢٣ ٤٥٦٧', 'EG', None, 'Egyptian mobile in Arabic-Indic digits'),
    # North America
    ('+1 415 555 2671', None, None, None),
    ('1-415-555-2671', 'US', None, 'with the NANPA trunk 1'),
    ('(415) 555-2671 ext. 12', 'US', None, None),
    ('415-555-2671#12', 'US', None, None),
    ('415.555.2671,12', 'US', None, 'comma extension'),
    ('tel:+1-415-555-2671;ext=12', None, None, None),
    ('+1 (415) 555-2671', None, None, None),
    ('011 44 20 7946 0958', 'US', None, 'IDD 011 from the US'),
    ('555-2671', 'US', None, 'local-only seven digits: IS_POSSIBLE_LOCAL_ONLY'),
    ('(800) 234-5678', 'US', None, 'toll free'),
    ('+1 900 234 5678', None, None, 'premium rate'),
    ('+1 506 234 5678', None, None, 'Canada'),
    ('613-555-0123', 'CA', None, None),
    ('+1 787 234 5678', None, None, 'Puerto Rico shares +1'),
    # Europe
    ('020 7946 0958', 'GB', None, 'London'),
    ('+44 (0)20 7946 0958', None, None, 'the (0) trunk written inside the international form'),
    ('07400 123456', 'GB', None, 'UK mobile'),
    ('+44 1534 456789', None, None, 'Jersey shares +44'),
    ('030 123456', 'DE', None, 'Berlin'),
    ('030/1234567', 'DE', None, 'slash after the area code'),
    ('+49 1512 3456789', None, None, 'German mobile'),
    ('06 12 34 56 78', 'FR', None, 'French mobile'),
    ('0033 6 12 34 56 78', 'DE', None, 'IDD 00 from Germany'),
    ('02 1234 5678', 'IT', None, 'Italian leading zero kept in the number'),
    ('+39 312 345 6789', None, None, 'Italian mobile'),
    ('612 34 56 78', 'ES', None, 'Spanish mobile'),
    ('06 12345678', 'NL', None, 'Dutch mobile'),
    ('8 (912) 345-67-89', 'RU', None, 'Russian mobile with trunk 8'),
    ('810 44 20 7946 0958', 'RU', None, 'Russian IDD 810'),
    ('+7 771 000 9998', None, None, 'Kazakhstan shares +7'),
    ('0532 123 45 67', 'TR', None, 'Turkish mobile'),
    # Asia-Pacific, Latin America, Africa
    ('+86 138 0013 8000', None, None, None),
    ('＋８６ １３８ ００１３ ８０００', None, None, 'full-width plus and digits'),
    ('010 1234 5678', 'CN', None, 'Beijing fixed line'),
    ('090-2345-6789', 'JP', None, 'Japanese mobile'),
    ('010 44 20 7946 0958', 'JP', None, 'Japanese IDD 010'),
    ('010-1234-5678', 'KR', None, 'Korean mobile'),
    ('+91 81234 56789', None, None, 'Indian mobile'),
    ('0412 345 678', 'AU', None, 'Australian mobile'),
    ('0011 44 20 7946 0958', 'AU', None, 'Australian IDD 0011'),
    ('(11) 96123-4567', 'BR', None, 'São Paulo mobile'),
    ('55 1234 5678', 'MX', None, 'Mexico City'),
    ('0802 123 4567', 'NG', None, 'Nigerian mobile'),
    ('0301 2345678', 'PK', None, 'Pakistani mobile'),
    ('0812-345-678', 'ID', None, 'Indonesian mobile'),
    # Non-geographic
    ('+800 1234 5678', None, None, 'international freephone, region 001 (its digits run 1-8: the placeholder warning)'),
    ('+882 34 21234', None, None, 'international networks'),
    ('+870 301 234 567', None, None, 'Inmarsat'),
    # Whitespace, invisible marks
    ('  +98 912 345 6789\t', None, None, 'surrounding whitespace'),
    ('\u00a0+44 20 7946 0958\u00a0', None, None, 'no-break spaces'),
    ('\u200f+98 912 345 6789', None, None, 'right-to-left mark pasted from RTL text'),
    # Errors
    ('', 'US', None, 'empty'),
    ('   ', 'US', None, 'whitespace only'),
    ('---', 'US', None, 'punctuation only'),
    ('hello', 'US', None, 'a word with no digits'),
    ('+999 1234 5678', None, None, 'no such country code'),
    ('123456789', None, None, 'no plus and no default region'),
    ('00 1', 'FR', None, 'too short after the IDD'),
    ('+49 1', None, None, 'national number too short'),
    ('123456789012345678901234567890', 'US', None, 'a 30-digit run'),
    ('1' * 1025, 'US', None, '1,025 digits: one byte over limits.phoneInputBytes'),
]


def case_expect(text, region, options):
    opts = options or {}
    stripped = text.strip()
    if stripped == '':
        return {'valid': False, 'e164': None, 'codes': ['input.empty']}, None
    if len(text.encode()) > 1024:
        return {'valid': False, 'e164': None, 'codes': ['input.too_long']}, None
    body = stripped.lower()
    if body.startswith('tel:'):
        body = body[4:]
    for marker in ('extension', 'ext.', 'ext', 'x'):
        i = body.find(marker)
        if i > 0:
            body = body[:i]
            break
    has_letters = any(ch.isalpha() for ch in body) and any(ch.isdigit() for ch in body)
    if has_letters and not opts.get('allowLetters'):
        return {'valid': False, 'codes': ['phone.has_letters']}, None
    try:
        n = pn.parse(text, region)
    except NumberParseException as e:
        code = {'NOT_A_NUMBER': 'phone.not_a_number', 'INVALID_COUNTRY_CODE': 'phone.invalid_country_code',
                'TOO_SHORT_NSN': 'phone.too_short', 'TOO_SHORT_AFTER_IDD': 'phone.too_short',
                'TOO_LONG': 'phone.too_long'}[ERROR_NAME[e.error_type]]
        return {'valid': False, 'e164': None, 'international': None, 'national': None, 'rfc3966': None,
                'region': None, 'type': None, 'extension': None, 'countryCode': None, 'codes': [code]}, None
    valid = pn.is_valid_number(n)
    expect = {
        'valid': valid,
        'e164': pn.format_number(n, PhoneNumberFormat.E164),
        'international': pn.format_number(n, PhoneNumberFormat.INTERNATIONAL),
        'national': pn.format_number(n, PhoneNumberFormat.NATIONAL),
        'rfc3966': pn.format_number(n, PhoneNumberFormat.RFC3966),
        'region': pn.region_code_for_number(n) if valid else None,
        'type': TYPE_NAME[pn.number_type(n)],
        'extension': n.extension or None,
        'countryCode': n.country_code,
    }
    reason = REASON_NAME[pn.is_possible_number_with_reason(n)]
    if valid:
        expect['codes'] = []
    elif reason == 'TOO_SHORT':
        expect['codes'] = ['phone.too_short']
    elif reason == 'TOO_LONG':
        expect['codes'] = ['phone.too_long']
    elif reason == 'INVALID_LENGTH':
        expect['codes'] = ['phone.invalid_length']
    else:  # IS_POSSIBLE, IS_POSSIBLE_LOCAL_ONLY
        expect['codes'] = ['phone.invalid_for_region']
    if valid and is_placeholder(pn.national_significant_number(n)):
        expect['codes'] = ['phone.placeholder']
    if not valid:
        del expect['region']  # phonenumbers names a region for some invalid numbers; PhoneResult says null
    return expect, reason


def is_placeholder(nsn):
    """6+ digits, all alike or each one more (or one less) than the last, mod 10: 000000, 1234567890."""
    if len(nsn) < 6:
        return False
    steps = {(int(b) - int(a)) % 10 for a, b in zip(nsn, nsn[1:])}
    return steps in ({0}, {1}, {9})


def generate_cases():
    out = []
    for text, region, extra, note in CASES:
        options = {}
        if region is not None:
            options['defaultRegion'] = region
        if extra:
            options.update(extra)
        expect, reason = case_expect(text, region, extra)
        case = {'input': text}
        if options:
            case['options'] = options
        case['expect'] = expect
        notes = [note] if note else []
        if reason in ('INVALID_LENGTH', 'IS_POSSIBLE_LOCAL_ONLY', 'TOO_SHORT', 'TOO_LONG') and not expect['valid']:
            notes.append(f'is_possible_number_with_reason: {reason}')
        if notes:
            case['note'] = '; '.join(notes)
        out.append(case)
    return {'description': CASES_DESCRIPTION, 'source': f'phonenumbers=={PHONENUMBERS_VERSION}', 'cases': out}


# ---------------------------------------------------------------------------------------------------------------


def dump_corpus(lines):
    return ''.join(json.dumps(r, ensure_ascii=False, separators=(',', ':')) + '\n' for r in lines)


def dump_cases(doc):
    return json.dumps(doc, ensure_ascii=False, indent=1) + '\n'


def summary(lines, meta, corpus_bytes, cases_doc, out):
    p = lambda a, b: f'{100 * a / b:.1f}%' if b else '—'
    w = lambda s: print(s, file=out)
    n = len(lines)
    valid = sum(r['valid'] for r in lines)
    errors = collections.Counter(r['error'] for r in lines if r['error'])
    parsed_invalid = n - valid - sum(errors.values())
    w(f'corpus.jsonl: {n} lines, {corpus_bytes / 2**20:.2f} MB; valid {valid} ({p(valid, n)}), '
      f'parsed but invalid {parsed_invalid} ({p(parsed_invalid, n)}), parse errors {sum(errors.values())} '
      f'({p(sum(errors.values()), n)})')
    w(f'  null region: {sum(r["region"] is None for r in lines)}; regions used as default: '
      f'{len({r["region"] for r in lines if r["region"]})}; number regions with lines: '
      f'{len({m["home"] for m in meta}) - 1} (+ garbage)')
    w('  error types: ' + ', '.join(f'{k} {v}' for k, v in sorted(errors.items())))
    types = collections.Counter(r['type'] for r in lines if r['valid'])
    w('  types of valid numbers: ' + ', '.join(f'{k} {v}' for k, v in types.most_common()))
    forms = collections.Counter(m['form'] for m in meta)
    w('  forms: ' + ', '.join(f'{k} {v}' for k, v in forms.most_common()))
    mods = collections.Counter(x for m in meta for x in m['mods'])
    w('  modifiers: ' + ', '.join(f'{k} {v}' for k, v in mods.most_common()))
    per = collections.OrderedDict()
    for r, m in zip(lines, meta):
        c = per.setdefault(m['home'], [0, 0, 0])
        c[0] += 1
        c[1] += r['valid']
        c[2] += bool(r['error'])
    w('  per number region: lines / valid share / parse errors')
    cells = [f'{h} {c[0]}/{p(c[1], c[0])}/{c[2]}' for h, c in per.items()]
    for i in range(0, len(cells), 6):
        w('    ' + '   '.join(cells[i:i + 6]))
    w(f'cases.json: {len(cases_doc["cases"])} cases, '
      f'{sum(c["expect"]["valid"] for c in cases_doc["cases"])} valid')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--seed', type=int, default=SEED)
    ap.add_argument('--out', default=str(ROOT / 'tests' / 'fixtures' / 'phone'))
    ap.add_argument('--check', action='store_true', help='exit 1 if the files on disk differ; write nothing')
    args = ap.parse_args()
    if pn.__version__ != PHONENUMBERS_VERSION:
        sys.exit(f'gen-phone-corpus: phonenumbers {pn.__version__} found, {PHONENUMBERS_VERSION} required')
    lines, meta, skipped = generate_corpus(args.seed)
    corpus = dump_corpus(lines)
    cases = generate_cases()
    cases_text = dump_cases(cases)
    out = Path(args.out)
    files = {out / 'corpus.jsonl': corpus, out / 'cases.json': cases_text}
    if args.check:
        stale = [str(f) for f, text in files.items() if not f.exists() or f.read_text(encoding='utf-8') != text]
        if stale:
            sys.exit('gen-phone-corpus: out of date: ' + ', '.join(stale))
        print('gen-phone-corpus: up to date', file=sys.stderr)
        return
    out.mkdir(parents=True, exist_ok=True)
    for f, text in files.items():
        f.write_text(text, encoding='utf-8')
    summary(lines, meta, len(corpus.encode()), cases, sys.stderr)
    print(f'  left out, read by phonenumbers as vanity numbers (letters -> digits): {sum(skipped.values())} '
          f'({", ".join(f"{k} {v}" for k, v in skipped.most_common())})', file=sys.stderr)


if __name__ == '__main__':
    main()
