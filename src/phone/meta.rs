//! libphonenumber's per-region metadata (as shipped by PyPI `phonenumbers`, also our test oracle),
//! decoded lazily from the generated text table [`crate::tables::phone_meta::DATA`].
//!
//! Nothing is decoded at start-up: the first lookup indexes the line starts of the table (one pass
//! over its bytes), and each region is decoded on its first use and cached, so a page that checks
//! Iranian numbers never pays for the other 253 entities. Patterns are handed out as `&'static str`
//! slices of the table, verbatim as phonenumbers holds them (Python `re` syntax); compiling them is
//! the pattern module's job.
//!
//! # Table format
//!
//! `DATA` is ASCII, every line ends with `\n`. It has 13 *sections* of N lines each (N = 254
//! entities: 245 regions and 9 non-geographic calling codes). Line k of every section belongs to
//! entity k; entities are sorted by country calling code and, within one code, in phonenumbers'
//! `COUNTRY_CODE_TO_REGION_CODE` order (main country first). Grouping like data (all mobile
//! patterns together, ...) compresses about 3% better than one line per region.
//!
//! - Section 1, header: `ID;CC;FLAGS;LEADING_DIGITS;INTL_PREFIX;PREFERRED_INTL_PREFIX;`
//!   `NATIONAL_PREFIX;NATIONAL_PREFIX_FOR_PARSING;TRANSFORM_RULE;PREFERRED_EXTN_PREFIX`. ID is `US`,
//!   ... or `001` for a non-geographic code; CC decimal. FLAGS is any of `m`
//!   (main_country_for_code), `p` (mobile_number_portable_region), `x` (the region has explicit
//!   intl formats). An empty string field is absent (`None`; phonenumbers has no empty strings). An
//!   empty NATIONAL_PREFIX_FOR_PARSING means "the national prefix" (absent when that is absent).
//! - Section 2, the general desc; sections 3 to 12, the 10 type descs in [`Region::types`] order (phonenumbers'
//!   no_international_dialling is left out: nothing reads it). A
//!   desc is `PATTERN[/LENGTHS[/LOCAL_ONLY_LENGTHS]]`, lengths one base-36 digit each (`7a` = 7 and
//!   10). An empty line is a type the region does not have; empty LENGTHS in a type desc means the
//!   general desc's lengths (the general desc always has its own).
//! - Section 13, formats: the region's number formats separated by `;`, each
//!   `PATTERN!FORMAT![*]NP_RULE!CARRIER_RULE!INTL[!LEADING_DIGITS]`, LEADING_DIGITS being the last
//!   (longest) of libphonenumber's leading-digits patterns, the only one formatting reads. A `*` before
//!   NP_RULE sets national_prefix_optional_when_formatting. INTL (read only with flag `x`) is
//!   libphonenumber's `intlFormat`: empty puts a copy of this format in the intl list, `NA` puts
//!   nothing, anything else puts a format with this pattern and leading digits, that format string
//!   and no rules.
//!
//! Replacement strings use one notation, libphonenumber's (phonenumbers' Python objects differ:
//! `\1` for groups, and `$NP`/`$FG` already substituted; the generator converts):
//! - FORMAT, INTL and TRANSFORM_RULE refer to groups of their own pattern (PATTERN, or
//!   NATIONAL_PREFIX_FOR_PARSING for TRANSFORM_RULE) as `$1`..`$9`.
//! - NP_RULE and CARRIER_RULE hold `$FG` exactly once: the format's *first group reference as
//!   written*, whatever its number. NP_RULE `0$FG` on FORMAT `$2 15-$3-$4` (AR) gives
//!   `0$2 15-$3-$4`; `$NP` is already replaced by the national prefix (`0$FG`, `($FG)`, `8 ($FG)`).
//!   CARRIER_RULE also holds `$CC`, the carrier code (`0 $CC ($FG)`).
//!
//! The separators `\n ; ! / *` and `"` occur in no metadata string (the generator checks).

use crate::tables::phone_meta::DATA;
use std::sync::OnceLock;

pub use crate::tables::phone_meta::SOURCE;

/// Header, general desc, 10 type descs, formats.
const SECTIONS: usize = 13;
const TYPES: usize = 10;
const NON_GEO: &str = "001";
const NONE: u16 = u16::MAX;
/// The greatest country calling code (they have one to three digits).
const MAX_CODE: u16 = 999;

/// The metadata of one region (or non-geographic calling code), as phonenumbers' `PhoneMetadata`
/// holds it after loading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    /// `US`, ..., or `001` for a non-geographic calling code.
    pub id: &'static str,
    pub country_code: u16,
    pub main_country_for_code: bool,
    pub leading_digits: Option<&'static str>,
    /// Absent for the non-geographic codes only.
    pub international_prefix: Option<&'static str>,
    pub preferred_international_prefix: Option<&'static str>,
    pub national_prefix: Option<&'static str>,
    /// Already defaults to `national_prefix` when the source gives none, as phonenumbers' data does.
    pub national_prefix_for_parsing: Option<&'static str>,
    pub national_prefix_transform_rule: Option<&'static str>,
    pub preferred_extn_prefix: Option<&'static str>,
    pub mobile_number_portable_region: bool,
    /// Computed as phonenumbers computes it: both absent, or both present with equal patterns.
    pub same_mobile_and_fixed_line_pattern: bool,
    pub general: Desc,
    /// FixedLine, Mobile, TollFree, PremiumRate, SharedCost, PersonalNumber, Voip, Pager, Uan,
    /// Voicemail. `None` is a type the region does not have (phonenumbers'
    /// `None` desc; its data never uses the `-1` length marker).
    pub types: [Option<Desc>; TYPES],
    pub formats: Vec<Format>,
    /// Empty unless the region has explicit intl formats (then "NA" formats are left out of it).
    /// Formatters use `formats` when this is empty, as phonenumbers does.
    pub intl_formats: Vec<Format>,
    pub intl_formats_explicit: bool,
    /// For a region without leading digits that shares its calling code (US, CA, GB, GG, JE, ...),
    /// the patterns of every type desc as one alternation, `P1|P2|...` (no group needed: `|` binds
    /// loosest, and these patterns have no anchors): a number it does not match has no type here,
    /// which one automaton run tells instead of one run per type. None elsewhere, or when the
    /// region has no type pattern.
    pub any_type_pattern: Option<&'static str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Desc {
    /// Always present in this data; an `Option` to mirror phonenumbers' model.
    pub pattern: Option<&'static str>,
    pub possible_lengths: Lengths,
    pub local_only_lengths: Lengths,
}

/// A list of possible lengths read in place from the table (one base-36 digit per length,
/// ascending, as the generator writes them): no allocation, and a `Desc` is plain `Copy` data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lengths(&'static str);

impl Lengths {
    fn value(b: u8) -> usize {
        match b {
            b'0'..=b'9' => usize::from(b - b'0'),
            b'a'..=b'z' => usize::from(b - b'a') + 10,
            _ => usize::MAX,
        }
    }

    pub fn contains(self, len: usize) -> bool {
        self.0.bytes().any(|b| Lengths::value(b) == len)
    }

    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }

    /// The least and the greatest length (the list is ascending).
    pub fn bounds(self) -> Option<(usize, usize)> {
        let b = self.0.as_bytes();
        Some((Lengths::value(*b.first()?), Lengths::value(*b.last()?)))
    }

    pub fn to_vec(self) -> Vec<u8> {
        self.0.bytes().map(|b| u8::try_from(Lengths::value(b)).unwrap_or(u8::MAX)).collect()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Format {
    pub pattern: &'static str,
    pub format: &'static str,
    /// The last of libphonenumber's progressively longer leading-digits patterns: the one
    /// formatting (and our as-you-type) reads; the table leaves the others out.
    pub leading_digits: Option<&'static str>,
    pub national_prefix_formatting_rule: Option<&'static str>,
    pub national_prefix_optional_when_formatting: bool,
    pub domestic_carrier_code_formatting_rule: Option<&'static str>,
    /// The pattern read as digit groups (every format pattern of the metadata has that shape).
    pub groups: Option<DigitGroups>,
}

/// Most capture groups a format pattern may have (templates refer to `$1`..`$9`).
pub const MAX_FORMAT_GROUPS: usize = 9;

/// A number format's pattern in the one shape libphonenumber's metadata uses for them,
/// `(\d{a})(\d{b,c})(\d+)...`: each group's least and most digits (255 for no bound).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DigitGroups {
    n: usize,
    min: [u8; MAX_FORMAT_GROUPS],
    max: [u8; MAX_FORMAT_GROUPS],
}

impl DigitGroups {
    /// Reads the pattern; None for any other shape (those go through the regex engine).
    pub fn parse(pattern: &str) -> Option<DigitGroups> {
        let mut g = DigitGroups { n: 0, min: [0; MAX_FORMAT_GROUPS], max: [0; MAX_FORMAT_GROUPS] };
        let mut b = pattern.as_bytes();
        let number = |b: &mut &[u8]| -> Option<u8> {
            let mut v: u8 = 0;
            let mut any = false;
            while let Some(&d) = b.first().filter(|d| d.is_ascii_digit()) {
                v = v.checked_mul(10)?.checked_add(d - b'0')?;
                any = true;
                *b = &b[1..];
            }
            any.then_some(v)
        };
        while !b.is_empty() {
            b = b.strip_prefix(b"(\\d")?;
            let (lo, hi) = match b.first() {
                Some(b'{') => {
                    b = &b[1..];
                    let lo = number(&mut b)?;
                    let hi = match b.first() {
                        Some(b',') => {
                            b = &b[1..];
                            if b.first() == Some(&b'}') { u8::MAX } else { number(&mut b)? }
                        }
                        _ => lo,
                    };
                    b = b.strip_prefix(b"}")?;
                    (lo, hi)
                }
                Some(b'+') => {
                    b = &b[1..];
                    (1, u8::MAX)
                }
                _ => (1, 1),
            };
            b = b.strip_prefix(b")")?;
            if g.n == MAX_FORMAT_GROUPS || lo > hi {
                return None;
            }
            g.min[g.n] = lo;
            g.max[g.n] = hi;
            g.n += 1;
        }
        (g.n > 0).then_some(g)
    }

    /// The group spans of Python's `re.match` on `len` digits when that match takes all of them
    /// (the only case formatting needs), else None. Backtracking gives each greedy group the most
    /// digits that still leave the later groups their least.
    pub fn spans(&self, len: usize) -> Option<[(usize, usize); MAX_FORMAT_GROUPS]> {
        let mut rest_min: usize = self.min[..self.n].iter().map(|&m| usize::from(m)).sum();
        let mut spans = [(0, 0); MAX_FORMAT_GROUPS];
        let mut at = 0;
        for i in 0..self.n {
            rest_min -= usize::from(self.min[i]);
            let room = (len - at).checked_sub(rest_min)?;
            if room < usize::from(self.min[i]) {
                return None;
            }
            let take = room.min(usize::from(self.max[i]));
            spans[i] = (at, at + take);
            at += take;
        }
        (at == len).then_some(spans)
    }
}


/// Line starts and the header keys, enough to find an entity without decoding any.
struct Index {
    /// Entities (N).
    n: usize,
    /// Byte offset of every line start, plus the end of the table.
    starts: Vec<u32>,
    /// Per entity, in table order (sorted by calling code, so one code's regions are a slice).
    ids: Vec<&'static str>,
    codes: Vec<u16>,
    /// `first[cc]`: the first entity whose calling code is `cc` or more, for every code up to
    /// 999 and one past it, so a code's entities are `first[cc]..first[cc + 1]` without a search.
    first: Vec<u16>,
    /// Entity of each geographic region by [`id_slot`] (`NONE` where there is none): a direct
    /// lookup, no sort (whose code would cost more wasm bytes than this whole loader).
    by_id: Vec<u16>,
    /// Boxed: a `Region` is about 1 KB, and most cells stay empty.
    cells: Vec<OnceLock<Option<Box<Region>>>>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(build_index)
}

/// One pass over the 140 KB table, once: well under 0.1 ms natively.
fn build_index() -> Index {
    let mut starts = vec![0u32];
    starts.extend(DATA.match_indices('\n').map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX)));
    let lines = starts.len() - 1;
    // A table of the wrong shape yields an empty index, so every lookup is None rather than wrong.
    let well_formed = lines % SECTIONS == 0 && DATA.ends_with('\n') && u32::try_from(DATA.len()).is_ok();
    let n = if well_formed { lines / SECTIONS } else { 0 };
    let mut idx = Index {
        n,
        starts,
        ids: Vec::with_capacity(n),
        codes: Vec::with_capacity(n),
        first: Vec::new(),
        by_id: vec![NONE; 26 * 26],
        cells: (0..n).map(|_| OnceLock::new()).collect(),
    };
    for k in 0..n {
        let (id, rest) = cut(idx.line(k).unwrap_or(""), b';');
        let code = code_value(cut(rest, b';').0).unwrap_or(0);
        idx.ids.push(id);
        idx.codes.push(code);
        if let (Some(slot), Ok(k)) = (id_slot(id), u16::try_from(k)) {
            if let Some(cell) = idx.by_id.get_mut(slot) {
                *cell = k;
            }
        }
    }
    // Entities are sorted by calling code (every code is below 1000).
    let mut k = 0;
    idx.first = (0..=MAX_CODE + 1)
        .map(|cc| {
            while idx.codes.get(k).is_some_and(|&c| c < cc) {
                k += 1;
            }
            u16::try_from(k).unwrap_or(u16::MAX)
        })
        .collect();
    idx
}

impl Index {
    /// Line `i` of the table, without its `\n`.
    fn line(&self, i: usize) -> Option<&'static str> {
        let start = *self.starts.get(i)? as usize;
        let end = *self.starts.get(i + 1)? as usize;
        DATA.get(start..end.checked_sub(1)?)
    }

    fn entity(&'static self, k: usize) -> Option<&'static Region> {
        let cell = self.cells.get(k)?;
        cell.get_or_init(|| {
            let mut row = [""; SECTIONS];
            for (s, slot) in row.iter_mut().enumerate() {
                *slot = self.line(s * self.n + k)?;
            }
            let shared = self.codes.get(k).is_some_and(|&cc| self.code_range(cc).len() > 1);
            decode(&row, shared).map(Box::new)
        })
        .as_deref()
    }

    fn code_range(&self, cc: u16) -> std::ops::Range<usize> {
        let at = |i: usize| self.first.get(i).map_or(self.n, |&k| usize::from(k));
        let cc = usize::from(cc);
        at(cc)..at(cc + 1).max(at(cc))
    }
}

/// Region ids are two uppercase ASCII letters; anything else (such as "001") is no region.
fn id_slot(id: &str) -> Option<usize> {
    match *id.as_bytes() {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => Some(usize::from(a - b'A') * 26 + usize::from(b - b'A')),
        _ => None,
    }
}

/// The region with this ISO 3166-1 alpha-2 id (uppercase, as phonenumbers' keys).
pub fn region(id: &str) -> Option<&'static Region> {
    let idx = index();
    let k = *idx.by_id.get(id_slot(id)?)?;
    idx.entity(usize::from(k))
}

/// The non-geographic entity ("001") of a calling code such as 800 or 882.
pub fn non_geo(country_code: u16) -> Option<&'static Region> {
    let idx = index();
    let k = idx.code_range(country_code).find(|&k| idx.ids.get(k) == Some(&NON_GEO))?;
    idx.entity(k)
}

/// The metadata of `id` as `COUNTRY_CODE_TO_REGION_CODE[cc]` lists it: a region, or `001` for
/// the non-geographic entity of `cc`. Out of line: inlined, each caller carries both lookups.
#[inline(never)]
pub fn entity(cc: u16, id: &str) -> Option<&'static Region> {
    if id == NON_GEO {
        non_geo(cc)
    } else {
        region(id)
    }
}

/// phonenumbers' `COUNTRY_CODE_TO_REGION_CODE[cc]`: main country first, `["001"]` for a
/// non-geographic code, empty for an unassigned code.
pub fn regions_for_country_code(cc: u16) -> &'static [&'static str] {
    let idx = index();
    idx.ids.get(idx.code_range(cc)).unwrap_or(&[])
}

/// The geographic regions (phonenumbers' `SUPPORTED_REGIONS`), sorted.
pub fn region_ids() -> impl Iterator<Item = &'static str> {
    let idx = index();
    idx.by_id.iter().filter_map(|&k| idx.ids.get(usize::from(k)).copied())
}

/// phonenumbers' `COUNTRY_CODES_FOR_NON_GEO_REGIONS`, ascending.
pub fn non_geo_country_codes() -> impl Iterator<Item = u16> {
    let idx = index();
    idx.ids.iter().zip(&idx.codes).filter(|(id, _)| **id == NON_GEO).map(|(_, cc)| *cc)
}

/// A calling code written in 1 to 4 ASCII digits (what `str::parse::<u16>` reads of such text,
/// without its generic machinery in the wasm).
pub(super) fn code_value(s: &str) -> Option<u16> {
    if s.is_empty() || s.len() > 4 {
        return None;
    }
    s.bytes().try_fold(0u16, |n, b| b.is_ascii_digit().then(|| n * 10 + u16::from(b - b'0')))
}

fn opt(s: &'static str) -> Option<&'static str> {
    (!s.is_empty()).then_some(s)
}

/// Splits at the first `sep` (an ASCII separator): the field and the rest (empty if no `sep`).
/// Every record goes through this one small, not inlined, byte scan: it keeps the decoder's wasm
/// a fraction of what `str::split` iterators inline to.
#[inline(never)]
fn cut(s: &'static str, sep: u8) -> (&'static str, &'static str) {
    match s.bytes().position(|b| b == sep) {
        Some(i) => (s.get(..i).unwrap_or(""), s.get(i + 1..).unwrap_or("")),
        None => (s, ""),
    }
}

/// Fills `out` with the first fields of `s` (missing ones empty) and returns the unsplit rest; the
/// few fields that must be present are checked by the callers. Out of line, so that its loop stays
/// a loop: inlined with a fixed `out` length, LLVM unrolls it into one copy per field.
#[inline(never)]
fn fields(mut s: &'static str, sep: u8, out: &mut [&'static str]) -> &'static str {
    for slot in out.iter_mut() {
        (*slot, s) = cut(s, sep);
    }
    s
}

/// The non-empty items of a `sep`-separated list.
fn items(mut s: &'static str, sep: u8) -> impl Iterator<Item = &'static str> {
    std::iter::from_fn(move || {
        while !s.is_empty() {
            let (item, rest) = cut(s, sep);
            s = rest;
            if !item.is_empty() {
                return Some(item);
            }
        }
        None
    })
}

/// A length list of the table, if every byte is a length digit.
fn lengths(s: &'static str) -> Option<Lengths> {
    s.bytes().all(|b| Lengths::value(b) != usize::MAX).then_some(Lengths(s))
}

fn decode_desc(s: &'static str, general: Option<&Desc>) -> Option<Desc> {
    let mut f = [""; 3];
    fields(s, b'/', &mut f);
    let [pattern, own, local] = f;
    let possible_lengths = match general {
        Some(g) if own.is_empty() => g.possible_lengths,
        _ => lengths(own).filter(|l| !l.is_empty())?,
    };
    Some(Desc { pattern: opt(pattern), possible_lengths, local_only_lengths: lengths(local)? })
}

#[inline(never)]
fn decode_format(s: &'static str) -> Option<(Format, &'static str)> {
    let mut f = [""; 5];
    let leading_digits = fields(s, b'!', &mut f);
    let [pattern, format, np_rule, carrier_rule, intl] = f;
    let (optional, np_rule) = match np_rule.strip_prefix('*') {
        Some(rest) => (true, rest),
        None => (false, np_rule),
    };
    let f = Format {
        pattern,
        groups: DigitGroups::parse(pattern),
        format,
        leading_digits: opt(leading_digits),
        national_prefix_formatting_rule: opt(np_rule),
        national_prefix_optional_when_formatting: optional,
        domestic_carrier_code_formatting_rule: opt(carrier_rule),
    };
    (!pattern.is_empty() && !format.is_empty()).then_some((f, intl))
}

/// The type descs of a row (an empty line is a type the region does not have). Out of line and
/// over a slice, so that the loop is not unrolled into one copy per type.
#[inline(never)]
fn decode_types(descs: &[&'static str], general: &Desc) -> Option<[Option<Desc>; TYPES]> {
    let mut types: [Option<Desc>; TYPES] = Default::default();
    for (slot, s) in types.iter_mut().zip(descs) {
        if !s.is_empty() {
            *slot = Some(decode_desc(s, Some(general))?);
        }
    }
    Some(types)
}

/// `shared`: other entities have the same calling code.
#[inline(never)]
fn decode(row: &[&'static str; SECTIONS], shared: bool) -> Option<Region> {
    let [header, general, descs @ .., formats] = *row;
    let mut h = [""; 10];
    fields(header, b';', &mut h);
    let [id, cc, flags, ld, ip, pip, np, npp, transform, extn] = h;
    let flag = |c: u8| super::has_byte(flags, c);

    let general = decode_desc(general, None)?;
    let types = decode_types(&descs, &general)?;
    let same_mobile_and_fixed_line_pattern = match (&types[0], &types[1]) {
        (None, None) => true,
        (Some(fixed), Some(mobile)) => fixed.pattern == mobile.pattern,
        _ => false,
    };

    let intl_formats_explicit = flag(b'x');
    let mut number_formats = Vec::new();
    let mut intl_formats = Vec::new();
    for s in items(formats, b';') {
        let (f, intl) = decode_format(s)?;
        if intl_formats_explicit && intl != "NA" {
            // An explicit intlFormat carries only pattern, leading digits and format.
            let copy = intl.is_empty();
            intl_formats.push(Format {
                pattern: f.pattern,
                groups: f.groups,
                format: if copy { f.format } else { intl },
                leading_digits: f.leading_digits,
                national_prefix_formatting_rule: f.national_prefix_formatting_rule.filter(|_| copy),
                national_prefix_optional_when_formatting: f.national_prefix_optional_when_formatting && copy,
                domestic_carrier_code_formatting_rule: f.domestic_carrier_code_formatting_rule.filter(|_| copy),
            });
        }
        number_formats.push(f);
    }

    let mut any_type_pattern = None;
    if shared && ld.is_empty() {
        let mut union = String::new();
        for p in types.iter().flatten().filter_map(|d| d.pattern).filter(|p| !p.is_empty()) {
            union.push_str(p);
            union.push('|');
        }
        // Kept for the program's life, like the compiled patterns (one per such region).
        any_type_pattern = union.pop().map(|_| &*Box::leak(union.into_boxed_str()));
    }

    let national_prefix = opt(np);
    Some(Region {
        id: opt(id)?,
        country_code: code_value(cc)?,
        main_country_for_code: flag(b'm'),
        leading_digits: opt(ld),
        international_prefix: opt(ip),
        preferred_international_prefix: opt(pip),
        national_prefix,
        national_prefix_for_parsing: opt(npp).or(national_prefix),
        national_prefix_transform_rule: opt(transform),
        preferred_extn_prefix: opt(extn),
        mobile_number_portable_region: flag(b'p'),
        same_mobile_and_fixed_line_pattern,
        general,
        types,
        formats: number_formats,
        intl_formats,
        intl_formats_explicit,
        any_type_pattern,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every entity in table order, as (id, calling code).
    fn entities() -> Vec<(&'static str, u16)> {
        let idx = index();
        idx.ids.iter().copied().zip(idx.codes.iter().copied()).collect()
    }

    /// Formatting and as-you-type lay numbers out by digit groups (no regex engine), so every
    /// format pattern must read as digit groups, and mean what the regex means.
    #[test]
    fn every_format_pattern_is_digit_groups() {
        let mut n = 0;
        for (id, cc) in entities() {
            let r = entity(cc, id).unwrap();
            for f in r.formats.iter().chain(&r.intl_formats) {
                let g = f.groups.unwrap_or_else(|| panic!("{id}: format pattern {} is not digit groups", f.pattern));
                let p = crate::phone::pattern::Pattern::new(f.pattern).unwrap();
                for len in 0..=20 {
                    let digits: String = (0..len).map(|i| char::from(b'0' + (i * 7 % 10) as u8)).collect();
                    let want = p.captures_full(digits.as_bytes());
                    let got = g.spans(len).map(|s| std::iter::once(Some((0, len))).chain(s[..g.n].iter().map(|&x| Some(x))).collect::<Vec<_>>());
                    assert_eq!(got, want, "{id}: {} on {len} digits", f.pattern);
                }
                n += 1;
            }
        }
        assert!(n > 700);
    }

    #[test]
    fn every_entity_decodes() {
        let ids: Vec<&str> = region_ids().collect();
        assert_eq!(ids.len(), 245);
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "region_ids() is not sorted");
        assert_eq!(non_geo_country_codes().collect::<Vec<_>>(), [800, 808, 870, 878, 881, 882, 883, 888, 979]);
        assert_eq!(entities().len(), 254);
        for id in region_ids() {
            let r = region(id).unwrap_or_else(|| panic!("{id} does not decode"));
            assert_eq!(r.id, id);
            assert!(regions_for_country_code(r.country_code).contains(&id));
        }
        for cc in non_geo_country_codes() {
            let r = non_geo(cc).unwrap_or_else(|| panic!("{cc} does not decode"));
            assert_eq!((r.id, r.country_code), (NON_GEO, cc));
            assert_eq!(regions_for_country_code(cc), [NON_GEO]);
        }
        let codes: Vec<u16> = entities().iter().map(|e| e.1).collect();
        assert!(codes.windows(2).all(|w| w[0] <= w[1]), "entities are not sorted by calling code");
        // One main country per shared code, and it comes first.
        for (_, cc) in entities() {
            let ids = regions_for_country_code(cc);
            let main: Vec<_> = ids.iter().filter(|id| entity(cc, id).is_some_and(|r| r.main_country_for_code)).collect();
            assert!(ids.len() == 1 || main == [&ids[0]], "{cc}: {ids:?}");
        }
    }

    #[test]
    fn unknown_keys() {
        for id in ["", "ZZ", "001", "ir", "IRN", "I"] {
            assert!(region(id).is_none(), "{id}");
        }
        assert!(non_geo(1).is_none());
        assert!(non_geo(0).is_none());
        assert!(regions_for_country_code(0).is_empty());
        assert!(regions_for_country_code(999).is_empty());
        assert!(regions_for_country_code(u16::MAX).is_empty());
    }

    /// Expected values printed by phonenumbers 9.0.43.
    #[test]
    fn spot_checks() {
        let ir = region("IR").unwrap();
        assert_eq!(ir.country_code, 98);
        assert_eq!(ir.national_prefix, Some("0"));
        assert_eq!(ir.national_prefix_for_parsing, Some("0"));
        assert_eq!(ir.international_prefix, Some("00"));
        let mobile = ir.types[1].as_ref().unwrap();
        assert_eq!(
            mobile.pattern,
            Some(r"9(?:(?:0[0-5]|[13]\d|2[0-3])\d\d|9(?:[0-46]\d\d|5(?:10|5\d)|8(?:[12]\d|3[0-2]|88)|9(?:[0-359]\d|69|77|8[7-9])))\d{5}")
        );
        assert_eq!(mobile.possible_lengths.to_vec(), [10]);
        assert_eq!(ir.general.possible_lengths.to_vec(), [4, 5, 6, 7, 10]);
        assert_eq!(ir.general.local_only_lengths.to_vec(), [8]);
        assert_eq!(ir.types[0].as_ref().unwrap().local_only_lengths.to_vec(), [4, 5, 8]);
        assert!(ir.types[2].is_none(), "IR has no toll-free desc");
        assert!(ir.mobile_number_portable_region && !ir.main_country_for_code && !ir.same_mobile_and_fixed_line_pattern);
        assert_eq!(ir.formats.len(), 4);
        assert_eq!(ir.formats[2].format, "$1 $2 $3");
        assert_eq!(ir.formats[2].national_prefix_formatting_rule, Some("0$FG"));
        assert!(ir.intl_formats.is_empty() && !ir.intl_formats_explicit);

        let us = region("US").unwrap();
        assert!(us.main_country_for_code);
        assert_eq!(us.international_prefix, Some("011"));
        assert_eq!(regions_for_country_code(1).len(), 25);
        assert_eq!(regions_for_country_code(1)[0], "US");
        assert_eq!(regions_for_country_code(44), ["GB", "GG", "IM", "JE"]);
        assert_eq!(region("AG").unwrap().national_prefix_transform_rule, Some("268$1"));
        assert_eq!(region("AG").unwrap().national_prefix_for_parsing, Some(r"([457]\d{6})$|1"));
        assert_eq!(region("AG").unwrap().leading_digits, Some("268"));

        let gb = region("GB").unwrap();
        assert_eq!(gb.formats.len(), 8);
        assert_eq!(gb.formats[0].leading_digits, Some("8001111"));
        assert_eq!(gb.preferred_extn_prefix, Some(" x"));
        assert_eq!(gb.national_prefix_for_parsing, Some("0|180020"));

        let free = non_geo(800).unwrap();
        assert_eq!(free.general.possible_lengths.to_vec(), [8]);
        assert_eq!(free.international_prefix, None);
        assert!(free.types[2].is_some() && free.types[0].is_none() && free.same_mobile_and_fixed_line_pattern);

        // Explicit intl formats: AR keeps 8 of its 12 formats, with a different string for mobiles.
        let ar = region("AR").unwrap();
        assert!(ar.intl_formats_explicit);
        assert_eq!((ar.formats.len(), ar.intl_formats.len()), (12, 8));
        let (national, intl) = (&ar.formats[11], &ar.intl_formats[7]);
        assert_eq!((national.format, national.national_prefix_formatting_rule), ("$2 15-$3-$4", Some("0$FG")));
        assert_eq!((intl.pattern, intl.format, intl.national_prefix_formatting_rule), (national.pattern, "$1 $2 $3-$4", None));
        assert_eq!(intl.leading_digits, Some("9"));
        let br = region("BR").unwrap();
        assert!(br.formats.iter().any(|f| f.domestic_carrier_code_formatting_rule == Some("0 $CC ($FG)")));
        assert_eq!(region("FI").unwrap().preferred_international_prefix, Some("00"));
        assert_eq!(region("BY").unwrap().preferred_international_prefix, Some("8~10"));
        assert!(region("RU").unwrap().formats.iter().any(|f| f.national_prefix_optional_when_formatting));
        assert!(!region("GB").unwrap().formats.iter().any(|f| f.national_prefix_optional_when_formatting));
        let id = region("ID").unwrap();
        assert_eq!(id.general.possible_lengths.to_vec(), (7..=17).collect::<Vec<u8>>());
    }

    /// The table is ours, but a bad edit of the generator must give None, never a panic: decode
    /// every prefix of every field of a few rows.
    #[test]
    fn damaged_rows_do_not_panic() {
        let idx = index();
        assert!(decode(&[""; SECTIONS], false).is_none());
        for id in ["GB", "AR", "AG"] {
            let k = usize::from(idx.by_id[id_slot(id).unwrap()]);
            let row: [&'static str; SECTIONS] = std::array::from_fn(|s| idx.line(s * idx.n + k).unwrap());
            assert!(decode(&row, false).is_some());
            for s in 0..SECTIONS {
                for end in 0..row[s].len() {
                    let mut damaged = row;
                    damaged[s] = &row[s][..end];
                    let _ = decode(&damaged, true);
                    damaged[s] = &row[s][end..];
                    let _ = decode(&damaged, true);
                }
            }
            let mut bad_code = row;
            bad_code[0] = "GB;4x4;mp;;00;;0;;;";
            assert!(decode(&bad_code, false).is_none());
        }
    }

    /// Field-by-field dump in the text `scripts/gen-phone-meta.py --dump` prints from phonenumbers:
    ///
    /// ```text
    /// python3 scripts/gen-phone-meta.py --dump > /tmp/phone-meta-py.txt
    /// PHONE_META_DUMP=/tmp/phone-meta-rs.txt cargo test --lib phone::meta -- --ignored
    /// diff /tmp/phone-meta-py.txt /tmp/phone-meta-rs.txt && echo identical
    /// ```
    #[test]
    #[ignore = "writes a dump for comparison with phonenumbers; run by hand"]
    fn dump_matches_phonenumbers() {
        const NAMES: [&str; TYPES] = [
            "fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost", "personal_number", "voip", "pager",
            "uan", "voicemail",
        ];
        fn s(v: Option<&str>) -> String {
            v.map_or("-".into(), |v| format!("\"{v}\""))
        }
        fn fmt(f: &Format) -> String {
            let ld: Vec<String> = f.leading_digits.iter().map(|l| s(Some(l))).collect();
            format!(
                "{} {} [{}] {} {} {}",
                s(Some(f.pattern)),
                s(Some(f.format)),
                ld.join(", "),
                s(f.national_prefix_formatting_rule),
                f.national_prefix_optional_when_formatting,
                s(f.domestic_carrier_code_formatting_rule)
            )
        }
        let mut out = String::new();
        for (id, cc) in entities() {
            let r = entity(cc, id).unwrap();
            let mut line = |field: &str, value: String| out.push_str(&format!("{id} {cc} {field} {value}\n"));
            line("main_country_for_code", r.main_country_for_code.to_string());
            line("leading_digits", s(r.leading_digits));
            line("international_prefix", s(r.international_prefix));
            line("preferred_international_prefix", s(r.preferred_international_prefix));
            line("national_prefix", s(r.national_prefix));
            line("national_prefix_for_parsing", s(r.national_prefix_for_parsing));
            line("national_prefix_transform_rule", s(r.national_prefix_transform_rule));
            line("preferred_extn_prefix", s(r.preferred_extn_prefix));
            line("mobile_number_portable_region", r.mobile_number_portable_region.to_string());
            line("same_mobile_and_fixed_line_pattern", r.same_mobile_and_fixed_line_pattern.to_string());
            let descs = std::iter::once(("general", Some(&r.general))).chain(NAMES.iter().copied().zip(r.types.iter().map(Option::as_ref)));
            for (name, d) in descs {
                line(name, d.map_or("-".into(), |d| format!("{} {:?} {:?}", s(d.pattern), d.possible_lengths.to_vec(), d.local_only_lengths.to_vec())));
            }
            for (kind, list) in [("formats", &r.formats), ("intl_formats", &r.intl_formats)] {
                line(kind, list.len().to_string());
                for (i, f) in list.iter().enumerate() {
                    line(&format!("{kind}.{i}"), fmt(f));
                }
            }
            line("intl_formats_explicit", r.intl_formats_explicit.to_string());
        }
        match std::env::var("PHONE_META_DUMP") {
            Ok(path) => std::fs::write(path, out).unwrap(),
            Err(_) => print!("{out}"),
        }
    }
}
