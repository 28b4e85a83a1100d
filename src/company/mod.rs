//! Companies: the legal form recognized, canonicalized and kept apart from the core name, casing
//! fixed, junk and placeholders flagged, and matching keys for the duplicate finder.
//!
//! [`standardize_company`] is total and linear in its input (capped at
//! [`crate::limits::COMPANY_INPUT_BYTES`]):
//!
//! - text hygiene: invisible characters (ZWNJ kept), NFKC (`㈱` is `(株)`, full-width forms plain),
//!   whitespace collapsed, tatweel removed, Arabic/Persian yeh and kaf by the text's language;
//! - the legal form: the longest run of words at the end (or, for forms written first, such as
//!   `株式会社`, `주식회사`, `شرکت سهامی خاص`, `PT`, at the start) that the table
//!   ([`crate::tables::legal_forms`], from PyPI `cleanco` plus a supplement for fa, ar, zh, ja,
//!   ko and long forms) knows, or a CJK form written with no space (`阿里巴巴有限公司`). It is
//!   replaced by its canonical spelling (`Incorporated` -> `Inc.`, `L.L.C.` -> `LLC`); `core` is the
//!   name without it;
//! - casing: an all-caps name gets title case with short acronyms kept (`IBM CORPORATION` ->
//!   `IBM Corp.`), an all-lowercase one title case; mixed case is the writer's choice and kept;
//! - `key`: the core name folded (case, accents, Arabic letter variants), with `the`, `and`, `&`,
//!   `شرکت`/`شركة` and all punctuation and spaces removed; `domain`: the registrable domain of the
//!   company's website, else of a business email address (`CompanyOptions`).

use crate::issue::{Change, Code, Issue, Severity};
use crate::limits::COMPANY_INPUT_BYTES;
use crate::locale::Locale;
use crate::tables::legal_forms::FORMS;
use crate::tables::FxHasher;
use crate::text;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// How to read and report, and what else is known about the company.
#[derive(Clone, Debug)]
pub struct CompanyOptions<'a> {
    pub locale: Locale,
    /// Field path reported in issues.
    pub path: &'a str,
    /// The company's website: its registrable domain becomes `domain`.
    pub website: Option<&'a str>,
    /// A contact's email address: its registrable domain becomes `domain` when it is a business
    /// domain (not a free or disposable provider) and no website gave one.
    pub email: Option<&'a str>,
}

impl Default for CompanyOptions<'_> {
    fn default() -> Self {
        CompanyOptions { locale: Locale::En, path: "company", website: None, email: None }
    }
}

/// Where a legal form is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    Start,
    End,
}

/// A recognized legal form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegalForm {
    /// The canonical spelling (`Inc.`, `GmbH`, `S.A.`, `有限公司`, `سهامی خاص`).
    pub canonical: &'static str,
    /// As written in the input (after text hygiene).
    pub written: String,
    /// Countries where the form is used (ISO 3166-1 alpha-2), a hint, not a verdict.
    pub countries: Vec<&'static str>,
    pub position: Position,
}

/// Everything known about one company name. `original` is never altered; `changes` lead from it to
/// `value`.
#[derive(Clone, Debug, PartialEq)]
pub struct CompanyOutcome<'a> {
    pub value: Cow<'a, str>,
    pub original: Cow<'a, str>,
    pub changes: Vec<Change>,
    /// No issue of severity error.
    pub valid: bool,
    /// The name without its legal form, cased as in `value`.
    pub core: String,
    pub legal_form: Option<LegalForm>,
    /// The core-name matching key (empty when there is no name).
    pub key: String,
    /// The registrable domain of the website or business email (ASCII).
    pub domain: Option<String>,
    pub issues: Vec<Issue>,
}

impl CompanyOutcome<'_> {
    /// Detaches the outcome from the input.
    pub fn into_owned(self) -> CompanyOutcome<'static> {
        CompanyOutcome {
            value: Cow::Owned(self.value.into_owned()),
            original: Cow::Owned(self.original.into_owned()),
            ..self
        }
    }
}

/// The key of a written legal form: NFKC, lowercase, Arabic yeh and kaf as the Persian letters, and
/// dots, commas, spaces, apostrophes and parentheses removed. `scripts/gen-legal-forms.py` keys the
/// table with the same function.
pub fn form_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let n = text::nfkc(s);
    push_form_key(n.as_deref().unwrap_or(s), &mut out);
    out
}

/// [`form_key`] of NFKC text, appended to `out`. It maps one character at a time and drops
/// spaces, so the key of a run of words is the keys of the words back to back.
fn push_form_key(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(s.bytes().filter(|b| !matches!(b, b'.' | b',' | b'\'' | b'(' | b')') && !char::from(*b).is_whitespace()).map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    let mut push = |c: char| match c {
        '.' | ',' | '\'' | '(' | ')' => {}
        c if c.is_whitespace() => {}
        '\u{064A}' | '\u{0649}' => out.push('\u{06CC}'),
        '\u{0643}' => out.push('\u{06A9}'),
        c => out.push(c),
    };
    for c in s.chars() {
        // Lowercasing leaves caseless scripts (Arabic, CJK) as they are: no table search for them.
        if text::caseless(c) {
            push(c);
        } else {
            c.to_lowercase().for_each(&mut push);
        }
    }
}

struct Index {
    by_key: HashMap<&'static str, usize, BuildHasherDefault<FxHasher>>,
    /// Most words in a form (`Gesellschaft mit beschränkter Haftung` has four).
    max_words: usize,
    /// Forms written with no space in CJK names (`有限公司`), longest first, with their row.
    tight: Vec<(String, usize)>,
}

fn is_cjk(c: char) -> bool {
    matches!(text::script_of(c), Some(text::Script::Han | text::Script::Hangul | text::Script::Kana))
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut by_key = HashMap::with_capacity_and_hasher(FORMS.len(), Default::default());
        let mut max_words = 1;
        let mut tight = Vec::new();
        for (i, (key, canonical, _, _)) in FORMS.iter().enumerate() {
            by_key.insert(*key, i);
            max_words = max_words.max(canonical.split(' ').count() + 1);
            if key.chars().all(is_cjk) {
                // A one-letter abbreviation only in parentheses: (株), (주).
                let n = key.chars().count();
                tight.push((if n == 1 { format!("({key})") } else { (*key).to_owned() }, i));
            }
        }
        max_words = max_words.max(5);
        tight.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        Index { by_key, max_words, tight }
    })
}

/// The row of a form, by its key, that may stand at `position`.
fn lookup(key: &str, position: Position) -> Option<usize> {
    let i = *index().by_key.get(key)?;
    let ok = match FORMS[i].3 {
        b'e' => position == Position::End,
        b's' => position == Position::Start,
        _ => true,
    };
    ok.then_some(i)
}

/// A name split around its legal form: `core` and the form's row, written text and position.
struct Split<'s> {
    core: &'s str,
    row: usize,
    written: &'s str,
    position: Position,
    /// The form is joined to the name with no space (CJK).
    tight: bool,
}

/// `normal`: `s` is known to be NFKC. `whole`: the form key of all of `s` when it is NFKC (left
/// empty otherwise).
fn split_legal_form<'s>(s: &'s str, normal: bool, whole: &mut String) -> Option<Split<'s>> {
    let idx = index();
    // Word boundaries (the value has single spaces after hygiene).
    let spaces: Vec<usize> = s.bytes().enumerate().filter(|&(_, b)| b == b' ').map(|(i, _)| i).collect();
    let words = spaces.len() + 1;
    let max = idx.max_words.min(words - 1);
    // Every CJK form holds a letter outside ASCII.
    let ascii = s.is_ascii();
    // For NFKC text the words' keys back to back (`ends[i]`: where word i's ends) hold the key of
    // every run of words as a slice.
    let normal = normal || ascii || text::nfkc(s).is_none();
    let (mut keys, mut ends) = (String::with_capacity(s.len()), Vec::with_capacity(words + 1));
    ends.push(0);
    if normal {
        let mut from = 0;
        for &end in spaces.iter().chain([s.len()].iter()) {
            push_form_key(&s[from..end], &mut keys);
            ends.push(keys.len());
            from = end + 1;
        }
    }
    if normal {
        whole.push_str(&keys);
    }
    // The key of words `from..to`, written `text`.
    let run_key = |from: usize, to: usize, text: &str| -> Cow<'_, str> {
        if normal {
            Cow::Borrowed(&keys[ends[from]..ends[to]])
        } else {
            Cow::Owned(form_key(text))
        }
    };
    for k in (1..=max).rev() {
        let at = spaces[words - 1 - k];
        if let Some(row) = lookup(&run_key(words - k, words, &s[at + 1..]), Position::End) {
            let core = s[..at].trim_end_matches([',', ' ', '-']);
            if !core.is_empty() {
                return Some(Split { core, row, written: &s[at + 1..], position: Position::End, tight: false });
            }
        }
    }
    for (form, row) in idx.tight.iter().filter(|_| !ascii) {
        if let Some(core) = s.strip_suffix(form.as_str()) {
            if !core.is_empty() && !core.ends_with(' ') && FORMS[*row].3 != b's' {
                return Some(Split { core, row: *row, written: &s[core.len()..], position: Position::End, tight: true });
            }
        }
    }
    for k in (1..=max).rev() {
        let at = spaces[k - 1];
        if let Some(row) = lookup(&run_key(0, k, &s[..at]), Position::Start) {
            let core = s[at + 1..].trim_start_matches([',', ' ', '-']);
            if !core.is_empty() {
                return Some(Split { core, row, written: &s[..at], position: Position::Start, tight: false });
            }
        }
    }
    for (form, row) in idx.tight.iter().filter(|_| !ascii) {
        if let Some(core) = s.strip_prefix(form.as_str()) {
            if !core.is_empty() && !core.starts_with(' ') && FORMS[*row].3 != b'e' {
                return Some(Split { core, row: *row, written: &s[..form.len()], position: Position::Start, tight: true });
            }
        }
    }
    None
}

/// Words kept in lower case inside a title-cased name (not as its first word).
const SMALL_WORDS: &[&str] = &[
    "and", "of", "the", "for", "de", "la", "le", "les", "du", "des", "et", "y", "e", "da", "do", "dos", "das", "del",
    "van", "der", "den", "von", "und", "a", "an", "in", "on", "at", "by", "to", "di",
];

/// Short words of company names that are words, not acronyms (`NEW YORK`, `BIG SKY`, `TOP SHOP`).
const COMMON_SHORT: &[&str] = &[
    "new", "one", "two", "six", "ten", "top", "big", "red", "sun", "sea", "car", "air", "art", "bar", "bay", "box",
    "fox", "hub", "joy", "key", "lab", "law", "map", "net", "oak", "oil", "pet", "pro", "tea", "tree", "way", "web",
    "sky", "gas", "cafe", "bio", "eco", "go", "my", "our", "all", "old", "east", "west", "gold", "blue", "max", "sur",
    "rio", "mar", "sol", "sud", "nord", "ost", "bau", "haus", "neu", "los", "las", "el", "il", "au", "aux",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Upper,
    Lower,
    Mixed,
}

fn case_of(s: &str) -> Case {
    let (mut upper, mut lower) = (0, 0);
    for c in s.chars() {
        if text::is_upper(c) {
            upper += 1;
        } else if text::is_lower(c) {
            lower += 1;
        }
    }
    match (upper, lower) {
        (u, 0) if u >= 2 => Case::Upper,
        (0, l) if l >= 2 => Case::Lower,
        _ => Case::Mixed,
    }
}

/// `word` with its first letter and every letter after `-` or `/` upper case, the rest lower.
fn title_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start && text::is_alphabetic(c) {
            out.extend(c.to_uppercase());
            start = false;
        } else {
            out.extend(c.to_lowercase());
            if matches!(c, '-' | '/') {
                start = true;
            }
        }
    }
    out
}

/// Title case for an all-caps or all-lowercase name: in an all-caps name, words of at most three
/// letters and words without a vowel stay capitals (acronyms: IBM, BMW, AT&T, LVMH, HSBC); small
/// words after the first are lower case.
fn fix_case(s: &str, case: Case) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        // Cased letters only: `IBM(中国)` is a three-letter acronym.
        let letters = word.chars().filter(|&c| text::is_upper(c) || text::is_lower(c)).count();
        let small = SMALL_WORDS.contains(&lower.as_str());
        if i > 0 && small {
            out.push_str(&lower);
        } else if !small
            && case == Case::Upper
            && !COMMON_SHORT.contains(&lower.as_str())
            && (letters <= 3 || !lower.contains(['a', 'e', 'i', 'o', 'u', 'y']))
        {
            out.push_str(word);
        } else {
            out.push_str(&title_word(word));
        }
    }
    out
}

/// Words left out of the core-name key.
const KEY_STOP: &[&str] = &["the", "and", "&", "und", "et", "شرکت", "شرکه"];

/// The core-name matching key of a name (legal form already removed).
pub fn name_key(core: &str) -> String {
    if core.is_ascii() {
        // The same without the fold's copy: ASCII folds by case alone.
        let mut key = String::with_capacity(core.len());
        for word in core.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()) {
            if !KEY_STOP.iter().any(|k| k.eq_ignore_ascii_case(word)) {
                key.extend(word.bytes().filter(u8::is_ascii_alphanumeric).map(|b| char::from(b.to_ascii_lowercase())));
            }
        }
        return key;
    }
    let folded = text::fold_for_key(core);
    let mut key = String::with_capacity(folded.len());
    for word in folded.split(' ').filter(|w| !KEY_STOP.contains(w)) {
        key.extend(word.chars().filter(|&c| text::is_alphanumeric(c)));
    }
    key
}

/// Core-name keys of placeholders typed to get past a required field.
const PLACEHOLDERS: &[&str] = &[
    "na", "none", "nil", "null", "test", "testcompany", "testing", "company", "mycompany", "yourcompany",
    "companyname", "nocompany", "unknown", "self", "selfemployed", "individual", "private", "personal",
    "notapplicable", "sample", "example", "xxx", "xx", "tbd", "other", "home", "student", "retired",
    "freelance", "freelancer", "ندارد", "هیچ", "تست", "نامشخص", "ازاد", "لایوجد", "غیرمعروف", "لاشی", "无", "没有",
    "测试", "公司", "未知", "个人", "無",
];

/// Keyboard rows (QWERTY, AZERTY's differing row, Persian): a name that is a run of one is mash.
const KEYBOARD_ROWS: &[&str] = &[
    "qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn", "ضصثقفغعهخحجچ", "شسیبلاتنمکگ",
    "ظطزرذدپو",
];

/// Mash, not a name: no letter at all, one letter repeated, a single letter, or a run of keys.
fn is_junk(key: &str) -> bool {
    let mut chars = key.chars();
    let Some(first) = chars.next() else { return true };
    if !key.chars().any(text::is_alphabetic) {
        return true;
    }
    let n = key.chars().count();
    if n == 1 || (n >= 3 && key.chars().all(|c| c == first)) {
        return true;
    }
    // No letter is twice on a row: a run of one starts where its first letter is.
    // Rows are all ASCII or all not.
    n >= 4
        && KEYBOARD_ROWS.iter().any(|row| {
            row.len() >= key.len() && row.as_bytes()[0].is_ascii() == first.is_ascii() && row.find(first).is_some_and(|i| row[i..].starts_with(key))
        })
}

/// The registrable domain the options give: the website's, else a business email's.
fn domain_key(opts: &CompanyOptions) -> Option<String> {
    if let Some(w) = opts.website {
        let o = crate::website::standardize_website(w, &crate::website::WebsiteOptions::default());
        if o.valid && o.social.is_none() && o.domain.is_some() {
            return o.domain;
        }
    }
    #[cfg(feature = "email")]
    if let Some(e) = opts.email {
        let o = crate::email::validate_email(e, &crate::email::EmailOptions::default());
        if o.valid && o.domain_kind == Some(crate::email::DomainKind::Business) {
            let ascii = o.ascii.as_deref().unwrap_or("");
            let host = ascii.rsplit_once('@').map_or("", |(_, d)| d).to_ascii_lowercase();
            return crate::website::psl::registrable_domain(&host).map(str::to_owned);
        }
    }
    None
}

/// Standardizes one company name.
pub fn standardize_company<'a>(input: &'a str, opts: &CompanyOptions) -> CompanyOutcome<'a> {
    let issue = |code: Code| Issue::new(code, opts.path, opts.locale, Vec::new());
    let mut out = CompanyOutcome {
        value: Cow::Borrowed(input),
        original: Cow::Borrowed(input),
        changes: Vec::new(),
        valid: false,
        core: String::new(),
        legal_form: None,
        key: String::new(),
        domain: None,
        issues: Vec::new(),
    };
    if input.len() > COMPANY_INPUT_BYTES {
        out.issues.push(Issue::new(Code::InputTooLong, opts.path, opts.locale, vec![("max", COMPANY_INPUT_BYTES.to_string())]));
        return out;
    }
    out.domain = domain_key(opts);
    let mut c = crate::issue::Changes::new(input);
    // ASCII has no invisible characters, compatibility forms, tatweel or Arabic letters.
    let ascii = input.is_ascii();
    if !ascii {
        c.apply("remove_invisible", |s| text::strip_invisible(s, true));
    }
    c.apply("remove_controls", text::strip_controls);
    if !ascii {
        c.apply("nfkc", text::nfkc);
    }
    c.apply("collapse_whitespace", text::collapse_whitespace);
    // NFKC holds after the nfkc step (collapsing whitespace keeps it) unless a later step changed
    // letters: removing tatweel or mapping yeh and kaf can bring a letter and a mark together.
    let nfkc_steps = c.list.len();
    if !ascii {
        c.apply("remove_tatweel", text::remove_tatweel);
        match text::arabic_script_language(&c.value) {
            text::ArabicScriptLanguage::Persian => c.apply("persian_letters", text::to_persian_letters),
            text::ArabicScriptLanguage::Arabic => c.apply("arabic_letters", text::to_arabic_letters),
            text::ArabicScriptLanguage::Unknown => {}
        }
    }
    let normal = c.list.len() == nfkc_steps;
    let mut value = c.value.into_owned();
    let mut changes = c.list;
    let mut step = |kind: &'static str, next: String, value: &mut String| {
        if next != *value {
            let from = std::mem::replace(value, next.clone());
            changes.push(Change { kind, from, to: next });
        }
    };
    if value.is_empty() {
        out.issues.push(issue(Code::InputEmpty));
    } else {
        let case = case_of(&value);
        let recase = |s: &str| if case == Case::Mixed { s.to_owned() } else { fix_case(s, case) };
        let mut whole_key = String::new();
        let (mut recased, was_ascii) = (true, value.is_ascii());
        let (core, legal) = match split_legal_form(&value, normal, &mut whole_key) {
            Some(sp) => {
                let (core, written, position) = (sp.core.to_owned(), sp.written.to_owned(), sp.position);
                let row = FORMS[sp.row];
                // Case first (the form as written), then the canonical form.
                let sep = if sp.tight { "" } else { " " };
                let join = |core: &str, form: &str| {
                    let (a, b) = match position {
                        Position::End => (core, form),
                        Position::Start => (form, core),
                    };
                    [a, sep, b].concat()
                };
                let cased = recase(&core);
                // The core with the punctuation before the form (`Acme,` of `Acme, Inc.`).
                let raw_core = match position {
                    Position::End => value[..value.len() - written.len() - sep.len()].to_owned(),
                    Position::Start => value[written.len() + sep.len()..].to_owned(),
                };
                step("fix_case", join(&recase(&raw_core), &written), &mut value);
                step("canonical_legal_form", join(&cased, row.1), &mut value);
                let form = LegalForm {
                    canonical: row.1,
                    written,
                    countries: row.2.split(' ').filter(|c| !c.is_empty()).collect(),
                    position,
                };
                (cased, Some(form))
            }
            None => {
                let cased = recase(&value);
                recased = cased != value;
                step("fix_case", cased.clone(), &mut value);
                (cased, None)
            }
        };
        out.key = name_key(&core);
        out.core = core;
        out.legal_form = legal;
        // The key of the value before recasing, when recasing changed nothing or it was ASCII (an
        // ASCII key is case-blind).
        let whole_is_form = out.legal_form.is_none() && {
            let same = !whole_key.is_empty() && (!recased || was_ascii);
            let key = if same { Cow::Borrowed(whole_key.as_str()) } else { Cow::Owned(form_key(&value)) };
            lookup(&key, Position::End).is_some()
        };
        // Nothing but words the key leaves out (`شرکت`, `The`) is a placeholder too.
        let only_stop_words = out.key.is_empty() && out.core.chars().any(text::is_alphabetic);
        if whole_is_form || only_stop_words || PLACEHOLDERS.contains(&out.key.as_str()) {
            out.issues.push(issue(Code::CompanyPlaceholder));
        } else if is_junk(&out.key) {
            out.issues.push(issue(Code::CompanyJunk));
        }
    }
    if !changes.is_empty() {
        out.value = Cow::Owned(value);
    }
    out.changes = changes;
    out.valid = !out.issues.iter().any(|i| i.severity() == Severity::Error);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_name_key_agrees_with_the_fold() {
        for core in ["The  Acme & Sons", "AT&T", " Green\tand\u{000B}Sons ", "", "ETHE ANDY", "x-y.z"] {
            // A trailing é takes the general path; it adds `e` to the key.
            assert_eq!(format!("{}e", name_key(core)), name_key(&format!("{core}\u{00E9}")), "{core:?}");
        }
    }

    #[test]
    fn run_keys_are_word_keys_back_to_back() {
        for run in ["S.A. de C.V.", "Gesellschaft mit beschränkter Haftung", "سهامی خاص", "Co., Ltd.", "(株)"] {
            let mut keys = String::new();
            for w in run.split(' ') {
                push_form_key(w, &mut keys);
            }
            assert_eq!(keys, form_key(run), "{run}");
        }
    }

    #[test]
    fn no_letter_is_twice_on_a_keyboard_row() {
        for row in KEYBOARD_ROWS {
            let mut seen: Vec<char> = row.chars().collect();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), row.chars().count(), "{row}");
        }
    }
}
