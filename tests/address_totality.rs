#![cfg(feature = "address")]
//! The address functions are total: no panic on any input, and the outcome's invariants hold.
//! Property tests over arbitrary Unicode strings and over strings built from the pieces addresses
//! are made of (numbers, street types, unit designators, separators, several scripts), so that
//! the parser's paths are reached often.

use intake::address::{
    format_address, standardize_address, standardize_postcode, AddressOptions, FormatParts, PostcodeOptions, Style,
};
use intake::{Change, Issue, Locale, Severity};
use proptest::prelude::*;

fn chain(input: &str, value: &str, changes: &[Change], issues: &[Issue], valid: bool) {
    assert_eq!(valid, !issues.iter().any(|i| i.severity() == Severity::Error));
    assert_eq!(changes.first().map_or(input, |c| c.from.as_str()), input);
    assert_eq!(changes.last().map_or(value, |c| c.to.as_str()), value);
    for pair in changes.windows(2) {
        assert_eq!(pair[0].to, pair[1].from);
    }
    for issue in issues {
        let m = issue.message();
        assert!(!m.is_empty() && !m.contains("{country}") && !m.contains("{max}") && !m.contains("{example}"), "{m}");
    }
}

fn check(input: &str, country: &str, style: Style) {
    for locale in [Locale::En, Locale::Fa] {
        let o = standardize_address(input, &AddressOptions { country, locale, path: "address", style });
        assert_eq!(o.original, input);
        chain(input, &o.value, &o.changes, &o.issues, o.valid);
        assert!(o.issues.iter().all(|i| i.path == "address"));
        if let Some(k) = &o.keys.key {
            assert!(o.keys.street.is_some() && k.matches('|').count() >= 2);
        }
        let p = standardize_postcode(input, country, &PostcodeOptions { locale, path: "postcode" });
        assert_eq!(p.original, input);
        chain(input, &p.value, &p.changes, &p.issues, p.valid);
    }
    let parts = FormatParts { street_address: input.to_owned(), city: input.to_owned(), ..Default::default() };
    format_address(&parts, country, false, true);
}

const PIECES: &[&str] = &[
    "1", "12a", "64/58", "46-99", "221B", "۱۲", "٣٤", "2nd", "3.", "2º", "#5", " ", "  ", ",", "،", ";", "\n", "-", ".",
    "Main", "St", "Street", "St.", "Ave", "Apt", "Suite", "Flat", "Unit", "Fl", "PO", "Box", "NW", "Hauptstr.",
    "straße", "rue", "av.", "Calle", "C/", "Rua", "Via", "ul.", "ул.", "خیابان", "خ.", "کوچه", "پلاک", "واحد", "طبقه",
    "شارع", "مبنى", "北京市", "朝阳区", "建国路", "88号", "3号楼", "501室", "〒", "100-0005", "SW1A", "1AA", "K1A",
    "0B1", "94043", "12345-67890", "CH-8001", "D-", "London", "CA", "IL", "Madrid", "تهران", "ي", "ك", "\u{200c}",
    "\u{200f}", "\u{640}", "ＡＢ", "x", "n/a",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..14).prop_map(|v| v.join(" "))
}

const COUNTRIES: &[&str] = &["", "US", "GB", "DE", "FR", "IR", "CN", "JP", "BR", "NL", "CA", "SA", "Iran", "xx", "ZZ"];
const STYLES: [Style; 4] = [Style::Standard, Style::Short, Style::Long, Style::Keep];

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_string(s in any::<String>(), c in prop::sample::select(COUNTRIES), st in 0usize..4) {
        check(&s, c, STYLES[st]);
    }

    #[test]
    fn address_pieces(s in pieces(), c in prop::sample::select(COUNTRIES), st in 0usize..4) {
        check(&s, c, STYLES[st]);
    }
}

#[test]
fn long_inputs_are_capped() {
    let long = "1 Main Street, ".repeat(200);
    let o = standardize_address(&long, &AddressOptions::default());
    assert_eq!(o.issues[0].code.as_str(), "input.too_long");
    let nines = "9".repeat(100);
    let p = standardize_postcode(&nines, "US", &PostcodeOptions::default());
    assert_eq!(p.issues[0].code.as_str(), "input.too_long");
    // Under the byte cap but over the 255 characters of a CRM street field.
    let street = "Main Street ".repeat(30);
    let o = standardize_address(&street, &AddressOptions { country: "US", ..Default::default() });
    assert!(o.issues.iter().any(|i| i.code.as_str() == "address.too_long"));
}
