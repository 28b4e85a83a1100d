//! The WebAssembly boundary: the only module that knows about wasm-bindgen, js-sys and
//! serde-wasm-bindgen. The hand-written shim `pkg/index.js` builds the public JS API on top.
//!
//! The hot call, `email_check`, returns one status word. Only when the outcome holds something the
//! shim does not already have (a changed value, a key that differs, issues) does it also lay those
//! strings out in a buffer the shim reads from wasm memory (found through `HEADER`). A
//! clean address costs one string copy in and one integer out. `email_check_batch` does the same
//! for many addresses in one call. Nothing here can panic on any
//! input: every path ends in the total core functions.

use crate::email::{validate_email, DomainKind, EmailOptions, EmailOutcome};
use crate::issue::{Code, CODES};
use crate::locale::{render_template, Locale};
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

thread_local! {
    /// Where the shim finds the last fill of `OUT`: its length word, the text's address and the
    /// index's address. Its own address never changes, so the shim asks for it once and then reads
    /// it from memory instead of making three calls per address.
    static HEADER: std::cell::Cell<[u32; 3]> = const { std::cell::Cell::new([0; 3]) };
}

/// Address of the header (see `HEADER`).
#[wasm_bindgen]
pub fn out_header_ptr() -> *const u32 {
    HEADER.with(|h| h.as_ptr() as *const u32)
}

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
    IN.with(|b| grow(b, capacity))
}

/// Makes a shared buffer at least `n` long and returns its address for the shim to write into.
fn grow<T: Copy + Default>(buffer: &RefCell<Vec<T>>, n: usize) -> *mut T {
    let mut b = buffer.borrow_mut();
    if b.len() < n {
        b.resize(n, T::default());
    }
    b.as_mut_ptr()
}

/// The shim writes UTF-8; bytes that are not (only a broken caller could write them) are
/// replaced, never trusted.
fn text_of(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

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

thread_local! {
    /// What `email_check` and `email_check_batch` hand out: strings back to back in `text`, and in `index` where each one
    /// ends (in UTF-16 code units) and how they group. The shim decodes `text` into one JS string
    /// and slices it, which is several times cheaper than JSON or one decode per string.
    static OUT: RefCell<Extra> = RefCell::new(Extra { text: String::new(), index: Vec::with_capacity(256), utf16: 0 });
}

struct Extra {
    text: String,
    index: Vec<u32>,
    utf16: u32,
}

impl Extra {
    fn clear(&mut self) {
        self.text.clear();
        self.index.clear();
        self.utf16 = 0;
    }

    /// Appends a string and records where it ends.
    fn string(&mut self, s: &str) {
        self.text.push_str(s);
        self.utf16 += if s.is_ascii() { s.len() as u32 } else { s.encode_utf16().count() as u32 };
        self.index.push(self.utf16);
    }

    fn number(&mut self, n: usize) {
        self.index.push(n as u32);
    }
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
        let present = [
            value_changed.then_some(o.value.as_ref()),
            o.ascii.as_deref().filter(|a| *a != o.value),
            o.canonical.as_deref().filter(|c| *c != o.value),
            o.suggestion.as_deref(),
        ];
        let mask = present.iter().enumerate().fold(0, |m, (i, p)| m | (usize::from(p.is_some()) << i));
        self.number(mask);
        for s in present.into_iter().flatten() {
            self.string(s);
        }
        self.number(o.changes.len());
        for c in &o.changes {
            self.string(c.kind);
            self.string(&c.to);
        }
        self.number(o.issues.len());
        for issue in &o.issues {
            self.string(issue.code.as_str());
            self.number(issue.params.len());
            for (name, value) in &issue.params {
                self.string(name);
                self.string(value);
            }
        }
    }

    /// Starts a fill: index entry 0 will hold the index length.
    fn begin(&mut self) {
        self.clear();
        self.number(0);
    }

    /// Ends a fill: the index gets its length, the header the text length in bytes (bit 31 set
    /// when it is all ASCII) and both addresses. Returns the length word.
    fn finish(&mut self) -> u32 {
        let len = self.index.len() as u32;
        self.index[0] = len;
        let ascii_bit = if self.text.is_ascii() { 1 << 31 } else { 0 };
        let word = (self.text.len() as u32 & 0x7fff_ffff) | ascii_bit;
        // Addresses are 32-bit in wasm32.
        HEADER.with(|h| h.set([word, self.text.as_ptr() as usize as u32, self.index.as_ptr() as usize as u32]));
        word
    }
}

thread_local! {
    /// Batch calls: the shim writes each input's byte length here; the core replaces them with
    /// status words.
    static BATCH: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// Makes the batch buffer hold at least `n` entries and returns its address.
#[wasm_bindgen]
pub fn batch_buf(n: usize) -> *mut u32 {
    BATCH.with(|b| grow(b, n))
}

/// Validates `n` addresses laid end to end in the input buffer, their byte lengths in the batch
/// buffer. Each length is replaced by the status word; the groups of the outcomes whose status
/// has ST_EXTRA are written in order to the output (see `Extra::outcome`). One call per batch
/// instead of two or three per address.
#[wasm_bindgen]
pub fn email_check_batch(n: usize, options: u32, locale: u32) -> u32 {
    let opts = email_options(options, locale);
    IN.with(|input| {
        BATCH.with(|batch| {
            OUT.with(|out| {
                let input = input.borrow();
                let mut batch = batch.borrow_mut();
                let mut x = out.borrow_mut();
                x.begin();
                let mut at = 0usize;
                for slot in batch.iter_mut().take(n) {
                    let end = (at + *slot as usize).min(input.len());
                    let bytes = &input[at..end];
                    at = end;
                    let text = text_of(bytes);
                    let o = validate_email(&text, &opts);
                    let st = status(&o, &text);
                    if st & ST_EXTRA != 0 {
                        x.outcome(&o);
                    }
                    *slot = st;
                }
                x.finish()
            })
        })
    })
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

/// Every code's message templates, `[[code, [en, fa, ar, zh]]...]`, for the shim's renderer
/// (which must agree with `message`; the JS suite checks every code in every locale).
#[wasm_bindgen]
pub fn message_templates() -> JsValue {
    let rows: Vec<(&str, [&str; 4])> = CODES.iter().map(|c| (c.name, c.templates)).collect();
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
