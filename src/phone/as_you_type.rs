//! Formatting a phone number while it is typed. Stateless: the whole text typed so far goes in
//! and its formatted form comes out, so edits in the middle of a field need no special handling.
//!
//! The rules follow libphonenumber's AsYouTypeFormatter (tests/phone_as_you_type.rs measures
//! agreement with it): the format is the first of the country's formats (the main region's, for
//! regions that share a calling code) whose leading digits and pattern can still match the digits
//! typed so far, among those fit for how the number was typed: formats whose national-prefix rule
//! shows a prefix only when one was typed, and never a format that writes digits of its own. The
//! digits are completed to the shortest match of that pattern, formatted, and the result is cut
//! after the last typed digit, so nothing the user did not type is shown. A typed national prefix
//! is kept as typed, then the formatted number. Formatting starts at the third national digit.

use super::meta::{Format, Region};
use super::parse::{extract_country_code, metadata_for_country_code};
use super::patterns::{can_extend, full_match, match_start, matches_prefix};
use super::{apply_format, cold_chars, has_byte, head, owned, string_with_capacity, tail, PushOutOfLine};
use crate::text::non_ascii_digit_value;

/// The longest national number libphonenumber accepts; also bounds the completion search.
const MAX_DIGITS: usize = 17;

/// Formats `text` (everything typed so far) for a field whose numbers default to `region`.
pub fn format_as_you_type(text: &str, region: Option<&Region>) -> String {
    let mut plus = false;
    let mut digits = String::new();
    for c in cold_chars(text) {
        if (c == '+' || c == '\u{FF0B}') && digits.is_empty() {
            plus = true;
        } else if let Some(d) = c.to_digit(10).or_else(|| non_ascii_digit_value(c).map(u32::from)) {
            if digits.len() < MAX_DIGITS + 6 {
                digits.push_ascii(b'0' + d as u8);
            }
        }
    }
    if plus {
        // "+" and one digit stay as typed: the country code may go on.
        if digits.len() < 2 {
            digits.insert(0, '+');
            return digits;
        }
        return international(&digits, "+");
    }
    let Some(region) = region else {
        return digits;
    };
    // Typed with the region's international prefix (00 44 ...).
    if let Some(end) = region.international_prefix.and_then(|p| match_start(p, &digits)) {
        if end > 0 && end < digits.len() && !tail(&digits, end).starts_with('0') {
            let mut prefix = owned(head(&digits, end));
            prefix.push_ascii(b' ');
            return international(tail(&digits, end), &prefix);
        }
    }
    national(&digits, region)
}

fn international(digits: &str, prefix: &str) -> String {
    let mut out = owned(prefix);
    let Some((cc, rest)) = extract_country_code(digits) else {
        out.push_text(digits);
        return out;
    };
    // A finished country code (its digits as typed: it has no leading zero) is followed by a
    // space while the national number starts.
    out.push_text(head(digits, digits.len() - rest.len()));
    out.push_ascii(b' ');
    let formatted = if rest.len() < 3 { None } else { metadata_for_country_code(cc).and_then(|m| partial(rest, m, false, "")) };
    match formatted {
        Some(formatted) => out.push_text(&formatted),
        None => out.push_text(rest),
    }
    out
}

fn national(digits: &str, region: &Region) -> String {
    // Regions sharing a calling code format with the main region's metadata (CA with US's).
    let region = metadata_for_country_code(region.country_code).unwrap_or(region);
    // The national prefix as typed (0 in 0912...), when the region has one.
    let prefix_len = region
        .national_prefix_for_parsing
        .and_then(|p| match_start(p, digits))
        .filter(|&n| n > 0 && region.national_prefix.is_some_and(|np| digits.starts_with(np)))
        .unwrap_or(0);
    let (typed_prefix, nsn) = digits.split_at(prefix_len);
    if nsn.len() < 3 {
        return owned(digits);
    }
    partial(nsn, region, true, typed_prefix).unwrap_or_else(|| owned(digits))
}

/// Whether a format may be used for a number typed with (or without) its national prefix: a rule
/// that shows a prefix needs one typed, one that does not needs none, unless the prefix is
/// optional for the format or it has a carrier-code rule.
fn fits_typed_prefix(f: &Format, prefix_typed: bool) -> bool {
    let shows_prefix = !matches!(f.national_prefix_formatting_rule.unwrap_or(""), "" | "$FG" | "($FG)");
    f.national_prefix_optional_when_formatting
        || if prefix_typed { shows_prefix || f.domestic_carrier_code_formatting_rule.is_some() } else { !shows_prefix }
}

/// A format that writes digits of its own (AR's `$2 15-$3-$4`) would show digits nobody typed.
fn writes_digits(format: &str) -> bool {
    let b = format.as_bytes();
    b.iter().enumerate().any(|(i, c)| c.is_ascii_digit() && (i == 0 || b[i - 1] != b'$'))
}

/// Formats the national digits typed so far, or None when no format fits them.
fn partial(nsn: &str, m: &Region, national: bool, typed_prefix: &str) -> Option<String> {
    let formats = if national || m.intl_formats.is_empty() { &m.formats } else { &m.intl_formats };
    for f in formats {
        if writes_digits(f.format) || (national && !fits_typed_prefix(f, !typed_prefix.is_empty())) {
            continue;
        }
        let leading_ok = f.leading_digits.is_none_or(|ld| matches_prefix(ld, nsn) || can_extend(ld, nsn));
        if !leading_ok || !can_extend(f.pattern, nsn) {
            continue;
        }
        let Some(complete) = complete(f.pattern, nsn) else { continue };
        let mut laid_out = string_with_capacity(complete.len() + 8);
        apply_format(f, &complete, None, &mut laid_out);
        let body = cut_after_digits(&laid_out, nsn.len());
        if typed_prefix.is_empty() {
            return Some(body);
        }
        // The prefix as typed, set apart the way the region's rule sets it apart.
        let rule = f.national_prefix_formatting_rule.unwrap_or("");
        let sep = if has_byte(rule, b' ') || has_byte(rule, b'-') { " " } else { "" };
        let mut out = owned(typed_prefix);
        out.push_text(sep);
        out.push_text(&body);
        return Some(out);
    }
    None
}

/// The shortest completion of `digits` that `pattern` fully matches (trying smaller digits
/// first), if one exists within the longest possible number.
fn complete(pattern: &'static str, digits: &str) -> Option<String> {
    let mut s = owned(digits);
    while !full_match(pattern, &s) {
        if s.len() >= MAX_DIGITS {
            return None;
        }
        let next = (b'0'..=b'9').map(char::from).find(|&d| {
            s.push(d);
            let ok = can_extend(pattern, &s);
            s.pop();
            ok
        })?;
        s.push(next);
    }
    Some(s)
}

/// `formatted` up to and including its `n`-th digit.
fn cut_after_digits(formatted: &str, n: usize) -> String {
    let mut seen = 0;
    let mut out = String::new();
    for c in cold_chars(formatted) {
        if seen == n {
            break;
        }
        if c.is_ascii_digit() {
            seen += 1;
        }
        out.push(c);
    }
    out
}
