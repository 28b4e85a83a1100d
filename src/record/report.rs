//! The data-quality report over a batch of records: completeness and validity per field, counts
//! per issue code, records fixed and rejected, and the 0-100 score per batch. The formula is in
//! `docs/quality.md`; per record it is [`super::score`]. Reports of chunks merge ([`QualityReport::merge`]),
//! so a stream of any length is summarized in memory bounded by its number of fields and codes.

use super::{FieldKind, FieldState, Plan, RecordOutcome, RowOutcome};
use std::collections::BTreeMap;

/// Counts for one field.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldStats {
    pub field: String,
    pub kind: Option<FieldKind>,
    /// Records where it had a value.
    pub present: u64,
    pub missing: u64,
    /// Present and valid as they were.
    pub clean: u64,
    /// Present and valid after standardization changed them.
    pub fixed: u64,
    /// Present and valid, with warnings that do not block.
    pub warned: u64,
    /// Present and invalid (or required and missing).
    pub invalid: u64,
    /// present / records, 0 to 1.
    pub completeness: f64,
    /// (clean + fixed + warned) / present, 0 to 1 (1 when never present).
    pub validity: f64,
}

/// The report. Build it with [`QualityReport::add`] (or `add_row`), then read it or serialize it.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QualityReport {
    pub records: u64,
    /// Valid records (no blocking issue).
    pub valid: u64,
    /// Invalid records.
    pub rejected: u64,
    /// Valid records that standardization changed.
    pub fixed: u64,
    /// Valid records with no change and no issue.
    pub clean: u64,
    /// The batch score: the mean of the records' scores, rounded (100 for no records).
    pub score: u8,
    /// Records per score band: 0-9, 10-19, ..., 90-99, 100.
    pub score_bands: [u64; 11],
    pub fields: Vec<FieldStats>,
    /// Issue code -> number of issues.
    pub codes: BTreeMap<&'static str, u64>,
    #[serde(skip)]
    score_sum: u64,
}

impl QualityReport {
    pub fn new() -> QualityReport {
        QualityReport { score: 100, ..Default::default() }
    }

    fn field(&mut self, name: &str, kind: Option<FieldKind>) -> &mut FieldStats {
        self.field_at(usize::MAX, name, kind)
    }

    /// [`QualityReport::field`], looking first at position `hint` (a plan's fields keep theirs).
    fn field_at(&mut self, hint: usize, name: &str, kind: Option<FieldKind>) -> &mut FieldStats {
        let at = Some(hint).filter(|&j| self.fields.get(j).is_some_and(|f| f.field == name));
        let i = match at.or_else(|| self.fields.iter().position(|f| f.field == name)) {
            Some(i) => i,
            None => {
                // A field first seen now was missing from every earlier record.
                self.fields.push(FieldStats { field: name.to_owned(), kind, missing: self.records, ..Default::default() });
                self.fields.len() - 1
            }
        };
        &mut self.fields[i]
    }

    fn count(&mut self, hint: usize, name: &str, kind: Option<FieldKind>, state: FieldState) {
        let f = self.field_at(hint, name, kind);
        match state {
            FieldState::Missing => f.missing += 1,
            FieldState::Clean => f.clean += 1,
            FieldState::Fixed => f.fixed += 1,
            FieldState::Warned => f.warned += 1,
            FieldState::Invalid => f.invalid += 1,
        }
        if state != FieldState::Missing {
            f.present += 1;
        }
    }

    fn record(&mut self, valid: bool, changed: bool, issues: usize, score: u8) {
        self.records += 1;
        if valid {
            self.valid += 1;
            if changed {
                self.fixed += 1;
            } else if issues == 0 {
                self.clean += 1;
            }
        } else {
            self.rejected += 1;
        }
        self.score_sum += u64::from(score);
        self.score_bands[usize::from(score / 10).min(10)] += 1;
    }

    fn finish(&mut self) {
        self.score = if self.records == 0 { 100 } else { ((self.score_sum as f64) / (self.records as f64)).round() as u8 };
        // Fields seen late were counted missing for records before them; fields absent from later
        // records (other keys) are missing there too.
        for f in &mut self.fields {
            let seen = f.present + f.missing;
            if seen < self.records {
                f.missing += self.records - seen;
            }
            f.completeness = if self.records == 0 { 0.0 } else { f.present as f64 / self.records as f64 };
            let ok = f.clean + f.fixed + f.warned;
            f.validity = if f.present == 0 { 1.0 } else { ok as f64 / f.present as f64 };
        }
    }

    /// Adds one record's outcome.
    pub fn add(&mut self, o: &RecordOutcome) {
        for (j, (name, kind, state)) in o.fields.iter().enumerate() {
            self.count(j, name, Some(*kind), *state);
        }
        for i in &o.issues {
            *self.codes.entry(i.code.as_str()).or_default() += 1;
        }
        self.record(o.valid, !o.changes.is_empty(), o.issues.len(), o.score);
        self.finish();
    }

    /// Adds one row's outcome (see [`super::validate_row`]); call [`QualityReport::finish_rows`]
    /// after the last row of a chunk.
    pub fn add_row(&mut self, plan: &Plan, o: &RowOutcome) {
        for (j, (rule, &state)) in plan.rules.iter().zip(&o.states).enumerate() {
            self.count(j, &rule.name, Some(rule.kind), state);
        }
        for i in &o.issues {
            *self.codes.entry(i.code.as_str()).or_default() += 1;
        }
        self.record(o.valid, !o.changes.is_empty(), o.issues.len(), o.score);
    }

    /// Brings the derived figures (score, completeness, validity) up to date.
    pub fn finish_rows(&mut self) {
        self.finish();
    }

    /// Adds another report (of another chunk) to this one.
    pub fn merge(&mut self, other: &QualityReport) {
        // Each side's fields count as missing in the other's records.
        for f in &other.fields {
            let mine = self.field(&f.field, f.kind);
            mine.present += f.present;
            mine.missing += f.missing;
            mine.clean += f.clean;
            mine.fixed += f.fixed;
            mine.warned += f.warned;
            mine.invalid += f.invalid;
        }
        for f in &mut self.fields {
            if !other.fields.iter().any(|o| o.field == f.field) {
                f.missing += other.records;
            }
        }
        for (code, n) in &other.codes {
            *self.codes.entry(code).or_default() += n;
        }
        self.records += other.records;
        self.valid += other.valid;
        self.rejected += other.rejected;
        self.fixed += other.fixed;
        self.clean += other.clean;
        self.score_sum += other.score_sum;
        for (a, b) in self.score_bands.iter_mut().zip(other.score_bands) {
            *a += b;
        }
        self.finish();
    }
}
