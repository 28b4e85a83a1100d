//! Postcodes: per-country validation and formatting from libaddressinput's metadata.
//!
//! A postcode is cleaned (invisible characters, width, digits of any script, case, spacing, a
//! postal prefix such as `CH-`) and then put in the country's written form. The written form is
//! learnt from the country's own examples (`zipex`): the compact code (no spaces or hyphens) takes
//! the separators of the first example with the same shape (letters and digits in the same places),
//! then of the same length, provided the result still matches the country's pattern. So `SW1A1AA`
//! becomes `SW1A 1AA`, `1234567890` in Iran `12345-67890`, `221621010` in the US `22162-1010`.

use super::pattern::Pattern;
use crate::issue::{Changes, Code, Issue, Severity};
use crate::locale::Locale;
use crate::tables::address::COUNTRIES as COUNTRY_LINES;
use crate::text;
use crate::Change;
use std::borrow::Cow;
use std::sync::OnceLock;

/// Byte cap on a postcode input (the longest postcode is 10 characters; room for a prefix and spaces).
pub const POSTCODE_INPUT_BYTES: usize = 64;

/// How to report.
#[derive(Clone, Debug)]
pub struct PostcodeOptions<'a> {
    pub locale: Locale,
    /// Field path reported in issues.
    pub path: &'a str,
}

impl Default for PostcodeOptions<'_> {
    fn default() -> Self {
        PostcodeOptions { locale: Locale::En, path: "postcode" }
    }
}

/// Everything known about one postcode. `original` is never altered.
#[derive(Clone, Debug, PartialEq)]
pub struct PostcodeOutcome<'a> {
    /// The postcode in its country's written form when valid, else the cleaned input.
    pub value: Cow<'a, str>,
    pub original: Cow<'a, str>,
    pub changes: Vec<Change>,
    /// No issue of severity error.
    pub valid: bool,
    /// The ISO 3166-1 alpha-2 code of the country it was checked against.
    pub country: Option<&'static str>,
    /// The first-level region (state, province) whose postcode range holds it, by its key (`CA`).
    pub region: Option<&'static str>,
    pub issues: Vec<Issue>,
}

/// One country of libaddressinput's metadata (a line of the generated table, read on first use).
/// Empty strings where the source has nothing.
#[derive(Debug)]
pub struct CountryRules {
    pub code: &'static str,
    pub name: &'static str,
    /// The postcode pattern (whole code, upper case).
    pub zip: &'static str,
    /// Examples, comma-separated, in the country's written form.
    pub zipex: &'static str,
    pub postprefix: &'static str,
    /// Address format: `%N` name, `%O` organization, `%A` street lines, `%D` dependent locality,
    /// `%C` city, `%S` region, `%Z` postcode, `%X` sorting code, `%n` new line.
    pub fmt: &'static str,
    /// Latin-script format where it differs.
    pub lfmt: &'static str,
    pub require: &'static str,
    pub upper: &'static str,
    pub zip_name_type: &'static str,
    pub state_name_type: &'static str,
    /// First-level regions, `~`-separated and aligned: keys, local names, Latin names, postcode prefix patterns.
    pub sub_keys: &'static str,
    pub sub_names: &'static str,
    pub sub_lnames: &'static str,
    pub sub_zips: &'static str,
}

/// Every country of the table, sorted by code (parsed from the generated lines on first use: one
/// string in the wasm data instead of 15 pointers per country).
pub fn countries() -> &'static [CountryRules] {
    static ALL: OnceLock<Vec<CountryRules>> = OnceLock::new();
    ALL.get_or_init(|| {
        COUNTRY_LINES
            .lines()
            .filter_map(|line| {
                let mut f = line.split('\t');
                let mut next = || f.next().unwrap_or("");
                let r = CountryRules {
                    code: next(), name: next(), zip: next(), zipex: next(), postprefix: next(), fmt: next(), lfmt: next(),
                    require: next(), upper: next(), zip_name_type: next(), state_name_type: next(), sub_keys: next(),
                    sub_names: next(), sub_lnames: next(), sub_zips: next(),
                };
                (r.code.len() == 2).then_some(r)
            })
            .collect()
    })
}

/// libaddressinput's rules for a country by alpha-2 code (any case).
pub fn rules(alpha2: &str) -> Option<&'static CountryRules> {
    if alpha2.len() != 2 {
        return None;
    }
    let up = alpha2.to_ascii_uppercase();
    let all = countries();
    all.binary_search_by(|c| c.code.cmp(up.as_str())).ok().map(|i| &all[i])
}

/// The alpha-2 code for a country given as a code or a name in any language intake reads.
pub fn country_code(country: &str) -> Option<&'static str> {
    let t = country.trim();
    if t.is_empty() {
        return None;
    }
    if let Some(r) = rules(t) {
        return Some(r.code);
    }
    crate::country::find(t).and_then(|c| rules(c.alpha2)).map(|r| r.code)
}

struct Compiled {
    zip: Option<Pattern>,
    /// (region index, prefix pattern)
    subs: Vec<(usize, Pattern)>,
    /// Region names and keys by match key (`country::match_key`) to the region's key; the first
    /// of keys, local names, Latin names wins.
    regions: std::collections::HashMap<String, &'static str>,
}

/// The country's compiled patterns, built on first use of that country.
fn compiled(r: &'static CountryRules) -> &'static Compiled {
    static ALL: OnceLock<Vec<OnceLock<Compiled>>> = OnceLock::new();
    let table = countries();
    let all = ALL.get_or_init(|| table.iter().map(|_| OnceLock::new()).collect());
    // `r` is an element of the table: its index from the addresses (no search).
    let i = (r as *const CountryRules as usize).wrapping_sub(table.as_ptr() as usize) / std::mem::size_of::<CountryRules>();
    let i = if table.get(i).is_some_and(|c| core::ptr::eq(c, r)) { i } else { table.iter().position(|c| core::ptr::eq(c, r)).unwrap_or(0) };
    all[i].get_or_init(|| Compiled {
        zip: (!r.zip.is_empty()).then(|| Pattern::new(r.zip).ok()).flatten(),
        subs: if r.sub_zips.is_empty() {
            Vec::new()
        } else {
            r.sub_zips
                .split('~')
                .enumerate()
                .filter(|(_, p)| !p.is_empty())
                .filter_map(|(k, p)| Pattern::new(p).ok().map(|p| (k, p)))
                .collect()
        },
        regions: {
            let keys: Vec<&'static str> = r.sub_keys.split('~').collect();
            let mut m = std::collections::HashMap::new();
            for list in [r.sub_keys, r.sub_names, r.sub_lnames].into_iter().filter(|l| !l.is_empty()) {
                for (i, name) in list.split('~').enumerate() {
                    let k = super::key_word(name);
                    if let (false, Some(key)) = (k.is_empty(), keys.get(i)) {
                        m.entry(k).or_insert(*key);
                    }
                }
            }
            m
        },
    })
}

/// Whether the country has a postcode system in the metadata.
pub fn has_postcodes(alpha2: &str) -> bool {
    rules(alpha2).is_some_and(|r| !r.zip.is_empty())
}

/// Letters and digits as `A` and `9`, separators dropped.
fn shape(s: &str) -> impl Iterator<Item = u8> + '_ {
    s.bytes().filter(|b| !matches!(b, b' ' | b'-')).map(|b| match b {
        b'0'..=b'9' => b'9',
        b'A'..=b'Z' => b'A',
        other => other,
    })
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !matches!(c, ' ' | '-')).collect()
}

/// `code` (compact) with the separators `example` has at the same places.
fn like(example: &str, code: &str) -> String {
    let mut out = String::with_capacity(example.len());
    let mut chars = code.chars();
    for e in example.chars() {
        if matches!(e, ' ' | '-') {
            out.push(e);
        } else if let Some(c) = chars.next() {
            out.push(c);
        }
    }
    out.extend(chars);
    out
}

/// The country's written form of a cleaned (upper-case, single-spaced, ASCII) postcode, if valid.
pub(crate) fn written_form(r: &'static CountryRules, cleaned: &str) -> Option<String> {
    let pat = compiled(r).zip.as_ref()?;
    if !cleaned.is_ascii() || cleaned.is_empty() {
        return None;
    }
    let code = compact(cleaned);
    let examples = || r.zipex.split(',').filter(|e| !e.is_empty());
    let same_shape = examples().find(|e| shape(e).eq(shape(&code)) && pat.full_match(like(e, &code).as_bytes()));
    let same_len = || examples().find(|e| shape(e).count() == code.len() && pat.full_match(like(e, &code).as_bytes()));
    if let Some(e) = same_shape.or_else(same_len) {
        return Some(like(e, &code));
    }
    let found = [cleaned, code.as_str()].into_iter().find(|c| pat.full_match(c.as_bytes())).map(str::to_owned);
    found
}

/// The key of the first-level region a text names (its key, local or Latin name, compared by
/// `country::match_key`).
pub(crate) fn region_named(r: &'static CountryRules, s: &str) -> Option<&'static str> {
    if r.sub_keys.is_empty() {
        return None;
    }
    compiled(r).regions.get(&super::key_word(s)).copied()
}

/// The key of the region whose postcode prefix `code` (written form) starts with.
pub(crate) fn region_of(r: &'static CountryRules, code: &str) -> Option<&'static str> {
    let (k, _) = compiled(r).subs.iter().find(|(_, p)| p.matches_prefix(code.as_bytes()))?;
    r.sub_keys.split('~').nth(*k)
}

/// Countries whose postcodes have a distinctive written form (letters or separators), in the order
/// they are tried when a postcode does not fit the country it was given with.
const DISTINCTIVE: &[&str] = &[
    "GB", "CA", "NL", "IR", "BR", "JP", "PL", "PT", "US", "IE", "AR", "MT", "SE", "CZ", "SK", "GR", "KR", "IN",
];

/// The country a postcode invalid for `given` looks like it belongs to: one whose written form of it
/// has a letter or a separator.
pub(crate) fn other_country(given: &str, cleaned: &str) -> Option<&'static str> {
    if !cleaned.bytes().any(|b| b.is_ascii_alphabetic() || b == b' ' || b == b'-') {
        return None; // plain digits fit too many countries to say which
    }
    DISTINCTIVE.iter().filter(|&&c| c != given).find_map(|&c| {
        let r = rules(c)?;
        written_form(r, cleaned).map(|_| r.code)
    })
}

/// Cleans `s` for postcode matching: invisible characters, edges, width, digits, case, spacing.
pub(crate) fn clean<'a>(c: &mut Changes<'a>) {
    c.apply("remove_invisible", |s| text::strip_invisible(s, false));
    c.apply("trim", text::trim);
    c.apply("fold_width", text::fold_width);
    c.apply("fold_digits", text::fold_digits);
    c.apply("uppercase", |s| (s.chars().any(char::is_lowercase)).then(|| s.to_uppercase()));
    c.apply("collapse_whitespace", text::collapse_whitespace);
}

/// Removes a postal prefix written before the code: the country's own (`CH-8001`, `SE-114 55`,
/// `FL-9490`), its alpha-2 code, or the one-letter codes of old European addresses (`D-10115`,
/// `F-75001`): one to three letters and a hyphen (or the country's prefix and a space).
pub(crate) fn strip_prefix(r: &CountryRules, s: &str) -> Option<String> {
    let own = [r.postprefix.trim(), r.code].into_iter().filter(|p| !p.is_empty()).find_map(|p| {
        let rest = s.strip_prefix(p)?;
        let rest = rest.strip_prefix(['-', ' ']).unwrap_or(rest).trim_start();
        rest.starts_with(|c: char| c.is_ascii_digit()).then_some(rest)
    });
    let letters = || {
        let (pre, rest) = s.split_once('-')?;
        ((1..=3).contains(&pre.len()) && pre.bytes().all(|b| b.is_ascii_uppercase()) && rest.starts_with(|c: char| c.is_ascii_digit()))
            .then_some(rest)
    };
    own.or_else(letters).map(str::to_owned)
}

/// Validates and formats one postcode for `country` (an alpha-2 code or a country name in any
/// language intake reads). An empty or unknown country, or one without postcodes, gets the cleaning
/// only (no pattern to check against).
pub fn standardize_postcode<'a>(input: &'a str, country: &str, opts: &PostcodeOptions) -> PostcodeOutcome<'a> {
    let issue = |code: Code, params: Vec<(&'static str, String)>| Issue::new(code, opts.path, opts.locale, params);
    let mut out = PostcodeOutcome {
        value: Cow::Borrowed(input),
        original: Cow::Borrowed(input),
        changes: Vec::new(),
        valid: false,
        country: None,
        region: None,
        issues: Vec::new(),
    };
    if input.len() > POSTCODE_INPUT_BYTES {
        out.issues.push(issue(Code::InputTooLong, vec![("max", POSTCODE_INPUT_BYTES.to_string())]));
        return out;
    }
    let r = country_code(country).and_then(rules);
    let mut c = Changes::new(input);
    clean(&mut c);
    if c.value.is_empty() {
        out.issues.push(issue(Code::InputEmpty, Vec::new()));
    } else if let Some(r) = r {
        out.country = Some(r.code);
        c.apply("remove_prefix", |s| s.strip_prefix('〒').map(|p| p.trim_start().to_owned()));
        if !r.zip.is_empty() {
            let mut form = written_form(r, &c.value);
            if form.is_none() {
                // `CH-8001`, `SE-114 55`: the prefix goes when what follows it is a postcode.
                if let Some((rest, w)) = strip_prefix(r, &c.value).and_then(|p| written_form(r, &p).map(|w| (p, w))) {
                    c.apply("remove_prefix", |_| Some(rest));
                    form = Some(w);
                }
            }
            match form {
                Some(w) => {
                    out.region = region_of(r, &w);
                    c.apply("format", |_| Some(w));
                }
                None => {
                    out.issues.push(invalid(opts, r));
                    if let Some(other) = other_country(r.code, &c.value) {
                        out.issues.push(issue(Code::PostcodeMismatchCountry, vec![("country", other.to_owned())]));
                    }
                }
            }
        }
    } else if !country.trim().is_empty() {
        out.issues.push(issue(Code::CountryUnknown, Vec::new()));
    }
    out.value = c.value;
    out.changes = c.list;
    out.valid = !out.issues.iter().any(|i| i.severity() == Severity::Error);
    out
}

/// The `postcode.invalid` issue for a country, with its first example.
pub(crate) fn invalid(opts: &PostcodeOptions, r: &CountryRules) -> Issue {
    let example = r.zipex.split(',').next().unwrap_or("").to_owned();
    Issue::new(Code::PostcodeInvalid, opts.path, opts.locale, vec![("country", r.code.to_owned()), ("example", example)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles_and_matches_its_examples() {
        assert_eq!(countries().len(), 252);
        assert_eq!(crate::tables::address::FIELDS.len(), 15);
        for r in countries() {
            let c = compiled(r);
            if r.zip.is_empty() {
                continue;
            }
            let p = c.zip.as_ref().unwrap_or_else(|| panic!("{}: {:?} does not compile", r.code, r.zip));
            for e in r.zipex.split(',').filter(|e| !e.is_empty()) {
                assert!(p.full_match(e.as_bytes()), "{} {e}", r.code);
                assert_eq!(written_form(r, e).as_deref(), Some(e), "{}: an example is its own written form", r.code);
            }
            let n = r.sub_zips.split('~').filter(|p| !p.is_empty()).count();
            assert_eq!(c.subs.len(), if r.sub_zips.is_empty() { 0 } else { n }, "{} sub-region patterns", r.code);
        }
    }
}
