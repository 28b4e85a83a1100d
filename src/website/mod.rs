//! Websites and social profiles: a web address standardized, its registrable domain as the
//! matching key, and the social profile it points to.
//!
//! [`standardize_website`] is total and linear in its input (capped at
//! [`crate::limits::WEBSITE_INPUT_BYTES`]). The value is the address a CRM should store:
//!
//! - `https://` added when no scheme is written (`http://` is kept when written); scheme and host
//!   lowercased, a trailing dot and the default port removed, credentials (`user:pass@`) removed;
//! - the host kept in its Unicode form in the value; its ASCII (IDNA, punycode) form is `host`;
//! - tracking parameters (`utm_*`, `gclid`, `fbclid`, `mc_eid` ... see [`is_tracking_param`])
//!   removed, the fragment dropped, trailing slashes removed;
//! - `domain`: the registrable domain (eTLD+1 by the Public Suffix List), so `www.`, `shop.` and
//!   `http://` variants of one site share one key;
//! - `social`: `{ network, handle }` for a profile address or a handle (see [`social`]); a handle
//!   alone becomes its profile address.
//!
//! Every step that changes the value is recorded in `changes` with a stable kind.

pub mod psl;
pub mod social;

use crate::issue::{Change, Code, Issue, Severity};
use crate::limits::WEBSITE_INPUT_BYTES;
use crate::locale::Locale;
use crate::text;
pub use social::{Network, Social};
use std::borrow::Cow;

/// Longest standardized address accepted (the de facto browser and search-engine limit).
pub const WEBSITE_MAX_CHARS: usize = 2048;
/// Longest host in ASCII form (RFC 1035).
const HOST_MAX: usize = 253;

/// How to read and report.
#[derive(Clone, Debug)]
pub struct WebsiteOptions<'a> {
    pub locale: Locale,
    /// Field path reported in issues.
    pub path: &'a str,
    /// The network of a column of handles: `@acme` and `acme` are read as handles on it.
    pub network: Option<Network>,
}

impl Default for WebsiteOptions<'_> {
    fn default() -> Self {
        WebsiteOptions { locale: Locale::En, path: "website", network: None }
    }
}

/// Everything known about one website input. `original` is never altered; `changes` lead from it
/// to `value`.
#[derive(Clone, Debug, PartialEq)]
pub struct WebsiteOutcome<'a> {
    pub value: Cow<'a, str>,
    pub original: Cow<'a, str>,
    pub changes: Vec<Change>,
    /// No issue of severity error.
    pub valid: bool,
    /// The host in ASCII (IDNA) form, lowercase, as in the value (`www.` kept).
    pub host: Option<String>,
    /// The registrable domain (eTLD+1), ASCII: the matching key. `None` for an IP address or a host
    /// that is itself a public suffix.
    pub domain: Option<String>,
    pub social: Option<Social>,
    pub issues: Vec<Issue>,
}

/// Query parameters that only track a visit: `utm_*` and the click ids and mailing ids of ad and
/// email platforms. Compared without case.
pub fn is_tracking_param(name: &str) -> bool {
    const NAMES: &[&str] = &[
        "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "fbclid", "msclkid", "mc_eid", "mc_cid", "_ga", "_gl",
        "yclid", "igshid", "igsh", "ttclid", "twclid", "li_fat_id", "epik", "rdt_cid", "srsltid", "_hsenc",
        "_hsmi", "__hstc", "__hssc", "__hsfp", "hsctatracking", "mkt_tok", "oly_enc_id", "oly_anon_id",
        "vero_id", "vero_conv", "s_cid", "wickedid", "irclickid", "ref_src", "ref_url", "sc_cid",
    ];
    let lower = name.to_ascii_lowercase();
    lower.starts_with("utm_") || NAMES.contains(&lower.as_str())
}

/// Registrable domains of placeholder sites, and reserved top-level domains (RFC 2606, RFC 6761).
const PLACEHOLDER_DOMAINS: &[&str] = &[
    "example.com", "example.net", "example.org", "example.edu", "domain.com", "yourdomain.com", "yourwebsite.com",
    "yoursite.com", "mywebsite.com", "mysite.com", "website.com", "test.com", "sample.com", "company.com",
    "yourcompany.com", "none.com", "noemail.com", "nowebsite.com", "placeholder.com",
];
const RESERVED_TLDS: &[&str] = &["example", "test", "invalid", "localhost", "local"];

/// The parts of a web address, each as written except where a step has changed it.
#[derive(Clone)]
struct Parts {
    scheme: Option<String>,
    slashes: bool,
    userinfo: Option<String>,
    host: String,
    port: Option<String>,
    path: String,
    query: Option<String>,
    fragment: Option<String>,
}

impl Parts {
    fn render(&self) -> String {
        let mut s = String::with_capacity(self.host.len() + self.path.len() + 16);
        if let Some(scheme) = &self.scheme {
            s.push_str(scheme);
            s.push(':');
        }
        if self.slashes {
            s.push_str("//");
        }
        if let Some(u) = &self.userinfo {
            s.push_str(u);
            s.push('@');
        }
        s.push_str(&self.host);
        if let Some(p) = &self.port {
            s.push(':');
            s.push_str(p);
        }
        s.push_str(&self.path);
        if let Some(q) = &self.query {
            s.push('?');
            s.push_str(q);
        }
        if let Some(f) = &self.fragment {
            s.push('#');
            s.push_str(f);
        }
        s
    }
}

/// Records the value after each step that changed it.
struct Steps {
    value: String,
    list: Vec<Change>,
}

impl Steps {
    fn set(&mut self, kind: &'static str, next: String) {
        if next != self.value {
            let from = std::mem::replace(&mut self.value, next.clone());
            self.list.push(Change { kind, from, to: next });
        }
    }
}

/// Why an address cannot be split into parts.
enum ParseError {
    Invalid,
    NotHttp(String),
    Email,
}

fn is_scheme(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty() && b[0].is_ascii_alphabetic() && b.iter().all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
}

/// Schemes that never take `//` (so `mailto:x` is a scheme, not a host `mailto` with a port).
const OPAQUE_SCHEMES: &[&str] = &["mailto", "tel", "javascript", "data", "sms", "callto", "skype", "whatsapp", "file", "ftp"];

fn parse(s: &str) -> Result<Parts, ParseError> {
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(ParseError::Invalid);
    }
    let mut rest = s;
    let mut scheme = None;
    if let Some((head, tail)) = s.split_once(':') {
        if is_scheme(head) && (tail.starts_with("//") || OPAQUE_SCHEMES.contains(&head.to_ascii_lowercase().as_str())) {
            let lower = head.to_ascii_lowercase();
            if lower != "http" && lower != "https" {
                return Err(ParseError::NotHttp(lower));
            }
            scheme = Some(head.to_owned());
            rest = tail;
        }
    }
    let slashes = rest.starts_with("//");
    if slashes {
        rest = &rest[2..];
    }
    let end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let (authority, after) = rest.split_at(end);
    let (userinfo, hostport) = match authority.rfind('@') {
        Some(at) => {
            if scheme.is_none() && !slashes {
                return Err(ParseError::Email);
            }
            (Some(authority[..at].to_owned()), &authority[at + 1..])
        }
        None => (None, authority),
    };
    let (host, port) = if hostport.starts_with('[') {
        match hostport.find(']') {
            Some(close) => {
                let port = hostport[close + 1..].strip_prefix(':');
                if !hostport[close + 1..].is_empty() && port.is_none() {
                    return Err(ParseError::Invalid);
                }
                (&hostport[..=close], port)
            }
            None => return Err(ParseError::Invalid),
        }
    } else {
        match hostport.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (hostport, None),
        }
    };
    if let Some(p) = port {
        if p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) || p.parse::<u32>().is_ok_and(|n| n > 65535) {
            return Err(ParseError::Invalid);
        }
    }
    if host.is_empty() || after.starts_with('\\') {
        return Err(ParseError::Invalid);
    }
    let (before_fragment, fragment) = match after.split_once('#') {
        Some((b, f)) => (b, Some(f.to_owned())),
        None => (after, None),
    };
    let (path, query) = match before_fragment.split_once('?') {
        Some((p, q)) => (p, Some(q.to_owned())),
        None => (before_fragment, None),
    };
    Ok(Parts {
        scheme,
        slashes,
        userinfo,
        host: host.to_owned(),
        port: port.map(str::to_owned),
        path: path.to_owned(),
        query,
        fragment,
    })
}

/// Whether `host` (no brackets) is a dotted-quad IPv4 address.
fn is_ipv4(host: &str) -> bool {
    let mut n = 0;
    for part in host.split('.') {
        n += 1;
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) || part.parse::<u16>().map_or(true, |v| v > 255) {
            return false;
        }
    }
    n == 4
}

/// The ASCII form of a lowercased host, or the issue that makes it unusable.
fn host_to_ascii(host: &str) -> Result<String, Code> {
    let mut ascii = String::with_capacity(host.len());
    for (i, label) in host.split('.').enumerate() {
        if label.is_empty() || label.starts_with('-') || label.ends_with('-') {
            return Err(Code::WebsiteInvalid);
        }
        let a = crate::idna::label_to_ascii(label).map_err(|_| Code::WebsiteInvalid)?;
        if a.len() > 63 {
            return Err(Code::WebsiteInvalid);
        }
        if i > 0 {
            ascii.push('.');
        }
        ascii.push_str(&a);
    }
    if ascii.len() > HOST_MAX {
        return Err(Code::WebsiteTooLong);
    }
    Ok(ascii)
}

/// Standardizes one website, social profile address or handle.
pub fn standardize_website<'a>(input: &'a str, opts: &WebsiteOptions) -> WebsiteOutcome<'a> {
    let issue = |code: Code, params: Vec<(&'static str, String)>| Issue::new(code, opts.path, opts.locale, params);
    let mut out = WebsiteOutcome {
        value: Cow::Borrowed(input),
        original: Cow::Borrowed(input),
        changes: Vec::new(),
        valid: false,
        host: None,
        domain: None,
        social: None,
        issues: Vec::new(),
    };
    if input.len() > WEBSITE_INPUT_BYTES {
        out.issues.push(issue(Code::InputTooLong, vec![("max", WEBSITE_INPUT_BYTES.to_string())]));
        return out;
    }
    let mut c = crate::issue::Changes::new(input);
    c.apply("remove_invisible", |s| text::strip_invisible(s, false));
    c.apply("trim", text::trim);
    c.apply("fold_width", text::fold_width);
    c.apply("nfc", text::nfc);
    let mut steps = Steps { value: c.value.into_owned(), list: c.list };
    let finish = |mut out: WebsiteOutcome<'a>, steps: Steps| {
        if !steps.list.is_empty() {
            out.value = Cow::Owned(steps.value);
        }
        out.changes = steps.list;
        out.valid = !out.issues.iter().any(|i| i.severity() == Severity::Error);
        out
    };
    if steps.value.is_empty() {
        out.issues.push(issue(Code::InputEmpty, Vec::new()));
        return finish(out, steps);
    }

    match social::from_handle(&steps.value, opts.network) {
        social::HandleInput::NotHandle => {}
        social::HandleInput::NoNetwork => {
            out.issues.push(issue(Code::WebsiteHandleNoNetwork, Vec::new()));
            return finish(out, steps);
        }
        social::HandleInput::Invalid(n) => {
            out.issues.push(issue(Code::WebsiteHandleInvalid, vec![("network", n.as_str().to_owned())]));
            return finish(out, steps);
        }
        social::HandleInput::Valid(s) => {
            match s.network.profile_url(&s.handle) {
                Some(url) => {
                    let host = url["https://".len()..].split('/').next().unwrap_or("").to_owned();
                    out.domain = psl::registrable_domain(&host).map(str::to_owned);
                    out.host = Some(host);
                    steps.set("handle_to_url", url);
                }
                // WeChat ids have no web address: `wechat:id`.
                None => steps.set("handle_to_id", format!("{}:{}", s.network.as_str(), s.handle)),
            }
            out.social = Some(s);
            return finish(out, steps);
        }
    }

    let mut parts = match parse(&steps.value) {
        Ok(p) => p,
        Err(e) => {
            out.issues.push(match e {
                ParseError::Invalid => issue(Code::WebsiteInvalid, Vec::new()),
                ParseError::NotHttp(scheme) => issue(Code::WebsiteNotHttp, vec![("scheme", scheme)]),
                ParseError::Email => issue(Code::WebsiteEmail, Vec::new()),
            });
            return finish(out, steps);
        }
    };

    // Scheme.
    if parts.scheme.is_none() {
        parts.scheme = Some("https".into());
        parts.slashes = true;
        steps.set("add_scheme", parts.render());
    } else if parts.scheme.as_deref().is_some_and(|s| s.bytes().any(|b| b.is_ascii_uppercase())) {
        parts.scheme = parts.scheme.map(|s| s.to_ascii_lowercase());
        steps.set("lowercase_scheme", parts.render());
    }
    if !parts.slashes {
        // `https:acme.com`
        parts.slashes = true;
        steps.set("add_scheme", parts.render());
    }
    if parts.userinfo.is_some() {
        parts.userinfo = None;
        steps.set("remove_credentials", parts.render());
    }

    // Host.
    let lower = parts.host.to_lowercase();
    if lower != parts.host {
        parts.host = lower;
        steps.set("lowercase_host", parts.render());
    }
    if parts.host.len() > 1 && parts.host.ends_with('.') && !parts.host.ends_with("..") {
        parts.host.pop();
        steps.set("remove_trailing_dot", parts.render());
    }
    let https = parts.scheme.as_deref() == Some("https");
    if let Some(p) = &parts.port {
        let n = p.parse::<u32>().ok();
        if p.is_empty() || (https && n == Some(443)) || (!https && n == Some(80)) {
            parts.port = None;
            steps.set("remove_default_port", parts.render());
        }
    }

    // Path, query, fragment.
    if parts.fragment.is_some() {
        parts.fragment = None;
        steps.set("remove_fragment", parts.render());
    }
    if let Some(q) = &parts.query {
        let kept: Vec<&str> = q
            .split('&')
            .filter(|kv| !kv.is_empty() && !is_tracking_param(kv.split('=').next().unwrap_or("")))
            .collect();
        let joined = kept.join("&");
        parts.query = (!joined.is_empty()).then_some(joined);
        steps.set("remove_tracking", parts.render());
    }
    if parts.path.ends_with('/') {
        parts.path.truncate(parts.path.trim_end_matches('/').len());
        steps.set("remove_trailing_slash", parts.render());
    }

    // Checks on the host.
    let host = parts.host.as_str();
    if host.starts_with('[') || is_ipv4(host) {
        out.host = Some(host.to_owned());
        out.issues.push(issue(Code::WebsiteIpHost, Vec::new()));
    } else {
        match host_to_ascii(host) {
            Err(code) => {
                let params = if code == Code::WebsiteTooLong { vec![("max", HOST_MAX.to_string())] } else { Vec::new() };
                out.issues.push(issue(code, params));
            }
            Ok(ascii) => {
                let tld = ascii.rsplit('.').next().unwrap_or("");
                if !ascii.contains('.') {
                    out.issues.push(issue(Code::WebsiteMissingTld, Vec::new()));
                } else if RESERVED_TLDS.contains(&tld) {
                    out.issues.push(issue(Code::WebsitePlaceholder, Vec::new()));
                } else if tld.bytes().all(|b| b.is_ascii_digit()) {
                    out.issues.push(issue(Code::WebsiteInvalid, Vec::new()));
                } else if !psl::is_known_tld(tld) {
                    out.issues.push(issue(Code::WebsiteTldUnknown, vec![("tld", format!(".{tld}"))]));
                } else {
                    out.domain = psl::registrable_domain(&ascii).map(str::to_owned);
                    if out.domain.as_deref().is_some_and(|d| PLACEHOLDER_DOMAINS.contains(&d)) {
                        out.issues.push(issue(Code::WebsitePlaceholder, Vec::new()));
                    }
                    if let Some(d) = &out.domain {
                        out.social = social::from_url(d, &ascii, &parts.path, parts.query.as_deref().unwrap_or(""));
                    }
                }
                out.host = Some(ascii);
            }
        }
    }
    if steps.value.chars().count() > WEBSITE_MAX_CHARS {
        out.issues.push(issue(Code::WebsiteTooLong, vec![("max", WEBSITE_MAX_CHARS.to_string())]));
    }
    finish(out, steps)
}

impl WebsiteOutcome<'_> {
    /// Detaches the outcome from the input.
    pub fn into_owned(self) -> WebsiteOutcome<'static> {
        WebsiteOutcome {
            value: Cow::Owned(self.value.into_owned()),
            original: Cow::Owned(self.original.into_owned()),
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> WebsiteOutcome<'_> {
        standardize_website(s, &WebsiteOptions::default())
    }

    #[test]
    fn basics() {
        let o = w(" WWW.Acme.co.uk/About/?utm_source=x&id=3#top ");
        assert_eq!(o.value, "https://www.acme.co.uk/About?id=3");
        assert_eq!(o.domain.as_deref(), Some("acme.co.uk"));
        assert!(o.valid);
        let o = w("https://بانک.ایران");
        assert_eq!(o.host.as_deref(), Some("xn--mgbb5gwr.xn--mgba3a4f16a"));
        let o = w("linkedin.com/company/Acme-Corp/");
        assert_eq!(o.social.as_ref().map(|s| s.handle.as_str()), Some("company/acme-corp"));
        let o = w("instagram: @Acme.Shop");
        assert_eq!(o.value, "https://www.instagram.com/acme.shop");
        assert_eq!(w("ali@acme.com").issues[0].code, Code::WebsiteEmail);
    }
}
