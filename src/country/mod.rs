//! Countries: names and codes in many languages to ISO 3166-1 alpha-2, alpha-3 and numeric.
//!
//! [`standardize_country`] is total: any string in, a [`CountryOutcome`] out, in time linear in the
//! input (capped at [`COUNTRY_INPUT_BYTES`]). It reads:
//!
//! - alpha-2 and alpha-3 codes in any case (`ir`, `IRN`);
//! - numeric codes with or without leading zeros (`364`, `036`, `36`), in any script's digits (`۳۶۴`);
//! - every name the pinned table has in en, fa, ar, zh, de, fr, es, and the hand-written common
//!   variants (`USA`, `U.K.`, `Deutschland`, `ایران`, `中國` ...), see `scripts/gen-countries.mjs`.
//!
//! Names are compared by [`match_key`], which is applied to the table's raw names and to the input
//! alike (the generator writes raw names; there is exactly one normalization). The lookup index is
//! built on first use (about a millisecond natively), never at start-up.
//!
//! ## Collisions
//!
//! Input that is nothing but two or three ASCII letters is read as a code first (see [`find`]).
//! When two countries' names share a key, the key goes to the first in this order: hand-written
//! variants, then the table's names language by language (en, fa, ar, zh, de, fr, es;
//! [`table::LANGUAGES`]), countries in alpha-2 order within a language. `tests/country.rs` lists
//! every name this makes resolve to another country.
//!
//! The table includes `XK` (Kosovo), a user-assigned code (numeric 983 is not ISO either) that the
//! source package and CLDR use.

use crate::issue::{Changes, Code, Issue, Severity};
use crate::locale::Locale;
use crate::tables::FxHasher;
use crate::text;
use crate::Change;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// The generated table. Once `src/tables/mod.rs` declares `pub mod countries;`, this becomes
/// `pub use crate::tables::countries as table;`.
pub use crate::tables::countries as table;

/// Byte cap on a country input. The longest name in the table is under 100 bytes; the cap leaves
/// room for whitespace and punctuation around it.
pub const COUNTRY_INPUT_BYTES: usize = 256;

/// How to report.
#[derive(Clone, Debug)]
pub struct CountryOptions<'a> {
    pub locale: Locale,
    /// Field path reported in issues.
    pub path: &'a str,
}

impl Default for CountryOptions<'_> {
    fn default() -> Self {
        CountryOptions { locale: Locale::En, path: "country" }
    }
}

/// One country of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    pub alpha2: &'static str,
    pub alpha3: &'static str,
    pub numeric: u16,
    /// The English name (the first English name of the source package, its "official" one).
    pub name: &'static str,
}

/// Everything known about one country input. `original` is never altered; `value` is the alpha-2
/// code when the country is known, else the input with invisible characters and edge whitespace
/// removed; `changes` lead from one to the other.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryOutcome<'a> {
    pub value: Cow<'a, str>,
    pub original: Cow<'a, str>,
    pub changes: Vec<Change>,
    /// No issue of severity error.
    pub valid: bool,
    pub alpha2: Option<&'static str>,
    pub alpha3: Option<&'static str>,
    pub numeric: Option<u16>,
    /// English name.
    pub name: Option<&'static str>,
    pub issues: Vec<Issue>,
}

impl CountryOutcome<'_> {
    /// Detaches the outcome from the input.
    pub fn into_owned(self) -> CountryOutcome<'static> {
        CountryOutcome {
            value: Cow::Owned(self.value.into_owned()),
            original: Cow::Owned(self.original.into_owned()),
            ..self
        }
    }
}

/// Standardizes one country input to its ISO 3166-1 alpha-2 code.
pub fn standardize_country<'a>(input: &'a str, opts: &CountryOptions) -> CountryOutcome<'a> {
    let issue = |code: Code, params: Vec<(&'static str, String)>| Issue::new(code, opts.path, opts.locale, params);
    let mut out = CountryOutcome {
        value: Cow::Borrowed(input),
        original: Cow::Borrowed(input),
        changes: Vec::new(),
        valid: false,
        alpha2: None,
        alpha3: None,
        numeric: None,
        name: None,
        issues: Vec::new(),
    };
    if input.len() > COUNTRY_INPUT_BYTES {
        out.issues.push(issue(Code::InputTooLong, vec![("max", COUNTRY_INPUT_BYTES.to_string())]));
        return out;
    }
    let mut c = Changes::new(input);
    // ZWNJ is kept in the value (Persian spelling); match_key drops it.
    c.apply("remove_invisible", |s| text::strip_invisible(s, true));
    c.apply("trim", text::trim);
    if c.value.is_empty() {
        out.issues.push(issue(Code::InputEmpty, Vec::new()));
    } else if let Some(country) = find(&c.value) {
        c.apply("country_code", |_| Some(country.alpha2.to_owned()));
        out.alpha2 = Some(country.alpha2);
        out.alpha3 = Some(country.alpha3);
        out.numeric = Some(country.numeric);
        out.name = Some(country.name);
    } else {
        out.issues.push(issue(Code::CountryUnknown, Vec::new()));
    }
    // A known country's value is its static code (equal to c.value): no allocation is kept.
    out.value = match out.alpha2 {
        Some(a2) => Cow::Borrowed(a2),
        None => c.value,
    };
    out.changes = c.list;
    out.valid = !out.issues.iter().any(|i| i.severity() == Severity::Error);
    out
}

/// The country a name or code stands for, if any. Accepts anything [`standardize_country`] does.
///
/// Codes are read only from input that is nothing but a code (after trimming, invisible characters
/// and compatibility folding): two or three ASCII letters are an alpha-2 or alpha-3 code in any case,
/// one to three digits of any script a numeric code. So `N/A` is not Namibia (`NA`), and `0-3-6` is
/// not Australia. Letters that are no code fall through to the names (`UK`).
pub fn find(s: &str) -> Option<Country> {
    if s.len() > COUNTRY_INPUT_BYTES {
        return None;
    }
    // Most inputs are a bare alpha-2 code: two ASCII letters are their own key (nothing to strip,
    // trim or fold but the case), so the table is asked at once. Two letters that are no code go
    // the long way, to the names (`UK`).
    if let [a, b] = *s.as_bytes() {
        if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() {
            let code = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
            if let Some(c) = std::str::from_utf8(&code).ok().and_then(by_alpha2) {
                return Some(c);
            }
        }
    }
    find_by_key(s)
}

/// [`find`] through the matching key: every input takes this way but bare alpha-2 codes.
fn find_by_key(s: &str) -> Option<Country> {
    let stripped = text::strip_invisible(s, false);
    let s = stripped.as_deref().unwrap_or(s).trim();
    let (key, shape) = key_and_shape(s);
    let ix = index();
    match shape {
        Shape::Digits if key.len() <= 3 => {
            let n: u16 = key.parse().ok()?;
            return ix.countries.iter().find(|c| c.numeric == n).copied();
        }
        Shape::Digits => return None,
        Shape::Letters if key.len() == 2 => {
            // The table is sorted by alpha-2 (upper case).
            if let Some(c) = by_alpha2(&key.to_ascii_uppercase()) {
                return Some(c);
            }
        }
        Shape::Letters if key.len() == 3 => {
            if let Some(c) = ix.countries.iter().find(|c| c.alpha3.eq_ignore_ascii_case(&key)) {
                return Some(*c);
            }
        }
        _ => {}
    }
    if key.is_empty() {
        return None;
    }
    ix.names.get(key.as_str()).and_then(|&i| ix.countries.get(usize::from(i))).copied()
}

/// The country with this alpha-2 code (upper case), if any.
pub fn by_alpha2(alpha2: &str) -> Option<Country> {
    let cs = &index().countries;
    cs.binary_search_by(|c| c.alpha2.cmp(alpha2)).ok().and_then(|i| cs.get(i)).copied()
}

/// Every country of the table, sorted by alpha-2.
pub fn countries() -> &'static [Country] {
    &index().countries
}

/// The matching key of a country name or code. The same function keys the table and the input.
///
/// Rules, in order, per character:
/// 1. NFKD (compatibility decomposition): full-width forms, ligatures, Arabic presentation forms
///    and precomposed letters come apart (`é` → `e` + U+0301, `إ` → `ا` + U+0655).
/// 2. Combining marks are dropped: U+0300–036F, U+1AB0–1AFF, U+1DC0–1DFF, U+20D0–20FF, U+FE20–FE2F
///    (Latin, Greek, Cyrillic diacritics) and U+0610–061A, U+064B–065F, U+0670, U+06D6–06ED (Arabic
///    harakat, hamza above/below, superscript alef, Quranic marks). So `أ إ آ ٱ`-style alefs are `ا`.
/// 3. Digits of every script become ASCII (`۳۶۴` → `364`).
/// 4. Lowercase (Unicode full lowercase mapping).
/// 5. Letter unification: `ي ى` → `ی`, `ك` → `ک`, `ة ە ہ` → `ه`, `ٱ` → `ا`, `ς` → `σ`, `ß` → `ss`, `æ` → `ae`,
///    `œ` → `oe`, `ø` → `o`, `ł` → `l`, `đ` → `d`, `ı` → `i`.
/// 6. Everything that is not alphanumeric (spaces, punctuation, symbols, ZWNJ/ZWJ, bidi controls)
///    and the tatweel U+0640 is dropped.
pub fn match_key(s: &str) -> String {
    key_and_shape(s).0
}

/// What the whole input was made of, before [`match_key`] dropped anything.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Only ASCII letters (after compatibility decomposition: full-width letters count).
    Letters,
    /// Only decimal digits of any script.
    Digits,
    Other,
}

fn key_and_shape(s: &str) -> (String, Shape) {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(s.len());
    let (mut letters, mut digits) = (true, true);
    for c in s.chars().nfkd() {
        letters &= c.is_ascii_alphabetic();
        digits &= c.is_ascii_digit() || text::non_ascii_digit_value(c).is_some();
        if is_dropped_mark(c) {
            continue;
        }
        let c = match text::non_ascii_digit_value(c) {
            Some(d) => char::from(b'0' + d),
            None => c,
        };
        for l in c.to_lowercase() {
            match l {
                'ي' | 'ى' => out.push('ی'),
                'ك' => out.push('ک'),
                'ة' | 'ە' | 'ہ' => out.push('ه'),
                'ٱ' => out.push('ا'),
                'ς' => out.push('σ'),
                'ß' => out.push_str("ss"),
                'æ' => out.push_str("ae"),
                'œ' => out.push_str("oe"),
                'ø' => out.push('o'),
                'ł' => out.push('l'),
                'đ' => out.push('d'),
                'ı' => out.push('i'),
                '\u{0640}' => {}
                l if l.is_alphanumeric() => out.push(l),
                _ => {}
            }
        }
    }
    let shape = match (out.is_empty(), letters, digits) {
        (false, true, _) => Shape::Letters,
        (false, _, true) => Shape::Digits,
        _ => Shape::Other,
    };
    (out, shape)
}

fn is_dropped_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}')
}

struct Index {
    countries: Vec<Country>,
    /// Match key of a name → position in `countries`.
    names: HashMap<Box<str>, u16, BuildHasherDefault<FxHasher>>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(build_index)
}

/// One parsed line of [`table::COUNTRIES`]: the country and its name columns.
fn rows() -> impl Iterator<Item = (Country, [&'static str; table::LANGUAGES.len()])> {
    table::COUNTRIES.lines().filter(|l| !l.is_empty()).filter_map(|line| {
        let mut cols = line.split('\t');
        let alpha2 = cols.next()?;
        let alpha3 = cols.next()?;
        let numeric = cols.next()?.parse().ok()?;
        let mut names = [""; table::LANGUAGES.len()];
        for n in names.iter_mut() {
            *n = cols.next().unwrap_or("");
        }
        let name = names[0].split('|').next().unwrap_or(alpha2);
        Some((Country { alpha2, alpha3, numeric, name }, names))
    })
}

/// Every generated name: (alpha-2, source, name), where source is a language of
/// [`table::LANGUAGES`] or `"variant"` for the hand-written list. In collision priority order.
pub fn table_names() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    let variants = table::VARIANTS.lines().filter_map(|line| {
        let (a2, names) = line.split_once('\t')?;
        Some(names.split('|').map(move |n| (a2, "variant", n)))
    });
    let by_language = table::LANGUAGES.iter().enumerate().flat_map(|(i, &lang)| {
        rows().flat_map(move |(c, names)| names[i].split('|').filter(|n| !n.is_empty()).map(move |n| (c.alpha2, lang, n)))
    });
    variants.flatten().chain(by_language)
}

fn build_index() -> Index {
    let countries: Vec<Country> = rows().map(|(c, _)| c).collect();
    let mut names: HashMap<Box<str>, u16, BuildHasherDefault<FxHasher>> = HashMap::default();
    let position = |a2: &str| countries.binary_search_by(|c| c.alpha2.cmp(a2)).ok().and_then(|i| u16::try_from(i).ok());
    // First come, first served: table_names() is in collision priority order.
    for (a2, _, name) in table_names() {
        let key = match_key(name);
        if let (false, Some(i)) = (key.is_empty(), position(a2)) {
            names.entry(key.into_boxed_str()).or_insert(i);
        }
    }
    Index { countries, names }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a2(s: &str) -> Option<&'static str> {
        find(s).map(|c| c.alpha2)
    }

    #[test]
    fn keys() {
        assert_eq!(match_key(" U.S.A. "), "usa");
        assert_eq!(match_key("Côte d’Ivoire"), "cotedivoire");
        assert_eq!(match_key("إيران"), match_key("ایران"));
        assert_eq!(match_key("ايران"), match_key("ایران"));
        assert_eq!(match_key("ﺇﻳﺮﺍﻥ"), match_key("ایران")); // presentation forms
        assert_eq!(match_key("سورية"), match_key("سوریه"));
        assert_eq!(match_key("هنگ\u{200C}کنگ"), match_key("هنگ کنگ"));
        assert_eq!(match_key("عـــراق"), match_key("عراق")); // tatweel
        assert_eq!(match_key("Großbritannien"), "grossbritannien");
        assert_eq!(match_key("ＵＳＡ"), "usa");
        assert_eq!(match_key("۳۶۴"), "364");
        assert_eq!(match_key("..."), "");
    }

    #[test]
    fn lookups() {
        assert_eq!(a2("ir"), Some("IR"));
        assert_eq!(a2("IRN"), Some("IR"));
        assert_eq!(a2("364"), Some("IR"));
        assert_eq!(a2("036"), Some("AU"));
        assert_eq!(a2("36"), Some("AU"));
        assert_eq!(a2("0036"), None);
        assert_eq!(a2("999"), None);
        assert_eq!(a2("Deutschland"), Some("DE"));
        assert_eq!(a2("中國"), Some("CN"));
        assert_eq!(a2(""), None);
        assert_eq!(a2("N/A"), None);
        assert_eq!(a2("n.a."), None);
        assert_eq!(a2("NA"), Some("NA"));
        assert_eq!(a2("0-3-6"), None);
        assert_eq!(a2("ＩＲ"), Some("IR"));
        assert_eq!(a2("\u{200F}IR"), Some("IR"));
        assert_eq!(a2("UK"), Some("GB"));
        assert_eq!(a2("ΚΎΠΡΟΣ"), Some("CY"));
        assert_eq!(by_alpha2("IR").map(|c| c.alpha3), Some("IRN"));
        assert_eq!(countries().len(), 250);
    }

    #[test]
    fn two_ascii_letters_read_as_through_the_key() {
        let letters: Vec<u8> = (b'a'..=b'z').chain(b'A'..=b'Z').collect();
        for &a in &letters {
            for &b in &letters {
                let s = String::from_utf8(vec![a, b]).unwrap_or_default();
                assert_eq!(find(&s), find_by_key(&s), "{s}");
            }
        }
    }

    #[test]
    fn outcome() {
        let o = standardize_country("  Iran ", &CountryOptions::default());
        assert!(o.valid);
        assert_eq!(o.value, "IR");
        assert_eq!((o.alpha3, o.numeric, o.name), (Some("IRN"), Some(364), Some("Islamic Republic of Iran")));
        let kinds: Vec<_> = o.changes.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, ["trim", "country_code"]);
        let o = standardize_country("IR", &CountryOptions::default());
        assert!(o.changes.is_empty() && o.value == "IR");
        let o = standardize_country(" Atlantis ", &CountryOptions::default());
        assert!(!o.valid);
        assert_eq!(o.value, "Atlantis");
        assert_eq!(o.issues[0].code, Code::CountryUnknown);
        let o = standardize_country(" \u{200F} ", &CountryOptions::default());
        assert_eq!(o.issues[0].code, Code::InputEmpty);
        let long = "a".repeat(COUNTRY_INPUT_BYTES + 1);
        let o = standardize_country(&long, &CountryOptions::default());
        assert_eq!(o.issues[0].code, Code::InputTooLong);
        assert_eq!(o.value, long.as_str());
    }
}
