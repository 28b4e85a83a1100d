#![cfg(feature = "email")]
//! Every public function is total: no panic on any input, and the outcome's invariants hold.
//! Property tests over arbitrary Unicode strings and over strings built from the characters that
//! matter to email syntax (so that the interesting paths are reached often).

use intake::email::{validate_email, EmailOptions};
use intake::{Locale, Severity};
use proptest::prelude::*;

mod common;

fn check(input: &str, opts: &EmailOptions) {
    let out = validate_email(input, opts);
    assert_eq!(out.original, input);
    assert_eq!(out.valid, !out.issues.iter().any(|i| i.severity() == Severity::Error));
    common::assert_change_chain(input, &out.value, &out.changes);
    for issue in &out.issues {
        let message = issue.message();
        assert!(!message.is_empty());
        for name in ["{max}", "{char}", "{tld}", "{domain}", "{suggestion}", "{local}"] {
            let in_params = issue.params.iter().any(|(_, v)| v.contains(name));
            assert!(in_params || !message.contains(name), "unfilled {name}: {message}");
        }
    }
    if out.valid {
        let ascii = out.ascii.as_deref().unwrap();
        assert!(ascii.contains('@'));
        assert!(out.canonical.is_some() && out.domain_kind.is_some());
        if !opts.allow_overlong && !opts.allow_quoted {
            assert!(ascii.rsplit('@').next().unwrap().len() <= 253);
        }
    } else {
        assert!(out.ascii.is_none() && out.canonical.is_none());
    }
    if let Some(s) = &out.suggestion {
        assert_ne!(s, &out.value);
        assert!(s.contains('@'));
    }
}

fn all_options() -> Vec<EmailOptions<'static>> {
    let permissive = EmailOptions {
        locale: Locale::Fa,
        allow_quoted: true,
        allow_comments: true,
        allow_ip_domain: true,
        allow_single_label: true,
        allow_overlong: true,
        allow_unknown_tld: true,
        ..EmailOptions::default()
    };
    vec![EmailOptions::default(), permissive]
}

const EMAIL_ALPHABET: &[&str] = &[
    "a", "Z", "0", "۵", "٣", "５", ".", "..", "@", "＠", "-", "_", "+", "\"", "\\", "(", ")", "[", "]", ":",
    " ", "\u{3000}", "\u{200f}", "\u{200c}", "é", "e\u{301}", "用", "ی", "ß", "ﬁ", "<", ">", ",", ";",
    "mailto:", "gmail", "gmial", ".com", ".con", ".co.uk", "xn--", "IPv6:", "::1", "1.2.3.4", "😀", "\u{0}",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_string(s in any::<String>()) {
        for o in all_options() { check(&s, &o); }
    }

    #[test]
    fn email_shaped_strings(parts in proptest::collection::vec(proptest::sample::select(EMAIL_ALPHABET), 0..40)) {
        let s: String = parts.concat();
        for o in all_options() { check(&s, &o); }
    }
}

#[test]
fn pathological_inputs_at_the_cap() {
    let cap = intake::limits::EMAIL_INPUT_BYTES;
    for unit in ["a", ".", "@", "\"", "\\", "(", "[", "a.", "a@", "xn--", "é", "\u{200f}", "mailto:", "<a@b.c>"] {
        let s = unit.repeat(cap / unit.len());
        for o in all_options() {
            check(&s, &o);
            check(&format!("{s}x"), &o);
        }
    }
}
