//! Phone numbers: parse any written form, validate against the per-region patterns of
//! libphonenumber's metadata, tell the type, and format as E.164, INTERNATIONAL, NATIONAL and
//! RFC 3966. The logic follows libphonenumber (as ported in PyPI `phonenumbers`, our test
//! oracle); patterns run on our own linear-time engine ([`pattern`]), compiled on first use.

mod as_you_type;
pub mod meta;
mod parse;
pub mod pattern;
mod patterns;

use crate::issue::{Change, Code, Issue, Severity};
use crate::limits::PHONE_INPUT_BYTES;
use crate::locale::Locale;
use meta::Region;
pub use parse::ParseError;
#[cfg(target_arch = "wasm32")]
pub(crate) use parse::strip_code;
use parse::{metadata_for_country_code, test_length, Length, Parsed};
use patterns::{full_match, matches_prefix};
use std::borrow::Cow;

/// `String::push_str`, and `push` of one byte as a char, out of line: inlined, every call site
/// carries its own capacity check, growth call and copy. The formatting and E.164 hot paths keep
/// the inlined std calls (each out-of-line call costs ~10 instructions natively).
pub(crate) trait PushOutOfLine {
    fn push_text(&mut self, s: &str);
    /// `push(char::from(b))`: a `char` from 0 to 255.
    fn push_ascii(&mut self, b: u8);
}

impl PushOutOfLine for String {
    #[inline(never)]
    fn push_text(&mut self, s: &str) {
        self.push_str(s);
    }

    #[inline(never)]
    fn push_ascii(&mut self, b: u8) {
        self.push(char::from(b));
    }
}

/// `s.chars()` with the UTF-8 decoding in one out-of-line `next`, for loops off the hot path:
/// every inlined `Chars::next` is a decoder of its own (forward, about 100 bytes of wasm).
pub(crate) struct ColdChars<'a>(std::str::Chars<'a>);

impl Iterator for ColdChars<'_> {
    type Item = char;

    #[inline(never)]
    fn next(&mut self) -> Option<char> {
        self.0.next()
    }
}

pub(crate) fn cold_chars(s: &str) -> ColdChars<'_> {
    ColdChars(s.chars())
}

/// Whether `s` holds the byte `b`: a plain loop, out of line (`<[u8]>::contains` is core's
/// memchr, unrolled, and was inlined at every use).
#[inline(never)]
pub(crate) fn has_byte(s: &str, b: u8) -> bool {
    s.bytes().any(|c| c == b)
}

/// `&s[..i]`, out of line and without a panic path (empty were `i` not a character boundary,
/// which no caller passes): inlined, every slice carries its own two boundary checks.
#[inline(never)]
pub(crate) fn head(s: &str, i: usize) -> &str {
    s.get(..i).unwrap_or("")
}

/// `&s[i..]`, as [`head`].
#[inline(never)]
pub(crate) fn tail(s: &str, i: usize) -> &str {
    s.get(i..).unwrap_or("")
}

/// `s.to_owned()`, out of line: one copy of the allocation and its failure path.
#[inline(never)]
pub(crate) fn owned(s: &str) -> String {
    s.to_owned()
}

/// `String::with_capacity(n)`, out of line (as [`owned`]).
#[inline(never)]
pub(crate) fn string_with_capacity(n: usize) -> String {
    String::with_capacity(n)
}

#[derive(Clone, Debug)]
pub struct PhoneOptions<'a> {
    pub locale: Locale,
    pub path: &'a str,
    /// Region assumed for numbers written without a country code (ISO 3166 alpha-2, any case).
    pub default_region: Option<&'a str>,
    /// Accept vanity numbers (1-800-FLOWERS), converting letters by the keypad.
    pub allow_letters: bool,
    /// Write the INTERNATIONAL, NATIONAL and RFC 3966 forms (E.164 is always written). Off, they
    /// are None and the call does only parse + validate + E.164.
    pub formats: bool,
}

impl Default for PhoneOptions<'_> {
    fn default() -> Self {
        PhoneOptions { locale: Locale::En, path: "phone", default_region: None, allow_letters: false, formats: true }
    }
}

/// Number types, in libphonenumber's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneType {
    FixedLine,
    Mobile,
    FixedLineOrMobile,
    TollFree,
    PremiumRate,
    SharedCost,
    Voip,
    PersonalNumber,
    Pager,
    Uan,
    Voicemail,
    Unknown,
}

impl PhoneType {
    pub fn as_str(self) -> &'static str {
        match self {
            PhoneType::FixedLine => "FIXED_LINE",
            PhoneType::Mobile => "MOBILE",
            PhoneType::FixedLineOrMobile => "FIXED_LINE_OR_MOBILE",
            PhoneType::TollFree => "TOLL_FREE",
            PhoneType::PremiumRate => "PREMIUM_RATE",
            PhoneType::SharedCost => "SHARED_COST",
            PhoneType::Voip => "VOIP",
            PhoneType::PersonalNumber => "PERSONAL_NUMBER",
            PhoneType::Pager => "PAGER",
            PhoneType::Uan => "UAN",
            PhoneType::Voicemail => "VOICEMAIL",
            PhoneType::Unknown => "UNKNOWN",
        }
    }
}

/// Indices of [`Region::types`], in the order the metadata loader stores them.
mod desc {
    pub const FIXED_LINE: usize = 0;
    pub const MOBILE: usize = 1;
    pub const TOLL_FREE: usize = 2;
    pub const PREMIUM_RATE: usize = 3;
    pub const SHARED_COST: usize = 4;
    pub const PERSONAL_NUMBER: usize = 5;
    pub const VOIP: usize = 6;
    pub const PAGER: usize = 7;
    pub const UAN: usize = 8;
    pub const VOICEMAIL: usize = 9;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneFormat {
    E164,
    International,
    National,
    Rfc3966,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PhoneOutcome<'a> {
    pub value: Cow<'a, str>,
    pub original: Cow<'a, str>,
    pub changes: Vec<Change>,
    pub valid: bool,
    pub e164: Option<String>,
    pub international: Option<String>,
    pub national: Option<String>,
    pub rfc3966: Option<String>,
    pub country_code: Option<u16>,
    pub region: Option<&'static str>,
    pub national_number: Option<String>,
    pub extension: Option<String>,
    pub phone_type: Option<PhoneType>,
    pub possible: bool,
    pub issues: Vec<Issue>,
}

/// Validates, types and formats one phone number.
pub fn validate_phone<'a>(input: &'a str, opts: &PhoneOptions) -> PhoneOutcome<'a> {
    let mut out = PhoneOutcome {
        value: Cow::Borrowed(input),
        original: Cow::Borrowed(input),
        changes: Vec::new(),
        valid: false,
        e164: None,
        international: None,
        national: None,
        rfc3966: None,
        country_code: None,
        region: None,
        national_number: None,
        extension: None,
        phone_type: None,
        possible: false,
        issues: Vec::new(),
    };
    if input.len() > PHONE_INPUT_BYTES {
        out.issue(opts, Code::InputTooLong, vec![("max", PHONE_INPUT_BYTES.to_string())]);
        return out;
    }
    let trimmed = input.trim();
    if trimmed.len() != input.len() {
        out.set_value(owned(trimmed), "trim");
    }
    if trimmed.is_empty() {
        out.issue(opts, Code::InputEmpty, Vec::new());
        return out;
    }
    let region_buf: String;
    let region_upper = match opts.default_region.map(str::trim) {
        Some(r) if r.bytes().any(|b| b.is_ascii_lowercase()) => {
            region_buf = r.to_ascii_uppercase();
            Some(region_buf.as_str())
        }
        r => r,
    };
    let parsed = match parse::parse(trimmed, region_upper) {
        Ok(p) => p,
        Err(e) => {
            let code = match e {
                ParseError::NotANumber => Code::PhoneNotANumber,
                ParseError::InvalidCountryCode => Code::PhoneInvalidCountryCode,
                ParseError::TooShortAfterIdd | ParseError::TooShortNsn => Code::PhoneTooShort,
                ParseError::TooLong => Code::PhoneTooLong,
            };
            out.issue(opts, code, Vec::new());
            return out;
        }
    };
    if parsed.had_letters && !opts.allow_letters {
        out.issue(opts, Code::PhoneHasLetters, Vec::new());
        return out;
    }
    let (region, known_type) = region_and_type(parsed.country_code, &parsed.national);
    let phone_type = region.and_then(|r| meta::entity(parsed.country_code, r)).map_or(PhoneType::Unknown, |m| {
        if region.is_some_and(|r| r != "001") && m.country_code != parsed.country_code {
            PhoneType::Unknown
        } else {
            known_type.unwrap_or_else(|| number_type(&parsed.national, m))
        }
    });
    out.valid = phone_type != PhoneType::Unknown;
    let main = metadata_for_country_code(parsed.country_code);
    let length = main.map(|m| test_length(&parsed.national, m));
    out.possible = matches!(length, Some(Length::Possible | Length::PossibleLocalOnly));
    if !out.valid {
        let code = match length {
            Some(Length::TooShort) => Code::PhoneTooShort,
            Some(Length::TooLong) => Code::PhoneTooLong,
            Some(Length::Invalid) => Code::PhoneInvalidLength,
            _ => Code::PhoneInvalidForRegion,
        };
        out.issue(opts, code, Vec::new());
    } else if is_placeholder(&parsed.national) {
        out.issue(opts, Code::PhonePlaceholder, Vec::new());
    }
    out.valid = !out.issues.iter().any(|i| i.severity() == Severity::Error);
    let e164 = e164_of(parsed.country_code, &parsed.national);
    let mut value = String::with_capacity(e164.len() + parsed.extension.as_ref().map_or(0, |e| e.len() + 5));
    value.push_str(&e164);
    if let Some(ext) = &parsed.extension {
        value.push_str(";ext=");
        value.push_str(ext);
    }
    if opts.formats {
        let [international, national, rfc3966] = format_all(&parsed);
        out.international = Some(international);
        out.national = Some(national);
        out.rfc3966 = Some(rfc3966);
    }
    out.e164 = Some(e164);
    out.country_code = Some(parsed.country_code);
    out.region = region;
    out.phone_type = Some(phone_type);
    out.set_value(value, "to_e164");
    out.national_number = Some(parsed.national);
    out.extension = parsed.extension;
    out
}

impl<'a> PhoneOutcome<'a> {
    /// Adds an issue (one out-of-line copy of the issue building, not one per outcome).
    #[inline(never)]
    fn issue(&mut self, opts: &PhoneOptions, code: Code, params: Vec<(&'static str, String)>) {
        self.issues.push(Issue::new(code, opts.path, opts.locale, params));
    }

    /// Records the standardized value as a change from the original.
    fn set_value(&mut self, value: String, kind: &'static str) {
        if *value != *self.value {
            let to = value.clone();
            let from = std::mem::replace(&mut self.value, Cow::Owned(value)).into_owned();
            self.changes.push(Change { kind, from, to });
        }
    }

    /// The same outcome, owning its strings.
    pub fn into_owned(self) -> PhoneOutcome<'static> {
        PhoneOutcome {
            value: Cow::Owned(self.value.into_owned()),
            original: Cow::Owned(self.original.into_owned()),
            ..self
        }
    }
}

/// All one digit, or a run up or down the keypad (000 000 0000, 123 456 7890): a placeholder
/// typed to get past a required field, even where the pattern happens to allow it.
fn is_placeholder(national: &str) -> bool {
    let b = national.as_bytes();
    if b.len() < 6 {
        return false;
    }
    let step = |d: i8| b.windows(2).all(|w| (w[1] as i8 - w[0] as i8 - d) % 10 == 0);
    step(0) || step(1) || step(-1)
}

/// `region_code_for_number`: the region among those sharing the country code whose leading digits
/// (or, failing those, number patterns) fit.
pub fn region_for_number(cc: u16, national: &str) -> Option<&'static str> {
    region_and_type(cc, national).0
}

/// [`region_for_number`], and the number's type in that region when the search already worked it
/// out (a region without leading digits is chosen by its number type), so validation does not
/// match the same patterns twice.
fn region_and_type(cc: u16, national: &str) -> (Option<&'static str>, Option<PhoneType>) {
    match meta::regions_for_country_code(cc) {
        [] => (None, None),
        [only] => (Some(only), None),
        many => {
            for &r in many {
                let Some(m) = meta::entity(cc, r) else { continue };
                match m.leading_digits {
                    Some(ld) if matches_prefix(ld, national) => return (Some(r), None),
                    Some(_) => {}
                    // Most numbers of a shared code belong to another region: one run of all
                    // the region's type patterns at once rules it out without trying them
                    // type by type (a number no type pattern matches has no type here; every
                    // such alternation compiles, the test below checks).
                    None if m.any_type_pattern.is_none_or(|p| !full_match(p, national)) => {}
                    None => {
                        let t = number_type(national, m);
                        if t != PhoneType::Unknown {
                            return (Some(r), Some(t));
                        }
                    }
                }
            }
            (None, None)
        }
    }
}

fn matches_desc(national: &str, d: Option<&meta::Desc>) -> bool {
    let Some(d) = d else { return false };
    if !d.possible_lengths.is_empty() && !d.possible_lengths.contains(national.len()) {
        return false;
    }
    d.pattern.filter(|p| !p.is_empty()).is_some_and(|p| full_match(p, national))
}

/// `_number_type_helper`.
fn number_type(national: &str, m: &Region) -> PhoneType {
    if !matches_desc(national, Some(&m.general)) {
        return PhoneType::Unknown;
    }
    let t = |i: usize| m.types.get(i).and_then(Option::as_ref);
    for (i, ty) in [
        (desc::PREMIUM_RATE, PhoneType::PremiumRate),
        (desc::TOLL_FREE, PhoneType::TollFree),
        (desc::SHARED_COST, PhoneType::SharedCost),
        (desc::VOIP, PhoneType::Voip),
        (desc::PERSONAL_NUMBER, PhoneType::PersonalNumber),
        (desc::PAGER, PhoneType::Pager),
        (desc::UAN, PhoneType::Uan),
        (desc::VOICEMAIL, PhoneType::Voicemail),
    ] {
        if matches_desc(national, t(i)) {
            return ty;
        }
    }
    if matches_desc(national, t(desc::FIXED_LINE)) {
        if m.same_mobile_and_fixed_line_pattern || matches_desc(national, t(desc::MOBILE)) {
            return PhoneType::FixedLineOrMobile;
        }
        return PhoneType::FixedLine;
    }
    if !m.same_mobile_and_fixed_line_pattern && matches_desc(national, t(desc::MOBILE)) {
        return PhoneType::Mobile;
    }
    PhoneType::Unknown
}

/// `format_number`.
pub fn format(p: &Parsed, how: PhoneFormat) -> String {
    let [international, national, rfc3966] = format_all(p);
    match how {
        PhoneFormat::E164 => e164_of(p.country_code, &p.national),
        PhoneFormat::International => international,
        PhoneFormat::National => national,
        PhoneFormat::Rfc3966 => rfc3966,
    }
}

/// `+` country code national number, written without `format!` (hot path).
fn e164_of(cc: u16, nsn: &str) -> String {
    let mut s = String::with_capacity(nsn.len() + 4);
    s.push('+');
    push_code(&mut s, cc);
    s.push_str(nsn);
    s
}

/// Appends a country calling code (1 to 3 digits; any u16 is written in full).
fn push_code(out: &mut String, cc: u16) {
    let mut buf = [0u8; 5];
    let mut i = buf.len();
    let mut n = cc;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        out.push(char::from(b));
    }
}

/// INTERNATIONAL, NATIONAL and RFC 3966 at once: the formatting pattern is chosen once per format
/// list (RFC 3966 is the international layout with dashes), not once per output.
fn format_all(p: &Parsed) -> [String; 3] {
    let cc = p.country_code;
    let nsn = p.national.as_str();
    let Some(m) = metadata_for_country_code(cc) else {
        return [owned(nsn), owned(nsn), owned(nsn)];
    };
    let national_format = choose_format(&m.formats, nsn);
    let intl_format = if m.intl_formats.is_empty() { national_format } else { choose_format(&m.intl_formats, nsn) };
    let ext_prefix = m.preferred_extn_prefix.unwrap_or(" ext. ");
    let ext_len = p.extension.as_ref().map_or(0, |e| e.len() + 6);
    let room = nsn.len() + 12 + ext_len;

    let mut international = String::with_capacity(room);
    international.push('+');
    push_code(&mut international, cc);
    international.push(' ');
    let intl_at = international.len();
    match intl_format {
        Some(f) => apply_format(f, nsn, None, &mut international),
        None => international.push_str(nsn),
    }
    let mut national = String::with_capacity(room);
    match national_format {
        None => national.push_str(nsn),
        Some(f) => match f.national_prefix_formatting_rule.filter(|r| !r.is_empty()) {
            Some(np_rule) => apply_format(f, nsn, Some(np_rule), &mut national),
            None if intl_format.is_some_and(|i| std::ptr::eq(i, f)) => national.push_str(&international[intl_at..]),
            None => apply_format(f, nsn, None, &mut national),
        },
    }
    let mut rfc3966 = String::with_capacity(room);
    rfc3966.push_str("tel:+");
    push_code(&mut rfc3966, cc);
    rfc3966.push('-');
    if intl_format.is_some() {
        push_dash_separated(&international[intl_at..], &mut rfc3966);
    } else {
        rfc3966.push_str(&international[intl_at..]);
    }
    // Numbers with an extension are few: these appends go through the out-of-line helper.
    if let Some(e) = &p.extension {
        international.push_text(ext_prefix);
        international.push_text(e);
        national.push_text(ext_prefix);
        national.push_text(e);
        rfc3966.push_text(";ext=");
        rfc3966.push_text(e);
    }
    [international, national, rfc3966]
}

/// Whether a format's pattern matches all of `nsn` (ASCII digits).
/// (Every format pattern of the metadata reads as digit groups; the metadata tests check it.)
fn format_matches(f: &meta::Format, nsn: &str) -> bool {
    format_spans(f, nsn).is_some()
}

fn format_spans(f: &meta::Format, nsn: &str) -> Option<[(usize, usize); meta::MAX_FORMAT_GROUPS]> {
    f.groups.filter(|_| nsn.bytes().all(|b| b.is_ascii_digit())).and_then(|g| g.spans(nsn.len()))
}

/// Appends `nsn` laid out by the format (Python `re.sub(pattern, format, nsn)`), with the national
/// prefix formatting rule in place of the format's first group reference when one is given (the
/// rule's `$FG` standing for that reference: `$2 15-$3-$4` with `0$FG` gives `0$2 15-$3-$4`).
/// Formats are only applied to numbers they match; were one not to, the digits are written as they are.
pub(crate) fn apply_format(f: &meta::Format, nsn: &str, np_rule: Option<&str>, out: &mut String) {
    let Some(spans) = format_spans(f, nsn) else {
        out.push_str(nsn);
        return;
    };
    let group = |d: u8| spans.get(usize::from(d).wrapping_sub(1)).map_or("", |&(a, b)| nsn.get(a..b).unwrap_or(""));
    let mut rule = np_rule;
    let mut t = f.format;
    while let Some(i) = reference_at(t) {
        out.push_str(&t[..i]);
        let b = t.as_bytes();
        match b.get(i + 1).filter(|d| d.is_ascii_digit()) {
            Some(&d) => {
                let d = d - b'0';
                match rule.filter(|_| b[i] == b'$') {
                    Some(r) => {
                        rule = None;
                        expand_rule(r, group(d), &group, out);
                    }
                    None => out.push_str(group(d)),
                }
                t = &t[i + 2..];
            }
            None => {
                out.push(char::from(b[i]));
                t = &t[i + 1..];
            }
        }
    }
    out.push_str(t);
}

/// Where the first `$` or `\` of a format or rule is (a byte scan: both are ASCII).
pub(super) fn reference_at(t: &str) -> Option<usize> {
    t.bytes().position(|b| b == b'$' || b == b'\\')
}

/// Appends a national prefix formatting rule: `$FG` is the first group's text, `$1`..`$9` (and
/// `\1`..`\9`) groups, anything else literal.
fn expand_rule<'s>(rule: &str, first: &str, group: &impl Fn(u8) -> &'s str, out: &mut String) {
    let mut t = rule;
    while let Some(i) = reference_at(t) {
        out.push_str(&t[..i]);
        let rest = &t[i..];
        if rest.starts_with("$FG") {
            out.push_str(first);
            t = &rest[3..];
        } else if let Some(&d) = rest.as_bytes().get(1).filter(|d| d.is_ascii_digit()) {
            out.push_str(group(d - b'0'));
            t = &rest[2..];
        } else {
            out.push(char::from(rest.as_bytes()[0]));
            t = &rest[1..];
        }
    }
    out.push_str(t);
}

/// `_choose_formatting_pattern_for_number`: the first format whose last leading-digits pattern
/// matches the start of the number and whose pattern matches all of it.
fn choose_format<'m>(formats: &'m [meta::Format], nsn: &str) -> Option<&'m meta::Format> {
    formats.iter().find(|f| format_matches(f, nsn) && f.leading_digits.is_none_or(|ld| matches_prefix(ld, nsn)))
}

/// RFC 3966 form of a formatted national number: leading punctuation dropped, every run of
/// punctuation a single '-'.
#[cfg(test)]
fn dash_separated(s: &str) -> String {
    let mut out = string_with_capacity(s.len());
    push_dash_separated(s, &mut out);
    out
}

fn push_dash_separated(s: &str, out: &mut String) {
    let start = out.len();
    let mut pending = false;
    for c in s.chars() {
        if c.is_ascii_digit() {
            if pending && out.len() > start {
                out.push('-');
            }
            pending = false;
            out.push(c);
        } else if c.is_alphanumeric() {
            out.push(c);
        } else {
            pending = true;
        }
    }
}

/// Formats `text`, the phone number typed so far, for a field whose numbers default to `region`
/// (see [`as_you_type`]).
pub fn format_as_you_type(text: &str, default_region: Option<&str>) -> String {
    let region = default_region.map(|r| r.trim().to_ascii_uppercase());
    as_you_type::format_as_you_type(text, region.as_deref().and_then(meta::region))
}

/// The pinned source of the phone metadata.
pub fn metadata_source() -> &'static str {
    meta::SOURCE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str, region: &str) -> PhoneOutcome<'static> {
        validate_phone(s, &PhoneOptions { default_region: Some(region), ..PhoneOptions::default() }).into_owned()
    }

    #[test]
    fn the_shapes_people_type() {
        for (input, region, e164) in [
            ("0912 345 6789", "IR", "+989123456789"),
            ("+98 912 345 6789", "US", "+989123456789"),
            ("۰۹۱۲۳۴۵۶۷۸۹", "IR", "+989123456789"),
            ("(415) 555-2671", "US", "+14155552671"),
            ("0044 20 7946 0958", "FR", "+442079460958"),
            ("tel:+1-415-555-2671", "DE", "+14155552671"),
            ("１３８ ００１３ ８０００", "CN", "+8613800138000"),
        ] {
            let o = v(input, region);
            assert_eq!(o.e164.as_deref(), Some(e164), "{input}: {:?}", o.issues);
        }
        let o = v("(415) 555-2671 x12", "US");
        assert_eq!(o.extension.as_deref(), Some("12"));
        assert_eq!(o.value, "+14155552671;ext=12");
    }

    /// The search of phonenumbers' `_region_code_for_number_from_list`, type by type, without the
    /// any-type filter of [`region_and_type`].
    fn region_and_type_unfiltered(cc: u16, national: &str) -> (Option<&'static str>, Option<PhoneType>) {
        let regions = meta::regions_for_country_code(cc);
        if regions.len() < 2 {
            return (regions.first().copied(), None);
        }
        for &r in regions {
            let Some(m) = meta::entity(cc, r) else { continue };
            match m.leading_digits {
                Some(ld) if matches_prefix(ld, national) => return (Some(r), None),
                Some(_) => {}
                None => {
                    let t = number_type(national, m);
                    if t != PhoneType::Unknown {
                        return (Some(r), Some(t));
                    }
                }
            }
        }
        (None, None)
    }

    /// The any-type filter only skips regions the type-by-type search would pass over: the same
    /// region and type for random numbers of every calling code that several regions share, and
    /// every filter compiles and its automaton is complete under the state cap (so it never falls
    /// back to the VM).
    #[test]
    fn region_filter_changes_no_choice() {
        let mut rand = crate::test_rand::xorshift(0x2545_f491);
        let mut found = 0;
        for cc in 1..=999 {
            let regions = meta::regions_for_country_code(cc);
            if regions.len() < 2 {
                continue;
            }
            for r in regions.iter().filter_map(|&r| meta::entity(cc, r)).filter(|m| m.leading_digits.is_none()) {
                if let Some(p) = r.any_type_pattern {
                    let states = pattern::Pattern::metadata(p).and_then(|p| p.dfa_states_on_all_inputs());
                    assert!(states.is_some(), "{}: the any-type automaton is over the state cap", r.id);
                }
            }
            for _ in 0..20_000 {
                let len = 5 + rand(8);
                let national: String = (0..len).map(|_| char::from(b'0' + rand(10) as u8)).collect();
                let want = region_and_type_unfiltered(cc, &national);
                assert_eq!(region_and_type(cc, &national), want, "+{cc} {national}");
                found += usize::from(want.0.is_some());
            }
        }
        assert!(found > 20_000, "{found}");
    }

    #[test]
    fn placeholders() {
        assert!(is_placeholder("0000000000"));
        assert!(is_placeholder("1234567890"));
        assert!(is_placeholder("9876543210"));
        assert!(!is_placeholder("9123456789"));
    }

    #[test]
    fn rfc3966_dashes() {
        assert_eq!(dash_separated("(415) 555-2671"), "415-555-2671");
        assert_eq!(dash_separated("020 7946 0958"), "020-7946-0958");
    }
}
