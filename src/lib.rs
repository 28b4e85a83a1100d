//! # intake
//!
//! Validates, standardizes and de-duplicates customer records before they reach a CRM. This crate
//! is the core: plain Rust with no WebAssembly types, compiled natively for tests and to wasm for the
//! JavaScript package (the only wasm-aware code is the `bindings` module).
//!
//! ## Contracts
//!
//! - **Untrusted input.** Every public function accepts any string. Input longer than the field's
//!   cap ([`limits`]) is not processed and gets an `input.too_long` issue.
//! - **No panics.** Public functions are total; this is checked by property tests over arbitrary
//!   strings and by a fuzz target (`fuzz/`). In wasm a panic would trap and poison the instance.
//! - **Linear time.** Validation never backtracks: no regular expressions on input, every loop is
//!   bounded by the (capped) input length.
//! - **Nothing is lost.** A standardized value carries the original and the list of changes.
//! - **No I/O.** The core never touches the network, the file system or the clock; all data tables
//!   are compiled in. Results are deterministic.
//!
//! ## Example
//!
//! ```
//! use intake::email::{validate_email, EmailOptions};
//! let out = validate_email(" ali@gmial.com ", &EmailOptions::default());
//! assert!(out.valid);
//! assert_eq!(out.value, "ali@gmial.com");
//! assert_eq!(out.suggestion.as_deref(), Some("ali@gmail.com"));
//! assert_eq!(out.issues[0].code.as_str(), "email.domain_typo");
//! ```

#[cfg(feature = "address")]
pub mod address;
#[cfg(feature = "company")]
pub mod company;
#[cfg(feature = "country")]
pub mod country;
#[cfg(feature = "date")]
pub mod date;
#[cfg(feature = "dedup")]
pub mod dedup;
pub mod distance;
#[cfg(feature = "email")]
pub mod email;
pub mod idna;
pub mod issue;
pub mod locale;
#[cfg(feature = "name")]
pub mod name;
pub mod name_part;
#[cfg(feature = "phone")]
pub mod phone;
#[cfg(feature = "record")]
pub mod record;
pub mod tables;
pub mod text;
#[cfg(feature = "website")]
pub mod website;

#[cfg(target_arch = "wasm32")]
mod bindings;
mod small_alloc;
#[cfg(test)]
mod test_rand;

/// Small blocks from free lists in the wasm build (see `small_alloc`): dlmalloc's malloc + free
/// was a third of a phone validation there. Native builds keep the system allocator.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOC: small_alloc::SmallAlloc = small_alloc::SmallAlloc::new();

pub use issue::{Change, Code, Issue, Severity, CODES};
pub use locale::Locale;

/// Byte caps on inputs. Anything longer gets an `input.too_long` issue and no further work.
pub mod limits {
    /// An email address is at most 254 octets; the cap leaves room for whitespace, a display name
    /// or a `mailto:` prefix that standardization removes.
    pub const EMAIL_INPUT_BYTES: usize = 1024;
    /// libphonenumber reads at most 250 characters of a phone number; the byte cap allows that
    /// many characters in any script.
    pub const PHONE_INPUT_BYTES: usize = 1024;
    /// A name field: far above any real name (see `name::NAME_MAX_CHARS` for the `name.too_long`
    /// check on what is under the cap).
    pub const NAME_INPUT_BYTES: usize = 1024;
    /// Free text, names, companies, addresses and websites inside a record.
    pub const TEXT_INPUT_BYTES: usize = 4096;
    /// Keys read from one record.
    pub const RECORD_MAX_FIELDS: usize = 256;
    /// A rule set's JSON text.
    pub const RULES_INPUT_BYTES: usize = 64 * 1024;
    /// Fields one rule set names.
    pub const RULES_MAX_FIELDS: usize = 256;
    /// De-duplication reads at most this many bytes of one value of a record (a longer value is
    /// left out of matching with an `input.too_long` issue).
    pub const DEDUP_FIELD_BYTES: usize = 512;
    /// ... and at most this many columns of a record.
    pub const DEDUP_RECORD_FIELDS: usize = 64;
    /// A CSV record read into a dedup batch (`push_csv`) is cut here, with an `input.too_long`
    /// issue (usually a quote that never closes).
    pub const DEDUP_CSV_RECORD_BYTES: usize = 1 << 20;
    /// A serialized dedup index larger than this is refused.
    pub const DEDUP_INDEX_BYTES: usize = 1 << 31;
    /// An address (see `address::ADDRESS_INPUT_BYTES`): four lines of a postal label with room to spare.
    #[cfg(feature = "address")]
    pub const ADDRESS_INPUT_BYTES: usize = crate::address::ADDRESS_INPUT_BYTES;
    /// A postcode: the longest is 10 characters; room for a prefix (`CH-`) and spaces.
    #[cfg(feature = "address")]
    pub const POSTCODE_INPUT_BYTES: usize = crate::address::POSTCODE_INPUT_BYTES;
    /// A web address is at most 2048 characters (the de facto limit of browsers and search
    /// engines); the byte cap allows that in any script plus whitespace and tracking parameters.
    pub const WEBSITE_INPUT_BYTES: usize = 4096;
    /// Company names in registers run to about 200 characters; the cap allows that in any script.
    pub const COMPANY_INPUT_BYTES: usize = 1024;
}

/// The crate version and the pinned source of every generated table.
pub fn versions() -> Vec<(&'static str, &'static str)> {
    let mut v = vec![("intake", env!("CARGO_PKG_VERSION"))];
    #[cfg(feature = "country")]
    v.push(("countries", tables::countries::SOURCE));
    #[cfg(feature = "date")]
    v.push(("hijriUmmAlQura", tables::hijri::SOURCE));
    #[cfg(feature = "email")]
    v.extend([
        ("tlds", tables::TLDS.source),
        ("emailFree", tables::FREE.source),
        ("emailDisposable", tables::DISPOSABLE.source),
        ("emailRoles", tables::ROLES.source),
    ]);
    #[cfg(feature = "phone")]
    v.push(("phoneMetadata", phone::meta::SOURCE));
    // name tables (issue 5)
    #[cfg(feature = "name")]
    v.push(("names", tables::names::SOURCE));

    // company tables (issue 5)
    #[cfg(feature = "company")]
    v.push(("legalForms", tables::legal_forms::SOURCE));

    // website tables (issue 5)
    #[cfg(feature = "website")]
    v.push(("publicSuffixList", website::psl::SOURCE));

    // address tables (issue 5)
    #[cfg(feature = "address")]
    v.extend([("addressMetadata", tables::address::SOURCE), ("addressUsps", tables::address::SOURCE_USPS)]);

    v
}
