//! The WebAssembly boundary: the only module that knows about wasm-bindgen, js-sys and
//! serde-wasm-bindgen. The hand-written shim `pkg/index.js` builds the public JS API on top.
//!
//! A field's hot call (`email_check`, `phone_check_in`) returns one status word. Only when the
//! outcome holds something the shim does not already have (a changed value, a key that differs,
//! issues) does it also lay those strings out in a buffer the shim reads from wasm memory (found
//! through `HEADER`). A clean address costs one string copy in and one integer out. The `*_batch`
//! calls do the same for many values in one call. Nothing here can panic on any input: every path
//! ends in the total core functions.
//!
//! This file holds what the fields share (buffers, the output layout, codes and messages); each
//! field's exports are in their own file, compiled only with that field's cargo feature.

#[cfg(feature = "address")]
mod address;
#[cfg(feature = "company")]
mod company;
#[cfg(feature = "dedup")]
mod dedup;
#[cfg(feature = "email")]
mod email;
mod fields;
#[cfg(feature = "name")]
mod name;
#[cfg(feature = "phone")]
mod phone;
#[cfg(feature = "record")]
mod record;
#[cfg(feature = "website")]
mod website;

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

pub(crate) fn locale_from_index(i: u32) -> Locale {
    Locale::ALL.get(i as usize).copied().unwrap_or_default()
}

thread_local! {
    /// Strings coming in are written here by the shim (see `in_buf`), which spares each call the
    /// glue's allocate-copy-free round trip for a string argument.
    pub(crate) static IN: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
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
pub(crate) fn text_of(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

thread_local! {
    /// What `email_check` and `email_check_batch` hand out: strings back to back in `text`, and in `index` where each one
    /// ends (in UTF-16 code units) and how they group. The shim decodes `text` into one JS string
    /// and slices it, which is several times cheaper than JSON or one decode per string.
    pub(crate) static OUT: RefCell<Extra> = RefCell::new(Extra { text: String::new(), index: Vec::with_capacity(256), utf16: 0, issues: false });
}

pub(crate) struct Extra {
    text: String,
    index: Vec<u32>,
    utf16: u32,
    /// An issue code was written (see `issue_code`).
    issues: bool,
}

/// Header length word: bit 31, the text is ASCII; bit 30, the fill holds an issue (the shim then
/// fetches the messages, once, before reading: see `readExtra` in pkg/index.js); the rest, the text's
/// length in bytes.
const ASCII_BIT: u32 = 1 << 31;
const ISSUES_BIT: u32 = 1 << 30;

impl Extra {
    fn clear(&mut self) {
        self.text.clear();
        self.index.clear();
        self.utf16 = 0;
        self.issues = false;
    }

    /// Appends an issue's code (every writer of issues uses this, so the header can tell).
    pub(crate) fn issue_code(&mut self, code: &str) {
        self.issues = true;
        self.string(code);
    }

    /// Appends a string and records where it ends.
    pub(crate) fn string(&mut self, s: &str) {
        self.text.push_str(s);
        self.utf16 += if s.is_ascii() { s.len() as u32 } else { s.encode_utf16().count() as u32 };
        self.index.push(self.utf16);
    }

    pub(crate) fn number(&mut self, n: usize) {
        self.index.push(n as u32);
    }
}


impl Extra {
    /// One outcome's group: `mask, end(string)*` for the present optional strings (bit i of the
    /// mask for `strings[i]`), then the changes and issues:
    /// `n_changes, (end(kind), end(to))*, n_issues, (end(code), n_params, (end(name), end(value))*)*`.
    /// A change's `from` is the previous change's `to` (the input for the first). Messages are
    /// not included: the shim renders them from the templates (`message_templates`).
    pub(crate) fn group(&mut self, strings: &[Option<&str>], changes: &[crate::Change], issues: &[crate::Issue]) {
        let mask = strings.iter().enumerate().fold(0, |m, (i, p)| m | (usize::from(p.is_some()) << i));
        self.number(mask);
        for s in strings.iter().flatten() {
            self.string(s);
        }
        self.changes_and_issues(changes, issues, false);
    }

    /// The changes and issues part of a group. With `last_to_known` the last change's `to` is left
    /// out: the caller's mask tells the shim it is the value (which it already has).
    pub(crate) fn changes_and_issues(&mut self, changes: &[crate::Change], issues: &[crate::Issue], last_to_known: bool) {
        self.number(changes.len());
        for (i, c) in changes.iter().enumerate() {
            self.string(c.kind);
            if !(last_to_known && i + 1 == changes.len()) {
                self.string(&c.to);
            }
        }
        self.number(issues.len());
        for issue in issues {
            self.issue_code(issue.code.as_str());
            self.number(issue.params.len());
            for (name, value) in &issue.params {
                self.string(name);
                self.string(value);
            }
        }
    }

    /// Starts a fill: index entry 0 will hold the index length.
    pub(crate) fn begin(&mut self) {
        self.clear();
        self.number(0);
    }

    /// Ends a fill: the index gets its length, the header the length word (see `ASCII_BIT`) and
    /// both addresses. Returns the length word.
    pub(crate) fn finish(&mut self) -> u32 {
        let len = self.index.len() as u32;
        self.index[0] = len;
        let ascii = if self.text.is_ascii() { ASCII_BIT } else { 0 };
        let issues = if self.issues { ISSUES_BIT } else { 0 };
        let word = (self.text.len() as u32 & !(ASCII_BIT | ISSUES_BIT)) | ascii | issues;
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

/// Lends a batch call the input buffer, the batch buffer and the output (begun), then finishes the
/// output: returns its length word.
pub(crate) fn with_batch(fill: impl FnOnce(&[u8], &mut [u32], &mut Extra)) -> u32 {
    IN.with(|input| {
        BATCH.with(|batch| {
            OUT.with(|out| {
                let mut x = out.borrow_mut();
                x.begin();
                fill(&input.borrow(), &mut batch.borrow_mut(), &mut x);
                x.finish()
            })
        })
    })
}

/// Runs `check` on each of the `n` inputs laid end to end in the input buffer (their byte lengths
/// in the batch buffer, replaced by the status words it returns), with one output fill for all.
pub(crate) fn run_batch(n: usize, mut check: impl FnMut(&str, &mut Extra) -> u32) -> u32 {
    with_batch(|input, batch, x| {
        let mut at = 0usize;
        for slot in batch.iter_mut().take(n) {
            let end = (at + *slot as usize).min(input.len());
            let text = text_of(&input[at..end]);
            at = end;
            *slot = check(&text, x);
        }
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

