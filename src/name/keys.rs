//! Matching keys for names, for the duplicate finder. The API is small on purpose:
//!
//! - [`fold_key`]: lowercase, accents and harakat removed, Persian/Arabic transliterated to Latin
//!   letters, Chinese characters to toneless pinyin. Two spellings that differ only in case,
//!   accents, ي/ی, tatweel or script variants get the same key.
//! - [`phonetic_key`]: a *consonant skeleton* of the fold key, one per word: vowels dropped,
//!   consonants merged into sound classes (c/k/q/g, s/ç, f/ph/v-initial ...), doubled classes
//!   collapsed. Arabic script writes no short vowels, so a skeleton is what a Latin spelling
//!   and an Arabic-script spelling of one name share: Mohammad, Muhammad, Mohamed and محمد all
//!   give `mhmd`; Hossein, Husain and حسین give `hsn`. It is coarser than Double Metaphone on
//!   English (Jon and John differ; Smith and Smyth agree) and meant to be one signal among several.
//! - [`given_name_groups`] and [`same_given_name`]: nickname and spelling-variant groups from the
//!   generated table (PyPI `nicknames` plus a curated Persian/Arabic supplement): Bill ~ William,
//!   Bob ~ Robert, Sasha ~ Alexander, Mohammad ~ Muhammad ~ محمد, Hossein ~ Hosein.

use crate::tables::names as t;
use crate::tables::FxHasher;
use crate::text;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

type Map<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The pinyin of a Chinese character of the table (GB 2312 level 1 and the surname list).
pub fn pinyin(c: char) -> Option<&'static str> {
    static MAP: OnceLock<Map<char, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = Map::default();
        for line in t::HAN_PINYIN.lines() {
            if let Some((syllable, chars)) = line.split_once(' ') {
                m.extend(chars.chars().map(|c| (c, syllable)));
            }
        }
        m
    })
    .get(&c)
    .copied()
}

/// A Latin transliteration of one Arabic-script letter (after [`text::fold_for_key`], so the
/// Arabic yeh and kaf already read as the Persian ones). `initial`: first letter of a word, where
/// و and ی are consonants (v, y); elsewhere they are mostly long vowels (u, i). Letters read
/// differently in Persian and Arabic (ث ذ ض ظ) take the Persian reading, as most of the names
/// this serves are Iranian; the phonetic key merges the difference away in the common cases.
fn arabic_letter(c: char, initial: bool) -> Option<&'static str> {
    Some(match c {
        'ا' | 'آ' => "a",
        'ب' => "b",
        'پ' => "p",
        'ت' | 'ط' => "t",
        'ث' | 'س' | 'ص' => "s",
        'ج' => "j",
        'چ' => "ch",
        'ح' | 'ه' => "h",
        'خ' => "kh",
        'د' => "d",
        'ذ' | 'ز' | 'ض' | 'ظ' => "z",
        'ر' => "r",
        'ژ' => "zh",
        'ش' => "sh",
        'ع' | 'ء' => "",
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ک' => "k",
        'گ' => "g",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'و' if initial => "v",
        'و' => "u",
        'ی' if initial => "y",
        'ی' => "i",
        _ => return None,
    })
}

/// The matching fold of a name (see the module docs). Characters that are neither letters of a
/// known script nor spaces and hyphens are dropped; a hyphen becomes a space.
pub fn fold_key(name: &str) -> String {
    let folded = text::fold_for_key(name);
    if folded.is_ascii() {
        return ascii_fold(&folded);
    }
    let mut out = String::with_capacity(folded.len());
    let mut prev: Option<char> = None;
    for c in folded.chars() {
        let initial = !prev.is_some_and(|p| p.is_alphabetic());
        if let Some(lat) = arabic_letter(c, initial) {
            out.push_str(lat);
        } else if let Some(py) = pinyin(c) {
            out.push_str(py);
        } else if c.is_alphanumeric() {
            out.push(c);
        } else if (c == ' ' || c == '-') && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        prev = Some(c);
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

fn ascii_fold(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    for b in folded.bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(char::from(b));
        } else if (b == b' ' || b == b'-') && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The phonetic key of a name: the consonant skeleton of each word of its [`fold_key`], space-separated.
pub fn phonetic_key(name: &str) -> String {
    let folded = fold_key(name);
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        skeleton(word.as_bytes(), &mut out);
    }
    out
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Appends the consonant skeleton of one folded word (see the module docs for the classes).
fn skeleton(w: &[u8], out: &mut String) {
    let start = out.len();
    let mut last = 0u8;
    let mut i = 0;
    let at = |i: usize| w.get(i).copied().unwrap_or(0);
    while i < w.len() {
        let (b, next) = (w[i], at(i + 1));
        let initial = i == 0;
        let (class, len) = match (b, next) {
            (b's', b'c') if at(i + 2) == b'h' => (b'x', 3),
            (b's', b'h') => (b'x', 2),
            (b'c', b'h') => (b'C', 2),
            (b'p', b'h') => (b'f', 2),
            (b't', b'h') => (b't', 2),
            (b'd', b'h') => (b'd', 2),
            (b'k', b'h') => (b'h', 2),
            (b'g', b'h') => (b'k', 2),
            (b'z', b'h') | (b'd', b'j') => (b'j', 2),
            (b'c', b'k') => (b'k', 2),
            (b'c', b'e' | b'i' | b'y') => (b's', 1),
            (b'c' | b'g' | b'q', _) => (b'k', 1),
            (b'x', _) => {
                push_class(out, &mut last, b'k');
                (b's', 1)
            }
            (b'v' | b'w', _) if initial => (b'v', 1),
            (b'y', _) if initial => (b'y', 1),
            (b'v' | b'w' | b'y', _) => (0, 1),
            (b'h', _) if i + 1 == w.len() && i > 0 => (0, 1),
            (b, _) if is_vowel(b) => (0, 1),
            (b, _) if b.is_ascii_alphabetic() => (b, 1),
            _ => (0, 1),
        };
        if class == 0 {
            // A vowel separates two equal consonants only in spelling, not in the skeleton
            // (Mohammad and Muhamad both give mhmd); nothing to push.
        } else {
            push_class(out, &mut last, class);
        }
        i += len;
    }
    if out.len() == start {
        // All vowels (Eva, Ai): the first letter stands for the word.
        if let Some(&b) = w.first() {
            out.push(char::from(b));
        }
    }
}

fn push_class(out: &mut String, last: &mut u8, class: u8) {
    if *last != class {
        out.push(char::from(class.to_ascii_lowercase()));
        *last = class;
    }
}

/// The given-name table: name -> the rest of its line (canonical names, `=` for itself).
fn given_table() -> &'static Map<&'static str, &'static str> {
    static MAP: OnceLock<Map<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        t::GIVEN.lines().filter_map(|line| line.split_once(' ')).collect()
    })
}

/// The groups of a given name: the canonical names (group keys) of the nickname and variant
/// groups it belongs to, sorted; a name in no group is its own group (its fold). Only the first
/// word counts (`Mary Ann` is grouped as Mary). Empty for a name with no letters.
///
/// ```
/// use intake::name::keys::given_name_groups;
/// assert!(given_name_groups("Bill").contains(&"william".to_string()));
/// assert_eq!(given_name_groups("محمد"), vec!["mohammad".to_string()]);
/// assert_eq!(given_name_groups("Zorblax"), vec!["zorblax".to_string()]);
/// ```
pub fn given_name_groups(given: &str) -> Vec<String> {
    let folded = text::fold_for_key(given);
    let Some(first) = folded.split([' ', '-']).find(|w| w.chars().any(char::is_alphabetic)) else {
        return Vec::new();
    };
    let first: String = first.chars().filter(|c| c.is_alphabetic()).collect();
    match given_table().get(first.as_str()) {
        Some(rest) => rest.split(' ').map(|g| if g == "=" { first.clone() } else { g.to_owned() }).collect(),
        None => vec![fold_key(&first)],
    }
}

/// Whether two given names can be the same person's: equal folds, or a shared nickname/variant group.
///
/// ```
/// use intake::name::keys::same_given_name;
/// assert!(same_given_name("Bob", "Robert"));
/// assert!(same_given_name("Mohammed", "محمد"));
/// assert!(!same_given_name("Robert", "William"));
/// ```
pub fn same_given_name(a: &str, b: &str) -> bool {
    let (ga, gb) = (given_name_groups(a), given_name_groups(b));
    (!ga.is_empty() && ga.iter().any(|g| gb.contains(g))) || {
        let fa = fold_key(a);
        fa.chars().any(char::is_alphabetic) && fa == fold_key(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_keys_are_folded_and_sorted() {
        let mut prev = "";
        for line in t::GIVEN.lines() {
            let (name, rest) = line.split_once(' ').expect("name and groups");
            assert_eq!(text::fold_for_key(name), name, "{line}");
            assert!(prev < name, "{prev} / {name}");
            assert!(!rest.is_empty());
            prev = name;
        }
        for list in [t::HONORIFICS, t::SUFFIXES, t::PLACEHOLDERS] {
            for k in list {
                assert_eq!(&text::fold_for_key(k), k);
            }
        }
    }

    #[test]
    fn keys() {
        assert_eq!(fold_key("Zoë O'Brien-Smith"), "zoe obrien smith");
        assert_eq!(fold_key("محمد"), "mhmd");
        assert_eq!(fold_key("علي"), fold_key("علی"));
        assert_eq!(fold_key("欧阳娜娜"), "ouyangnana");
        assert_eq!(fold_key("张"), "zhang");
        for (a, b) in [
            ("Mohammad", "محمد"),
            ("Muhammad", "Mohamed"),
            ("Hossein", "حسین"),
            ("Husain", "Hosein"),
            ("Fatemeh", "Fatima"),
            ("فاطمه", "Fatima"),
            ("Ahmad", "احمد"),
            ("Mostafa", "مصطفی"),
            ("Yousef", "یوسف"),
            ("Ebrahim", "Ibrahim"),
            ("Smith", "Smyth"),
            ("Reza", "رضا"),
            ("Zhang", "张"),
        ] {
            assert_eq!(phonetic_key(a), phonetic_key(b), "{a} / {b}");
        }
        assert_eq!(phonetic_key("Mohammad Reza"), "mhmd rz");
        assert_ne!(phonetic_key("Robert"), phonetic_key("William"));
        assert_eq!(phonetic_key("Eva"), "e");
        assert_eq!(phonetic_key(""), "");
    }

    #[test]
    fn groups() {
        for (a, b) in [
            ("Bill", "William"),
            ("Bob", "Robert"),
            ("Sasha", "Alexander"),
            ("Mohammad", "Muhammad"),
            ("Mohammed", "محمد"),
            ("Hossein", "Hosein"),
            ("حسين", "Hussein"),
            ("Liz", "Elizabeth"),
            ("JOSÉ", "jose"),
        ] {
            assert!(same_given_name(a, b), "{a} / {b}");
        }
        assert!(!same_given_name("Robert", "William"));
        assert!(!same_given_name("Fred", "William"));
        assert!(!same_given_name("", ""));
        assert!(given_name_groups("123").is_empty());
    }
}
