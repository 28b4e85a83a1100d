//! The Public Suffix List: the registrable domain (eTLD+1) of a host, the matching key of a website.
//!
//! The generated table (`src/tables/psl.rs`, from npm `psl`, ICANN and private sections) is stored
//! front-coded, about half the bytes of the plain list; it is decoded once, on first use, into a
//! hash set of the rules with their labels reversed (`uk.co`, `jp.kawasaki.*`, `jp.kawasaki.!city`).
//! A lookup walks the host's labels from the right: one hash probe per label for the rule, its
//! wildcard and its exception, so it is linear in the host's length.

use crate::tables::psl as table;
use crate::tables::FxHasher;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

type Set = HashSet<Box<str>, BuildHasherDefault<FxHasher>>;

pub use table::SOURCE;

/// The rules with reversed labels, and the top-level domains (the first label of every rule: the
/// list has rules under `za` but no rule `za`).
struct Psl {
    rules: Set,
    tlds: Set,
}

fn psl() -> &'static Psl {
    static PSL: OnceLock<Psl> = OnceLock::new();
    PSL.get_or_init(|| {
        let mut rules = Set::with_capacity_and_hasher(table::RULES, Default::default());
        let mut tlds = Set::default();
        let mut insert = |rule: &[u8]| {
            let rule = String::from_utf8_lossy(rule);
            tlds.insert(rule.split('.').next().unwrap_or("").into());
            rules.insert(rule.into());
        };
        let mut current: Vec<u8> = Vec::with_capacity(64);
        let mut started = false;
        for &b in table::DATA {
            if b >= 0x80 {
                if started {
                    insert(&current);
                }
                started = true;
                current.truncate(usize::from(b - 0x80));
            } else {
                current.push(b);
            }
        }
        if started {
            insert(&current);
        }
        Psl { rules, tlds }
    })
}

fn rules() -> &'static Set {
    &psl().rules
}

/// Every rule in its usual written form (`co.uk`, `*.kawasaki.jp`, `!city.kawasaki.jp`), for tests.
pub fn all_rules() -> Vec<String> {
    rules().iter().map(|r| r.rsplit('.').collect::<Vec<_>>().join(".")).collect()
}

/// Whether `label` (ASCII, lowercase) is a top-level domain the list knows (every ICANN TLD has rules).
pub fn is_known_tld(label: &str) -> bool {
    !label.is_empty() && psl().tlds.contains(label)
}

/// The number of labels of `host`'s public suffix (at least 1: an unlisted TLD is a suffix by the
/// list's default rule `*`). `host` is ASCII, lowercase, without a trailing dot.
pub fn public_suffix_labels(host: &str) -> usize {
    let set = rules();
    let mut key = String::with_capacity(host.len() + 2);
    let mut suffix = 1;
    for (i, label) in host.rsplit('.').enumerate() {
        if label.is_empty() {
            break;
        }
        let parent = key.len();
        if i > 0 {
            key.push_str(".!");
            key.push_str(label);
            if set.contains(key.as_str()) {
                // An exception: the suffix is the rule without its leftmost label.
                return i;
            }
            key.truncate(parent);
            key.push_str(".*");
        } else {
            key.push('*');
        }
        if set.contains(key.as_str()) {
            suffix = i + 1;
        }
        key.truncate(parent);
        if i > 0 {
            key.push('.');
        }
        key.push_str(label);
        if set.contains(key.as_str()) {
            suffix = i + 1;
        }
    }
    suffix
}

/// The registrable domain of `host` (ASCII, lowercase, no trailing dot): its public suffix and one
/// more label (`www.bbc.co.uk` -> `bbc.co.uk`). `None` when the host is itself a public suffix
/// (`co.uk`, `github.io`) or has an empty label.
pub fn registrable_domain(host: &str) -> Option<&str> {
    if host.is_empty() || host.split('.').any(str::is_empty) {
        return None;
    }
    let want = public_suffix_labels(host) + 1;
    let mut seen = 0;
    for (i, b) in host.bytes().enumerate().rev() {
        if b == b'.' {
            seen += 1;
            if seen == want {
                return Some(&host[i + 1..]);
            }
        }
    }
    (seen + 1 == want).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registrable_domains() {
        for (host, want) in [
            ("www.bbc.co.uk", Some("bbc.co.uk")),
            ("co.uk", None),
            ("uk", None),
            ("foo.unknowntld", Some("foo.unknowntld")),
            ("a.b.kawasaki.jp", Some("a.b.kawasaki.jp")),
            ("city.kawasaki.jp", Some("city.kawasaki.jp")),
            ("www.city.kawasaki.jp", Some("city.kawasaki.jp")),
            ("foo.github.io", Some("foo.github.io")),
            ("github.io", None),
            ("shop.example.xn--fiqs8s", Some("example.xn--fiqs8s")),
            ("a.b.example.com", Some("example.com")),
            ("a..com", None),
        ] {
            assert_eq!(registrable_domain(host), want, "{host}");
        }
        assert_eq!(rules().len(), table::RULES);
        assert!(is_known_tld("com") && is_known_tld("za") && is_known_tld("xn--mgba3a4f16a") && !is_known_tld("unknowntld"));
    }
}
