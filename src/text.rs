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

/// Unicode compatibility composition (NFKC): ligatures (ﬁ), presentation forms (ﻻ, ﺑ),
/// superscripts and full-width forms to their plain letters. For fields where the compatibility
/// variants carry no meaning (names, companies, street names).
pub fn nfkc(s: &str) -> Option<String> {
    if s.is_ascii() || s.chars().all(nfkc_stable) || unicode_normalization::is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        return None;
    }
    let n: String = s.nfkc().collect();
    (n != s).then_some(n)
}

/// Letters that are NFKC wherever they stand (quick-check Yes, combining class 0): ASCII, and
/// runs of the Latin, Arabic and Persian, CJK and Hangul letters contact data is mostly written
/// in, so that text of them skips the normalization tables. A test checks every one.
const NFKC_STABLE: &[(u32, u32)] = &[
    (0x00C0, 0x00FF), (0x0100, 0x0131), (0x0134, 0x013E), (0x0141, 0x0148), (0x014A, 0x017E), (0x0621, 0x063A),
    (0x0641, 0x064A), (0x067E, 0x067E), (0x0686, 0x0686), (0x0698, 0x0698), (0x06A9, 0x06A9), (0x06AF, 0x06AF),
    (0x06CC, 0x06CC), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3),
];

fn nfkc_stable(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        return true;
    }
    in_runs(NFKC_STABLE, cp)
}

/// Removes C0 and C1 control characters other than whitespace (tabs and line breaks are left for
/// [`collapse_whitespace`]).
pub fn strip_controls(s: &str) -> Option<String> {
    let drop = |c: char| c.is_control() && !c.is_whitespace();
    if !s.chars().any(drop) {
        return None;
    }
    Some(s.chars().filter(|&c| !drop(c)).collect())
}

/// Trims and collapses every run of Unicode whitespace (tabs, line breaks, no-break and
/// ideographic spaces) to one ASCII space.
pub fn collapse_whitespace(s: &str) -> Option<String> {
    let mut prev_space = true; // leading whitespace is dropped
    let mut clean = true;
    for c in s.chars() {
        if c.is_whitespace() {
            if prev_space || c != ' ' {
                clean = false;
                break;
            }
            prev_space = true;
        } else {
            prev_space = false;
        }
    }
    if clean && !s.ends_with(' ') {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Some(out)
}

/// Arabic tatweel (kashida, U+0640): a stretching mark with no letter value.
pub const TATWEEL: char = '\u{0640}';
/// Zero-width non-joiner: part of Persian spelling (می‌خواهم), kept in Persian text.
pub const ZWNJ: char = '\u{200C}';

/// Removes tatweel (محـــمد -> محمد).
pub fn remove_tatweel(s: &str) -> Option<String> {
    s.contains(TATWEEL).then(|| s.chars().filter(|&c| c != TATWEEL).collect())
}

/// Arabic yeh (ي), alef maksura (ى) and kaf (ك) to the Persian yeh (ی) and keheh (ک), for text
/// written in Persian (a Persian keyboard types ی/ک; Arabic keyboards and old data type ي/ك).
pub fn to_persian_letters(s: &str) -> Option<String> {
    let map = |c: char| match c {
        '\u{064A}' | '\u{0649}' => Some('\u{06CC}'),
        '\u{0643}' => Some('\u{06A9}'),
        _ => None,
    };
    map_chars(s, map)
}

/// The reverse of [`to_persian_letters`] for text written in Arabic: ی -> ي, ک -> ك.
pub fn to_arabic_letters(s: &str) -> Option<String> {
    let map = |c: char| match c {
        '\u{06CC}' => Some('\u{064A}'),
        '\u{06A9}' => Some('\u{0643}'),
        _ => None,
    };
    map_chars(s, map)
}

fn map_chars(s: &str, map: impl Fn(char) -> Option<char>) -> Option<String> {
    if s.is_ascii() || !s.chars().any(|c| map(c).is_some()) {
        return None;
    }
    Some(s.chars().map(|c| map(c).unwrap_or(c)).collect())
}

/// Which language Arabic-script text is written in, decided by letters only one of them uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArabicScriptLanguage {
    Persian,
    Arabic,
    /// Only letters both use (محمد, علی with the Arabic yeh is Arabic; without telling letters it is unknown).
    Unknown,
}

/// Persian-only letters (پ چ ژ گ ی ک) make the text Persian; Arabic-only ones (ة ي ى ك and the
/// hamza forms أ إ ؤ on their own are not enough) make it Arabic. Persian wins when both appear,
/// since mixed ي/ی is typical of Persian typed on an Arabic keyboard.
pub fn arabic_script_language(s: &str) -> ArabicScriptLanguage {
    let mut arabic = false;
    for c in s.chars() {
        match c {
            '\u{067E}' | '\u{0686}' | '\u{0698}' | '\u{06AF}' | '\u{06CC}' | '\u{06A9}' | ZWNJ => {
                return ArabicScriptLanguage::Persian
            }
            '\u{0629}' | '\u{064A}' | '\u{0649}' | '\u{0643}' => arabic = true,
            _ => {}
        }
    }
    if arabic {
        ArabicScriptLanguage::Arabic
    } else {
        ArabicScriptLanguage::Unknown
    }
}

/// The writing systems text fields care about telling apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Script {
    Latin,
    Arabic,
    Han,
    Cyrillic,
    Greek,
    Hebrew,
    Hangul,
    Kana,
    Devanagari,
    Thai,
    Other,
}

impl Script {
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Arabic => "Arabic",
            Script::Han => "Han",
            Script::Cyrillic => "Cyrillic",
            Script::Greek => "Greek",
            Script::Hebrew => "Hebrew",
            Script::Hangul => "Hangul",
            Script::Kana => "Kana",
            Script::Devanagari => "Devanagari",
            Script::Thai => "Thai",
            Script::Other => "Other",
        }
    }

    /// Scripts with upper and lower case (the others are never recased).
    pub fn has_case(self) -> bool {
        matches!(self, Script::Latin | Script::Cyrillic | Script::Greek)
    }
}

/// Runs of letters of the scripts contact data is mostly written in (Latin, Greek, Cyrillic,
/// Arabic, Hangul, kana, CJK ideographs): every code point in them is alphabetic and not numeric.
/// A test checks both against the standard library over the whole BMP.
const LETTER_RUNS: &[(u32, u32)] = &[
    (0x00C0, 0x00D6), (0x00D8, 0x00F6), (0x00F8, 0x02C1), (0x0388, 0x038A), (0x038E, 0x03A1), (0x03A3, 0x03F5),
    (0x03F7, 0x0481), (0x048A, 0x052F), (0x0620, 0x0657), (0x066E, 0x06D3), (0x3041, 0x3096), (0x30A1, 0x30FA),
    (0x4E00, 0x9FFF), (0xAC00, 0xD7A3),
];

fn in_letter_runs(cp: u32) -> bool {
    in_runs(LETTER_RUNS, cp)
}

/// Whether `cp` lies in one of `runs` (sorted, disjoint, inclusive).
fn in_runs(runs: &[(u32, u32)], cp: u32) -> bool {
    let i = runs.partition_point(|&(lo, _)| lo <= cp);
    i > 0 && cp <= runs[i - 1].1
}

/// `char::is_alphabetic`, with the common scripts' letters answered by range (the standard
/// library's table search costs a few hundred instructions a character).
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_letter_runs(c as u32) || c.is_alphabetic()
}

/// `char::is_numeric`, answered by range for ASCII and the common scripts' letters.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    !in_letter_runs(c as u32) && c.is_numeric()
}

/// `char::is_alphanumeric`, through [`is_alphabetic`] and [`is_numeric`].
pub fn is_alphanumeric(c: char) -> bool {
    is_alphabetic(c) || is_numeric(c)
}

/// Blocks of scripts without case (Arabic, kana, CJK ideographs, Hangul syllables): no character
/// in them is upper or lower case or changes when lowercased (a test checks every one).
const CASELESS: &[(u32, u32)] = &[(0x0600, 0x06FF), (0x3040, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3)];

pub(crate) fn caseless(c: char) -> bool {
    let cp = c as u32;
    cp >= 0x0600 && CASELESS.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp))
}

/// `char::is_uppercase`, without the table search for ASCII and caseless scripts.
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    !caseless(c) && c.is_uppercase()
}

/// `char::is_lowercase`, without the table search for ASCII and caseless scripts.
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    !caseless(c) && c.is_lowercase()
}

/// The script of a letter; `None` for digits, punctuation, spaces, marks and symbols.
pub fn script_of(c: char) -> Option<Script> {
    let cp = c as u32;
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then_some(Script::Latin);
    }
    if !is_alphabetic(c) {
        return None;
    }
    Some(match cp {
        0x00C0..=0x024F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xAB30..=0xAB6F | 0xFF21..=0xFF5A => {
            Script::Latin
        }
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x0900..=0x097F => Script::Devanagari,
        0x0E00..=0x0E7F => Script::Thai,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
        0x2E80..=0x2FDF | 0x3005..=0x3007 | 0x3021..=0x3029 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0x20000..=0x3134F => Script::Han,
        _ => Script::Other,
    })
}

/// The distinct scripts of the letters in `s`, in a stable order (at most one entry per script).
pub fn scripts(s: &str) -> Vec<Script> {
    if s.is_ascii() {
        return if s.bytes().any(|b| b.is_ascii_alphabetic()) { vec![Script::Latin] } else { Vec::new() };
    }
    let mut v: Vec<Script> = Vec::new();
    for sc in s.chars().filter_map(script_of) {
        if !v.contains(&sc) {
            v.push(sc);
        }
    }
    v.sort();
    v
}

/// [`fold_for_key`] of ASCII text: without decomposition, as ASCII has no marks and folds by case
/// alone. Whitespace runs become one space, none at the ends.
fn fold_ascii(s: &[u8], mut push: impl FnMut(u8)) {
    let (mut pending, mut any) = (false, false);
    for &b in s {
        if char::from(b).is_whitespace() {
            pending = any;
        } else {
            if pending {
                push(b' ');
                pending = false;
            }
            push(b.to_ascii_lowercase());
            any = true;
        }
    }
}

/// [`fold_for_key`] written into `buf` (no allocation), when `s` is ASCII and fits.
pub fn fold_ascii_key<'b>(s: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    if !s.is_ascii() || s.len() > buf.len() {
        return None;
    }
    let mut n = 0;
    fold_ascii(s.as_bytes(), |b| {
        buf[n] = b;
        n += 1;
    });
    std::str::from_utf8(&buf[..n]).ok()
}

/// A matching-key fold: lowercase, accents and other combining marks (Latin diacritics, Arabic
/// harakat, dagger alef) removed, tatweel and invisible characters removed, letters that do not
/// decompose folded by hand (ß ss, æ ae, ø o, đ d, ł l, þ th, œ oe, ı i), Arabic letter variants
/// unified (أ إ آ ٱ -> ا, ى ي -> ی, ك -> ک, ة -> ه, ؤ -> و, ئ -> ی), whitespace collapsed.
/// For keys only: never shown to a user.
pub fn fold_for_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        fold_ascii(s.as_bytes(), |b| out.push(char::from(b)));
        return out;
    }
    let mut space = true;
    // Letters that decompose to themselves and start a combining sequence are folded as they
    // stand; only the runs between them go through the decomposition (the same result, as
    // decomposition never reorders across such a letter).
    let mut run_start = 0;
    for (i, c) in s.char_indices() {
        if nfkd_stable(c) {
            s[run_start..i].nfkd().for_each(|d| fold_key_char(d, &mut out, &mut space));
            if c.is_ascii() {
                fold_key_char(c, &mut out, &mut space);
            } else {
                // No mark, invisible or space is in the stable runs (a test checks).
                fold_key_letter(c, &mut out, &mut space);
            }
            run_start = i + c.len_utf8();
        }
    }
    s[run_start..].nfkd().for_each(|d| fold_key_char(d, &mut out, &mut space));
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// One decomposed character of [`fold_for_key`] appended to `out`; `space` says the output ends
/// in a space or is empty.
fn fold_key_char(c: char, out: &mut String, space: &mut bool) {
    // Marks, invisible characters and joiners are dropped; ASCII never is (only its case folds).
    if !c.is_ascii() && (unicode_normalization::char::is_combining_mark(c) || is_invisible(c) || c == TATWEEL || c == ZWNJ || c == '\u{200D}') {
        return;
    }
    if c.is_whitespace() {
        if !*space {
            out.push(' ');
            *space = true;
        }
    } else if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        *space = false;
    } else {
        fold_key_letter(c, out, space);
    }
}

/// [`fold_key_char`] of a character that is no mark, invisible character or space.
fn fold_key_letter(c: char, out: &mut String, space: &mut bool) {
    *space = false;
    match c {
        'ß' | 'ẞ' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'þ' | 'Þ' => out.push_str("th"),
        'ø' | 'Ø' => out.push('o'),
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        'ł' | 'Ł' => out.push('l'),
        'ı' => out.push('i'),
        '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}' => out.push('\u{0627}'),
        '\u{0649}' | '\u{064A}' | '\u{0626}' => out.push('\u{06CC}'),
        '\u{0643}' => out.push('\u{06A9}'),
        '\u{0629}' => out.push('\u{0647}'),
        '\u{0624}' => out.push('\u{0648}'),
        c if caseless(c) => out.push(c),
        _ => out.extend(c.to_lowercase()),
    }
}

/// Characters that are their own NFKD and have combining class 0: ASCII, and the Arabic and
/// Persian letters and CJK ideographs that make up most non-Latin contact data. A test checks
/// every one.
const NFKD_STABLE: &[(u32, u32)] = &[
    (0x0621, 0x0621), (0x0627, 0x063A), (0x0641, 0x064A), (0x067E, 0x067E), (0x0686, 0x0686), (0x0698, 0x0698),
    (0x06A9, 0x06A9), (0x06AF, 0x06AF), (0x06CC, 0x06CC), (0x4E00, 0x9FFF),
];

fn nfkd_stable(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        return true;
    }
    in_runs(NFKD_STABLE, cp)
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
    fn hygiene() {
        assert_eq!(collapse_whitespace("  Jean \t Luc\u{00A0} "), Some("Jean Luc".into()));
        assert_eq!(collapse_whitespace("Jean Luc"), None);
        assert_eq!(collapse_whitespace("Jean  Luc"), Some("Jean Luc".into()));
        assert_eq!(collapse_whitespace("Jean Luc "), Some("Jean Luc".into()));
        assert_eq!(collapse_whitespace(""), None);
        assert_eq!(strip_controls("a\u{0007}b\u{0085}"), Some("ab\u{0085}".into()));
        assert_eq!(remove_tatweel("محـــمد").as_deref(), Some("محمد"));
        assert_eq!(to_persian_letters("علي كريمي").as_deref(), Some("علی کریمی"));
        assert_eq!(to_arabic_letters("علی").as_deref(), Some("علي"));
        assert_eq!(to_persian_letters("Ali"), None);
        assert_eq!(nfkc("ﬁle").as_deref(), Some("file"));
        assert_eq!(nfkc("plain"), None);
        assert_eq!(arabic_script_language("پرویز"), ArabicScriptLanguage::Persian);
        assert_eq!(arabic_script_language("فاطمة"), ArabicScriptLanguage::Arabic);
        assert_eq!(arabic_script_language("محمد"), ArabicScriptLanguage::Unknown);
        assert_eq!(scripts("Ali علی 李"), vec![Script::Latin, Script::Arabic, Script::Han]);
        assert_eq!(scripts("O'Brien-2"), vec![Script::Latin]);
        assert_eq!(fold_for_key(" Zoë  Ørsted-Straße "), "zoe orsted-strasse");
        assert_eq!(fold_for_key("مُحَمَّد"), "محمد");
        assert_eq!(fold_for_key("علي"), fold_for_key("علی"));
        assert_eq!(fold_for_key("أحمد"), "احمد");
        // The ASCII fast path agrees with the general one (a trailing é forces the general path).
        for ascii in ["  A\tb\u{000B}C  d", "O'Brien-SMITH", "", "x\u{0007}y"] {
            assert_eq!(format!("{}e", fold_for_key(ascii)), fold_for_key(&format!("{ascii}\u{00E9}")), "{ascii:?}");
        }
    }

    #[test]
    fn caseless_blocks_have_no_case() {
        for &(lo, hi) in CASELESS {
            for c in (lo..=hi).filter_map(char::from_u32) {
                assert!(!c.is_uppercase() && !c.is_lowercase(), "U+{:04X}", c as u32);
                assert!(c.to_lowercase().eq([c]), "U+{:04X}", c as u32);
            }
        }
        for c in (0..0x80).filter_map(char::from_u32) {
            assert_eq!((is_upper(c), is_lower(c)), (c.is_uppercase(), c.is_lowercase()));
        }
    }

    #[test]
    fn nfkd_stable_letters_decompose_to_themselves() {
        use unicode_normalization::char::canonical_combining_class;
        assert!(NFKD_STABLE.windows(2).all(|w| w[0].1 < w[1].0));
        let ascii = (0u32..0x80).map(|cp| (cp, cp));
        for (lo, hi) in NFKD_STABLE.iter().copied().chain(ascii) {
            for c in (lo..=hi).filter_map(char::from_u32) {
                assert!(std::iter::once(c).nfkd().eq([c]) && canonical_combining_class(c) == 0, "U+{:04X}", c as u32);
                let skipped = unicode_normalization::char::is_combining_mark(c) || is_invisible(c) || c.is_whitespace()
                    || matches!(c, TATWEEL | ZWNJ | '\u{200D}');
                assert!(c.is_ascii() || !skipped, "U+{:04X}", c as u32);
            }
        }
    }

    /// The fold decomposes only between stable letters: the same as decomposing the whole text.
    #[test]
    fn fold_for_key_matches_whole_text_decomposition() {
        fn whole(s: &str) -> String {
            let (mut out, mut space) = (String::new(), true);
            s.nfkd().for_each(|c| fold_key_char(c, &mut out, &mut space));
            if out.ends_with(' ') {
                out.pop();
            }
            out
        }
        let parts = [
            "a", "Z", " ", "\t", "\u{0B}", "\u{0301}", "\u{0327}", "e\u{0301}", "é", "Å", "ß", "ﬁ", "①", "ａ", "Ⅻ", "ا",
            "\u{0622}", "\u{0653}", "\u{064B}", "\u{0670}", "ي", "ك", "ة", "ـ", "\u{200C}", "\u{200D}", "\u{00A0}", "\u{3000}",
            "王", "\u{F900}", "가", "が", "ﾊﾟ", "Ω", "ǅ", "İ", "ı", "\u{0345}", "\u{1E9B}\u{0323}", "\u{0315}", "\u{05AE}",
        ];
        let mut rand = crate::test_rand::xorshift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..rand(7) {
                text.push_str(parts[rand(parts.len())]);
            }
            assert_eq!(fold_for_key(&text), whole(&text), "{text:?}");
        }
    }

    #[test]
    fn nfkc_stable_letters_are_nfkc_anywhere() {
        use unicode_normalization::char::canonical_combining_class;
        assert!(NFKC_STABLE.windows(2).all(|w| w[0].1 < w[1].0));
        for &(lo, hi) in NFKC_STABLE {
            for c in (lo..=hi).filter_map(char::from_u32) {
                let yes = unicode_normalization::is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes;
                assert!(yes && canonical_combining_class(c) == 0, "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn letter_runs_agree_with_the_standard_library() {
        assert!(LETTER_RUNS.windows(2).all(|w| w[0].1 < w[1].0));
        for c in (0..=0xFFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "U+{:04X}", c as u32);
            assert_eq!(is_numeric(c), c.is_numeric(), "U+{:04X}", c as u32);
        }
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
