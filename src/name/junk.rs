//! Junk detection: values typed into a name field that are not a name. Every check is a single
//! pass over the (capped) value.

use crate::issue::Code;
use crate::tables::names as t;
use crate::text;

/// Keyboard rows (QWERTY and the Persian standard layout). QWERTZ and AZERTY rows are left out:
/// with them real names become runs (Reza is r-e-z-a on AZERTY, Gertz e-r-t-z on QWERTZ).
const ROWS: &[&str] = &[
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "ضصثقفغعهخحجچ",
    "شسیبلاتنمکگ",
    "ظطزرذدپو",
];

/// The first junk finding for a cleaned (non-empty) value, with its params.
pub(crate) fn check(value: &str) -> Option<(Code, Vec<(&'static str, String)>)> {
    // A generation written with digits (John Smith 3rd) is a suffix, not a digit in the name.
    let value = match value.rsplit_once(' ') {
        Some((body, last)) if super::is_ordinal(&text::fold_for_key(last).replace('.', "")) => body,
        _ => value,
    };
    let mut letters = 0usize;
    let mut digits = 0usize;
    let mut digit_run = 0usize;
    let mut longest_digit_run = 0usize;
    let mut has_at = false;
    let mut bad: Option<char> = None;
    for c in value.chars() {
        if c.is_numeric() {
            digits += 1;
            digit_run += 1;
            longest_digit_run = longest_digit_run.max(digit_run);
            continue;
        }
        if !matches!(c, ' ' | '-' | '(' | ')' | '.' | '+' | '/') {
            digit_run = 0;
        }
        if c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c) {
            letters += 1;
        } else if c == '@' {
            has_at = true;
        } else if bad.is_none() && is_invalid_char(c) {
            bad = Some(c);
        }
    }
    if has_at && value.split('@').nth(1).is_some_and(|d| d.contains('.')) {
        return Some((Code::NameEmailInName, Vec::new()));
    }
    if digits >= 7 && (letters == 0 || longest_digit_run >= 7) {
        return Some((Code::NamePhoneInName, Vec::new()));
    }
    if digits > 0 && letters == 0 {
        return Some((Code::NameAllDigits, Vec::new()));
    }
    let folded = text::fold_for_key(value);
    let key = folded.trim_end_matches('.');
    if letters == 0 || t::PLACEHOLDERS.contains(&key) {
        return Some((Code::NamePlaceholder, Vec::new()));
    }
    if digits > 0 {
        return Some((Code::NameHasDigits, Vec::new()));
    }
    if let Some(c) = bad.or_else(|| has_at.then_some('@')) {
        return Some((Code::NameInvalidChars, vec![("char", c.to_string())]));
    }
    if repeated(&folded) {
        return Some((Code::NameRepeatedChars, Vec::new()));
    }
    if folded.split([' ', '-']).any(mash) {
        return Some((Code::NameKeyboardMash, Vec::new()));
    }
    None
}

/// Symbols that no name contains. Letters, marks, spaces and the punctuation of names
/// (hyphen, apostrophes, period, comma, parentheses for a nickname, the Chinese middle dot) pass.
fn is_invalid_char(c: char) -> bool {
    if c.is_alphanumeric() || c.is_whitespace() || unicode_normalization::char::is_combining_mark(c) {
        return false;
    }
    !matches!(c, '-' | '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | '.' | ',' | '(' | ')' | '"' | '·' | '・' | '‐' | '‑' | '–' | '\u{200C}' | '\u{200D}' | '،' | '&')
}

/// One letter four or more times in a row, or a word of three or more letters that is one letter
/// repeated (aaa, xxxx, جججج). Three in a row inside a word is left alone: it is a typo of a real
/// name more often than junk (Steeel).
fn repeated(folded: &str) -> bool {
    let mut prev = '\0';
    let mut run = 0;
    for c in folded.chars() {
        if c == prev && c.is_alphabetic() {
            run += 1;
            if run >= 4 {
                return true;
            }
        } else {
            prev = c;
            run = 1;
        }
    }
    // Roman numerals (III) are not repeats.
    folded.split([' ', '-']).filter(|w| *w != "iii").any(|w| {
        let mut cs = w.chars();
        let first = cs.next();
        w.chars().count() >= 3 && first.is_some_and(char::is_alphabetic) && cs.all(|c| Some(c) == first)
    })
}

/// Whether two letters are next to each other on a keyboard row.
fn neighbours(a: char, b: char) -> bool {
    ROWS.iter().any(|row| {
        let pos = |c: char| row.chars().position(|r| r == c);
        matches!((pos(a), pos(b)), (Some(x), Some(y)) if x.abs_diff(y) == 1)
    })
}

/// Whether one folded word is a keyboard mash.
fn mash(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let n = letters.len();
    if n < 4 {
        return false;
    }
    let latin = letters.iter().all(|c| c.is_ascii_lowercase());
    // A long Latin word without a vowel (y counts as one: Glynn, Przybylski); seven letters, as
    // shorter ones are mostly typos of real names with a vowel lost (Schpnk).
    if latin && n >= 7 && !letters.iter().any(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')) {
        return true;
    }
    // An alphabet run: abcd, dcba.
    let step = |a: char, b: char| (b as i64) - (a as i64);
    if latin && letters.windows(2).all(|w| step(w[0], w[1]) == 1) || letters.windows(2).all(|w| step(w[0], w[1]) == -1) {
        return true;
    }
    // A chunk of two or three letters repeated to make up the whole word: three times or more
    // (lalala, hahaha), or twice when the chunk is itself a run (asdasd, abcabc; not turtur).
    let run_like = |chunk: &[char]| chunk.windows(2).all(|w| step(w[0], w[1]).abs() == 1 || neighbours(w[0], w[1]));
    for p in [2, 3] {
        if n >= 2 * p && n % p == 0 && (p..n).all(|i| letters[i] == letters[i - p]) && (n >= 3 * p || run_like(&letters[..p])) {
            return true;
        }
    }
    // Neighbours on one keyboard row, all in one direction: a whole word of four (qwer, fdsa,
    // شسیب) or five inside a longer word (Doherty has e-r-t-y, ابوطالبی has ا-ل-ب-ی).
    let need = if n > 4 { 5 } else { 4 };
    ROWS.iter().any(|row| {
        let pos = |c: char| row.chars().position(|r| r == c);
        let mut run = 1;
        let mut dir = 0i64;
        for w in letters.windows(2) {
            match (pos(w[0]), pos(w[1])) {
                (Some(a), Some(b)) if a.abs_diff(b) == 1 => {
                    let d = b as i64 - a as i64;
                    run = if d == dir { run + 1 } else { 2 };
                    dir = d;
                    if run >= need {
                        return true;
                    }
                }
                _ => {
                    run = 1;
                    dir = 0;
                }
            }
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> Option<&'static str> {
        check(s).map(|(c, _)| c.as_str())
    }

    #[test]
    fn junk() {
        assert_eq!(code("asdf"), Some("name.placeholder"));
        assert_eq!(code("sdfg"), Some("name.keyboard_mash"));
        assert_eq!(code("Qwerty"), Some("name.placeholder"));
        assert_eq!(code("qwer"), Some("name.keyboard_mash"));
        assert_eq!(code("asdasd"), Some("name.keyboard_mash"));
        assert_eq!(code("bcdfghk"), Some("name.keyboard_mash"));
        assert_eq!(code("dsasdfghj"), Some("name.keyboard_mash"));
        assert_eq!(code("شسیب"), Some("name.keyboard_mash"));
        assert_eq!(code("جججج"), Some("name.repeated_chars"));
        assert_eq!(code("Aaaa"), Some("name.repeated_chars"));
        assert_eq!(code("Ooo"), Some("name.repeated_chars"));
        assert_eq!(code("Annnnna"), Some("name.repeated_chars"));
        assert_eq!(code("ali@gmail.com"), Some("name.email_in_name"));
        assert_eq!(code("0912 345 6789"), Some("name.phone_in_name"));
        assert_eq!(code("۰۹۱۲۳۴۵۶۷۸۹"), Some("name.phone_in_name"));
        assert_eq!(code("123"), Some("name.all_digits"));
        assert_eq!(code("John2"), Some("name.has_digits"));
        assert_eq!(code("N/A"), Some("name.placeholder"));
        assert_eq!(code("-"), Some("name.placeholder"));
        assert_eq!(code("First Name"), Some("name.placeholder"));
        assert_eq!(code("John#"), Some("name.invalid_chars"));
        for real in ["Anna", "Hannah", "Nana", "Lulu", "Przybylski", "Glynn", "Mkrtchyan", "O'Brien", "Jean-Luc",
            "محمد", "علی", "張偉", "欧阳娜娜", "Nguyen Van Minh", "Tran Thi Lan", "Fred", "Ng", "Ruth", "Oleksandr",
            "Marie (Mimi) Curie", "Björk", "Søren", "Þórður", "Bertrand", "Rezende", "Perez", "ابوطالبی", "لبيب", "Steeel", "Doherty", "Gertz", "Reza", "Bär", "X.", "Schpnk", "Turtur", "Nan"] {
            assert_eq!(code(real), None, "{real}");
        }
    }
}
