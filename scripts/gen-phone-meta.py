#!/usr/bin/env python3
"""Generates src/tables/phone_meta.rs from the phone metadata of the PyPI package `phonenumbers`.

phonenumbers (the Python port of libphonenumber) is both the source of the metadata and the test
oracle of the phone module, so data and oracle cannot drift apart. The version is pinned in
scripts/requirements-phone.txt; this script refuses to run with any other version.

Setup (once), then run from the repository root:

    python3 -m venv /tmp/pnvenv && /tmp/pnvenv/bin/pip install -r scripts/requirements-phone.txt
    /tmp/pnvenv/bin/python3 scripts/gen-phone-meta.py          # or: . /tmp/pnvenv/bin/activate; python3 ...

Options:
    --dump   instead of writing the table, print a canonical field-by-field dump of the metadata as
             phonenumbers holds it: the same text the ignored test `dump_matches_phonenumbers` in
             src/phone/meta.rs prints from the decoded table. Check the loader against phonenumbers:

                 python3 scripts/gen-phone-meta.py --dump > /tmp/phone-meta-py.txt
                 PHONE_META_DUMP=/tmp/phone-meta-rs.txt cargo test --lib phone::meta -- --ignored
                 diff /tmp/phone-meta-py.txt /tmp/phone-meta-rs.txt && echo identical

The output is one text table (13 sections of one line per region); its format is documented at the
top of src/phone/meta.rs, which decodes it. Before writing, the script decodes its own output and
checks that every field equals what phonenumbers holds, so a table that does not round-trip is never
written.
"""
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
OUT = os.path.join(ROOT, 'src', 'tables', 'phone_meta.rs')
REQUIREMENTS = os.path.join(ROOT, 'scripts', 'requirements-phone.txt')

try:
    import phonenumbers
    from phonenumbers.phonemetadata import PhoneMetadata
    from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE
except ImportError:
    sys.exit('gen-phone-meta: phonenumbers is not installed; see the header of this script for the venv')

PINNED = re.search(r'^phonenumbers==(\S+)$', open(REQUIREMENTS).read(), re.M).group(1)
if phonenumbers.__version__ != PINNED:
    sys.exit('gen-phone-meta: installed phonenumbers %s, %s pins %s'
             % (phonenumbers.__version__, os.path.relpath(REQUIREMENTS, ROOT), PINNED))
SOURCE = 'phonenumbers@%s (PyPI)' % PINNED

# PhoneType order of the decoder's `Region::types`.
# (no_international_dialling is left out: nothing in intake reads it, and it would cost wasm bytes.)
TYPES = ['fixed_line', 'mobile', 'toll_free', 'premium_rate', 'shared_cost', 'personal_number',
         'voip', 'pager', 'uan', 'voicemail']
REGION_STRINGS = ['leading_digits', 'international_prefix', 'preferred_international_prefix',
                  'national_prefix', 'national_prefix_for_parsing', 'national_prefix_transform_rule',
                  'preferred_extn_prefix']

# Separators: none of them occurs in any metadata string (checked below).
LINE, FIELD, SUB, LENS = '\n', ';', '!', '/'
OPTIONAL_MARK = '*'  # prefix of a format's national-prefix rule: national_prefix_optional_when_formatting
NA = 'NA'            # intl format "not available internationally", as in libphonenumber's XML
LENGTH_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'


def fail(msg):
    sys.exit('gen-phone-meta: ' + msg)


def group_refs(s):
    r"""Python's metadata writes group references as \1; the table uses $1 (libphonenumber's own form)."""
    if s is None:
        return None
    out = re.sub(r'\\([1-9])', r'$\1', s)
    if '\\' in out or re.search(r'\$(?![1-9]|CC)', out):
        fail('unexpected backslash or $ in replacement %r' % s)
    return out


def first_group(s):
    r"""A national-prefix or carrier-code formatting rule: libphonenumber writes it with $FG (the
    format's first group reference, whatever its number) and $NP; phonenumbers' build substituted
    the national prefix for $NP and \1 for $FG. The table writes $FG back: `0\1` is applied to the
    format `\2 15-\3-\4` (AR) as `0\2 15-\3-\4`, so reading it as "group 1" would be wrong."""
    if s is None:
        return None
    if re.search(r'\\[02-9]', s) or s.count('\\1') != 1:
        fail('formatting rule %r does not hold exactly one first-group reference' % s)
    out = s.replace('\\1', '$FG')
    if '\\' in out or re.search(r'\$(?!FG|CC)', out):
        fail('unexpected backslash or $ in formatting rule %r' % s)
    return out


def entities():
    """(id, metadata) in table order: by country calling code, then in COUNTRY_CODE_TO_REGION_CODE's
    order (main country first), so the regions of one code are consecutive lines."""
    PhoneMetadata.load_all()
    out = []
    for cc in sorted(COUNTRY_CODE_TO_REGION_CODE):
        for rid in COUNTRY_CODE_TO_REGION_CODE[cc]:
            if rid == '001':
                m = PhoneMetadata.metadata_for_nongeo_region(cc)
            else:
                m = PhoneMetadata.metadata_for_region(rid)
            if m is None or m.country_code != cc or m.id != rid:
                fail('no metadata for %s (+%d)' % (rid, cc))
            out.append((rid, m))
    geo = {rid for rid, _ in out if rid != '001'}
    nongeo = {m.country_code for rid, m in out if rid == '001'}
    if geo != set(phonenumbers.SUPPORTED_REGIONS) or nongeo != set(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        fail('COUNTRY_CODE_TO_REGION_CODE does not cover SUPPORTED_REGIONS and the non-geographic codes')
    return out


# ---------------------------------------------------------------------------------------------------
# Canonical view: exactly the fields the decoder exposes, with the values phonenumbers uses at run time.

def canonical_desc(d):
    if d is None:
        return None
    return (d.national_number_pattern, list(d.possible_length), list(d.possible_length_local_only))


def last_leading_digits(f):
    """Only the last (longest) leading-digits pattern of a format: formatting reads only that one
    (phonenumbers' _choose_formatting_pattern_for_number), and so does intake's as-you-type. The
    shorter ones cost about 1 KB of brotli in the wasm and nothing reads them."""
    return list(f.leading_digits_pattern)[-1:]


def canonical_format(f, refs=True):
    conv, rule = (group_refs, first_group) if refs else (lambda s: s, lambda s: s)
    return (f.pattern, conv(f.format), last_leading_digits(f),
            rule(f.national_prefix_formatting_rule),
            bool(f.national_prefix_optional_when_formatting),  # None (inherit, never set) behaves as False
            rule(f.domestic_carrier_code_formatting_rule))


def canonical(rid, m):
    c = {'id': rid, 'country_code': m.country_code,
         'main_country_for_code': bool(m.main_country_for_code),
         'mobile_number_portable_region': bool(m.mobile_number_portable_region),
         'same_mobile_and_fixed_line_pattern': bool(m.same_mobile_and_fixed_line_pattern),
         'general': canonical_desc(m.general_desc),
         'types': [canonical_desc(getattr(m, t)) for t in TYPES],
         'formats': [canonical_format(f) for f in m.number_format],
         'intl_formats': [canonical_format(f) for f in m.intl_number_format],
         'intl_formats_explicit': bool(m.intl_number_format)}
    for k in REGION_STRINGS:
        c[k] = getattr(m, k)
    c['national_prefix_transform_rule'] = group_refs(c['national_prefix_transform_rule'])
    return c


def dump_lines(c):
    """One line per field; the Rust test prints the same text from the decoded table."""
    def s(v):
        return '-' if v is None else '"%s"' % v

    def lens(v):
        return '[' + ', '.join(str(x) for x in v) + ']'

    def b(v):
        return 'true' if v else 'false'

    p = '%s %d ' % (c['id'], c['country_code'])
    out = [p + 'main_country_for_code ' + b(c['main_country_for_code'])]
    for k in REGION_STRINGS:
        out.append(p + k + ' ' + s(c[k]))
    out.append(p + 'mobile_number_portable_region ' + b(c['mobile_number_portable_region']))
    out.append(p + 'same_mobile_and_fixed_line_pattern ' + b(c['same_mobile_and_fixed_line_pattern']))
    for name, d in [('general', c['general'])] + list(zip(TYPES, c['types'])):
        if d is None:
            out.append(p + name + ' -')
        else:
            out.append('%s%s %s %s %s' % (p, name, s(d[0]), lens(d[1]), lens(d[2])))
    for kind in ('formats', 'intl_formats'):
        out.append('%s%s %d' % (p, kind, len(c[kind])))
        for i, f in enumerate(c[kind]):
            out.append('%s%s.%d %s %s [%s] %s %s %s' % (p, kind, i, s(f[0]), s(f[1]),
                                                       ', '.join(s(x) for x in f[2]),
                                                       s(f[3]), b(f[4]), s(f[5])))
    out.append(p + 'intl_formats_explicit ' + b(c['intl_formats_explicit']))
    return out


# ---------------------------------------------------------------------------------------------------
# Encoding.

def check_metadata(rid, m):
    """What the encoding relies on; phonenumbers 9.x data satisfies all of it."""
    if m.general_desc is None or m.general_desc.national_number_pattern is None or not m.general_desc.possible_length:
        fail('%s: general_desc without pattern or lengths' % rid)
    for t in TYPES:
        d = getattr(m, t)
        if d is None:
            continue
        # An absent type is None here (never a desc with possible_length (-1,)), and a present
        # type always has a pattern and its own possible lengths.
        if d.national_number_pattern is None or not d.possible_length or -1 in d.possible_length:
            fail('%s: %s has no pattern, no lengths or -1' % (rid, t))
        if -1 in d.possible_length_local_only:
            fail('%s: %s local-only -1' % (rid, t))
    for d in [m.general_desc] + [getattr(m, t) for t in TYPES]:
        if d is not None and any(not 0 <= x < len(LENGTH_DIGITS) for x in
                                 list(d.possible_length) + list(d.possible_length_local_only)):
            fail('%s: length out of range' % rid)
    if m.national_prefix is not None and m.national_prefix_for_parsing is None:
        fail('%s: national_prefix without national_prefix_for_parsing' % rid)
    strings = [getattr(m, k) for k in REGION_STRINGS]
    strings += [d.national_number_pattern for d in [m.general_desc] + [getattr(m, t) for t in TYPES] if d]
    for f in m.number_format + m.intl_number_format:
        strings += [f.pattern, f.format, f.national_prefix_formatting_rule,
                    f.domestic_carrier_code_formatting_rule] + list(f.leading_digits_pattern)
        if f.pattern is None or f.format is None:
            fail('%s: format without pattern or format' % rid)
        if f.national_prefix_optional_when_formatting is False:
            fail('%s: explicit national_prefix_optional_when_formatting=False' % rid)
    for v in strings:
        if v is None:
            continue
        # Empty strings would be indistinguishable from absent fields.
        if v == '' or any(ch in v for ch in LINE + FIELD + SUB + LENS + OPTIONAL_MARK + '"\r'):
            fail('%s: empty string or separator in %r' % (rid, v))
    for f in m.number_format:
        if f.format == NA or (f.national_prefix_formatting_rule or '').startswith(OPTIONAL_MARK):
            fail('%s: ambiguous format %r' % (rid, f.format))


def encode_lengths(v):
    return ''.join(LENGTH_DIGITS[x] for x in v)


def encode_desc(d, general):
    """PATTERN[/LENGTHS[/LOCAL_ONLY]]; LENGTHS empty = the general desc's possible lengths."""
    lens = list(d.possible_length)
    own = '' if general is not None and lens == list(general.possible_length) else encode_lengths(lens)
    local = encode_lengths(d.possible_length_local_only)
    parts = [d.national_number_pattern, own, local]
    while len(parts) > 1 and parts[-1] == '':
        parts.pop()
    return LENS.join(parts)


def intl_codes(rid, m):
    """libphonenumber's XML gives each number format an optional intlFormat: absent (the intl list
    gets a full copy of the national format), "NA" (no intl entry), or another format string (an
    entry with the same pattern and leading digits and nothing else). phonenumbers only keeps the
    resulting list; recover the per-format code from it, and check it reproduces the list."""
    if not m.intl_number_format:
        return [''] * len(m.number_format)
    intl = list(m.intl_number_format)
    codes = []
    j = 0
    for f in m.number_format:
        g = intl[j] if j < len(intl) else None
        if g is not None and canonical_format(g, False) == canonical_format(f, False):
            codes.append('')
            j += 1
        elif (g is not None and g.pattern == f.pattern and
              list(g.leading_digits_pattern) == list(f.leading_digits_pattern) and
              g.national_prefix_formatting_rule is None and g.domestic_carrier_code_formatting_rule is None and
              not g.national_prefix_optional_when_formatting):
            if g.format == NA:
                fail('%s: intl format "NA" kept in the list' % rid)
            codes.append(group_refs(g.format))
            j += 1
        else:
            codes.append(NA)
    if j != len(intl):
        fail('%s: intl formats are not derived from the national formats in order' % rid)
    return codes


def encode_format(f, intl):
    """PATTERN!FORMAT![*]NP_RULE!CARRIER_RULE!INTL[!LEADING_DIGITS]"""
    npfr = (OPTIONAL_MARK if f.national_prefix_optional_when_formatting else '') + \
        (first_group(f.national_prefix_formatting_rule) or '')
    parts = [f.pattern, group_refs(f.format), npfr, first_group(f.domestic_carrier_code_formatting_rule) or '', intl]
    return SUB.join(parts + last_leading_digits(f))


def encode(rid, m):
    """The region's line in each of the 13 sections: header, general desc, 10 type descs, formats."""
    check_metadata(rid, m)
    flags = ''.join(flag for flag, on in [('m', m.main_country_for_code),
                                          ('p', m.mobile_number_portable_region),
                                          ('x', bool(m.intl_number_format))] if on)
    strings = [getattr(m, k) or '' for k in REGION_STRINGS]
    if m.national_prefix_for_parsing == m.national_prefix:
        strings[REGION_STRINGS.index('national_prefix_for_parsing')] = ''  # empty: same as national_prefix
    strings[REGION_STRINGS.index('national_prefix_transform_rule')] = group_refs(m.national_prefix_transform_rule) or ''
    header = FIELD.join([rid, str(m.country_code), flags] + strings)
    descs = [encode_desc(m.general_desc, None)]
    descs += [encode_desc(getattr(m, t), m.general_desc) if getattr(m, t) else '' for t in TYPES]
    formats = FIELD.join(encode_format(f, code) for f, code in zip(m.number_format, intl_codes(rid, m)))
    return [header] + descs + [formats]


def layout(rows):
    """Section by section (all headers, then all general descs, ...): like data next to like data
    compresses about 3% better than one line per region, and line k of each section is still
    found directly through the decoder's index of line starts."""
    return ''.join(row[s] + LINE for s in range(len(rows[0])) for row in rows)


# ---------------------------------------------------------------------------------------------------
# Decoding, the same steps as src/phone/meta.rs, to check the table before writing it.

def decode_lengths(s):
    return [LENGTH_DIGITS.index(ch) for ch in s]


def decode(row):
    header, descs, formats = row[0], row[1:1 + 1 + len(TYPES)], row[-1]
    f = header.split(FIELD)
    rid, cc, flags = f[0], int(f[1]), f[2]
    c = {'id': rid, 'country_code': cc, 'main_country_for_code': 'm' in flags,
         'mobile_number_portable_region': 'p' in flags, 'intl_formats_explicit': 'x' in flags}
    for i, k in enumerate(REGION_STRINGS):
        c[k] = f[3 + i] or None
    if c['national_prefix_for_parsing'] is None:
        c['national_prefix_for_parsing'] = c['national_prefix']

    def desc(s, general):
        if not s:
            return None
        parts = s.split(LENS) + ['', '']
        lens = decode_lengths(parts[1]) if parts[1] or general is None else list(general[1])
        return (parts[0], lens, decode_lengths(parts[2]))

    c['general'] = desc(descs[0], None)
    c['types'] = [desc(s, c['general']) for s in descs[1:]]
    fixed, mobile = c['types'][0], c['types'][1]
    c['same_mobile_and_fixed_line_pattern'] = (fixed is None and mobile is None) or \
        (fixed is not None and mobile is not None and fixed[0] == mobile[0])
    c['formats'], c['intl_formats'] = [], []
    for s in formats.split(FIELD) if formats else []:
        p = s.split(SUB)
        npfr = p[2]
        optional = npfr.startswith(OPTIONAL_MARK)
        npfr = npfr[len(OPTIONAL_MARK):] if optional else npfr
        fmt = (p[0], p[1], p[5:], npfr or None, optional, p[3] or None)
        c['formats'].append(fmt)
        if c['intl_formats_explicit']:
            if p[4] == '':
                c['intl_formats'].append(fmt)
            elif p[4] != NA:
                c['intl_formats'].append((p[0], p[4], p[5:], None, False, None))
    return c


def main():
    ents = entities()
    if '--dump' in sys.argv[1:]:
        for rid, m in ents:
            print('\n'.join(dump_lines(canonical(rid, m))))
        return
    rows = [encode(rid, m) for rid, m in ents]
    data = layout(rows)
    # Read the rows back out of the laid-out text, as the decoder does.
    text_lines = data.split(LINE)[:-1]
    n = len(rows)
    for k, (rid, m) in enumerate(ents):
        row = [text_lines[s * n + k] for s in range(len(rows[0]))]
        # Compared as dump text: the decoder builds tuples where phonenumbers has lists.
        if dump_lines(decode(row)) != dump_lines(canonical(rid, m)):
            fail('%s: the encoded row does not decode to the metadata' % rid)
    if '"' in data:
        fail('a quote in the data would end the raw string')
    geo = sum(1 for rid, _ in ents if rid != '001')
    body = (
        '// @generated by scripts/gen-phone-meta.py. DO NOT EDIT.\n'
        '// Source: phonenumbers %s (PyPI), libphonenumber metadata.\n'
        '// Regenerate with `python3 scripts/gen-phone-meta.py` (see its header for the venv).\n\n'
        '/// The pinned source of [`DATA`], for `crate::versions()`.\n'
        'pub const SOURCE: &str = "%s";\n\n'
        '/// Phone-number metadata of %d regions and %d non-geographic calling codes, in sections of one\n'
        '/// line per entity sorted by country calling code. The format is documented (and decoded) in\n'
        '/// `src/phone/meta.rs`.\n'
        'pub const DATA: &str = r"%s";\n'
    ) % (PINNED, SOURCE, geo, len(ents) - geo, data)
    with open(OUT, 'w') as out:
        out.write(body)
    print('wrote %s: %d entities, %d bytes of table text' % (os.path.relpath(OUT, ROOT), len(ents), len(data.encode())))


if __name__ == '__main__':
    main()
