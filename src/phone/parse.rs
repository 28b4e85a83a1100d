//! Parsing a written phone number into a country calling code, a national significant number and
//! an extension: a port of libphonenumber's `parse` (as in PyPI `phonenumbers`, our test oracle),
//! with its text-level regular expressions written as scanners so that every step is linear.

use super::meta::{self, Region};
use super::{cold_chars, head, owned, string_with_capacity, tail, PushOutOfLine};
use super::patterns::{full_match, match_start, captures_start};
use crate::text::non_ascii_digit_value;
use std::borrow::Cow;

/// Why a string is not a phone number at all (libphonenumber's NumberParseException types).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseError {
    NotANumber,
    InvalidCountryCode,
    TooShortAfterIdd,
    TooShortNsn,
    TooLong,
}

/// A parsed number: what libphonenumber's PhoneNumber holds that we need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub country_code: u16,
    /// National significant number, ASCII digits, leading zeros kept (Italian style).
    pub national: String,
    pub extension: Option<String>,
    /// The number was written with letters (vanity), converted by the keypad.
    pub had_letters: bool,
}

const MIN_LENGTH_FOR_NSN: usize = 2;
const MAX_LENGTH_FOR_NSN: usize = 17;
const MAX_LENGTH_COUNTRY_CODE: usize = 3;
/// libphonenumber refuses longer strings; so do we (before any work).
pub const MAX_INPUT_CHARS: usize = 250;

fn is_plus(c: char) -> bool {
    c == '+' || c == '\u{FF0B}'
}

/// Any Unicode decimal digit, as its value.
fn digit_value(c: char) -> Option<u8> {
    if c.is_ascii_digit() {
        return Some(c as u8 - b'0');
    }
    // The scripts people type most (Arabic-Indic, Persian, full-width) without the table search.
    for zero in [0x0660, 0x06F0, 0xFF10] {
        if let Ok(d @ 0..=9) = u8::try_from((c as u32).wrapping_sub(zero)) {
            return Some(d);
        }
    }
    non_ascii_digit_value(c)
}

fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// libphonenumber's VALID_PUNCTUATION (dashes, spaces, dots, slashes, brackets, tildes, and 'x'
/// as a carrier placeholder), in ASCII and full-width forms.
fn is_punctuation(c: char) -> bool {
    matches!(c,
        '-' | 'x' | 'X' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}' | '\u{FF0D}'..='\u{FF0F}' | ' '
        | '\u{00A0}' | '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{3000}' | '(' | ')' | '\u{FF08}' | '\u{FF09}'
        | '\u{FF3B}' | '\u{FF3D}' | '.' | '[' | ']' | '/' | '~' | '\u{2053}' | '\u{223C}' | '\u{FF5E}')
}

/// The keypad digit of an ASCII letter (ITU E.161).
fn keypad(c: char) -> Option<u8> {
    let d = match c.to_ascii_uppercase() {
        'A'..='C' => 2,
        'D'..='F' => 3,
        'G'..='I' => 4,
        'J'..='L' => 5,
        'M'..='O' => 6,
        'P'..='S' => 7,
        'T'..='V' => 8,
        'W'..='Z' => 9,
        _ => return None,
    };
    Some(d)
}

/// `_extract_possible_number`: from the first '+' or digit, without trailing non-alphanumerics
/// (but '#'), and cut before a second number (`/x`, `\ x`).
fn extract_possible_number(s: &str) -> &str {
    let Some(start) = s.char_indices().find(|&(_, c)| is_plus(c) || is_digit(c)).map(|(i, _)| i) else {
        return "";
    };
    let mut t = tail(s, start);
    // Trailing characters that are '_' or neither '#' nor alphanumeric.
    let end = t.char_indices().rev().find(|&(_, c)| c != '_' && (c == '#' || c.is_alphanumeric())).map_or(0, |(i, c)| i + c.len_utf8());
    t = head(t, end);
    // A second number starts at "/x", "\x", "/ x".
    let b = t.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'/' || c == b'\\' {
            let mut j = i + 1;
            while j < b.len() && b[j] == b' ' {
                j += 1;
            }
            if j < b.len() && b[j] == b'x' {
                return head(t, i);
            }
        }
    }
    t
}

const RFC3966_PREFIX: &str = "tel:";
const RFC3966_PHONE_CONTEXT: &str = ";phone-context=";
const RFC3966_ISDN_SUBADDRESS: &str = ";isub=";

/// Byte offset of the first `needle` (non-empty, starting with an ASCII character) in `hay`: a plain
/// scan, so no substring-search machinery ends up in the wasm for three short searches.
fn find(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes().windows(needle.len()).position(|w| w == needle.as_bytes())
}

/// `_build_national_number_for_parsing`: handles RFC 3966 (`tel:` with `phone-context`).
fn build_national_number_for_parsing(s: &str) -> Result<Cow<'_, str>, ParseError> {
    // Most numbers have no ';' at all: one byte scan instead of a substring search.
    let has_semicolon = s.as_bytes().contains(&b';');
    let mut national = if let Some(ctx_at) = has_semicolon.then(|| find(s, RFC3966_PHONE_CONTEXT)).flatten() {
        let ctx_start = ctx_at + RFC3966_PHONE_CONTEXT.len();
        let ctx = match tail(s, ctx_start).find(';') {
            Some(end) => head(tail(s, ctx_start), end),
            None => tail(s, ctx_start),
        };
        if !phone_context_valid(ctx) {
            return Err(ParseError::NotANumber);
        }
        let mut n = if ctx.starts_with('+') { owned(ctx) } else { String::new() };
        let from = find(s, RFC3966_PREFIX).map_or(0, |i| i + RFC3966_PREFIX.len());
        if from <= ctx_at {
            n.push_text(head(tail(s, from), ctx_at - from));
        }
        Cow::Owned(n)
    } else {
        Cow::Borrowed(extract_possible_number(s))
    };
    if let Some(isub) = has_semicolon.then(|| find(&national, RFC3966_ISDN_SUBADDRESS)).flatten() {
        if isub > 0 {
            national = match national {
                Cow::Borrowed(b) => Cow::Borrowed(head(b, isub)),
                Cow::Owned(mut o) => {
                    o.truncate(isub);
                    Cow::Owned(o)
                }
            };
        }
    }
    Ok(national)
}

/// RFC 3966 phone-context: a global number (`+` digits and visual separators) or a domain name.
fn phone_context_valid(ctx: &str) -> bool {
    if let Some(rest) = ctx.strip_prefix('+') {
        return cold_chars(rest).any(is_digit) && cold_chars(rest).all(|c| is_digit(c) || matches!(c, '-' | '.' | '(' | ')'));
    }
    // domainname = *( domainlabel "." ) toplabel [ "." ]; toplabel starts with a letter. Labels are
    // letters, digits and '-', not empty and neither starting nor ending with '-'. One scan (no
    // split, no Vec): `prev` is the character before, '.' at a label's start.
    let ctx = ctx.strip_suffix('.').unwrap_or(ctx);
    let mut prev = '.';
    let mut starts_with_letter = false;
    for c in cold_chars(ctx) {
        match c {
            '.' if prev == '.' || prev == '-' => return false,
            '-' if prev == '.' => return false,
            '.' | '-' => {}
            _ if c.is_ascii_alphabetic() || is_digit(c) => {
                if prev == '.' {
                    starts_with_letter = c.is_ascii_alphabetic();
                }
            }
            _ => return false,
        }
        prev = c;
    }
    prev != '.' && prev != '-' && starts_with_letter
}

/// Where an extension written at the end of `s` starts, and its digits (`_EXTN_PATTERN` searched
/// in `s`: the leftmost start from which one of its alternatives matches up to the end).
fn find_extension(s: &str) -> Option<(usize, String)> {
    // Every form of extension has a label: letters, '#', '~', ',' or ';' (full-width included).
    // Most numbers have none, and skip the search.
    // (Digits of any script are tested first: `is_alphabetic` is a table search outside ASCII.)
    let label_char = |c: char| {
        c.is_ascii_alphabetic()
            || matches!(c, '#' | '\u{FF03}' | '~' | '\u{FF5E}' | ',' | ';')
            || (!c.is_ascii() && !is_digit(c) && c.is_alphabetic())
    };
    if !s.chars().any(label_char) {
        return None;
    }
    // One allocation (collecting would grow from a quarter of the byte length), and the characters
    // through the out-of-line decoder (numbers with a label are few).
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(s.len());
    let mut at = 0;
    for c in cold_chars(s) {
        chars.push((at, c));
        at += c.len_utf8();
    }
    let n = chars.len();
    let mut end = n;
    let has_hash = end > 0 && chars[end - 1].1 == '#';
    if has_hash {
        end -= 1;
    }
    let mut p = end;
    while p > 0 && is_digit(chars[p - 1].1) {
        p -= 1;
    }
    let digits = end - p;
    if digits == 0 {
        return None;
    }
    let at = |i: usize| chars[i].1;
    let byte = |i: usize| if i < n { chars[i].0 } else { s.len() };
    let ext = digits_of(head(tail(s, byte(p)), byte(end) - byte(p)), digit_value);
    let mut best: Option<usize> = None;
    let mut consider = |start: usize| {
        if best.is_none_or(|b| start < b) {
            best = Some(start);
        }
    };

    let leading = |i: usize, commas: bool| leading_space(&chars, i, commas);
    let label_before = |end: usize, label: &str| label_before(&chars, end, label);

    // 1. RFC 3966: ";ext=" + up to 20 digits, no '#'.
    if !has_hash && digits <= 20 {
        if let Some(st) = label_before(p, ";ext=") {
            consider(st);
        }
    }
    const EXPLICIT: &[&str] = &[
        "extension", "extensión", "extensio\u{301}n", "extensio\u{301}", "extensió", "extensio", "extn", "ext", "xtension",
        "xtensión", "xtensio\u{301}n", "xtensio", "xtn", "xt", "ｅｘｔｎ", "ｅｘｔ", "ｘｔｎ", "ｘｔ", "доб", "anexo",
    ];
    const AMBIGUOUS: &[&str] = &["x", "ｘ", "#", "＃", "~", "～", "int", "ｉｎｔ"];
    let label_ends = after_label(&chars, p);
    for (labels, limit) in [(EXPLICIT, 20usize), (AMBIGUOUS, 9)] {
        if digits > limit {
            continue;
        }
        for &e in &label_ends {
            // Only the labels ending in the character before `e` can end there.
            let Some(&(_, c)) = e.checked_sub(1).and_then(|i| chars.get(i)) else { continue };
            let last = lower(c);
            for label in labels.iter().filter(|l| l.ends_with(last)) {
                if let Some(st) = label_before(e, label) {
                    consider(leading(st, true));
                }
            }
        }
    }
    // 4. American style: "[- ]+ digits{1,6}#".
    if has_hash && digits <= 6 && p > 0 && matches!(at(p - 1), '-' | ' ') {
        let mut st = p;
        while st > 0 && matches!(at(st - 1), '-' | ' ') {
            st -= 1;
        }
        consider(st);
    }
    // 5. Auto-dialling ",," or ";", up to 15 digits; 6. commas, up to 9 digits.
    for &e in &label_ends {
        if digits <= 15 {
            if let Some(st) = label_before(e, ",,").or_else(|| label_before(e, ";")) {
                // ",,": the first comma may also be one of several; the leftmost ",," wins.
                let mut st = st;
                while st > 0 && at(st - 1) == ',' {
                    st -= 1;
                }
                consider(leading(st, false));
            }
        }
        if digits <= 9 && e > 0 && at(e - 1) == ',' {
            let mut st = e - 1;
            while st > 0 && at(st - 1) == ',' {
                st -= 1;
            }
            consider(leading(st, false));
        }
    }
    best.map(|st| (byte(st), ext))
}

/// The label ends an extension's digits at `i` of `chars` may follow, going back over
/// `[:\.．]?[ \u00A0\t,-]*` (what may follow a label). Every split is a candidate: the separator run
/// is greedy forward, but a label that ends in one of these characters (",,") may take part of it.
fn after_label(chars: &[(usize, char)], mut i: usize) -> Vec<usize> {
    let at = |i: usize| chars.get(i).map_or('\0', |c| c.1);
    let mut ends = vec![i];
    while i > 0 && matches!(at(i - 1), ' ' | '\u{00A0}' | '\t' | ',' | '-') {
        i -= 1;
        ends.push(i);
    }
    for k in 0..ends.len() {
        let e = ends[k];
        if e > 0 && matches!(at(e - 1), ':' | '.' | '\u{FF0E}') {
            ends.push(e - 1);
        }
    }
    ends
}

/// `i` moved back over spaces, tabs, no-break spaces (and commas, if `commas`) before it.
fn leading_space(chars: &[(usize, char)], mut i: usize, commas: bool) -> usize {
    while i > 0 && chars.get(i - 1).is_some_and(|&(_, c)| matches!(c, ' ' | '\u{00A0}' | '\t') || (commas && c == ',')) {
        i -= 1;
    }
    i
}

/// The first character of `c`'s lowercase form (one out-of-line copy of the case mapping's iterator).
#[inline(never)]
fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    c.to_lowercase().next().unwrap_or(c)
}

/// Where `label` (lowercase) starts if it ends at `end` of `chars`, compared case-insensitively.
#[inline(never)]
fn label_before(chars: &[(usize, char)], end: usize, label: &str) -> Option<usize> {
    let mut i = end;
    for c in label.chars().rev() {
        let &(_, have) = chars.get(i.checked_sub(1)?)?;
        if lower(have) != c {
            return None;
        }
        i -= 1;
    }
    Some(i)
}

/// `_is_viable_phone_number`: two digits alone, or (after pluses) at least three digits with only
/// punctuation before them, then punctuation, letters and digits, then maybe an extension.
fn is_viable(s: &str) -> bool {
    is_viable_with(s, || find_extension(s).map(|(st, _)| st))
}

/// [`is_viable`] with the start of the extension found in `s` given, for a caller that needs it
/// anyway (it is only asked for when the whole of `s` is not viable).
fn is_viable_with(s: &str, extension_start: impl FnOnce() -> Option<usize>) -> bool {
    // Only whether there are fewer than two, exactly two or more characters matters (no count).
    let mut chars = cold_chars(s);
    let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
        return false;
    };
    if chars.next().is_none() && is_digit(first) && is_digit(second) {
        return true;
    }
    viable_core(s) || extension_start().is_some_and(|st| s.get(..st).is_some_and(viable_core))
}

fn viable_core(s: &str) -> bool {
    // One pass (a Peekable to skip the leading pluses inlined a second UTF-8 decoder).
    let mut leading_plus = true;
    let mut digits = 0;
    for c in s.chars() {
        if leading_plus && is_plus(c) {
            continue;
        }
        leading_plus = false;
        if is_digit(c) {
            digits += 1;
        } else if is_punctuation(c) || c == '*' {
            // allowed before and after the digits
        } else if c.is_ascii_alphabetic() && digits >= 3 {
            // letters only after the first three digits
        } else {
            return false;
        }
    }
    digits >= 3
}

/// A vanity number: three or more ASCII letters (libphonenumber's `_VALID_ALPHA_PHONE_PATTERN`).
/// A loop that stops at the third letter, out of line: a `filter().count()` over the bytes is
/// unrolled by LLVM, once per caller.
#[inline(never)]
fn is_vanity(s: &str) -> bool {
    let mut letters = 0;
    for b in s.bytes() {
        if b.is_ascii_alphabetic() {
            letters += 1;
            if letters == 3 {
                return true;
            }
        }
    }
    false
}

/// `_normalize`: a vanity number (three or more ASCII letters) is converted by the keypad, keeping
/// ASCII digits only; otherwise digits of any script become ASCII and everything else goes.
fn normalize(s: &str) -> (String, bool) {
    if is_vanity(s) {
        return (digits_of(s, |c| if c.is_ascii_digit() { Some(c as u8 - b'0') } else { keypad(c) }), true);
    }
    (digits_of(s, digit_value), false)
}

/// The ASCII digits `digit` reads in `s`, other characters dropped: the one loop behind every
/// digit string parsing builds (one copy in the wasm instead of one per iterator chain).
/// Every `digit` reads ASCII digits as themselves and the other ASCII characters but letters as
/// nothing, so those are decided here without the call through the pointer.
#[inline(never)]
fn digits_of(s: &str, digit: fn(char) -> Option<u8>) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let d = match c {
            '0'..='9' => Some(c as u8 - b'0'),
            _ if c.is_ascii() && !c.is_ascii_alphabetic() => None,
            _ => digit(c),
        };
        if let Some(d) = d {
            out.push(char::from(b'0' + d));
        }
    }
    out
}

/// The metadata used for a country calling code (its main region, or the non-geographic entity).
pub fn metadata_for_country_code(cc: u16) -> Option<&'static Region> {
    let main = meta::regions_for_country_code(cc).first()?;
    meta::entity(cc, main)
}

/// `_extract_country_code`: the first one to three digits that are a country calling code.
pub(super) fn extract_country_code(number: &str) -> Option<(u16, &str)> {
    if number.is_empty() || number.starts_with('0') {
        return None;
    }
    for len in 1..=MAX_LENGTH_COUNTRY_CODE.min(number.len()) {
        if let Some(cc) = number.get(..len).and_then(meta::code_value) {
            if !meta::regions_for_country_code(cc).is_empty() {
                return Some((cc, tail(number, len)));
            }
        }
    }
    None
}

/// `_match_national_number` without prefix matching.
fn matches_general(number: &str, region: &Region) -> bool {
    region.general.pattern.is_some_and(|p| full_match(p, number))
}

/// `_maybe_strip_national_prefix_carrier_code`: the number without its national prefix (and
/// carrier code), when stripping leaves a viable number.
pub fn strip_national_prefix<'n>(number: &'n str, region: &Region) -> Option<Cow<'n, str>> {
    let prefix = region.national_prefix_for_parsing.filter(|p| !p.is_empty())?;
    if number.is_empty() {
        return None;
    }
    let caps = captures_start(prefix, number)?;
    let (_, m_end) = caps.first().copied().flatten()?;
    let viable_original = matches_general(number, region);
    let last_group = caps.last().copied().flatten().filter(|_| caps.len() > 1);
    match region.national_prefix_transform_rule.filter(|r| !r.is_empty()) {
        Some(rule) if last_group.is_some() => {
            let mut transformed = substitute(rule, number, &caps);
            transformed.push_text(tail(number, m_end));
            if viable_original && !matches_general(&transformed, region) {
                return None;
            }
            Some(Cow::Owned(transformed))
        }
        _ => {
            let rest = tail(number, m_end);
            if viable_original && !matches_general(rest, region) {
                return None;
            }
            Some(Cow::Borrowed(rest))
        }
    }
}

/// Replaces `$1`..`$9` (and `\1`..`\9`) in `template` by the captured groups of `text`.
pub fn substitute(template: &str, text: &str, caps: &[Option<(usize, usize)>]) -> String {
    let mut out = string_with_capacity(template.len() + text.len());
    let mut t = template;
    while let Some(i) = super::reference_at(t) {
        out.push_text(head(t, i));
        let b = t.as_bytes();
        match b.get(i + 1).filter(|d| d.is_ascii_digit()) {
            Some(&d) => {
                if let Some(&Some((a, z))) = caps.get(usize::from(d - b'0')) {
                    out.push_text(text.get(a..z).unwrap_or(""));
                }
                t = tail(t, i + 2);
            }
            None => {
                out.push_ascii(b[i]);
                t = tail(t, i + 1);
            }
        }
    }
    out.push_text(t);
    out
}

/// How a national number's length compares with a region's possible lengths.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Length {
    Possible,
    PossibleLocalOnly,
    TooShort,
    TooLong,
    Invalid,
}

/// `_test_number_length` for the general description (type UNKNOWN).
pub fn test_length(number: &str, region: &Region) -> Length {
    let possible = region.general.possible_lengths;
    let len = number.len();
    if region.general.local_only_lengths.contains(len) {
        return Length::PossibleLocalOnly;
    }
    let Some((min, max)) = possible.bounds() else {
        return Length::Invalid;
    };
    if min == len {
        Length::Possible
    } else if min > len {
        Length::TooShort
    } else if max < len {
        Length::TooLong
    } else if possible.contains(len) {
        Length::Possible
    } else {
        Length::Invalid
    }
}

/// `number` without the decimal digits of `cc` at its start, if it starts with them.
pub(crate) fn strip_code(number: &str, cc: u16) -> Option<&str> {
    let mut digits = [0u8; 5];
    let mut i = digits.len();
    let mut n = cc;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let code = &digits[i..];
    number.as_bytes().starts_with(code).then(|| tail(number, code.len()))
}

/// `_maybe_extract_country_code`: `(country code, national number)` when the number says its
/// country (a '+', the region's international prefix, or the region's own code), else the number's
/// digits without a country code (`(None, normalized)`, which the caller needs next).
fn maybe_extract_country_code(number: &str, region: Option<&Region>) -> Result<(Option<u16>, String), ParseError> {
    if number.is_empty() {
        return Ok((None, String::new()));
    }
    let plus_len: usize = number.chars().take_while(|&c| is_plus(c)).map(char::len_utf8).sum();
    let (from_idd, full) = if plus_len > 0 {
        (true, normalize(tail(number, plus_len)).0)
    } else {
        let normalized = normalize(number).0;
        match region.and_then(|r| r.international_prefix) {
            Some(idd) => match match_start(idd, &normalized) {
                // Country codes never start with 0: a 0 after the prefix means it was not one.
                Some(end) if !tail(&normalized, end).starts_with('0') => (true, owned(tail(&normalized, end))),
                _ => (false, normalized),
            },
            None => (false, normalized),
        }
    };
    if from_idd {
        if full.len() <= MIN_LENGTH_FOR_NSN {
            return Err(ParseError::TooShortAfterIdd);
        }
        return match extract_country_code(&full) {
            Some((cc, rest)) => Ok((Some(cc), owned(rest))),
            None => Err(ParseError::InvalidCountryCode),
        };
    }
    if let Some(region) = region {
        if let Some(rest) = strip_code(&full, region.country_code) {
            let potential = strip_national_prefix(rest, region).unwrap_or(Cow::Borrowed(rest));
            if (!matches_general(&full, region) && matches_general(&potential, region))
                || test_length(&full, region) == Length::TooLong
            {
                return Ok((Some(region.country_code), potential.into_owned()));
            }
        }
    }
    Ok((None, full))
}

/// `parse(number, region)`. `default_region` is an uppercase region code or None.
pub fn parse(input: &str, default_region: Option<&str>) -> Result<Parsed, ParseError> {
    // A string of at most that many bytes has at most that many characters (no count needed).
    if input.len() > MAX_INPUT_CHARS && input.chars().count() > MAX_INPUT_CHARS {
        return Err(ParseError::TooLong);
    }
    let national = build_national_number_for_parsing(input)?;
    // Searched once: viability and the extension split both need it.
    let extension = find_extension(&national);
    if !is_viable_with(&national, || extension.as_ref().map(|e| e.0)) {
        return Err(ParseError::NotANumber);
    }
    let region = default_region.and_then(meta::region);
    if region.is_none() && !national.chars().next().is_some_and(is_plus) {
        return Err(ParseError::InvalidCountryCode);
    }
    let (extension, national) = match extension {
        Some((start, ext)) if is_viable(head(&national, start)) => (Some(ext), head(&national, start)),
        _ => (None, &*national),
    };
    let had_letters = is_vanity(national);

    let extracted = match maybe_extract_country_code(national, region) {
        Ok(x) => x,
        Err(ParseError::InvalidCountryCode) if national.starts_with(is_plus) => {
            let rest: &str = national.trim_start_matches(is_plus);
            match maybe_extract_country_code(rest, region)? {
                x @ (Some(_), _) => x,
                (None, _) => return Err(ParseError::InvalidCountryCode),
            }
        }
        Err(e) => return Err(e),
    };
    let (country_code, mut nsn, metadata) = match extracted {
        (Some(cc), rest) => {
            let number_region = meta::regions_for_country_code(cc).first().copied();
            let metadata = if number_region.is_some() && number_region == default_region {
                region
            } else {
                metadata_for_country_code(cc)
            };
            (cc, rest, metadata)
        }
        (None, normalized) => {
            let Some(region) = region else {
                return Err(ParseError::InvalidCountryCode);
            };
            (region.country_code, normalized, Some(region))
        }
    };
    if nsn.len() < MIN_LENGTH_FOR_NSN {
        return Err(ParseError::TooShortNsn);
    }
    if let Some(metadata) = metadata {
        if let Some(stripped) = strip_national_prefix(&nsn, metadata) {
            // Keep the prefix when what is left is too short to be a number here: the original
            // may be a valid short number.
            if !matches!(test_length(&stripped, metadata), Length::TooShort | Length::PossibleLocalOnly | Length::Invalid) {
                nsn = stripped.into_owned();
            }
        }
    }
    if nsn.len() < MIN_LENGTH_FOR_NSN {
        return Err(ParseError::TooShortNsn);
    }
    if nsn.len() > MAX_LENGTH_FOR_NSN {
        return Err(ParseError::TooLong);
    }
    Ok(Parsed { country_code, national: nsn, extension, had_letters })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_the_number_part() {
        assert_eq!(extract_possible_number("Tel: +98 912-345-6789."), "+98 912-345-6789");
        assert_eq!(extract_possible_number("(530) 583-6985 x302/x2303"), "530) 583-6985 x302");
        assert_eq!(extract_possible_number("abc"), "");
    }

    #[test]
    fn extensions() {
        for (s, ext) in [
            ("(415) 555-2671 x12", "12"), ("415 555 2671 ext. 12", "12"), ("4155552671#12", "12"),
            ("+1 415 555 2671;ext=123", "123"), ("415 555 2671,12", "12"), ("415 555 2671,,12", "12"),
            ("415 555 2671 - 503#", "503"), ("415 555 2671 extension 7", "7"),
        ] {
            assert_eq!(find_extension(s).map(|(_, e)| e).as_deref(), Some(ext), "{s}");
        }
        assert_eq!(find_extension("415 555 2671"), None);
        assert_eq!(find_extension("415 555 2671 x1234567890"), None); // longer than 'x' allows
    }

    #[test]
    fn viability() {
        assert!(is_viable("12"));
        assert!(is_viable("+98 912 345 6789"));
        assert!(is_viable("1-800-FLOWERS"));
        assert!(!is_viable("a1"));
        assert!(!is_viable("ab-12"));
        assert!(!is_viable("1"));
    }
}
