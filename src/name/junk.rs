//! Junk detection: values typed into a name field that are not a name. Every check is a single
//! pass over the (capped) value.

use crate::issue::Code;
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
        if text::is_numeric(c) {
            digits += 1;
            digit_run += 1;
            longest_digit_run = longest_digit_run.max(digit_run);
            continue;
        }
        if !matches!(c, ' ' | '-' | '(' | ')' | '.' | '+' | '/') {
            digit_run = 0;
        }
        if text::is_alphabetic(c) || unicode_normalization::char::is_combining_mark(c) {
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
    // Names are short: ASCII ones are folded on the stack.
    let mut stack = [0u8; 64];
    let owned;
    let folded: &str = match text::fold_ascii_key(value, &mut stack) {
        Some(f) => f,
        None => {
            owned = text::fold_for_key(value);
            &owned
        }
    };
    let key = folded.trim_end_matches('.');
    if letters == 0 || super::Table::Placeholders.contains(key) {
        return Some((Code::NamePlaceholder, Vec::new()));
    }
    if digits > 0 {
        return Some((Code::NameHasDigits, Vec::new()));
    }
    if let Some(c) = bad.or_else(|| has_at.then_some('@')) {
        return Some((Code::NameInvalidChars, vec![("char", c.to_string())]));
    }
    if repeated(folded) {
        return Some((Code::NameRepeatedChars, Vec::new()));
    }
    // Scratch space for a word's letters (no more than its bytes).
    let (mut stack_letters, mut heap_letters) = (['\0'; 64], Vec::new());
    let letters: &mut [char] = if folded.len() <= stack_letters.len() {
        &mut stack_letters
    } else {
        heap_letters.resize(folded.len(), '\0');
        &mut heap_letters
    };
    if folded.split([' ', '-']).any(|w| mash(w, letters)) {
        return Some((Code::NameKeyboardMash, Vec::new()));
    }
    None
}

/// Symbols that no name contains. Letters, marks, spaces and the punctuation of names
/// (hyphen, apostrophes, period, comma, parentheses for a nickname, the Chinese middle dot) pass.
fn is_invalid_char(c: char) -> bool {
    if text::is_alphanumeric(c) || c.is_whitespace() || unicode_normalization::char::is_combining_mark(c) {
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
        if c == prev && text::is_alphabetic(c) {
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
        w.chars().count() >= 3 && first.is_some_and(text::is_alphabetic) && cs.all(|c| Some(c) == first)
    })
}

/// Row and position of the Latin letters a-z in [`ROWS`] (every letter is on exactly one row).
const LATIN_KEYS: [(u8, u8); 26] = {
    let mut t = [(0u8, 0u8); 26];
    let mut row = 0;
    while row < 3 {
        let bytes = ROWS[row].as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            t[(bytes[i] - b'a') as usize] = (row as u8, i as u8);
            i += 1;
        }
        row += 1;
    }
    t
};

/// The keyboard row of a letter and its position on it (no letter is on two rows of [`ROWS`]).
fn key_of(c: char) -> Option<(u8, u8)> {
    if c.is_ascii_lowercase() {
        return Some(LATIN_KEYS[(c as u8 - b'a') as usize]);
    }
    if c.is_ascii() {
        return None;
    }
    ROWS[3..].iter().enumerate().find_map(|(r, row)| row.chars().position(|k| k == c).map(|p| (r as u8 + 3, p as u8)))
}

/// Whether two letters are next to each other on one keyboard row.
fn neighbours(a: char, b: char) -> bool {
    matches!((key_of(a), key_of(b)), (Some((ra, x)), Some((rb, y))) if ra == rb && x.abs_diff(y) == 1)
}

/// Whether one folded word is a keyboard mash (`buf`: scratch space of at least its length in bytes).
fn mash(word: &str, buf: &mut [char]) -> bool {
    if word.len() < 4 {
        // Fewer than four characters, so fewer than four letters.
        return false;
    }
    let mut n = 0;
    for c in word.chars().filter(|&c| text::is_alphabetic(c)) {
        buf[n] = c;
        n += 1;
    }
    let letters = &buf[..n];
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
    // شسیب) or five inside a longer word (Doherty has e-r-t-y, ابوطالبی has ا-ل-ب-ی). A letter is
    // on one row only, so one pass follows every row: a step on another row starts a new run.
    let need = if n > 4 { 5 } else { 4 };
    let (mut run, mut dir, mut on) = (1, 0i16, u8::MAX);
    let mut prev = key_of(letters[0]);
    for &c in &letters[1..] {
        let next = key_of(c);
        match (prev, next) {
            (Some((ra, a)), Some((rb, b))) if ra == rb && a.abs_diff(b) == 1 => {
                let d = i16::from(b) - i16::from(a);
                run = if d == dir && ra == on { run + 1 } else { 2 };
                dir = d;
                on = ra;
                if run >= need {
                    return true;
                }
            }
            _ => {
                run = 1;
                dir = 0;
            }
        }
        prev = next;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> Option<&'static str> {
        check(s).map(|(c, _)| c.as_str())
    }

    #[test]
    fn key_positions_match_the_rows() {
        for (r, row) in ROWS.iter().enumerate() {
            for (p, c) in row.chars().enumerate() {
                assert_eq!(key_of(c), Some((r as u8, p as u8)), "{c} is on one row only");
            }
        }
        assert_eq!(key_of('1'), None);
        assert_eq!(key_of('é'), None);
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
