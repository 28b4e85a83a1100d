//! The WebAssembly boundary: the only module that knows about wasm-bindgen, js-sys and
//! serde-wasm-bindgen. The hand-written shim `pkg/index.js` builds the public JS API on top.
//!
//! The hot call, `email_check`, returns one status word and keeps the outcome in a thread-local.
//! Only when the outcome holds something the shim does not already have (a changed value, a key
//! that differs, issues) does it call `email_extra`, which writes one JSON array into a buffer the
//! shim reads from wasm memory. A clean address costs one string copy in and one integer out. Nothing here can panic on any
//! input: every path ends in the total core functions.

use crate::email::{validate_email, DomainKind, EmailOptions, EmailOutcome};
use crate::issue::{Code, CODES};
use crate::locale::{render_template, Locale};
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

thread_local! {
    static LAST_EMAIL: RefCell<Option<EmailOutcome>> = const { RefCell::new(None) };
}

// Option bits, mirrored in pkg/index.js.
const OPT_QUOTED: u32 = 1;
const OPT_COMMENTS: u32 = 2;
const OPT_IP_DOMAIN: u32 = 4;
const OPT_SINGLE_LABEL: u32 = 8;
const OPT_OVERLONG: u32 = 16;
const OPT_UNKNOWN_TLD: u32 = 32;

// Status bits, mirrored in pkg/index.js. ST_EXTRA: call `email_extra` for strings and details.
const ST_VALID: u32 = 1;
const ST_EXTRA: u32 = 2;
const ST_ROLE: u32 = 64;
const ST_PLACEHOLDER: u32 = 128;
const ST_KIND_SHIFT: u32 = 8;

fn locale_from_index(i: u32) -> Locale {
    Locale::ALL.get(i as usize).copied().unwrap_or_default()
}

thread_local! {
    /// Strings coming in are written here by the shim (see `in_buf`), which spares each call the
    /// glue's allocate-copy-free round trip for a string argument.
    static IN: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Makes the input buffer hold at least `capacity` bytes and returns its address. The address
/// stays valid until the next call that asks for more.
#[wasm_bindgen]
pub fn in_buf(capacity: usize) -> *mut u8 {
    IN.with(|b| {
        let mut b = b.borrow_mut();
        if b.len() < capacity {
            b.resize(capacity, 0);
        }
        b.as_mut_ptr()
    })
}

/// `email_check` on the first `len` bytes of the input buffer. Bytes that are not UTF-8 (only a
/// broken caller could write them) are replaced, never trusted.
#[wasm_bindgen]
pub fn email_check_in(len: usize, options: u32, locale: u32) -> u32 {
    IN.with(|b| {
        let b = b.borrow();
        let bytes = &b[..len.min(b.len())];
        match std::str::from_utf8(bytes) {
            Ok(s) => email_check(s, options, locale),
            Err(_) => email_check(&String::from_utf8_lossy(bytes), options, locale),
        }
    })
}

/// Validates one address; see the module docs for the status word.
#[wasm_bindgen]
pub fn email_check(input: &str, options: u32, locale: u32) -> u32 {
    let opts = EmailOptions {
        locale: locale_from_index(locale),
        path: "email",
        allow_quoted: options & OPT_QUOTED != 0,
        allow_comments: options & OPT_COMMENTS != 0,
        allow_ip_domain: options & OPT_IP_DOMAIN != 0,
        allow_single_label: options & OPT_SINGLE_LABEL != 0,
        allow_overlong: options & OPT_OVERLONG != 0,
        allow_unknown_tld: options & OPT_UNKNOWN_TLD != 0,
    };
    let out = validate_email(input, &opts);
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
    status |= kind << ST_KIND_SHIFT;
    LAST_EMAIL.with(|last| *last.borrow_mut() = Some(out));
    status
}

thread_local! {
    /// Strings going out are written here and read by the shim straight from wasm memory: for the
    /// short strings of a contact field that is several times cheaper than a TextDecoder call each.
    static OUT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Address of the output buffer filled by the last `*_extra` call.
#[wasm_bindgen]
pub fn out_ptr() -> *const u8 {
    OUT.with(|o| o.borrow().as_ptr())
}

/// Writes what the status word of the last `email_check` says the shim needs, as one JSON array
/// `[value, ascii, canonical, suggestion, [[kind, from, to]...], [[code, message, {params}]...]]`
/// (null where the shim already has the string), into the output buffer. Returns its length in
/// bytes, with bit 31 set when it is all ASCII.
#[wasm_bindgen]
pub fn email_extra() -> u32 {
    LAST_EMAIL.with(|last| {
        let last = last.borrow();
        let Some(o) = last.as_ref() else { return 0 };
        OUT.with(|out| {
            let mut j = out.borrow_mut();
            j.clear();
            j.push('[');
            let opt = |j: &mut String, s: Option<&String>, same: &str| match s {
                Some(s) if s != same => json_str(j, s),
                _ => j.push_str("null"),
            };
            json_str(&mut j, &o.value);
            j.push(',');
            opt(&mut j, o.ascii.as_ref(), &o.value);
            j.push(',');
            opt(&mut j, o.canonical.as_ref(), &o.value);
            j.push(',');
            opt(&mut j, o.suggestion.as_ref(), "");
            j.push_str(",[");
            for (i, c) in o.changes.iter().enumerate() {
                if i > 0 {
                    j.push(',');
                }
                j.push('[');
                json_str(&mut j, c.kind);
                j.push(',');
                json_str(&mut j, &c.from);
                j.push(',');
                json_str(&mut j, &c.to);
                j.push(']');
            }
            j.push_str("],[");
            for (i, issue) in o.issues.iter().enumerate() {
                if i > 0 {
                    j.push(',');
                }
                j.push('[');
                json_str(&mut j, issue.code.as_str());
                j.push(',');
                json_str(&mut j, &issue.message);
                j.push_str(",{");
                for (k, (name, value)) in issue.params.iter().enumerate() {
                    if k > 0 {
                        j.push(',');
                    }
                    json_str(&mut j, name);
                    j.push(':');
                    json_str(&mut j, value);
                }
                j.push_str("}]");
            }
            j.push_str("]]");
            let ascii_bit = if j.is_ascii() { 1 << 31 } else { 0 };
            (j.len() as u32 & 0x7fff_ffff) | ascii_bit
        })
    })
}

fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The index of the locale for a BCP 47 tag (unknown languages fall back to English).
#[wasm_bindgen]
pub fn locale_index(tag: &str) -> u32 {
    Locale::from_tag(tag) as u32
}

#[derive(serde::Serialize)]
struct CodeRow {
    code: &'static str,
    severity: &'static str,
    description: &'static str,
}

/// Every issue code with its severity and description.
#[wasm_bindgen]
pub fn issue_codes() -> JsValue {
    let rows: Vec<CodeRow> = CODES
        .iter()
        .map(|c| CodeRow { code: c.name, severity: c.severity.as_str(), description: c.description })
        .collect();
    to_js(&rows)
}

/// The message for `code` in `locale` with `params` (a plain object of strings) substituted.
/// Unknown codes get the generic `input` message shape rather than an error.
#[wasm_bindgen]
pub fn message(code: &str, locale: u32, params: JsValue) -> String {
    let params: BTreeMap<String, String> = serde_wasm_bindgen::from_value(params).unwrap_or_default();
    let locale = locale_from_index(locale);
    let template = match Code::from_name(code) {
        Some(c) => c.info().templates[locale as usize],
        None => return code.to_owned(),
    };
    render_template(template, locale, |name| params.get(name).map(String::as_str))
}

#[derive(serde::Serialize)]
struct Versions {
    intake: &'static str,
    tables: BTreeMap<&'static str, &'static str>,
}

#[wasm_bindgen]
pub fn versions() -> JsValue {
    let all = crate::versions();
    let versions = Versions {
        intake: all.iter().find(|(k, _)| *k == "intake").map_or("", |(_, v)| v),
        tables: all.iter().filter(|(k, _)| *k != "intake").copied().collect(),
    };
    to_js(&versions)
}

/// Plain JS objects (not Maps) for maps, so results are JSON-clean data.
fn to_js<T: serde::Serialize>(value: &T) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

#[wasm_bindgen]
pub fn email_input_cap() -> u32 {
    crate::limits::EMAIL_INPUT_BYTES as u32
}
