//! Records, not fields: a rule set for the CRM's schema ([`rules`]), record validation and
//! standardization in one call ([`validate_record`]), import header mapping ([`headers`]) and a
//! data-quality report over a batch ([`report`]).
//!
//! A record is a list of `(key, value)` pairs. Each key is matched to a field of the rule set (by
//! name; with the default rule set, by the kind its name says) and its value checked by
//! [`check_field`], the one place that dispatches on a field's kind. Then the cross-field checks
//! run: the record's country is the default region of its phone numbers, a number from another
//! country is flagged, an email address typed in a name or company field is an error. Unknown keys
//! are kept as they are (dropped with `minimize`); required fields that are absent or empty get
//! `record.required`.
//!
//! For many records with the same keys (an import), [`Plan`] matches the keys once and
//! [`validate_row`] checks each row against it.

pub mod headers;
mod json;
pub mod report;
pub mod rules;

pub use report::{FieldStats, QualityReport};

pub use headers::{kind_for_header, map_headers, ColumnMapping, Reason};

pub use rules::{FieldKind, FieldRule, NamePart, Policies, RuleSet};

use crate::country::{standardize_country, CountryOptions};
use crate::date::{standardize_date, DateOptions, DateOrder};
use crate::issue::{Changes, Code, Issue};
use crate::limits::{RECORD_MAX_FIELDS, TEXT_INPUT_BYTES};
use crate::locale::Locale;
use crate::text;
use crate::Change;
use std::borrow::Cow;

/// One change to one field of a record.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FieldChange {
    pub field: String,
    pub kind: &'static str,
    pub from: String,
    pub to: String,
}

/// How a field of a record came out, for the quality report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldState {
    /// Absent or empty.
    Missing = 0,
    /// Valid as it was.
    Clean,
    /// Valid after standardization changed it.
    Fixed,
    /// Valid, with warnings that do not block.
    Warned,
    /// An error, or a warning the rule set blocks on.
    Invalid,
}

/// Everything known about one record.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordOutcome {
    /// The standardized record: the input's keys in their order (only the rule set's with
    /// `minimize`), then nothing else.
    pub record: Vec<(String, String)>,
    /// The record as it came in.
    pub original: Vec<(String, String)>,
    pub changes: Vec<FieldChange>,
    /// Each issue's path is the field's key.
    pub issues: Vec<Issue>,
    /// Per issue: whether it makes the record invalid (errors, and warnings the policies block).
    pub blocking: Vec<bool>,
    pub valid: bool,
    /// 0-100, see `docs/quality.md`.
    pub score: u8,
    /// Per field of the rule set (and, with the default rule set, per key): its kind and state.
    pub fields: Vec<(String, FieldKind, FieldState)>,
}

/// The rule set matched to one list of keys: which rule checks which column.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The rules in play: the rule set's fields, or with the default rule set one per key.
    pub rules: Vec<FieldRule>,
    /// Per column: its rule.
    pub columns: Vec<Option<usize>>,
    /// Per column: whether the output record keeps it.
    pub kept: Vec<bool>,
    /// Rules that no column has.
    pub missing: Vec<usize>,
    /// Keys over [`RECORD_MAX_FIELDS`] that were not read.
    pub dropped: usize,
    /// The order columns are checked in: countries first (the record's country is the phone
    /// numbers' and postcodes' default region), then the others in order.
    pub order: Vec<usize>,
}

impl Plan {
    pub fn new<K: AsRef<str>>(rules: &RuleSet, keys: &[K]) -> Plan {
        let dropped = keys.len().saturating_sub(RECORD_MAX_FIELDS);
        let keys = &keys[..keys.len() - dropped];
        let mut plan = Plan { rules: Vec::new(), columns: Vec::new(), kept: Vec::new(), missing: Vec::new(), dropped, order: Vec::new() };
        if rules.fields.is_empty() {
            for k in keys {
                let k = k.as_ref();
                let rule = kind_for_header(k).map(|(kind, field, _)| {
                    // A city or state column is not a whole address: it is checked as text.
                    let kind = if matches!(field, "city" | "region") { FieldKind::Text } else { kind };
                    FieldRule { birth_date: field == "birth_date", ..FieldRule::new(k, kind) }
                });
                plan.columns.push(rule.map(|r| {
                    plan.rules.push(r);
                    plan.rules.len() - 1
                }));
                plan.kept.push(true);
            }
            plan.order_columns();
            return plan;
        }
        plan.rules = rules.fields.clone();
        let mut taken = vec![false; plan.rules.len()];
        let tokens: Vec<Vec<String>> = plan.rules.iter().map(|r| headers::header_tokens(&r.name)).collect();
        for k in keys {
            let k = k.as_ref();
            let exact = plan.rules.iter().position(|r| r.name == k).filter(|&j| !taken[j]);
            let j = exact.or_else(|| {
                let t = headers::header_tokens(k);
                (!t.is_empty()).then(|| tokens.iter().enumerate().position(|(j, rt)| !taken[j] && *rt == t)).flatten()
            });
            if let Some(j) = j {
                taken[j] = true;
            }
            plan.columns.push(j);
            plan.kept.push(j.is_some() || !rules.minimize);
        }
        plan.missing = (0..plan.rules.len()).filter(|&j| !taken[j]).collect();
        plan.order_columns();
        plan
    }

    fn order_columns(&mut self) {
        let is_country = |i: &usize| self.columns[*i].is_some_and(|j| self.rules[j].kind == FieldKind::Country);
        let n = self.columns.len();
        self.order = (0..n).filter(is_country).chain((0..n).filter(|i| !is_country(i))).collect();
    }
}

/// What [`check_field`] needs besides the value.
#[derive(Clone, Debug)]
pub struct FieldContext<'a> {
    pub path: &'a str,
    pub locale: Locale,
    /// Default region for phone numbers (the record's country, else the field's, else the rule set's).
    pub region: Option<&'a str>,
    pub date_order: DateOrder,
    pub today: Option<(i32, u8, u8)>,
    pub birth_date: bool,
    pub require_mobile: bool,
    pub name_part: NamePart,
}

/// One field's result.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldOutcome<'a> {
    pub value: Cow<'a, str>,
    pub changes: Vec<Change>,
    pub issues: Vec<Issue>,
    /// Country fields: the alpha-2 code. Phone fields: the number's region.
    pub region: Option<&'static str>,
    /// Phone fields: the calling code.
    pub calling_code: Option<u16>,
}

impl<'a> FieldOutcome<'a> {
    fn new(value: Cow<'a, str>, changes: Vec<Change>, issues: Vec<Issue>) -> Self {
        FieldOutcome { value, changes, issues, region: None, calling_code: None }
    }
}

/// Checks and standardizes one value of the given kind: the one dispatch on field kinds.
pub fn check_field<'a>(kind: FieldKind, input: &'a str, cx: &FieldContext) -> FieldOutcome<'a> {
    match kind {
        #[cfg(feature = "email")]
        FieldKind::Email => {
            let o = crate::email::validate_email(input, &crate::email::EmailOptions {
                locale: cx.locale,
                path: cx.path,
                ..Default::default()
            });
            FieldOutcome::new(o.value, o.changes, o.issues)
        }
        #[cfg(feature = "phone")]
        FieldKind::Phone => {
            let o = crate::phone::validate_phone(input, &crate::phone::PhoneOptions {
                locale: cx.locale,
                path: cx.path,
                default_region: cx.region,
                allow_letters: false,
                // A record keeps the E.164 value only: the other forms are not computed.
                formats: false,
            });
            let mut issues = o.issues;
            if let Some(t) = o.phone_type.filter(|_| o.valid && cx.require_mobile) {
                use crate::phone::PhoneType::{FixedLineOrMobile, Mobile};
                if !matches!(t, Mobile | FixedLineOrMobile) {
                    issues.push(Issue::new(Code::RecordNotMobile, cx.path, cx.locale, vec![("type", t.as_str().to_owned())]));
                }
            }
            let valid = !issues.iter().any(|i| i.severity() == crate::Severity::Error);
            FieldOutcome {
                value: o.value,
                changes: o.changes,
                issues,
                region: o.region.filter(|_| valid),
                calling_code: o.country_code.filter(|_| valid),
            }
        }
        FieldKind::Country => {
            let o = standardize_country(input, &CountryOptions { locale: cx.locale, path: cx.path });
            FieldOutcome { region: o.alpha2, ..FieldOutcome::new(o.value, o.changes, o.issues) }
        }
        FieldKind::Date => {
            let o = standardize_date(input, &DateOptions {
                locale: cx.locale,
                order: cx.date_order,
                path: cx.path,
                today: cx.today,
                birth_date: cx.birth_date,
                calendar: Default::default(),
            });
            FieldOutcome::new(o.value, o.changes, o.issues)
        }
        #[cfg(feature = "website")]
        FieldKind::Website => {
            let o = crate::website::standardize_website(input, &crate::website::WebsiteOptions {
                locale: cx.locale,
                path: cx.path,
                network: None,
            });
            FieldOutcome::new(o.value, o.changes, o.issues)
        }
        #[cfg(feature = "address")]
        FieldKind::Address => {
            let o = crate::address::standardize_address(input, &crate::address::AddressOptions {
                country: cx.region.unwrap_or(""),
                locale: cx.locale,
                path: cx.path,
                style: Default::default(),
            });
            FieldOutcome::new(o.value, o.changes, o.issues)
        }
        // The record's country (else the field's region, else the rule set's) is the one the
        // postcode must belong to: `postcode.invalid` is the cross-field check.
        #[cfg(feature = "address")]
        FieldKind::Postcode => {
            let o = crate::address::standardize_postcode(input, cx.region.unwrap_or(""), &crate::address::PostcodeOptions {
                locale: cx.locale,
                path: cx.path,
            });
            FieldOutcome { region: o.country, ..FieldOutcome::new(o.value, o.changes, o.issues) }
        }
        // Records need no matching keys: names are standardized without them.
        #[cfg(feature = "name")]
        FieldKind::Name => {
            let o = crate::name::standardize_name(input, cx.name_part, &crate::name::NameOptions {
                locale: cx.locale,
                path: cx.path,
                keys: false,
            });
            FieldOutcome::new(o.value, o.changes, o.issues)
        }
        #[cfg(feature = "company")]
        FieldKind::Company => {
            let o = crate::company::standardize_company(input, &crate::company::CompanyOptions {
                locale: cx.locale,
                path: cx.path,
                website: None,
                email: None,
            });
            FieldOutcome::new(o.value, o.changes, o.issues)
        }
        FieldKind::Text => check_text(input, cx),
        // Being built in parallel (issue 5): until each lands, a field of its kind is an error,
        // never a silent pass. `#[allow]` covers builds with every field compiled in.
        #[allow(unreachable_patterns)]
        FieldKind::Name
        | FieldKind::Company
        | FieldKind::Address
        | FieldKind::Postcode
        | FieldKind::Email
        | FieldKind::Phone
        | FieldKind::Website => {
            let mut o = check_text(input, cx);
            o.issues.push(Issue::new(Code::RulesKindUnavailable, cx.path, cx.locale, vec![("kind", kind.as_str().to_owned())]));
            o
        }
    }
}

/// Free text: invisible characters and edge whitespace removed, NFC.
fn check_text<'a>(input: &'a str, cx: &FieldContext) -> FieldOutcome<'a> {
    if input.len() > TEXT_INPUT_BYTES {
        let issue = Issue::new(Code::InputTooLong, cx.path, cx.locale, vec![("max", TEXT_INPUT_BYTES.to_string())]);
        return FieldOutcome::new(Cow::Borrowed(input), Vec::new(), vec![issue]);
    }
    let mut c = Changes::new(input);
    c.apply("strip_invisible", |s| text::strip_invisible(s, true));
    c.apply("trim", text::trim);
    c.apply("nfc", text::nfc);
    FieldOutcome::new(c.value, c.list, Vec::new())
}

/// Whether a value is an email address (for the name-field check).
fn looks_like_email(v: &str) -> bool {
    let Some(at) = v.bytes().position(|b| b == b'@') else { return false };
    let domain = &v[at + 1..];
    at > 0 && domain.contains('.') && !v.trim().contains(char::is_whitespace)
}

/// Issue params that never hold personal values (kept by `redact`).
const SAFE_PARAMS: &[&str] = &["max", "kind", "type", "expected", "got", "region", "country", "tld", "code", "key", "at", "reason"];
pub const REDACTED: &str = "•••";

/// One row's result, by column (see [`Plan`]).
#[derive(Clone, Debug, PartialEq)]
pub struct RowOutcome<'a> {
    /// Per column, the standardized value (`None` when the row had none).
    pub values: Vec<Option<Cow<'a, str>>>,
    /// `(column, change)`.
    pub changes: Vec<(usize, Change)>,
    pub issues: Vec<Issue>,
    pub blocking: Vec<bool>,
    pub valid: bool,
    pub score: u8,
    /// Per rule of the plan: its state.
    pub states: Vec<FieldState>,
}

/// Validates one row of values (by column, as `plan` was made for) under `rules`.
pub fn validate_row<'a>(plan: &Plan, rules: &RuleSet, row: &[Option<&'a str>]) -> RowOutcome<'a> {
    let locale = rules.message_locale();
    let rules_date_order = rules.date_order();
    let n = plan.columns.len();
    let mut out = RowOutcome {
        values: vec![None; n],
        changes: Vec::new(),
        issues: Vec::new(),
        blocking: Vec::new(),
        valid: true,
        score: 100,
        states: vec![FieldState::Missing; plan.rules.len()],
    };
    let value_of = |i: usize| row.get(i).copied().flatten();
    let mut present = vec![false; plan.rules.len()];
    let mut country: Option<&'static str> = None;
    let mut phones: Vec<(usize, &'static str, u16)> = Vec::new();
    for &i in &plan.order {
        let Some(v) = value_of(i) else { continue };
        let Some(j) = plan.columns[i] else {
            out.values[i] = Some(Cow::Borrowed(v));
            continue;
        };
        let rule = &plan.rules[j];
        if v.trim().is_empty() {
            out.values[i] = Some(Cow::Borrowed(v.trim()));
            continue;
        }
        present[j] = true;
        let region = country.or(rule.region.as_deref()).or(rules.default_region.as_deref());
        let cx = FieldContext {
            path: &rule.name,
            locale,
            region,
            date_order: match rule.locale.as_deref() {
                Some(tag) if rule.kind == FieldKind::Date => DateOrder::from_tag(tag),
                _ => rules_date_order,
            },
            today: rules.today,
            birth_date: rule.birth_date,
            require_mobile: rule.mobile.unwrap_or(rules.policies.require_mobile),
            name_part: rule.part,
        };
        let mut o = check_field(rule.kind, v, &cx);
        // (The name standardizer raises its own `name.email_in_name`.)
        let flagged = o.issues.iter().any(|i| i.code.as_str().ends_with(".email_in_name"));
        if matches!(rule.kind, FieldKind::Name | FieldKind::Company) && !flagged && looks_like_email(&o.value) {
            o.issues.push(Issue::new(Code::RecordEmailInName, &rule.name, locale, Vec::new()));
        }
        match rule.kind {
            FieldKind::Country if country.is_none() => country = o.region,
            FieldKind::Phone => {
                if let (Some(r), Some(cc)) = (o.region, o.calling_code) {
                    phones.push((j, r, cc));
                }
            }
            _ => {}
        }
        let changed = !o.changes.is_empty();
        out.changes.extend(o.changes.into_iter().map(|c| (i, c)));
        let before = out.issues.len();
        out.issues.append(&mut o.issues);
        out.states[j] = state_of(&out.issues[before..], changed, rules);
        out.values[i] = Some(o.value);
    }
    #[cfg(feature = "phone")]
    if let Some(c) = country {
        let cc = crate::phone::meta::region(c).map(|m| m.country_code);
        for &(j, region, phone_cc) in &phones {
            if cc.is_some_and(|cc| cc != phone_cc) {
                let params = vec![("region", region.to_owned()), ("country", c.to_owned())];
                out.issues.push(Issue::new(Code::RecordPhoneCountryMismatch, &plan.rules[j].name, locale, params));
                if out.states[j] != FieldState::Invalid {
                    out.states[j] = FieldState::Warned;
                }
            }
        }
    }
    let _ = &phones;
    for (j, rule) in plan.rules.iter().enumerate() {
        if rule.required && !present[j] {
            // The state stays Missing (the report counts completeness); the score counts a
            // missing required field as 0 and the issue blocks.
            out.issues.push(Issue::new(Code::RecordRequired, &rule.name, locale, Vec::new()));
        }
    }
    if plan.dropped > 0 {
        out.issues.push(Issue::new(Code::RecordTooManyFields, "", locale, vec![("max", RECORD_MAX_FIELDS.to_string())]));
    }
    if rules.redact {
        for issue in &mut out.issues {
            for (name, value) in &mut issue.params {
                if !SAFE_PARAMS.contains(name) {
                    *value = REDACTED.to_owned();
                }
            }
        }
    }
    out.blocking = out.issues.iter().map(|i| rules.blocks(i.code)).collect();
    out.valid = !out.blocking.contains(&true);
    out.score = score(plan, &out.states);
    out
}

fn state_of(issues: &[Issue], changed: bool, rules: &RuleSet) -> FieldState {
    if issues.iter().any(|i| rules.blocks(i.code)) {
        FieldState::Invalid
    } else if !issues.is_empty() {
        FieldState::Warned
    } else if changed {
        FieldState::Fixed
    } else {
        FieldState::Clean
    }
}

/// The record's 0-100 score (the formula is in `docs/quality.md`): the weighted mean of its
/// fields' scores, required fields weighing 2 and others 1; a clean or fixed field scores 1, a
/// warned one 0.75, an invalid one 0, a missing one 0 when required and 0.5 when not.
pub fn score(plan: &Plan, states: &[FieldState]) -> u8 {
    let (mut got, mut total) = (0.0f64, 0.0f64);
    for (rule, &state) in plan.rules.iter().zip(states) {
        let w = if rule.required { 2.0 } else { 1.0 };
        let s = match state {
            FieldState::Clean | FieldState::Fixed => 1.0,
            FieldState::Warned => 0.75,
            FieldState::Invalid => 0.0,
            FieldState::Missing if rule.required => 0.0,
            FieldState::Missing => 0.5,
        };
        got += w * s;
        total += w;
    }
    if total == 0.0 {
        100
    } else {
        (100.0 * got / total).round().clamp(0.0, 100.0) as u8
    }
}

/// Validates and standardizes one record under `rules`.
pub fn validate_record<K: AsRef<str>, V: AsRef<str>>(record: &[(K, V)], rules: &RuleSet) -> RecordOutcome {
    let keys: Vec<&str> = record.iter().map(|(k, _)| k.as_ref()).collect();
    let plan = Plan::new(rules, &keys);
    let row: Vec<Option<&str>> = record.iter().map(|(_, v)| Some(v.as_ref())).collect();
    let o = validate_row(&plan, rules, &row);
    let key = |i: usize| keys[i].to_owned();
    let mut changes = Vec::with_capacity(o.changes.len());
    for (i, c) in o.changes {
        changes.push(FieldChange { field: key(i), kind: c.kind, from: c.from, to: c.to });
    }
    RecordOutcome {
        record: o
            .values
            .into_iter()
            .enumerate()
            .filter(|&(i, _)| plan.kept.get(i).copied().unwrap_or(false))
            .filter_map(|(i, v)| v.map(|v| (key(i), v.into_owned())))
            .collect(),
        original: record.iter().map(|(k, v)| (k.as_ref().to_owned(), v.as_ref().to_owned())).collect(),
        changes,
        issues: o.issues,
        blocking: o.blocking,
        valid: o.valid,
        score: o.score,
        fields: plan.rules.iter().zip(&o.states).map(|(r, &s)| (r.name.clone(), r.kind, s)).collect(),
    }
}
