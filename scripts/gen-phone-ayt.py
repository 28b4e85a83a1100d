#!/usr/bin/env python3
"""Generates tests/fixtures/phone/as_you_type.jsonl: what libphonenumber's as-you-type formatter shows after each
typed character, from the Python port (PyPI phonenumbers, the same pin as scripts/gen-phone-corpus.py).

    python3 -m venv /tmp/pnvenv && /tmp/pnvenv/bin/pip install phonenumbers==9.0.43   # once
    /tmp/pnvenv/bin/python scripts/gen-phone-ayt.py                                      # from the repository root
    /tmp/pnvenv/bin/python scripts/gen-phone-ayt.py --check                              # exit 1 if stale

Replayed by tests/phone_as_you_type.rs against `intake::phone::format_as_you_type`.

Writes one JSON object per line:

    {"region":"IR","form":"national","typed":"09123456789","steps":["0","09","091","0912","0912 3",...]}

`region` is the region given to `phonenumbers.AsYouTypeFormatter(region)`; `typed` is what was typed, only ASCII
digits and at most one leading '+'; `steps[i]` is what `input_digit(typed[i])` returned (one fresh formatter per
line, so `steps[i]` is the display after typing `typed[:i+1]`). `form` says how the number was typed:

  national      the digits of format_number(NATIONAL): the national prefix where the region's rule puts it,
                (AR 011 15..., RU 8 ..., IR 0912 ...; US (415) 555-2671 has none)
  national_np   national prefix + national significant number, typed whether or not the format shows it
                (US 1415..., IT and other regions without a prefix fall back to `national`)
  national_bare the national significant number alone
  plus          '+', country code, national significant number
  idd           the region's international prefix (its preferred one, or now and then another string its
                international_prefix pattern matches: AU 0011/0014, KR 001/002/...), country code, number;
                mostly a number of another region, sometimes the region's own

Numbers, per region (the 53 regions of tests/fixtures/phone/corpus.jsonl with at least 100 lines there):
valid numbers of the region taken from corpus.jsonl (lines whose e164 is valid and belongs to the region) and
every `example_number_for_type`; about one in six is then mutated (a digit changed, 1-2 trailing digits dropped
or added, or cut to a stub), so invalid and incomplete numbers are covered too. Foreign numbers for the `idd`
form come from the pooled numbers of all regions plus the corpus's valid non-geographic (+800 ...) numbers.

Deterministic: one random.Random seeded with "<seed>:<region>" per region, regions and pools in sorted order,
no set or hash order, no clock. Prints a summary (lines, forms, size) to stderr.
"""

import argparse
import collections
import json
import random
import sys
from pathlib import Path

try:
    import phonenumbers as pn
    from phonenumbers import PhoneMetadata, PhoneNumberFormat, PhoneNumberType
except ImportError:  # pragma: no cover
    sys.exit('gen-phone-ayt: needs phonenumbers==9.0.43; run it with /tmp/pnvenv/bin/python (see the docstring)')

try:
    import re._parser as sre_parse  # Python >= 3.11
    import re._constants as sre_c
except ImportError:  # pragma: no cover
    import sre_parse
    import sre_constants as sre_c

PHONENUMBERS_VERSION = '9.0.43'
SEED = 20250601
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / 'tests' / 'fixtures' / 'phone' / 'corpus.jsonl'
OUT = ROOT / 'tests' / 'fixtures' / 'phone' / 'as_you_type.jsonl'
LINES_PER_REGION = 38  # x 53 regions = 2,014 lines
MIN_CORPUS_LINES = 100  # regions the corpus uses only now and then (GG, CX, KY ...) are left out
MUTATE_SHARE = 0.17
FORMS = [('national', 30), ('national_np', 12), ('national_bare', 10), ('plus', 28), ('idd', 20)]
TYPES = ['FIXED_LINE', 'MOBILE', 'TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER',
         'UAN', 'VOICEMAIL']


def _load_corpus_generator():
    """scripts/gen-phone-corpus.py, whose regex walker this script shares."""
    import importlib.util
    spec = importlib.util.spec_from_file_location('gen_phone_corpus', Path(__file__).with_name('gen-phone-corpus.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_CORPUS = _load_corpus_generator()


def gen_regex(rng, pattern):
    """A random string the (digit-only) regular expression matches; None if it uses something else."""
    try:
        return _CORPUS.gen_regex(rng, pattern, extra_repeats=2)
    except ValueError:
        return None


def idd_for(rng, meta):
    """Digits the region's international_prefix matches: the preferred prefix (or the pattern itself when it is
    plain digits) most of the time, otherwise a random string of the pattern."""
    pattern = meta.international_prefix
    if not pattern:
        return None
    preferred = (meta.preferred_international_prefix or '').replace('~', '')
    if not preferred and pattern.isdigit():
        preferred = pattern
    if preferred and (pattern.isdigit() or rng.random() < 0.75):
        return preferred
    for _ in range(20):
        s = gen_regex(rng, pattern)
        if s and s.isdigit():
            return s
    return preferred or None


def steps_for(region, typed):
    f = pn.AsYouTypeFormatter(region)
    return [f.input_digit(c) for c in typed]


def load_pools():
    """(regions, pools): the corpus's default regions with enough lines, and per region (and '001' for the
    non-geographic codes) its valid numbers as sorted lists of (cc, nsn)."""
    counts = collections.Counter()
    found = collections.defaultdict(set)
    for line in CORPUS.read_text(encoding='utf-8').splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row['region']:
            counts[row['region']] += 1
        if row['valid'] and row['e164']:
            n = pn.parse(row['e164'], None)
            found[pn.region_code_for_number(n)].add((n.country_code, pn.national_significant_number(n)))
    regions = sorted(r for r, c in counts.items() if c >= MIN_CORPUS_LINES)
    for r in regions:
        for t in TYPES:
            ex = pn.example_number_for_type(r, getattr(PhoneNumberType, t))
            if ex is not None and pn.is_valid_number(ex):
                found[r].add((ex.country_code, pn.national_significant_number(ex)))
    pools = {r: sorted(found[r]) for r in regions + ['001']}
    return regions, pools


def mutate(rng, nsn):
    kind = rng.choice(['digit', 'drop', 'add', 'stub'])
    if kind == 'digit':
        i = rng.randrange(len(nsn))
        return nsn[:i] + rng.choice([d for d in '0123456789' if d != nsn[i]]) + nsn[i + 1:], kind
    if kind == 'drop' and len(nsn) > 4:
        return nsn[:-rng.randint(1, 2)], kind
    if kind == 'stub' and len(nsn) > 5:
        return nsn[:rng.randint(3, len(nsn) - 2)], kind
    return nsn + ''.join(rng.choice('0123456789') for _ in range(rng.randint(1, 2))), 'add'


def national_digits(cc, nsn):
    """Digits of format_number(NATIONAL) of +cc nsn, or the bare nsn when that does not parse back to it."""
    try:
        n = pn.parse(f'+{cc}{nsn}', None)
    except pn.NumberParseException:
        return nsn
    if n.country_code != cc or pn.national_significant_number(n) != nsn:
        return nsn
    digits = ''.join(c for c in pn.format_number(n, PhoneNumberFormat.NATIONAL) if c.isdigit())
    return digits if digits.endswith(nsn) or nsn[-4:] in digits else nsn


def lines_for(region, pools, seed):
    rng = random.Random(f'{seed}:{region}')
    meta = PhoneMetadata.metadata_for_region(region)
    own = pools[region]
    foreign = [x for r in sorted(pools) if r != region for x in pools[r]]
    np = meta.national_prefix or ''
    names = [f for f, _ in FORMS]
    weights = [w for _, w in FORMS]
    out, seen = [], set()
    attempts = 0
    while len(out) < LINES_PER_REGION and attempts < 50 * LINES_PER_REGION:
        attempts += 1
        form = rng.choices(names, weights)[0]
        if form == 'idd':
            idd = idd_for(rng, meta)
            if idd is None:
                continue
            cc, nsn = rng.choice(foreign) if rng.random() < 0.7 else rng.choice(own)
        else:
            cc, nsn = rng.choice(own)
        mutation = None
        if rng.random() < MUTATE_SHARE:
            nsn, mutation = mutate(rng, nsn)
        if form == 'plus':
            typed = f'+{cc}{nsn}'
        elif form == 'idd':
            typed = f'{idd}{cc}{nsn}'
        elif form == 'national_bare':
            typed = nsn
        elif form == 'national_np' and np and not nsn.startswith(np):
            typed = np + nsn
        else:
            form = 'national'
            typed = national_digits(cc, nsn)
            if typed == nsn and np and mutation:  # invalid numbers format as the bare number
                typed = np + nsn
        if typed in seen:
            continue
        seen.add(typed)
        out.append({'region': region, 'form': form + (f'+{mutation}' if mutation else ''), 'typed': typed,
                    'steps': steps_for(region, typed)})
    return out


def dump(lines):
    return ''.join(json.dumps(r, ensure_ascii=False, separators=(',', ':')) + '\n' for r in lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--seed', type=int, default=SEED)
    ap.add_argument('--out', default=str(OUT))
    ap.add_argument('--check', action='store_true', help='exit 1 if the file on disk differs; write nothing')
    args = ap.parse_args()
    if pn.__version__ != PHONENUMBERS_VERSION:
        sys.exit(f'gen-phone-ayt: phonenumbers {pn.__version__} found, {PHONENUMBERS_VERSION} required')
    regions, pools = load_pools()
    lines = [row for r in regions for row in lines_for(r, pools, args.seed)]
    text = dump(lines)
    out = Path(args.out)
    if args.check:
        if not out.exists() or out.read_text(encoding='utf-8') != text:
            sys.exit(f'gen-phone-ayt: out of date: {out}')
        print('gen-phone-ayt: up to date', file=sys.stderr)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding='utf-8')
    forms = collections.Counter(r['form'].split('+')[0] for r in lines)
    mutated = sum('+' in r['form'] for r in lines)
    steps = sum(len(r['steps']) for r in lines)
    print(f'as_you_type.jsonl: {len(lines)} lines, {steps} steps, {len(regions)} regions, '
          f'{len(text.encode()) / 2**20:.2f} MB; mutated {mutated}; forms: '
          + ', '.join(f'{k} {v}' for k, v in forms.most_common()), file=sys.stderr)


if __name__ == '__main__':
    main()
