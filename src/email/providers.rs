//! Mailbox providers: the domains typos are corrected towards, and each provider's addressing rules
//! for the canonical matching key.
//!
//! This list is policy, not a data dump: a domain is here because people type it often enough that a
//! near-miss of it is far more likely a typo than a real domain. It is ordered by how common the
//! provider is in contact data (global first), which breaks ties between equally close candidates.

use crate::tables::{static_set, FxHasher};
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// Popular mailbox domains, most common first. Typo suggestions only ever point at one of these.
pub const POPULAR: &[&str] = &[
    // Global
    "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "aol.com", "live.com",
    "msn.com", "me.com", "mac.com", "googlemail.com", "ymail.com", "rocketmail.com", "protonmail.com",
    "proton.me", "pm.me", "gmx.com", "gmx.net", "mail.com", "zoho.com", "yandex.com", "fastmail.com",
    "hey.com", "tutanota.com", "tuta.io", "aim.com",
    // Regional Microsoft, Yahoo and Apple domains
    "hotmail.co.uk", "hotmail.fr", "hotmail.de", "hotmail.it", "hotmail.es", "hotmail.ca",
    "live.co.uk", "live.fr", "live.de", "live.ca", "live.nl", "live.it", "outlook.fr", "outlook.de",
    "outlook.es", "outlook.it", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "yahoo.es", "yahoo.it",
    "yahoo.ca", "yahoo.in", "yahoo.com.br", "yahoo.co.jp", "yahoo.com.au", "yahoo.com.tw",
    "yahoo.com.hk", "yahoo.co.in", "yahoo.com.mx", "yahoo.com.ar",
    // Europe
    "gmx.de", "gmx.at", "gmx.ch", "web.de", "t-online.de", "freenet.de", "posteo.de", "mailbox.org",
    "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "laposte.net", "libero.it", "virgilio.it",
    "tiscali.it", "alice.it", "btinternet.com", "sky.com", "virginmedia.com", "seznam.cz", "wp.pl",
    "onet.pl", "o2.pl", "interia.pl", "ukr.net", "abv.bg", "ziggo.nl", "telenet.be", "bluewin.ch",
    // Russia and neighbours
    "yandex.ru", "ya.ru", "mail.ru", "bk.ru", "inbox.ru", "list.ru", "rambler.ru",
    // North America ISPs
    "comcast.net", "verizon.net", "att.net", "sbcglobal.net", "bellsouth.net", "cox.net",
    "charter.net", "shaw.ca", "rogers.com", "sympatico.ca",
    // East and South Asia
    "qq.com", "163.com", "126.com", "yeah.net", "sina.com", "sina.cn", "sohu.com", "aliyun.com",
    "foxmail.com", "139.com", "naver.com", "daum.net", "hanmail.net", "nate.com", "rediffmail.com",
    // Latin America
    "uol.com.br", "bol.com.br", "terra.com.br", "ig.com.br",
    // Iran
    "chmail.ir", "mihanmail.ir",
    // Gulf
    "emirates.net.ae", "eim.ae", "batelco.com.bh", "qatar.net.qa", "omantel.net.om", "maktoob.com",
];

/// Second-level names distinctive enough that the brand alone identifies the provider:
/// `gmail.co` or `gmail.cm` is a typo of `gmail.com`, whatever the ending.
const BRANDS: &[&str] = &[
    "gmail", "googlemail", "hotmail", "outlook", "yahoo", "icloud", "protonmail", "yandex",
    "rambler", "naver", "hanmail", "rediffmail", "chmail", "mihanmail", "foxmail", "rocketmail",
];

pub fn is_popular(domain: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str, BuildHasherDefault<FxHasher>>> = OnceLock::new();
    SET.get_or_init(|| static_set(POPULAR)).contains(domain)
}

pub fn is_brand(sld: &str) -> bool {
    BRANDS.contains(&sld) // only called while building the candidate list
}

/// Second-level labels that, under a two-letter country code, form a public suffix (co.uk, com.br).
const SECOND_LEVEL_SUFFIXES: &[&str] = &["co", "com", "net", "org", "ac", "gov", "edu", "ne", "or", "go", "gen"];

/// Splits an ASCII domain into its registrable name and public suffix, approximately:
/// `mail.yahoo.co.uk` -> (`yahoo`, `co.uk`), `gmail.com` -> (`gmail`, `com`), `gmailcom` -> (`gmailcom`, ``).
pub fn split_suffix(domain: &str) -> (&str, &str) {
    // Byte searches: '.' is ASCII, so never inside a longer character (cheaper than `rfind`).
    let last_dot_in = |s: &str| s.bytes().rposition(|b| b == b'.');
    let Some(last_dot) = last_dot_in(domain) else {
        return (domain, "");
    };
    let tld = &domain[last_dot + 1..];
    let rest = &domain[..last_dot];
    let mut suffix_start = last_dot + 1;
    // Two letters is a country code; one letter only happens as a typo of one (yahoo.co.k).
    if tld.len() <= 2 {
        if let Some(dot) = last_dot_in(rest) {
            if SECOND_LEVEL_SUFFIXES.contains(&&rest[dot + 1..]) {
                suffix_start = dot + 1;
            }
        }
    }
    let name_part = &domain[..suffix_start - 1];
    let name = last_dot_in(name_part).map_or(name_part, |d| &name_part[d + 1..]);
    (name, &domain[suffix_start..])
}

/// [`canonical`] when it differs from `local@ascii_domain` as written, None when it is the same
/// (the usual case: nothing to lowercase, no tag, no provider folding), without building it.
pub fn canonical_if_different(local: &str, ascii_domain: &str) -> Option<String> {
    let folded_domain = matches!(
        ascii_domain,
        "googlemail.com" | "yandex.com" | "yandex.by" | "yandex.kz" | "yandex.ua" | "ya.ru" | "protonmail.com" | "protonmail.ch" | "pm.me"
    );
    let provider_dots = matches!(ascii_domain, "gmail.com" | "yandex.ru") && local.contains('.');
    let tagged = local.bytes().skip(1).any(|b| b == b'+');
    let cased = if local.is_ascii() { local.bytes().any(|b| b.is_ascii_uppercase()) } else { local.chars().any(|c| c.to_lowercase().ne(std::iter::once(c))) };
    (folded_domain || provider_dots || tagged || cased).then(|| canonical(local, ascii_domain))
}

/// The provider-aware matching key of a valid address: two addresses with the same key reach the
/// same mailbox. Lowercased; sub-address tags (`+tag`) removed; Gmail dots removed and googlemail
/// folded into gmail; Yandex and Proton domain aliases folded.
pub fn canonical(local: &str, ascii_domain: &str) -> String {
    let mut domain = ascii_domain;
    match domain {
        "googlemail.com" => domain = "gmail.com",
        "yandex.com" | "yandex.by" | "yandex.kz" | "yandex.ua" | "ya.ru" => domain = "yandex.ru",
        "protonmail.com" | "protonmail.ch" | "pm.me" => domain = "proton.me",
        _ => {}
    }
    // Sub-addressing: Gmail, Microsoft, Apple, Proton, Fastmail, Yandex and the hosted mail of
    // Google Workspace and Microsoft 365 all deliver `name+tag@` to `name@`. A leading '+' is not a tag.
    let local = match local.bytes().position(|b| b == b'+') {
        Some(plus) if plus > 0 => &local[..plus],
        _ => local,
    };
    let mut key = String::with_capacity(local.len() + 1 + domain.len());
    if local.is_ascii() {
        for b in local.bytes() {
            match (domain, b) {
                ("gmail.com", b'.') => {}
                // Yandex treats '.' and '-' in logins as the same character.
                ("yandex.ru", b'.') => key.push('-'),
                _ => key.push(char::from(b.to_ascii_lowercase())),
            }
        }
    } else {
        for c in local.chars().flat_map(char::to_lowercase) {
            match (domain, c) {
                ("gmail.com", '.') => {}
                ("yandex.ru", '.') => key.push('-'),
                _ => key.push(c),
            }
        }
    }
    key.push('@');
    key.push_str(domain);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes() {
        assert_eq!(split_suffix("gmail.com"), ("gmail", "com"));
        assert_eq!(split_suffix("yahoo.co.uk"), ("yahoo", "co.uk"));
        assert_eq!(split_suffix("mail.yahoo.co.uk"), ("yahoo", "co.uk"));
        assert_eq!(split_suffix("uol.com.br"), ("uol", "com.br"));
        assert_eq!(split_suffix("gmailcom"), ("gmailcom", ""));
        assert_eq!(split_suffix("co.uk"), ("co", "uk"));
        assert_eq!(split_suffix("a.b.de"), ("b", "de"));
    }

    #[test]
    fn canonical_keys() {
        assert_eq!(canonical("J.Smith+news", "googlemail.com"), "jsmith@gmail.com");
        assert_eq!(canonical("ivan.petrov", "ya.ru"), "ivan-petrov@yandex.ru");
        assert_eq!(canonical("Ali+crm", "outlook.com"), "ali@outlook.com");
        assert_eq!(canonical("+tag", "example.org"), "+tag@example.org");
        assert_eq!(canonical("first.last", "company.de"), "first.last@company.de");
        // canonical_if_different is None exactly when the key is the address as written.
        for (local, domain) in [
            ("first.last", "company.de"), ("First.Last", "company.de"), ("a.b", "gmail.com"), ("ab", "gmail.com"),
            ("ab+x", "outlook.com"), ("+ab", "outlook.com"), ("ab", "googlemail.com"), ("ivan.p", "ya.ru"),
            ("Müller", "bücher.de"), ("müller", "xn--bcher-kva.de"), ("用户", "xn--fiqs8s"), ("ǅ", "x.de"),
        ] {
            let key = canonical(local, domain);
            let same = key == format!("{local}@{domain}");
            assert_eq!(canonical_if_different(local, domain), (!same).then_some(key), "{local}@{domain}");
        }
    }

    #[test]
    fn popular_domains_are_unique() {
        for (i, d) in POPULAR.iter().enumerate() {
            assert!(!POPULAR[..i].contains(d), "{d} listed twice");
        }
    }
}
