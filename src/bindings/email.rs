//! Email exports (see the parent module for the status word and the output layout).

use super::{locale_from_index, run_batch, text_of, Extra, IN, OUT};
use crate::email::{validate_email, DomainKind, EmailOptions, EmailOutcome};
use wasm_bindgen::prelude::*;

// Option bits, mirrored in pkg/index.js.
const OPT_QUOTED: u32 = 1;
const OPT_COMMENTS: u32 = 2;
const OPT_IP_DOMAIN: u32 = 4;
const OPT_SINGLE_LABEL: u32 = 8;
const OPT_OVERLONG: u32 = 16;
const OPT_UNKNOWN_TLD: u32 = 32;

// Status bits, mirrored in pkg/index.js. ST_EXTRA: strings and details were written to `OUT`.
const ST_VALID: u32 = 1;
const ST_EXTRA: u32 = 2;
const ST_ROLE: u32 = 64;
const ST_PLACEHOLDER: u32 = 128;
const ST_KIND_SHIFT: u32 = 8;

/// `email_check` on the first `len` bytes of the input buffer.
#[wasm_bindgen]
pub fn email_check_in(len: usize, options: u32, locale: u32) -> u32 {
    IN.with(|b| {
        let b = b.borrow();
        email_check(&text_of(&b[..len.min(b.len())]), options, locale)
    })
}

fn email_options(options: u32, locale: u32) -> EmailOptions<'static> {
    EmailOptions {
        locale: locale_from_index(locale),
        path: "email",
        allow_quoted: options & OPT_QUOTED != 0,
        allow_comments: options & OPT_COMMENTS != 0,
        allow_ip_domain: options & OPT_IP_DOMAIN != 0,
        allow_single_label: options & OPT_SINGLE_LABEL != 0,
        allow_overlong: options & OPT_OVERLONG != 0,
        allow_unknown_tld: options & OPT_UNKNOWN_TLD != 0,
    }
}

/// The status word of an outcome (bit layout above).
fn status(out: &EmailOutcome, input: &str) -> u32 {
    let mut status = 0;
    let mut set = |bit: u32, on: bool| {
        if on {
            status |= bit;
        }
    };
    set(ST_VALID, out.valid);
    set(
        ST_EXTRA,
        out.value != input
            || out.ascii.as_ref().is_some_and(|a| *a != out.value)
            || out.canonical.as_ref().is_some_and(|c| *c != out.value)
            || out.suggestion.is_some()
            || !out.changes.is_empty()
            || !out.issues.is_empty(),
    );
    set(ST_ROLE, out.role);
    set(ST_PLACEHOLDER, out.placeholder);
    let kind = match out.domain_kind {
        None => 0,
        Some(DomainKind::Free) => 1,
        Some(DomainKind::Business) => 2,
        Some(DomainKind::Disposable) => 3,
    };
    status | (kind << ST_KIND_SHIFT)
}

/// Validates one address; see the module docs for the status word.
#[wasm_bindgen]
pub fn email_check(input: &str, options: u32, locale: u32) -> u32 {
    let out = validate_email(input, &email_options(options, locale));
    let st = status(&out, input);
    if st & ST_EXTRA != 0 {
        OUT.with(|x| {
            let mut x = x.borrow_mut();
            x.begin();
            x.outcome(&out);
            x.finish()
        });
    }
    st
}

impl Extra {
    /// Appends one outcome's group to the index and its strings to the text:
    ///
    /// `mask, end(value)?, end(ascii)?, end(canonical)?, end(suggestion)?,
    ///  n_changes, (end(kind), end(to))*, n_issues, (end(code), n_params, (end(name), end(value))*)*`
    ///
    /// `mask` bits 0-3 say which of value, ascii, canonical and suggestion follow (the shim
    /// already has the others: value is the input, ascii and canonical equal value). A change's
    /// `from` is the previous change's `to` (the input for the first). Messages are not included:
    /// the shim renders them from the templates (`message_templates`).
    fn outcome(&mut self, o: &EmailOutcome) {
        // The core records a change for every step that altered the value.
        let value_changed = !o.changes.is_empty();
        self.group(
            &[
                value_changed.then_some(o.value.as_ref()),
                o.ascii.as_deref().filter(|a| *a != o.value),
                o.canonical.as_deref().filter(|c| *c != o.value),
                o.suggestion.as_deref(),
            ],
            &o.changes,
            &o.issues,
        );
    }

}

/// Validates `n` addresses laid end to end in the input buffer, their byte lengths in the batch
/// buffer. Each length is replaced by the status word; the groups of the outcomes whose status
/// has ST_EXTRA are written in order to the output (see `Extra::outcome`). One call per batch
/// instead of two or three per address.
#[wasm_bindgen]
pub fn email_check_batch(n: usize, options: u32, locale: u32) -> u32 {
    let opts = email_options(options, locale);
    run_batch(n, |text, x| {
        let o = validate_email(text, &opts);
        let st = status(&o, text);
        if st & ST_EXTRA != 0 {
            x.outcome(&o);
        }
        st
    })
}

#[wasm_bindgen]
pub fn email_input_cap() -> u32 {
    crate::limits::EMAIL_INPUT_BYTES as u32
}
