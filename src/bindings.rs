//! The WebAssembly boundary: the only module that knows about wasm-bindgen, js-sys and
//! serde-wasm-bindgen. The hand-written shim `pkg/index.js` builds the public JS API on top.
//!
//! The hot call, `email_check`, returns one status word and keeps the outcome in a thread-local;
//! the shim fetches only the strings the word says differ from what it already has (usually none),
//! so a clean address costs one string copy in and one integer out. Nothing here can panic on any
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

// Status bits, mirrored in pkg/index.js.
const ST_VALID: u32 = 1;
const ST_VALUE: u32 = 2;
const ST_ASCII: u32 = 4;
const ST_CANONICAL: u32 = 8;
const ST_SUGGESTION: u32 = 16;
const ST_DETAILS: u32 = 32;
const ST_ROLE: u32 = 64;
const ST_PLACEHOLDER: u32 = 128;
const ST_KIND_SHIFT: u32 = 8;

fn locale_from_index(i: u32) -> Locale {
    Locale::ALL.get(i as usize).copied().unwrap_or_default()
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
    set(ST_VALUE, out.value != input);
    set(ST_ASCII, out.ascii.as_ref().is_some_and(|a| *a != out.value));
    set(ST_CANONICAL, out.canonical.as_ref().is_some_and(|c| *c != out.value));
    set(ST_SUGGESTION, out.suggestion.is_some());
    set(ST_DETAILS, !out.changes.is_empty() || !out.issues.is_empty());
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

fn with_last(f: impl FnOnce(&EmailOutcome) -> String) -> String {
    LAST_EMAIL.with(|last| last.borrow().as_ref().map(f).unwrap_or_default())
}

#[wasm_bindgen]
pub fn email_value() -> String {
    with_last(|o| o.value.clone())
}

#[wasm_bindgen]
pub fn email_ascii() -> String {
    with_last(|o| o.ascii.clone().unwrap_or_default())
}

#[wasm_bindgen]
pub fn email_canonical() -> String {
    with_last(|o| o.canonical.clone().unwrap_or_default())
}

#[wasm_bindgen]
pub fn email_suggestion() -> String {
    with_last(|o| o.suggestion.clone().unwrap_or_default())
}

/// Changes and issues of the last check as JSON:
/// `{"changes":[[kind,from,to]...],"issues":[[code,message,{params}]...]}`. JSON.parse of one string
/// is much cheaper than building the same objects field by field across the boundary.
#[wasm_bindgen]
pub fn email_details() -> String {
    with_last(|o| {
        let mut j = String::with_capacity(64 + o.value.len() * 4);
        j.push_str("{\"changes\":[");
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
        j.push_str("],\"issues\":[");
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
        j.push_str("]}");
        j
    })
}

fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
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
    serde_wasm_bindgen::to_value(&rows).unwrap_or(JsValue::NULL)
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
    serde_wasm_bindgen::to_value(&versions).unwrap_or(JsValue::NULL)
}

#[wasm_bindgen]
pub fn email_input_cap() -> u32 {
    crate::limits::EMAIL_INPUT_BYTES as u32
}
