//! "Did you mean ...?" for email domains.
//!
//! The rules are built to fix the typos people make at popular providers while staying silent on
//! the long tail of real business and regional domains (a false suggestion on a correct address is
//! worse than a missed one: it teaches users to ignore suggestions, or changes good data):
//!
//! 1. A popular domain is never corrected.
//! 2. Candidates are only popular domains ([`POPULAR`]), plus a bare TLD fix (`company.con` ->
//!    `company.com`) when the ending does not exist.
//! 3. A candidate matches when its name is within one edit of the typed name (two for names of nine
//!    letters or more), and the names are long enough for one edit to be telling (never for names
//!    under five letters such as `aol`, `gmx`, `live`), AND the ending is the same, or the typed
//!    ending does not exist and is one edit away, or the name is a distinctive brand and the
//!    ending lost or gained one letter (`gmail.co`, `gmail.cm`; not `hotmail.be`).
//! 4. A domain on the free-provider or disposable lists ("known") is corrected only when it sits
//!    one dropped, added or swapped letter from a popular domain: such entries are typo-squats
//!    (`gmial.com` accepts mail, but nobody means it). No bare TLD fix for known domains.
//! 5. Among matches the closest wins; ties go to the more popular domain.

use super::providers::{is_brand, is_popular, split_suffix, POPULAR};
use crate::distance::osa_within;
use crate::tables::TLDS;
use std::sync::OnceLock;

struct Candidate {
    domain: &'static str,
    name: &'static str,
    suffix: &'static str,
    bag: u64,
    brand: bool,
    /// Position in [`POPULAR`]: ties between equally close candidates go to the lower rank.
    rank: usize,
}

/// Names longer than this share the last length bucket.
const MAX_NAME: usize = 24;

struct Candidates {
    /// Sorted by name length, so the candidates near a length are one contiguous slice.
    by_len: Vec<Candidate>,
    /// `starts[n]`: index in `by_len` of the first name of length n (clamped to MAX_NAME).
    starts: [usize; MAX_NAME + 2],
}

fn index() -> &'static Candidates {
    static CANDIDATES: OnceLock<Candidates> = OnceLock::new();
    CANDIDATES.get_or_init(|| {
        let mut by_len: Vec<Candidate> = POPULAR
            .iter()
            .enumerate()
            .map(|(rank, &domain)| {
                let (name, suffix) = split_suffix(domain);
                Candidate { domain, name, suffix, bag: char_bag(name), brand: is_brand(name), rank }
            })
            .collect();
        by_len.sort_by_key(|c| (c.name.len().min(MAX_NAME), c.rank));
        let mut starts = [by_len.len(); MAX_NAME + 2];
        for (i, c) in by_len.iter().enumerate().rev() {
            starts[c.name.len().min(MAX_NAME)] = i;
        }
        // Lengths no name has start where the next length starts.
        for n in (0..=MAX_NAME).rev() {
            starts[n] = starts[n].min(starts[n + 1]);
        }
        Candidates { by_len, starts }
    })
}

fn candidates() -> &'static [Candidate] {
    &index().by_len
}

/// Candidates whose name length is within the largest edit budget of `len`: one slice of
/// the length-sorted list, so a business domain is compared with a few dozen names, not all.
fn near_length(len: usize) -> &'static [Candidate] {
    let idx = index();
    // Names typed shorter than TWO_EDITS_FROM get at most one edit (see `name_budget`).
    let reach = if len < TWO_EDITS_FROM { 1 } else { 2 };
    let lo = len.saturating_sub(reach).min(MAX_NAME);
    let hi = (len + reach + 1).min(MAX_NAME + 1);
    &idx.by_len[idx.starts[lo]..idx.starts[hi].max(idx.starts[lo])]
}

/// The set of characters in `s` as bits: a cheap lower bound on edit distance (each edit changes
/// at most two bits), so most candidates are ruled out without running the distance.
fn char_bag(s: &str) -> u64 {
    s.bytes().fold(0u64, |bag, b| {
        bag | match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << (26 + b - b'0'),
            _ => 1 << 36,
        }
    })
}

/// Most common endings first: ties in a TLD fix go to the more common ending.
const COMMON_TLDS: &[&str] = &[
    "com", "net", "org", "de", "uk", "fr", "ru", "ir", "cn", "jp", "in", "br", "it", "es", "nl",
    "ca", "au", "ae", "sa", "io", "co", "info", "biz", "edu", "gov", "us", "ch", "at", "be", "pl",
    "se", "no", "dk", "fi", "pt", "gr", "tr", "kr", "tw", "hk", "sg", "mx", "ar", "za", "eg", "qa",
    "kw", "bh", "om", "pk", "id", "my", "ph", "vn", "th", "il", "nz", "ie", "cz", "hu", "ro", "ua",
];

fn tld_exists(suffix: &str) -> bool {
    let tld = suffix.rsplit('.').next().unwrap_or(suffix);
    !tld.is_empty() && TLDS.contains(tld)
}

/// The shortest typed name that may be two edits from a provider's name.
const TWO_EDITS_FROM: usize = 7;

/// Longest name distance allowed between a typed name and a candidate's.
fn name_budget(typed: &str, candidate: &str) -> usize {
    match (typed.len(), candidate.len()) {
        (t, c) if c >= 9 && t >= TWO_EDITS_FROM => 2,
        (t, c) if c >= 5 && t >= 4 => 1,
        (t, _) if t >= 3 && SHORT_TYPO_PRONE.contains(&candidate) => 1,
        _ => 0,
    }
}

/// Short provider names so common in contact data that a keyboard slip next to them (`aol` ->
/// `aok`, `alo`, `aool`; `live` -> `lvie`, `livr`) is a typo far more often than a real domain.
/// Other names under five letters (`web`, `mail`, `qq`) get no name corrections at all.
const SHORT_TYPO_PRONE: &[&str] = &["aol", "live", "msn"];

/// QWERTY neighbours of each letter (rows and the keys diagonally adjacent).
fn keyboard_adjacent(a: u8, b: u8) -> bool {
    const ROWS: [&[u8]; 3] = [b"qwertyuiop", b"asdfghjkl", b"zxcvbnm"];
    let pos = |c: u8| {
        ROWS.iter().enumerate().find_map(|(r, row)| row.iter().position(|&k| k == c).map(|i| (r as i32, i as i32)))
    };
    match (pos(a), pos(b)) {
        // Lower rows are offset half a key to the right: row r+1 key i sits between row r keys i and i+1.
        (Some((ra, ia)), Some((rb, ib))) => match rb - ra {
            0 => (ia - ib).abs() == 1,
            1 => ib == ia || ib == ia - 1,
            -1 => ia == ib || ia == ib - 1,
            _ => false,
        },
        _ => false,
    }
}

/// Whether a one-edit slip from `target` to `typed` is one fingers make: a swapped pair, a
/// doubled or dropped letter, or a neighbouring key pressed instead of or beside the right one.
fn keyboard_slip(typed: &[u8], target: &[u8]) -> bool {
    let prefix = typed.iter().zip(target).take_while(|(a, b)| a == b).count();
    match typed.len() as i64 - target.len() as i64 {
        // Substitution or transposition.
        0 => {
            let (t, g) = (&typed[prefix..], &target[prefix..]);
            (t.len() >= 2 && t[0] == g[1] && t[1] == g[0] && t[2..] == g[2..])
                || (t[1..] == g[1..] && keyboard_adjacent(t[0], g[0]))
        }
        // Insertion: the extra letter doubles or neighbours the letter before or after it.
        1 => {
            let extra = typed[prefix];
            typed[prefix + 1..] == target[prefix..]
                && [prefix.checked_sub(1).map(|i| typed[i]), typed.get(prefix + 1).copied()]
                    .into_iter()
                    .flatten()
                    .any(|n| n == extra || keyboard_adjacent(n, extra))
        }
        // Deletion.
        -1 => typed[prefix..] == target[prefix + 1..],
        _ => false,
    }
}

/// The corrected domain for `domain` (ASCII, lowercase), or `None` when it should be left alone.
/// `known` says the domain is on the free-provider or disposable lists.
pub fn suggest_domain(domain: &str, known: bool) -> Option<String> {
    if is_popular(domain) {
        return None;
    }
    // Stray punctuation typed for a dot ("gmail,com", "gmail..com") is part of the typo.
    let cleaned = clean_separators(domain);
    if cleaned != domain && is_popular(&cleaned) {
        return Some(cleaned.into_owned());
    }
    let domain: &str = &cleaned;
    let (name, suffix) = split_suffix(domain);
    if suffix.is_empty() {
        return suggest_for_single_label(domain);
    }
    let suffix_exists = tld_exists(suffix);
    let bag = char_bag(name);

    let mut best: Option<(usize, usize, &'static str)> = None;
    for c in near_length(name.len()) {
        let budget = name_budget(name, c.name);
        // Each edit changes the length by at most one, and the letter set by at most two.
        if name.len().abs_diff(c.name.len()) > budget || (bag ^ c.bag).count_ones() as usize > 2 * budget {
            continue;
        }
        let Some(name_distance) = osa_within(name.as_bytes(), c.name.as_bytes(), budget) else {
            continue;
        };
        if name_distance == 1 && c.name.len() < 5 && !keyboard_slip(name.as_bytes(), c.name.as_bytes()) {
            continue;
        }
        // A first letter dropped from a short name leaves a word (cloud.com, not icloud.com).
        if name_distance == 1 && name.len() < 6 && name.len() + 1 == c.name.len() && c.name.ends_with(name) {
            continue;
        }
        let suffix_distance = if suffix == c.suffix {
            0
        } else {
            let one_off = osa_within(suffix.as_bytes(), c.suffix.as_bytes(), 1);
            // A letter dropped or added (co, cm, om, ne for com / net), as opposed to replaced:
            // a replaced letter in an existing ending is as likely another country's real domain
            // of the same provider (hotmail.be, outlook.at).
            let indel = suffix.len().abs_diff(c.suffix.len()) == 1;
            match one_off {
                // The typed ending does not exist.
                Some(d) if !suffix_exists => d,
                // The exact name of a popular provider with its ending mistyped: gmail.co,
                // comcast.ne, aol.om; for long names also a replaced letter in a generic ending
                // (comcast.bet), never between two country codes (hotmail.be is Microsoft's).
                Some(d) if name_distance == 0 && (indel || (!known && c.name.len() >= 6 && suffix.len() >= 3)) => d,
                // A distinctive brand mistyped in name and ending: gmial.co.
                Some(d) if c.brand && name.len() >= 5 && indel => d,
                None if !suffix_exists && c.brand && !known => 3,
                _ => continue,
            }
        };
        let total = name_distance + suffix_distance;
        // A listed domain is a squat only one dropped, added or swapped letter from a popular one;
        // one letter replaced is as likely a real provider (email.com, tmail.com).
        if total == 0 || (known && (total > 1 || single_substitution(name, c.name))) {
            continue;
        }
        if best.is_none_or(|(d, rank, _)| (total, c.rank) < (d, rank)) {
            best = Some((total, c.rank, c.domain));
        }
    }
    if let Some((_, _, d)) = best {
        return Some(d.to_owned());
    }
    if !suffix_exists && !known {
        return fix_tld(domain);
    }
    None
}

/// Same length and exactly one position differs.
fn single_substitution(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).filter(|(x, y)| x != y).count() == 1
}

/// `gmailcom` -> `gmail.com` (the dot left out), `gmail` -> `gmail.com` (the ending left out).
fn suggest_for_single_label(label: &str) -> Option<String> {
    let matches = |c: &&Candidate| {
        let joined_len = c.name.len() + c.suffix.len();
        let joined_close = label.len().abs_diff(joined_len) <= 1 && label.len() >= 7 && {
            let joined = format!("{}{}", c.name, c.suffix);
            osa_within(label.as_bytes(), joined.as_bytes(), usize::from(label.len() >= 8)).is_some()
        };
        joined_close || (c.brand && c.name == label)
    };
    // The most popular match (the list is sorted by length, not popularity).
    candidates().iter().filter(matches).min_by_key(|c| c.rank).map(|c| c.domain.to_owned())
}

/// `company.con` -> `company.com`: the last label replaced by the most common ending one edit away.
fn fix_tld(domain: &str) -> Option<String> {
    let dot = domain.rfind('.')?;
    let (head, tld) = (&domain[..dot], &domain[dot + 1..]);
    if tld.len() < 2 || head.is_empty() {
        return None;
    }
    COMMON_TLDS
        .iter()
        .find(|t| osa_within(tld.as_bytes(), t.as_bytes(), 1).is_some())
        .map(|t| format!("{head}.{t}"))
}

fn clean_separators(domain: &str) -> std::borrow::Cow<'_, str> {
    let b = domain.as_bytes();
    let tidy = b.first() != Some(&b'.')
        && b.last() != Some(&b'.')
        && !b.windows(2).any(|w| w == b"..")
        && !b.iter().any(|c| matches!(c, b',' | b';' | b':'));
    if tidy {
        return std::borrow::Cow::Borrowed(domain);
    }
    let mut out = String::with_capacity(domain.len());
    for c in domain.chars() {
        let c = if matches!(c, ',' | ';' | ':') { '.' } else { c };
        if c == '.' && (out.is_empty() || out.ends_with('.')) {
            continue;
        }
        out.push(c);
    }
    while out.ends_with('.') {
        out.pop();
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(d: &str) -> Option<String> {
        suggest_domain(d, false)
    }

    #[test]
    fn fixes_typos_of_popular_domains() {
        for (typo, want) in [
            ("gmial.com", "gmail.com"), ("gmal.com", "gmail.com"), ("gmai.com", "gmail.com"),
            ("gamil.com", "gmail.com"), ("gmaill.com", "gmail.com"), ("gmail.con", "gmail.com"),
            ("gmail.cmo", "gmail.com"), ("gmail.ocm", "gmail.com"), ("gmail.co", "gmail.com"),
            ("gmail.cm", "gmail.com"), ("gmail.om", "gmail.com"), ("gmailcom", "gmail.com"),
            ("gmail,com", "gmail.com"), ("gmail..com", "gmail.com"), ("hotmal.com", "hotmail.com"),
            ("hotmial.com", "hotmail.com"), ("hotmail.comm", "hotmail.com"), ("yaho.com", "yahoo.com"),
            ("yahooo.com", "yahoo.com"), ("outlok.com", "outlook.com"), ("yahoo.co.jpp", "yahoo.co.jp"),
            ("yandex.r", "yandex.ru"), ("chmial.ir", "chmail.ir"), ("protonmial.com", "protonmail.com"),
            ("qq.con", "qq.com"), ("163.con", "163.com"), ("naver.con", "naver.com"), ("gmx.dee", "gmx.de"),
            ("company.con", "company.com"), ("company.cmo", "company.com"), ("acme.co.ukk", "acme.co.uk"),
            ("alo.com", "aol.com"), ("aool.com", "aol.com"), ("lvie.com", "live.com"), ("aol.om", "aol.com"),
            ("comcast.ne", "comcast.net"), ("comcast.bet", "comcast.net"), ("yahoo.co.k", "yahoo.co.uk"),
        ] {
            assert_eq!(s(typo).as_deref(), Some(want), "{typo}");
        }
    }

    #[test]
    fn keyboard_slips() {
        for (typed, target) in [("alo", "aol"), ("aok", "aol"), ("aool", "aol"), ("aokl", "aol"), ("ao", "aol"), ("lvie", "live"), ("livr", "live"), ("llive", "live")] {
            assert!(keyboard_slip(typed.as_bytes(), target.as_bytes()), "{typed}");
        }
        for (typed, target) in [("aon", "aol"), ("axl", "aol"), ("lxve", "live"), ("aoxl", "aol")] {
            assert!(!keyboard_slip(typed.as_bytes(), target.as_bytes()), "{typed}");
        }
        assert!(keyboard_adjacent(b'g', b'h') && keyboard_adjacent(b'a', b'z') && keyboard_adjacent(b'k', b'm'));
        assert!(!keyboard_adjacent(b'a', b'p') && !keyboard_adjacent(b'n', b'l'));
    }

    #[test]
    fn leaves_real_domains_alone() {
        for d in [
            "gmail.com", "aon.com", "mgi.com", "hotmart.com", "live.ca", "mail.ca", "acme.co",
            "company.cm", "gmx-partners.com", "outlook-advisors.com", "web.de", "wed.de",
            "mall.com", "axl.com", "cloud.com", "cloud.co", "qa.com", "orange-county.org", "gmailer.io", "yahoo.com.sa", "example.ir",
            "mail-box.de", "sina.com.cn",
        ] {
            assert_eq!(s(d), None, "{d}");
        }
        // Known (listed) domains are corrected only when they squat one edit from a popular one.
        assert_eq!(suggest_domain("gmial.com", true).as_deref(), Some("gmail.com"));
        assert_eq!(suggest_domain("yahoo.co", true).as_deref(), Some("yahoo.com"));
        assert_eq!(suggest_domain("yahoo.com.cn", true), None);
        assert_eq!(suggest_domain("mail.de", true), None);
        for real in ["email.com", "tmail.com", "outlook.at", "hotmail.be", "yahoo.co.id", "yahoo.com.my", "webmail.co.yu"] {
            assert_eq!(suggest_domain(real, true), None, "{real}");
        }
        assert_eq!(s("hotmail.be"), None);
        assert_eq!(s("outlook.at"), None);
    }
}
