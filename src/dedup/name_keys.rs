//! Stand-in name keys until src/name/keys.rs lands (then this file goes): a folded form for
//! comparison, a phonetic key for blocking and a small nickname table.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Lowercase letters and digits only: diacritics removed, Arabic-script variants folded to the
/// Persian forms (ي/ى -> ی, ك -> ک, ة -> ه, أ/إ/آ -> ا), harakat, tatweel, ZWNJ and punctuation dropped.
pub fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out, false);
    out
}

/// Like [`fold_key`] but word boundaries are kept as single spaces.
pub fn fold_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out, true);
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

fn fold_into(s: &str, out: &mut String, spaces: bool) {
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if spaces && !out.is_empty() && !out.ends_with(' ') && c != '\'' && c != '.' {
                out.push(' ');
            }
            continue;
        }
        let c = match c {
            'ي' | 'ى' | 'ئ' => 'ی',
            'ك' => 'ک',
            'ة' => 'ه',
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ؤ' => 'و',
            'ß' => {
                out.push_str("ss");
                continue;
            }
            _ => c,
        };
        if let Some(d) = crate::text::non_ascii_digit_value(c) {
            out.push((b'0' + d) as char);
            continue;
        }
        let mut pushed = false;
        decompose_canonical(c, |d| {
            if !is_combining_mark(d) && d.is_alphanumeric() {
                for l in d.to_lowercase() {
                    out.push(l);
                }
                pushed = true;
            }
        });
        if !pushed && spaces && c.is_whitespace() && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
}

/// A phonetic key for blocking: for Latin script the first letter then Soundex-like consonant
/// classes (repeats and vowels dropped), at most 6 characters; other scripts keep their first 4
/// folded letters.
pub fn phonetic_key(folded: &str) -> String {
    let mut out = String::new();
    let mut chars = folded.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else { return out };
    if !first.is_ascii() {
        out.push(first);
        out.extend(chars.take(3));
        return out;
    }
    out.push(first);
    let class = |c: char| match c {
        'b' | 'f' | 'p' | 'v' => '1',
        'c' | 'g' | 'j' | 'k' | 'q' | 's' | 'x' | 'z' => '2',
        'd' | 't' => '3',
        'l' => '4',
        'm' | 'n' => '5',
        'r' => '6',
        _ => '0',
    };
    let mut last = class(first);
    for c in chars {
        let k = class(c);
        if k != '0' && k != last {
            out.push(k);
            if out.len() >= 6 {
                break;
            }
        }
        if c != 'h' && c != 'w' {
            last = k;
        }
    }
    out
}

/// Groups of given names that are the same person's (nicknames and spelling variants), folded.
const NICKNAMES: &[&[&str]] = &[
    &["william", "bill", "will", "billy", "willy", "liam"],
    &["robert", "bob", "rob", "bobby", "robbie", "bert"],
    &["richard", "rick", "dick", "rich", "ricky"],
    &["james", "jim", "jimmy", "jamie"],
    &["john", "jack", "johnny", "jon"],
    &["michael", "mike", "mick", "mikey"],
    &["elizabeth", "liz", "beth", "betty", "eliza", "lizzie", "libby"],
    &["jennifer", "jen", "jenny"],
    &["katherine", "kate", "kathy", "katie", "kat"],
    &["catherine", "cathy", "kate", "cat"],
    &["margaret", "maggie", "peggy", "meg", "marge"],
    &["thomas", "tom", "tommy"],
    &["christopher", "chris", "kit"],
    &["christine", "chris", "chrissy"],
    &["daniel", "dan", "danny"],
    &["matthew", "matt"],
    &["anthony", "tony"],
    &["joseph", "joe", "joey"],
    &["charles", "charlie", "chuck", "chas"],
    &["patricia", "pat", "patty", "trish"],
    &["patrick", "pat", "paddy"],
    &["susan", "sue", "susie"],
    &["rebecca", "becky", "becca"],
    &["samuel", "sam", "sammy"],
    &["samantha", "sam", "sammy"],
    &["benjamin", "ben", "benny"],
    &["alexander", "alex", "sasha", "xander"],
    &["alexandra", "alex", "sandra", "lexi"],
    &["alexandre", "alex"],
    &["andrew", "andy", "drew"],
    &["nicholas", "nick", "nicky"],
    &["jonathan", "jon", "jonny"],
    &["steven", "steve", "stevie"],
    &["stephen", "steve", "stevie"],
    &["timothy", "tim", "timmy"],
    &["deborah", "debbie", "deb"],
    &["jessica", "jess", "jessie"],
    &["victoria", "vicky", "tori"],
    &["edward", "ed", "ted", "eddie", "ned"],
    &["kenneth", "ken", "kenny"],
    &["ronald", "ron", "ronnie"],
    &["donald", "don", "donnie"],
    &["gregory", "greg"],
    &["joshua", "josh"],
    &["zachary", "zach", "zack"],
    &["mohammad", "mohammed", "muhammad", "mohamed", "mohamad", "muhammed", "mehmet"],
    &["wolfgang", "wolf"],
    &["johannes", "hannes", "johann"],
    &["friedrich", "fritz"],
    &["frederick", "fred", "freddie", "fredrick"],
    &["david", "dave", "davey"],
    &["peter", "pete"],
    &["philip", "phil", "phillip"],
    &["raymond", "ray"],
    &["lawrence", "larry", "laurence"],
    &["leonard", "leo", "len", "lenny"],
    &["nathaniel", "nathan", "nat", "nate"],
    &["abigail", "abby", "abbie"],
    &["amanda", "mandy"],
    &["barbara", "barb", "barbie"],
    &["dorothy", "dot", "dottie"],
    &["eleanor", "ellie", "nora"],
    &["helen", "nell"],
    &["jacqueline", "jackie"],
    &["joanne", "jo", "joanna"],
    &["kimberly", "kim"],
    &["lucinda", "cindy", "lucy"],
    &["madeline", "maddie", "madeleine"],
    &["natalie", "nat"],
    &["pamela", "pam"],
    &["sarah", "sara", "sally"],
    &["theresa", "terry", "tess", "teresa"],
    &["veronica", "ronnie"],
    &["zoe", "zoey"],
];

/// Whether two folded given names are nicknames or variants of one another.
pub fn same_given_name(a: &str, b: &str) -> bool {
    a != b && NICKNAMES.iter().any(|g| g.contains(&a) && g.contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_keys() {
        assert_eq!(fold_key("  Zoë-O'Brien "), "zoeobrien");
        assert_eq!(fold_key("علي"), fold_key("علی"));
        assert_eq!(fold_key("كريم"), "کریم");
        assert_eq!(fold_words("Mary  Ann-Smith"), "mary ann smith");
        assert_eq!(phonetic_key("robert"), phonetic_key("rupert"));
        assert_eq!(phonetic_key("smith"), phonetic_key("smyth"));
        assert_eq!(phonetic_key(""), "");
        assert!(same_given_name("bob", "robert"));
        assert!(!same_given_name("bob", "bob"));
        assert!(!same_given_name("bob", "alice"));
    }
}
