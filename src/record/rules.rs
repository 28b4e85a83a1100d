//! Rule sets: the CRM's fields and policies as plain data (JSON), with typed errors naming the bad
//! path. `RuleSet::default()` is the rule set with no config at all: every column is checked by the
//! kind its name says (see [`super::headers::kind_for_header`]), nothing is required.

use super::json::{self, Json};
use crate::date::DateOrder;
use crate::issue::{Code, Issue};
use crate::limits::{RULES_INPUT_BYTES, RULES_MAX_FIELDS};
use crate::locale::Locale;

/// What a field holds, and so which standardizer checks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    Email,
    Phone,
    Name,
    Company,
    Address,
    Postcode,
    Country,
    Date,
    Website,
    Text,
}

impl FieldKind {
    pub const ALL: [FieldKind; 10] = [
        FieldKind::Email, FieldKind::Phone, FieldKind::Name, FieldKind::Company, FieldKind::Address,
        FieldKind::Postcode, FieldKind::Country, FieldKind::Date, FieldKind::Website, FieldKind::Text,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FieldKind::Email => "email",
            FieldKind::Phone => "phone",
            FieldKind::Name => "name",
            FieldKind::Company => "company",
            FieldKind::Address => "address",
            FieldKind::Postcode => "postcode",
            FieldKind::Country => "country",
            FieldKind::Date => "date",
            FieldKind::Website => "website",
            FieldKind::Text => "text",
        }
    }

    pub fn from_name(s: &str) -> Option<FieldKind> {
        FieldKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

pub use crate::name_part::NamePart;

impl NamePart {
    /// The part a field's name says (`first_name` is given, `Nachname` family), else full.
    pub fn of_field(name: &str) -> NamePart {
        match super::headers::kind_for_header(name) {
            Some((_, "first_name" | "middle_name", _)) => NamePart::Given,
            Some((_, "last_name", _)) => NamePart::Family,
            _ => NamePart::Full,
        }
    }
}

/// One field of the CRM's schema.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldRule {
    /// The record key (and the path of the field's issues).
    pub name: String,
    pub kind: FieldKind,
    pub required: bool,
    /// Default region for phone numbers and postcodes (ISO 3166-1 alpha-2), when the record's
    /// country column does not give one.
    pub region: Option<String>,
    /// Dates only: the value is a birth date (not in the future, not over 130 years ago).
    pub birth_date: bool,
    /// Phones only: override of the rule set's `requireMobile` policy.
    pub mobile: Option<bool>,
    /// Names only: which part the field holds (by default, what the field's name says).
    pub part: NamePart,
    /// BCP 47 tag of how the field is written: the order of its numeric dates (`en-US` reads
    /// 03/04/1990 as 4 March). Messages stay in the rule set's language.
    pub locale: Option<String>,
}

impl FieldRule {
    pub fn new(name: &str, kind: FieldKind) -> FieldRule {
        let part = if kind == FieldKind::Name { NamePart::of_field(name) } else { NamePart::Full };
        FieldRule { name: name.to_owned(), kind, required: false, region: None, birth_date: false, mobile: None, part, locale: None }
    }
}

/// What makes a record invalid beyond errors.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Policies {
    /// `email.disposable` blocks.
    pub reject_disposable: bool,
    /// A valid phone number that is not a mobile one gets `record.not_mobile` (an error).
    pub require_mobile: bool,
    /// `email.placeholder`, `phone.placeholder` and `address.placeholder` do not block (by default they do).
    pub accept_placeholders: bool,
    /// Further warning codes that block.
    #[serde(serialize_with = "code_names")]
    pub block_on: Vec<Code>,
}

fn code_names<S: serde::Serializer>(codes: &[Code], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(codes.iter().map(|c| c.as_str()))
}

/// A CRM's schema and policies. See `docs/rules.md` for the JSON form.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleSet {
    /// The fields, in order. Empty: every key of a record is checked by the kind its name says.
    pub fields: Vec<FieldRule>,
    /// Region for phone numbers when neither the field nor the record's country gives one.
    pub default_region: Option<String>,
    /// BCP 47 tag: the language of messages and the order of numeric dates.
    pub locale: String,
    /// Today's date (the core reads no clock): birth dates are checked against it when given.
    pub today: Option<(i32, u8, u8)>,
    pub policies: Policies,
    /// Issue params never echo personal values (messages name no address, domain or number).
    pub redact: bool,
    /// The output record holds only the fields the rule set names.
    pub minimize: bool,
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet {
            fields: Vec::new(),
            default_region: None,
            locale: "en".into(),
            today: None,
            policies: Policies::default(),
            redact: false,
            minimize: false,
        }
    }
}

impl RuleSet {
    pub fn message_locale(&self) -> Locale {
        Locale::from_tag(&self.locale)
    }

    pub fn date_order(&self) -> DateOrder {
        DateOrder::from_tag(&self.locale)
    }

    /// Whether `code` makes a record invalid under this rule set's policies.
    pub fn blocks(&self, code: Code) -> bool {
        if code.severity() == crate::Severity::Error {
            return true;
        }
        let p = &self.policies;
        match code {
            Code::EmailDisposable if p.reject_disposable => true,
            Code::EmailPlaceholder | Code::PhonePlaceholder | Code::AddressPlaceholder if !p.accept_placeholders => true,
            _ => p.block_on.contains(&code),
        }
    }

    /// Reads a rule set from JSON. Every problem is reported (not only the first), each as a typed
    /// issue whose path names the bad part (`fields.mobile.region`, `policies.blockOn[1]`).
    pub fn from_json(text: &str, locale: Locale) -> Result<RuleSet, Vec<Issue>> {
        let mut errs = Errors { locale, list: Vec::new() };
        if text.len() > RULES_INPUT_BYTES {
            errs.add(Code::RulesTooLarge, "", vec![("max", RULES_INPUT_BYTES.to_string())]);
            return Err(errs.list);
        }
        let root = match json::parse(text) {
            Ok(v) => v,
            Err(e) => {
                errs.add(Code::RulesInvalidJson, "", vec![("at", e.at.to_string()), ("reason", e.what.to_owned())]);
                return Err(errs.list);
            }
        };
        let rules = read_rules(&root, &mut errs);
        if errs.list.is_empty() {
            Ok(rules)
        } else {
            Err(errs.list)
        }
    }
}

struct Errors {
    locale: Locale,
    list: Vec<Issue>,
}

impl Errors {
    fn add(&mut self, code: Code, path: &str, params: Vec<(&'static str, String)>) {
        self.list.push(Issue::new(code, path, self.locale, params));
    }

    fn wrong_type(&mut self, path: &str, expected: &str, got: &Json) {
        self.add(Code::RulesWrongType, path, vec![("expected", expected.to_owned()), ("got", got.type_name().to_owned())]);
    }

    fn bool(&mut self, path: &str, v: &Json) -> bool {
        match v {
            Json::Bool(b) => *b,
            other => {
                self.wrong_type(path, "boolean", other);
                false
            }
        }
    }

    fn str<'j>(&mut self, path: &str, v: &'j Json) -> Option<&'j str> {
        match v {
            Json::Str(s) => Some(s),
            other => {
                self.wrong_type(path, "string", other);
                None
            }
        }
    }

    fn obj<'j>(&mut self, path: &str, v: &'j Json) -> &'j [(String, Json)] {
        match v {
            Json::Obj(m) => m,
            other => {
                self.wrong_type(path, "object", other);
                &[]
            }
        }
    }

    /// `(key, value)` of an object, with unknown and repeated keys reported.
    fn members<'j>(&mut self, path: &str, v: &'j Json, known: &[&str]) -> Vec<(&'j str, &'j Json)> {
        let m = self.obj(path, v);
        let mut out: Vec<(&str, &Json)> = Vec::new();
        for (k, v) in m {
            let p = join(path, k);
            if !known.is_empty() && !known.contains(&k.as_str()) {
                self.add(Code::RulesUnknownKey, &p, vec![("key", k.clone()), ("expected", known.join(", "))]);
            } else if out.iter().any(|(seen, _)| seen == k) {
                self.add(Code::RulesDuplicate, &p, vec![("key", k.clone())]);
            } else {
                out.push((k, v));
            }
        }
        out
    }

    fn region(&mut self, path: &str, v: &Json) -> Option<String> {
        let s = self.str(path, v)?;
        if s.len() == 2 && crate::country::by_alpha2(&s.to_ascii_uppercase()).is_some() {
            Some(s.to_ascii_uppercase())
        } else {
            self.add(Code::RulesBadValue, path, vec![("expected", "an ISO 3166-1 alpha-2 code such as IR".into())]);
            None
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

const TOP_KEYS: &[&str] = &["fields", "defaultRegion", "locale", "today", "policies", "redact", "minimize"];
const FIELD_KEYS: &[&str] = &["kind", "required", "region", "birthDate", "mobile", "part", "locale"];
const POLICY_KEYS: &[&str] = &["rejectDisposable", "requireMobile", "acceptPlaceholders", "blockOn"];

fn read_rules(root: &Json, errs: &mut Errors) -> RuleSet {
    let mut rules = RuleSet::default();
    for (key, v) in errs.members("", root, TOP_KEYS) {
        match key {
            "fields" => rules.fields = read_fields(v, errs),
            "defaultRegion" => rules.default_region = errs.region(key, v),
            "locale" => {
                if let Some(tag) = errs.str(key, v).and_then(|s| read_tag(key, s, errs)) {
                    rules.locale = tag;
                }
            }
            "today" => rules.today = errs.str(key, v).and_then(|s| read_day(s).or_else(|| {
                errs.add(Code::RulesBadValue, key, vec![("expected", "a date as YYYY-MM-DD".into())]);
                None
            })),
            "policies" => rules.policies = read_policies(v, errs),
            "redact" => rules.redact = errs.bool(key, v),
            "minimize" => rules.minimize = errs.bool(key, v),
            _ => {}
        }
    }
    rules
}

fn read_tag(path: &str, s: &str, errs: &mut Errors) -> Option<String> {
    let ok = !s.is_empty() && s.len() <= 35 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !ok {
        errs.add(Code::RulesBadValue, path, vec![("expected", "a BCP 47 language tag such as fa-IR".into())]);
    }
    ok.then(|| s.to_owned())
}

fn read_day(s: &str) -> Option<(i32, u8, u8)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i32 = s.get(0..4)?.parse().ok()?;
    let m: u8 = s.get(5..7)?.parse().ok()?;
    let d: u8 = s.get(8..10)?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

fn read_fields(v: &Json, errs: &mut Errors) -> Vec<FieldRule> {
    let members = errs.members("fields", v, &[]);
    if members.len() > RULES_MAX_FIELDS {
        errs.add(Code::RulesTooLarge, "fields", vec![("max", RULES_MAX_FIELDS.to_string())]);
        return Vec::new();
    }
    let mut out = Vec::new();
    for (name, spec) in members {
        let path = join("fields", name);
        if name.trim().is_empty() {
            errs.add(Code::RulesBadValue, &path, vec![("expected", "a field name".into())]);
            continue;
        }
        // Shorthand: "email": "email" is { "kind": "email" }.
        if let Json::Str(kind) = spec {
            if let Some(k) = read_kind(&join(&path, "kind"), kind, errs) {
                out.push(FieldRule::new(name, k));
            }
            continue;
        }
        let mut kind = None;
        let mut rule = FieldRule::new(name, FieldKind::Text);
        let mut kind_seen = false;
        let mut part = None;
        for (key, v) in errs.members(&path, spec, FIELD_KEYS) {
            let p = join(&path, key);
            match key {
                "kind" => {
                    kind_seen = true;
                    kind = errs.str(&p, v).and_then(|s| read_kind(&p, s, errs));
                }
                "required" => rule.required = errs.bool(&p, v),
                "region" => rule.region = errs.region(&p, v),
                "birthDate" => rule.birth_date = errs.bool(&p, v),
                "mobile" => rule.mobile = Some(errs.bool(&p, v)),
                "locale" => rule.locale = errs.str(&p, v).and_then(|s| read_tag(&p, s, errs)),
                "part" => {
                    part = errs.str(&p, v).and_then(|s| {
                        let part = NamePart::from_str(s);
                        if part.is_none() {
                            errs.add(Code::RulesBadValue, &p, vec![("expected", "full, given or family".into())]);
                        }
                        part
                    })
                }
                _ => {}
            }
        }
        if !kind_seen && matches!(spec, Json::Obj(_)) {
            errs.add(Code::RulesMissingKey, &path, vec![("key", "kind".into())]);
        }
        if let Some(k) = kind {
            rule = FieldRule {
                required: rule.required,
                region: rule.region,
                birth_date: rule.birth_date,
                mobile: rule.mobile,
                locale: rule.locale,
                ..FieldRule::new(name, k)
            };
            if let Some(p) = part {
                rule.part = p;
            }
            out.push(rule);
        }
    }
    out
}

fn read_kind(path: &str, s: &str, errs: &mut Errors) -> Option<FieldKind> {
    let k = FieldKind::from_name(s);
    if k.is_none() {
        let all: Vec<&str> = FieldKind::ALL.iter().map(|k| k.as_str()).collect();
        errs.add(Code::RulesUnknownKind, path, vec![("kind", s.to_owned()), ("expected", all.join(", "))]);
    }
    k
}

fn read_policies(v: &Json, errs: &mut Errors) -> Policies {
    let mut p = Policies::default();
    for (key, v) in errs.members("policies", v, POLICY_KEYS) {
        let path = join("policies", key);
        match key {
            "rejectDisposable" => p.reject_disposable = errs.bool(&path, v),
            "requireMobile" => p.require_mobile = errs.bool(&path, v),
            "acceptPlaceholders" => p.accept_placeholders = errs.bool(&path, v),
            "blockOn" => match v {
                Json::Arr(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let ip = format!("{path}[{i}]");
                        let Some(name) = errs.str(&ip, item) else { continue };
                        match Code::from_name(name) {
                            Some(c) => p.block_on.push(c),
                            None => errs.add(Code::RulesUnknownCode, &ip, vec![("code", name.to_owned())]),
                        }
                    }
                }
                other => errs.wrong_type(&path, "array", other),
            },
            _ => {}
        }
    }
    p
}
