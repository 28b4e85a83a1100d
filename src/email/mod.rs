//! Email addresses: standardization, syntax fit for a CRM, typo suggestions, flags and a matching key.
//!
//! [`validate_email`] is total: any string in, an [`EmailOutcome`] out, in time linear in the
//! input (capped at [`crate::limits::EMAIL_INPUT_BYTES`]).

mod providers;
mod suggest;

use crate::idna::{label_to_ascii, LabelError};
use crate::issue::{Changes, Code, Issue, Severity};
use crate::limits::EMAIL_INPUT_BYTES;
use crate::locale::Locale;
use crate::tables::{static_set, FxHasher, DISPOSABLE, FREE, ROLES, TLDS};
use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;
use crate::text;
use crate::Change;

pub use providers::{canonical, canonical_if_different, POPULAR};
pub use suggest::suggest_domain;

/// RFC 5321 limits, in octets.
pub const MAX_LOCAL: usize = 64;
pub const MAX_ADDRESS: usize = 254;
pub const MAX_DOMAIN: usize = 253;
pub const MAX_LABEL: usize = 63;

/// What to accept beyond the default, CRM-fit syntax, and how to report.
#[derive(Clone, Debug)]
pub struct EmailOptions<'a> {
    pub locale: Locale,
    /// Field path reported in issues.
    pub path: &'a str,
    pub allow_quoted: bool,
    pub allow_comments: bool,
    pub allow_ip_domain: bool,
    pub allow_single_label: bool,
    pub allow_overlong: bool,
    pub allow_unknown_tld: bool,
}

impl Default for EmailOptions<'_> {
    fn default() -> Self {
        EmailOptions {
            locale: Locale::En,
            path: "email",
            allow_quoted: false,
            allow_comments: false,
            allow_ip_domain: false,
            allow_single_label: false,
            allow_overlong: false,
            allow_unknown_tld: false,
        }
    }
}

/// The kind of mailbox provider behind a valid address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DomainKind {
    Free,
    Business,
    Disposable,
}

impl DomainKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DomainKind::Free => "free",
            DomainKind::Business => "business",
            DomainKind::Disposable => "disposable",
        }
    }
}

/// Everything known about one email input. `original` is never altered; `value` is the standardized
/// address (best effort even when invalid); `changes` lead from one to the other. Both borrow the
/// input while they can (most addresses need no change); [`EmailOutcome::into_owned`] detaches.
#[derive(Clone, Debug, PartialEq)]
pub struct EmailOutcome<'a> {
    pub value: Cow<'a, str>,
    pub original: Cow<'a, str>,
    pub changes: Vec<Change>,
    /// No issue of severity error.
    pub valid: bool,
    /// The address with its domain in ASCII (punycode) form; `None` when invalid.
    pub ascii: Option<Cow<'a, str>>,
    /// Provider-aware matching key; `None` when invalid.
    pub canonical: Option<Cow<'a, str>>,
    /// The whole corrected address when the domain looks like a typo.
    pub suggestion: Option<String>,
    pub domain_kind: Option<DomainKind>,
    pub role: bool,
    pub placeholder: bool,
    pub issues: Vec<Issue>,
}

struct Report<'o> {
    opts: &'o EmailOptions<'o>,
    issues: Vec<Issue>,
}

impl Report<'_> {
    fn add(&mut self, code: Code, params: Vec<(&'static str, String)>) {
        self.issues.push(Issue::new(code, self.opts.path, self.opts.locale, params));
    }

    fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity() == Severity::Error)
    }
}

/// Validates and standardizes one email address.
pub fn validate_email<'a>(input: &'a str, opts: &EmailOptions) -> EmailOutcome<'a> {
    let mut report = Report { opts, issues: Vec::new() };
    if input.len() > EMAIL_INPUT_BYTES {
        report.add(Code::InputTooLong, vec![("max", EMAIL_INPUT_BYTES.to_string())]);
        return EmailOutcome::rejected(input, Cow::Borrowed(input), Vec::new(), report.issues);
    }

    let Changes { value, list: changes } = standardize(input);
    if value.is_empty() {
        report.add(Code::InputEmpty, Vec::new());
        return EmailOutcome::rejected(input, value, changes, report.issues);
    }

    let Some(parts) = split_address(&value, &mut report) else {
        return EmailOutcome::rejected(input, value, changes, report.issues);
    };
    let local_ok = check_local(&parts, &mut report);
    let domain = check_domain(parts.domain, &mut report);

    if let (true, Some(ascii_domain)) = (local_ok, &domain) {
        let length = parts.local.len() + 1 + ascii_domain.len();
        if length > MAX_ADDRESS && !opts.allow_overlong {
            report.add(Code::EmailTooLong, vec![("max", MAX_ADDRESS.to_string())]);
        }
    }

    // Suggestions are offered even when the domain is invalid (gmail.con): that is when they help most.
    // Standardization lowercased the domain already.
    let kind = domain.as_deref().map(domain_kind);
    let known = matches!(kind, Some(DomainKind::Free | DomainKind::Disposable));
    let suggestion = if local_ok && !parts.quoted && parts.domain.is_ascii() {
        suggest_domain(domain.as_deref().unwrap_or(parts.domain), known)
            .map(|d| join_address(parts.local, &d))
            .filter(|s| **s != *value)
    } else {
        None
    };
    if let Some(s) = &suggestion {
        report.add(Code::EmailDomainTypo, vec![("suggestion", s.clone()), ("domain", parts.domain.to_owned())]);
    }

    let valid = !report.has_errors();
    let mut outcome = EmailOutcome {
        value: Cow::Borrowed(""),
        original: Cow::Borrowed(input),
        changes,
        valid,
        ascii: None,
        canonical: None,
        suggestion,
        domain_kind: None,
        role: false,
        placeholder: false,
        issues: Vec::new(),
    };
    if let (true, Some(ascii_domain)) = (valid, domain) {
        // When nothing was standardized the value is the input itself; keys equal to it borrow it
        // (most addresses), so a valid address costs no copies beyond what differs.
        let unchanged = outcome.changes.is_empty();
        outcome.canonical = Some(match providers::canonical_if_different(parts.local, &ascii_domain) {
            Some(key) => Cow::Owned(key),
            None if unchanged => Cow::Borrowed(input),
            None => Cow::Owned(join_address(parts.local, &ascii_domain)),
        });
        let kind = kind.unwrap_or(DomainKind::Business);
        // A typo-squat on the disposable list (gmial.com) gets the suggestion, not a second warning.
        if kind == DomainKind::Disposable && outcome.suggestion.is_none() {
            report.add(Code::EmailDisposable, vec![("domain", parts.domain.to_owned())]);
        }
        let mut buf = [0u8; MAX_LOCAL];
        let local_lower = lowercase_in(parts.local, &mut buf);
        let base = local_lower.split('+').next().unwrap_or("");
        outcome.role = ROLES.contains(base);
        if outcome.role {
            report.add(Code::EmailRoleAccount, vec![("local", parts.local.to_owned())]);
        }
        outcome.placeholder = is_placeholder(base, &ascii_domain);
        if outcome.placeholder {
            report.add(Code::EmailPlaceholder, Vec::new());
        }
        outcome.domain_kind = Some(kind);
        outcome.ascii = Some(if unchanged && *ascii_domain == *parts.domain {
            Cow::Borrowed(input)
        } else {
            Cow::Owned(join_address(parts.local, &ascii_domain))
        });
    }
    outcome.issues = report.issues;
    outcome.value = value;
    outcome
}

/// `s` lowercased, in `buf` when it is ASCII and fits (no allocation on the common path).
fn lowercase_in<'b>(s: &str, buf: &'b mut [u8; MAX_LOCAL]) -> Cow<'b, str> {
    if s.is_ascii() && s.len() <= buf.len() {
        let out = &mut buf[..s.len()];
        out.copy_from_slice(s.as_bytes());
        out.make_ascii_lowercase();
        // ASCII bytes are UTF-8.
        Cow::Borrowed(std::str::from_utf8(out).unwrap_or_default())
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// `local@domain` without the formatting machinery (this is on every call's path).
fn join_address(local: &str, domain: &str) -> String {
    let mut s = String::with_capacity(local.len() + 1 + domain.len());
    s.push_str(local);
    s.push('@');
    s.push_str(domain);
    s
}

impl<'a> EmailOutcome<'a> {
    /// The same outcome, owning its strings.
    pub fn into_owned(self) -> EmailOutcome<'static> {
        let own = |c: Option<Cow<'a, str>>| c.map(|c| Cow::Owned(c.into_owned()));
        EmailOutcome {
            value: Cow::Owned(self.value.into_owned()),
            original: Cow::Owned(self.original.into_owned()),
            ascii: own(self.ascii),
            canonical: own(self.canonical),
            ..self
        }
    }

    fn rejected(input: &'a str, value: Cow<'a, str>, changes: Vec<Change>, issues: Vec<Issue>) -> EmailOutcome<'a> {
        EmailOutcome {
            value,
            original: Cow::Borrowed(input),
            changes,
            valid: false,
            ascii: None,
            canonical: None,
            suggestion: None,
            domain_kind: None,
            role: false,
            placeholder: false,
            issues,
        }
    }
}

/// Whether [`standardize`] would leave `s` as it is, decided in one pass over the bytes: printable
/// ASCII, no edge whitespace or separators, no `mailto:`/`<...>` wrapping, no uppercase domain.
/// Most addresses in real data take this path and skip the step-by-step pipeline.
fn already_standard(s: &str) -> bool {
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else { return true };
    if !b.iter().all(|&c| (0x21..0x7f).contains(&c))
        || matches!(first, b'<')
        || matches!(last, b'>' | b',' | b';' | b'.')
        || b.get(..7).is_some_and(|p| p.eq_ignore_ascii_case(b"mailto:"))
    {
        return false;
    }
    let domain_start = b.iter().rposition(|&c| c == b'@').map_or(b.len(), |p| p + 1);
    !b[domain_start..].iter().any(u8::is_ascii_uppercase)
}

/// Standardization: each step recorded as a [`Change`] when it changed something.
fn standardize(input: &str) -> Changes<'_> {
    let mut c = Changes::new(input);
    if already_standard(input) {
        return c;
    }
    c.apply("remove_invisible", |s| text::strip_invisible(s, false));
    c.apply("trim", text::trim);
    c.apply("fold_width", text::fold_width);
    c.apply("fold_digits", text::fold_digits);
    c.apply("strip_mailto", strip_mailto);
    c.apply("strip_display_name", strip_display_name);
    c.apply("strip_trailing_punctuation", |s| {
        let t = s.trim_end_matches([',', ';']);
        (t.len() != s.len()).then(|| t.to_owned())
    });
    c.apply("trim", text::trim);
    c.apply("nfc", text::nfc);
    c.apply("lowercase_domain", |s| {
        let at = s.rfind('@')?;
        let domain = &s[at + 1..];
        if !domain.chars().any(char::is_uppercase) {
            return None;
        }
        Some(format!("{}{}", &s[..=at], domain.to_lowercase()))
    });
    c.apply("strip_trailing_dot", |s| {
        let at = s.rfind('@')?;
        let domain = &s[at + 1..];
        // One trailing dot is the DNS root, not a typo; more than one is left for the checks.
        (domain.len() > 1 && domain.ends_with('.') && !domain.ends_with("..")).then(|| s[..s.len() - 1].to_owned())
    });
    c
}

fn strip_mailto(s: &str) -> Option<String> {
    let prefix = s.get(..7)?;
    prefix.eq_ignore_ascii_case("mailto:").then(|| {
        let rest = &s[7..];
        // A mailto URI may carry a query (?subject=...).
        rest.split('?').next().unwrap_or(rest).to_owned()
    })
}

/// `Ali Rezaei <ali@example.com>` and `<ali@example.com>` -> `ali@example.com`.
fn strip_display_name(s: &str) -> Option<String> {
    if !s.ends_with('>') {
        return None;
    }
    let open = s.rfind('<')?;
    let inner = s[open + 1..s.len() - 1].trim();
    inner.contains('@').then(|| inner.to_owned())
}

struct Parts<'a> {
    local: &'a str,
    domain: &'a str,
    quoted: bool,
}

/// Finds the @ that separates local part and domain; reports structural problems.
fn split_address<'a>(value: &'a str, report: &mut Report) -> Option<Parts<'a>> {
    if value.starts_with('"') {
        // A quoted local part may itself contain '@' and spaces: find its closing quote first.
        let bytes = value.as_bytes();
        let mut i = 1;
        let mut closed = None;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => i += 2,
                b'"' => {
                    closed = Some(i);
                    break;
                }
                _ => i += 1,
            }
        }
        let Some(close) = closed else {
            report.add(Code::EmailLocalInvalidChar, vec![("char", "\"".into())]);
            return None;
        };
        let rest = &value[close + 1..];
        let Some(domain) = rest.strip_prefix('@') else {
            if rest.contains('@') {
                report.add(Code::EmailLocalInvalidChar, vec![("char", "\"".into())]);
            } else {
                report.add(Code::EmailMissingAt, Vec::new());
            }
            return None;
        };
        if domain.contains('@') {
            report.add(Code::EmailMultipleAt, Vec::new());
            return None;
        }
        return Some(Parts { local: &value[..=close], domain, quoted: true });
    }
    let bytes = value.as_bytes();
    let Some(at) = bytes.iter().position(|&b| b == b'@') else {
        report.add(Code::EmailMissingAt, Vec::new());
        return None;
    };
    if bytes[at + 1..].contains(&b'@') {
        report.add(Code::EmailMultipleAt, Vec::new());
        return None;
    }
    let has_space = if value.is_ascii() {
        bytes.iter().any(u8::is_ascii_whitespace)
    } else {
        value.chars().any(char::is_whitespace)
    };
    if has_space {
        report.add(Code::EmailContainsSpace, Vec::new());
        return None;
    }
    Some(Parts { local: &value[..at], domain: &value[at + 1..], quoted: false })
}

/// RFC 5322 `atext`, the characters of an unquoted local part besides dots (and any non-ASCII
/// character that is not a control, per RFC 6531).
fn is_atext(c: char) -> bool {
    // Bit i set: ASCII i is atext. Built at compile time from the RFC 5322 list.
    const ATEXT: u128 = {
        let mut bits = 0u128;
        let specials = b"!#$%&'*+-/=?^_`{|}~";
        let mut i = 0;
        while i < 128 {
            let b = i as u8;
            if b.is_ascii_alphanumeric() {
                bits |= 1 << i;
            }
            i += 1;
        }
        let mut j = 0;
        while j < specials.len() {
            bits |= 1 << specials[j];
            j += 1;
        }
        bits
    };
    if c.is_ascii() {
        ATEXT & (1 << c as u32) != 0
    } else {
        !c.is_control() && !c.is_whitespace()
    }
}

/// Checks the local part; true when it raised no error.
fn check_local(parts: &Parts, report: &mut Report) -> bool {
    let before = report.issues.len();
    let opts = report.opts;
    let local = parts.local;
    if parts.quoted {
        if !opts.allow_quoted {
            report.add(Code::EmailQuotedLocal, Vec::new());
        } else {
            // qtext or quoted-pair: printable ASCII (and space), non-ASCII; no bare controls.
            if let Some(c) = local.chars().find(|c| c.is_control()) {
                report.add(Code::EmailLocalInvalidChar, vec![("char", format!("U+{:04X}", c as u32))]);
            }
        }
    } else if local.is_empty() {
        report.add(Code::EmailLocalEmpty, Vec::new());
    } else if local.bytes().any(|b| b == b'(' || b == b')') {
        report.add(if opts.allow_comments { Code::EmailLocalInvalidChar } else { Code::EmailComment },
            if opts.allow_comments { vec![("char", "(".into())] } else { Vec::new() });
    } else if let Some(c) = local.chars().find(|&c| c != '.' && !is_atext(c)) {
        report.add(Code::EmailLocalInvalidChar, vec![("char", display_char(c))]);
    } else if local.starts_with('.') || local.ends_with('.') || has_double_dot(local) {
        report.add(Code::EmailLocalDots, Vec::new());
    }
    if local.len() > MAX_LOCAL && !opts.allow_overlong {
        report.add(Code::EmailLocalTooLong, vec![("max", MAX_LOCAL.to_string())]);
    }
    report.issues.len() == before
}

/// `s` contains "..", without setting up a substring searcher (this is on every call's path).
fn has_double_dot(s: &str) -> bool {
    s.as_bytes().windows(2).any(|w| w == b"..")
}

fn display_char(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("U+{:04X}", c as u32)
    } else {
        c.to_string()
    }
}

/// Checks the domain; returns its ASCII form when it raised no error.
fn check_domain<'d>(domain: &'d str, report: &mut Report) -> Option<Cow<'d, str>> {
    let opts = report.opts;
    if domain.is_empty() {
        report.add(Code::EmailDomainEmpty, Vec::new());
        return None;
    }
    if let Some(literal) = domain.strip_prefix('[') {
        let Some(inner) = literal.strip_suffix(']') else {
            report.add(Code::EmailDomainInvalidChar, vec![("char", "[".into())]);
            return None;
        };
        let is_ip = match inner.get(..5) {
            Some(p) if p.eq_ignore_ascii_case("ipv6:") => inner[5..].parse::<std::net::Ipv6Addr>().is_ok(),
            _ => inner.parse::<std::net::Ipv4Addr>().is_ok(),
        };
        if !opts.allow_ip_domain {
            report.add(Code::EmailIpDomain, Vec::new());
            return None;
        }
        if !is_ip {
            report.add(Code::EmailIpDomainInvalid, Vec::new());
            return None;
        }
        return Some(Cow::Borrowed(domain));
    }
    if domain.bytes().any(|b| b == b'(' || b == b')') {
        report.add(Code::EmailComment, Vec::new());
        return None;
    }
    let mut ascii = String::with_capacity(domain.len() + 8);
    let mut labels = 0usize;
    for label in domain.split('.') {
        labels += 1;
        if label.is_empty() {
            report.add(Code::EmailDomainEmptyLabel, Vec::new());
            return None;
        }
        let converted;
        let ascii_label = match label_to_ascii(label) {
            Ok(a) => {
                converted = a;
                converted.as_ref()
            }
            Err(LabelError::InvalidChar(c)) => {
                report.add(Code::EmailDomainInvalidChar, vec![("char", display_char(c))]);
                return None;
            }
            Err(LabelError::Overflow) => {
                report.add(Code::EmailIdnInvalid, Vec::new());
                return None;
            }
        };
        if ascii_label.starts_with('-') || ascii_label.ends_with('-') {
            report.add(Code::EmailDomainHyphen, Vec::new());
            return None;
        }
        if ascii_label.len() > MAX_LABEL {
            report.add(Code::EmailDomainLabelTooLong, vec![("max", MAX_LABEL.to_string())]);
            return None;
        }
        if !ascii.is_empty() {
            ascii.push('.');
        }
        ascii.push_str(ascii_label);
    }
    if ascii.len() > MAX_DOMAIN {
        report.add(Code::EmailDomainTooLong, vec![("max", MAX_DOMAIN.to_string())]);
        return None;
    }
    if labels == 1 {
        if !opts.allow_single_label {
            report.add(Code::EmailSingleLabelDomain, Vec::new());
            return None;
        }
        return Some(borrow_if_same(domain, ascii));
    }
    let tld = ascii.rsplit('.').next().unwrap_or("");
    if tld.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        report.add(Code::EmailTldInvalid, Vec::new());
        return None;
    }
    if RESERVED_TLDS.contains(&tld) {
        report.add(Code::EmailReservedDomain, vec![("domain", domain.to_owned())]);
        return None;
    }
    if !opts.allow_unknown_tld && !TLDS.contains(tld) {
        report.add(Code::EmailTldUnknown, vec![("tld", format!(".{tld}"))]);
        return None;
    }
    Some(borrow_if_same(domain, ascii))
}

/// The domain itself when its ASCII form is the same text (the usual case): no copy kept.
fn borrow_if_same(domain: &str, ascii: String) -> Cow<'_, str> {
    if ascii == domain {
        Cow::Borrowed(domain)
    } else {
        Cow::Owned(ascii)
    }
}

/// RFC 2606 / RFC 6761 names that never receive mail.
const RESERVED_TLDS: &[&str] = &["test", "example", "invalid", "localhost", "local"];

/// A disposable domain or any subdomain of one (x.mailinator.com).
fn is_disposable(ascii_domain: &str) -> bool {
    let mut d = ascii_domain;
    loop {
        if DISPOSABLE.contains(d) {
            return true;
        }
        match d.find('.') {
            Some(i) if d[i + 1..].contains('.') => d = &d[i + 1..],
            _ => return false,
        }
    }
}

fn domain_kind(ascii_domain: &str) -> DomainKind {
    if is_disposable(ascii_domain) {
        DomainKind::Disposable
    } else if providers::is_popular(ascii_domain) || FREE.contains(ascii_domain) {
        DomainKind::Free
    } else {
        DomainKind::Business
    }
}

/// Local parts that are junk at any domain.
const JUNK_LOCALS: &[&str] = &[
    "test", "testing", "tester", "fake", "dummy", "asdf", "asdfgh", "qwerty", "noemail", "nomail",
    "no-email", "no_email", "none", "null", "nobody", "noone", "na", "n.a", "xxx", "xyz", "abc",
    "sample", "example", "demo", "donotemail", "nospam", "spam",
];

/// Local parts that are placeholders at placeholder domains (user@domain.com, john.doe@example.com).
const PLACEHOLDER_LOCALS: &[&str] = &[
    "user", "username", "email", "mail", "name", "yourname", "your.name", "me", "you", "someone",
    "somebody", "anonymous", "unknown", "john.doe", "jane.doe", "johndoe", "janedoe", "first.last",
    "firstname.lastname", "firstname", "info", "contact", "admin",
];

/// Domains used as placeholders besides example.* (any local part there is one) and the reserved
/// TLDs (errors).
const PLACEHOLDER_DOMAINS: &[&str] = &[
    "test.com", "test.de", "test.org",
    "domain.com", "yourdomain.com", "mydomain.com", "email.com", "mail.com", "company.com",
    "website.com", "sample.com", "fake.com", "none.com", "noemail.com", "nomail.com", "asdf.com",
];

fn is_placeholder(local: &str, ascii_domain: &str) -> bool {
    type Set = HashSet<&'static str, BuildHasherDefault<FxHasher>>;
    static SETS: OnceLock<(Set, Set, Set)> = OnceLock::new();
    let (junk, locals, domains) = SETS.get_or_init(|| {
        (static_set(JUNK_LOCALS), static_set(PLACEHOLDER_LOCALS), static_set(PLACEHOLDER_DOMAINS))
    });
    let (name, _) = providers::split_suffix(ascii_domain);
    let repeated = |s: &str| s.bytes().all(|b| Some(b) == s.bytes().next());
    junk.contains(local)
        || name == "example"
        || (domains.contains(ascii_domain) && (locals.contains(local) || repeated(local)))
        // a@a.com, ab@ab.com, xx@yyy.com
        || (local == name && local.len() <= 3)
        || (repeated(local) && repeated(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> EmailOutcome<'_> {
        validate_email(s, &EmailOptions::default())
    }

    fn codes(o: &EmailOutcome) -> Vec<&'static str> {
        o.issues.iter().map(|i| i.code.as_str()).collect()
    }

    #[test]
    fn standardizes_and_keeps_the_original() {
        let o = v("  Ali.Rezaei@GMAIL.COM ");
        assert!(o.valid);
        assert_eq!(o.value, "Ali.Rezaei@gmail.com");
        assert_eq!(o.original, "  Ali.Rezaei@GMAIL.COM ");
        let kinds: Vec<_> = o.changes.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, ["trim", "lowercase_domain"]);
        assert_eq!(o.canonical.as_deref(), Some("alirezaei@gmail.com"));
        assert_eq!(o.domain_kind, Some(DomainKind::Free));
    }

    #[test]
    fn typos_and_flags() {
        let o = v("ali@gmial.com");
        assert!(o.valid);
        assert_eq!(o.suggestion.as_deref(), Some("ali@gmail.com"));
        let o = v("ali@gmail.con");
        assert!(!o.valid);
        assert_eq!(codes(&o), ["email.tld_unknown", "email.domain_typo"]);
        assert_eq!(codes(&v("test@test.com")), ["email.placeholder"]);
        assert_eq!(codes(&v("info@acme-widgets.de")), ["email.role_account"]);
        assert!(v("x@example.com").placeholder);
    }

    #[test]
    fn idn_and_unicode_local_parts() {
        let o = v("用户@例子.中国");
        assert!(o.valid, "{:?}", o.issues);
        assert_eq!(o.ascii.as_deref(), Some("用户@xn--fsqu00a.xn--fiqs8s"));
        let o = v("ali@مثال.ایران");
        assert!(o.valid, "{:?}", o.issues);
        assert_eq!(o.ascii.as_deref(), Some("ali@xn--mgbh0fb.xn--mgba3a4f16a"));
    }

    #[test]
    fn over_cap_input_is_rejected_without_work() {
        let big = "a".repeat(EMAIL_INPUT_BYTES + 1);
        let o = v(&big);
        assert_eq!(codes(&o), ["input.too_long"]);
        assert_eq!(o.value, big.as_str());
    }
}
