//! Survivorship: a golden record per cluster by rules given as data, and a merge plan that says
//! which record each value came from (the input records are never changed, so any merge can be
//! undone from the plan).

use super::prepare::fold_key;
use super::prepare::{Role, Schema};

/// One rule. Rules for a column are applied in order, each narrowing the candidate values
/// (non-empty values of the cluster's records) until one is left; ties go to the earliest record.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Values of the most recently updated record (the `updated` column, ISO dates compare as text).
    MostRecent,
    /// Values of the record with the most non-empty columns, then the longest value.
    MostComplete,
    /// The value most records agree on (compared folded: case, accents, spacing).
    MostFrequent,
    /// Values that pass their column's validator (email, phone, date) over ones that do not.
    ValidOverInvalid,
    /// Values of the record whose `source` column comes first in `Rules::source_priority`.
    SourcePriority,
    /// Every distinct value, joined with "; " (emails, phones, tags).
    Union,
}

/// Rules as data: `default` for every column, `fields` per column name.
#[derive(Clone, Debug, PartialEq, serde::Deserialize, serde::Serialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Rules {
    pub default: Vec<Rule>,
    pub fields: std::collections::BTreeMap<String, Vec<Rule>>,
    /// Column with each record's last update (for `most_recent`).
    pub updated: Option<String>,
    /// Column naming each record's source system (for `source_priority`).
    pub source: Option<String>,
    pub source_priority: Vec<String>,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            default: vec![Rule::ValidOverInvalid, Rule::MostFrequent, Rule::MostComplete, Rule::MostRecent],
            fields: Default::default(),
            updated: None,
            source: None,
            source_priority: Vec::new(),
        }
    }
}

/// How one column's golden value was chosen.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Decision {
    pub column: String,
    pub value: String,
    /// Positions (within the cluster's records) the value came from.
    pub from: Vec<usize>,
    /// The rule that settled it ("only_value", "first" when rules left a tie, or the rule's name).
    pub rule: &'static str,
}

/// A golden record and its merge plan.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Golden {
    pub values: Vec<String>,
    pub plan: Vec<Decision>,
}

fn rule_name(r: &Rule) -> &'static str {
    match r {
        Rule::MostRecent => "most_recent",
        Rule::MostComplete => "most_complete",
        Rule::MostFrequent => "most_frequent",
        Rule::ValidOverInvalid => "valid_over_invalid",
        Rule::SourcePriority => "source_priority",
        Rule::Union => "union",
    }
}

fn valid(role: Role, v: &str) -> bool {
    match role {
        #[cfg(feature = "email")]
        Role::Email => crate::email::validate_email(v, &Default::default()).valid,
        #[cfg(feature = "phone")]
        Role::Phone => crate::phone::validate_phone(v, &Default::default()).valid || v.trim_start().starts_with('+') && crate::phone::validate_phone(v, &Default::default()).possible,
        Role::BirthDate | Role::Updated => crate::date::standardize_date(v, &Default::default()).valid,
        _ => true,
    }
}

/// The golden record of a cluster's records (`rows`, values in `headers` order).
pub fn golden_record(headers: &[&str], schema: &Schema, rows: &[Vec<&str>], rules: &Rules) -> Golden {
    let col = |name: &Option<String>| name.as_ref().and_then(|n| headers.iter().position(|h| h == n));
    let (updated, source) = (col(&rules.updated).or_else(|| schema.roles.iter().position(|r| *r == Role::Updated)), col(&rules.source));
    let filled: Vec<usize> = rows.iter().map(|r| r.iter().filter(|v| !v.trim().is_empty()).count()).collect();
    let mut values = Vec::with_capacity(headers.len());
    let mut plan = Vec::with_capacity(headers.len());
    for (c, name) in headers.iter().enumerate() {
        let role = schema.roles.get(c).copied().unwrap_or(Role::Ignore);
        let rules_here = rules.fields.get(*name).unwrap_or(&rules.default);
        let cell = |i: usize| rows[i].get(c).map_or("", |v| v.trim());
        let mut cand: Vec<usize> = (0..rows.len()).filter(|&i| !cell(i).is_empty()).collect();
        let mut settled = if cand.len() <= 1 { "only_value" } else { "first" };
        let mut union = false;
        for rule in rules_here {
            if cand.len() <= 1 {
                break;
            }
            let before = cand.len();
            match rule {
                Rule::Union => {
                    union = true;
                    settled = "union";
                    break;
                }
                Rule::ValidOverInvalid => keep_if_any(&mut cand, |i| valid(role, cell(i))),
                Rule::MostRecent => {
                    if let Some(u) = updated {
                        keep_max(&mut cand, |i| rows[i].get(u).map_or(String::new(), |v| v.trim().to_string()));
                    }
                }
                Rule::MostComplete => keep_max(&mut cand, |i| (filled[i], cell(i).chars().count())),
                Rule::MostFrequent => {
                    let keys: Vec<String> = cand.iter().map(|&i| fold_key(cell(i))).collect();
                    let counts: Vec<usize> = keys.iter().map(|k| keys.iter().filter(|x| *x == k).count()).collect();
                    let best = counts.iter().copied().max().unwrap_or(0);
                    let keep: Vec<usize> = cand.iter().zip(&counts).filter(|(_, &n)| n == best).map(|(&i, _)| i).collect();
                    cand = keep;
                }
                Rule::SourcePriority => {
                    if let Some(s) = source {
                        let rank = |i: usize| {
                            let v = rows[i].get(s).map_or("", |v| v.trim());
                            rules.source_priority.iter().position(|p| p == v).unwrap_or(usize::MAX)
                        };
                        let best = cand.iter().map(|&i| rank(i)).min().unwrap_or(usize::MAX);
                        cand.retain(|&i| rank(i) == best);
                    }
                }
            }
            if cand.len() < before {
                settled = rule_name(rule);
            }
        }
        let (value, from) = if union {
            let mut seen: Vec<String> = Vec::new();
            let mut parts: Vec<&str> = Vec::new();
            for &i in &cand {
                let k = fold_key(cell(i));
                if !seen.contains(&k) {
                    seen.push(k);
                    parts.push(cell(i));
                }
            }
            (parts.join("; "), cand.clone())
        } else {
            match cand.first() {
                Some(&i) => {
                    let v = cell(i);
                    (v.to_string(), (0..rows.len()).filter(|&j| cell(j) == v).collect())
                }
                None => (String::new(), Vec::new()),
            }
        };
        values.push(value.clone());
        plan.push(Decision { column: name.to_string(), value, from, rule: if cand.is_empty() { "empty" } else { settled } });
    }
    Golden { values, plan }
}

fn keep_if_any(cand: &mut Vec<usize>, ok: impl Fn(usize) -> bool) {
    if cand.iter().any(|&i| ok(i)) {
        cand.retain(|&i| ok(i));
    }
}

fn keep_max<K: Ord>(cand: &mut Vec<usize>, key: impl Fn(usize) -> K) {
    if let Some(best) = cand.iter().map(|&i| key(i)).max() {
        cand.retain(|&i| key(i) == best);
    }
}
