//! Any bytes, as lossy UTF-8, through standardize_website (with and without a network for handles)
//! and standardize_company (the same text also as its website and email): must not panic, and the
//! outcomes keep their invariants (those of tests/website.rs and tests/company.rs).
#![no_main]

use intake::company::{standardize_company, CompanyOptions};
use intake::website::{standardize_website, Network, WebsiteOptions};
use intake::{Locale, Severity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let input = String::from_utf8_lossy(rest);
    let locale = Locale::ALL[usize::from(flags >> 6)];
    let network = Network::ALL.get(usize::from(flags & 15)).copied();
    let w = standardize_website(&input, &WebsiteOptions { locale, path: "website", network });
    assert_eq!(w.original, input);
    assert_eq!(w.valid, !w.issues.iter().any(|i| i.severity() == Severity::Error));
    assert_eq!(w.changes.last().map_or(w.value.as_ref(), |c| c.to.as_str()), w.value);
    let with = flags & 16 != 0;
    let opts = CompanyOptions { locale, path: "company", website: with.then_some(&*input), email: with.then_some(&*input) };
    let c = standardize_company(&input, &opts);
    assert_eq!(c.original, input);
    assert_eq!(c.valid, !c.issues.iter().any(|i| i.severity() == Severity::Error));
    assert_eq!(c.changes.last().map_or(c.value.as_ref(), |ch| ch.to.as_str()), c.value);
});
