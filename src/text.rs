//! Text hygiene shared by every field: invisible characters, width and digit folding, NFC.
//!
//! Each function returns `None` when it would not change its input, so callers (see
//! [`crate::issue::Changes`]) record a change only when one happened and pay no allocation otherwise.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Removes characters that are invisible and never meaningful in a contact value: bidi controls
/// (LRM, RLM, embeddings, overrides, isolates, ALM), zero-width space, word joiner, BOM, soft hyphen.
/// ZWNJ and ZWJ are removed too unless `keep_joiners` (Persian text needs ZWNJ: می‌خواهم).
pub fn strip_invisible(s: &str, keep_joiners: bool) -> Option<String> {
    let drop = |c: char| is_invisible(c) || (!keep_joiners && matches!(c, '\u{200C}' | '\u{200D}'));
    if !s.chars().any(drop) {
        return None;
    }
    Some(s.chars().filter(|&c| !drop(c)).collect())
}

fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Trims Unicode whitespace (including no-break and ideographic spaces) from both ends.
pub fn trim(s: &str) -> Option<String> {
    let t = s.trim();
    (t.len() != s.len()).then(|| t.to_owned())
}

/// Folds full-width ASCII forms (U+FF01..U+FF5E) to ASCII, the ideographic space to a space, and
/// the ideographic full stops (U+3002, U+FF61) to '.', as IDNA does for domain separators.
pub fn fold_width(s: &str) -> Option<String> {
    let fold = |c: char| -> Option<char> {
        match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21),
            '\u{3000}' => Some(' '),
            '\u{3002}' | '\u{FF61}' => Some('.'),
            _ => None,
        }
    };
    if !s.chars().any(|c| fold(c).is_some()) {
        return None;
    }
    Some(s.chars().map(|c| fold(c).unwrap_or(c)).collect())
}

/// The code point of digit zero of every Unicode decimal-digit (Nd) run of ten, from
/// UnicodeData.txt (Unicode 15.1), so that any script's digits fold to ASCII.
const DIGIT_ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E950,
    0x1FBF0,
];

/// The ASCII digit for any Unicode decimal digit, `None` for everything else (ASCII digits included).
pub fn non_ascii_digit_value(c: char) -> Option<u8> {
    let cp = c as u32;
    if cp < 0x0660 {
        return None;
    }
    // DIGIT_ZEROS is sorted: find the last zero <= cp.
    let i = DIGIT_ZEROS.partition_point(|&z| z <= cp);
    let zero = *DIGIT_ZEROS.get(i.checked_sub(1)?)?;
    let d = cp - zero;
    (d < 10).then_some(d as u8)
}

/// Folds the digits of every script (Persian ۰-۹, Arabic-Indic ٠-٩, Devanagari, full-width ...) to ASCII.
pub fn fold_digits(s: &str) -> Option<String> {
    if s.is_ascii() || !s.chars().any(|c| non_ascii_digit_value(c).is_some()) {
        return None;
    }
    Some(s.chars().map(|c| non_ascii_digit_value(c).map_or(c, |d| char::from(b'0' + d))).collect())
}

/// Unicode canonical composition (NFC). ASCII and already-NFC text returns `None` without allocating.
pub fn nfc(s: &str) -> Option<String> {
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        return None;
    }
    let n: String = s.nfc().collect();
    (n != s).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds() {
        assert_eq!(fold_width("ａｌｉ＠ｇｍａｉｌ．ｃｏｍ").as_deref(), Some("ali@gmail.com"));
        assert_eq!(fold_width("a。b"), Some("a.b".into()));
        assert_eq!(fold_width("plain"), None);
        assert_eq!(fold_digits("۰۹۱۲٣٤５").as_deref(), Some("0912345"));
        assert_eq!(fold_digits("abc123"), None);
        assert_eq!(non_ascii_digit_value('٩'), Some(9));
        assert_eq!(non_ascii_digit_value('a'), None);
        assert_eq!(non_ascii_digit_value('\u{06FA}'), None); // Persian letter after the digits
        assert_eq!(non_ascii_digit_value('𝟗'), Some(9));
        assert_eq!(strip_invisible("\u{200F}ali\u{200B}@x.com", false).as_deref(), Some("ali@x.com"));
        assert_eq!(strip_invisible("می\u{200C}خواهم", true), None);
        assert_eq!(trim("\u{00A0} a b\u{3000}").as_deref(), Some("a b"));
        assert_eq!(nfc("e\u{0301}").as_deref(), Some("é"));
        assert_eq!(nfc("é"), None);
    }

    #[test]
    fn every_digit_zero_starts_a_run_of_ten_digits() {
        for &z in DIGIT_ZEROS {
            for d in 0..10 {
                let c = char::from_u32(z + d).unwrap();
                assert_eq!(non_ascii_digit_value(c), Some(d as u8), "U+{:04X}", z + d);
                assert!(c.is_numeric());
            }
        }
    }
}
