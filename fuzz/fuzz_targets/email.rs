//! Any bytes, as lossy UTF-8, through every email option combination: must not panic, and the
//! outcome must keep its invariants (the same ones tests/totality.rs checks on generated strings).
#![no_main]

use intake::email::{validate_email, EmailOptions};
use intake::{Locale, Severity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let input = String::from_utf8_lossy(rest);
    let opts = EmailOptions {
        locale: Locale::ALL[usize::from(flags >> 6)],
        allow_quoted: flags & 1 != 0,
        allow_comments: flags & 2 != 0,
        allow_ip_domain: flags & 4 != 0,
        allow_single_label: flags & 8 != 0,
        allow_overlong: flags & 16 != 0,
        allow_unknown_tld: flags & 32 != 0,
        ..EmailOptions::default()
    };
    let out = validate_email(&input, &opts);
    assert_eq!(out.original, input);
    assert_eq!(out.valid, !out.issues.iter().any(|i| i.severity() == Severity::Error));
    assert_eq!(out.changes.last().map_or(out.value.as_ref(), |c| c.to.as_str()), out.value);
    assert_eq!(out.valid, out.ascii.is_some());
});
