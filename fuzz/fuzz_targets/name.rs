//! Any bytes, as lossy UTF-8, through standardize_name (every part and locale, keys on) and the key
//! functions: must not panic, and the outcome keeps the invariants of tests/name_totality.rs.
#![no_main]

use intake::name::keys::{fold_key, given_name_groups, phonetic_key, same_given_name};
use intake::name::{standardize_name, NameOptions, NamePart};
use intake::{Locale, Severity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let input = String::from_utf8_lossy(rest);
    let locale = Locale::ALL[usize::from(flags >> 6)];
    let part = [NamePart::Full, NamePart::Given, NamePart::Family][usize::from(flags & 3) % 3];
    let o = standardize_name(&input, part, &NameOptions { locale, path: "name", keys: true });
    assert_eq!(o.original, input);
    assert_eq!(o.valid, !o.issues.iter().any(|i| i.severity() == Severity::Error));
    assert_eq!(o.changes.first().map_or(&*input, |c| c.from.as_str()), input);
    assert_eq!(o.changes.last().map_or(o.value.as_ref(), |c| c.to.as_str()), o.value);
    assert_eq!(o.keys.is_some(), o.valid);
    let _ = (fold_key(&input), phonetic_key(&input), given_name_groups(&input), same_given_name(&input, &o.value));
});
