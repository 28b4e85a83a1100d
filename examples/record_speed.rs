//! Native timing of the whole-record pipeline (email, phone, given and family names, company,
//! country, birth date) over ../shared/data/contacts_10k.csv, per field kind and in total: a
//! profiling aid; `make bench` (bench/records.mjs) is the benchmark.
use intake::record::{check_field, validate_row, FieldContext, FieldKind, NamePart, Plan, RuleSet};
use intake::Locale;
use std::time::Instant;

/// Splits one CSV line (quoted fields with doubled quotes; no newlines inside fields in this file).
fn split(line: &str) -> Vec<String> {
    let (mut out, mut cur, mut quoted, mut chars) = (Vec::new(), String::new(), false, line.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

const RULES: &str = r#"{"fields": {"first_name": "name", "last_name": "name", "email": "email",
  "phone": {"kind": "phone", "region": "US"}, "company": "company", "country": "country",
  "date_of_birth": {"kind": "date", "birthDate": true}}, "today": "2026-12-07"}"#;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/contacts_10k.csv".into());
    let text = std::fs::read_to_string(&path).expect("contacts csv");
    let mut lines = text.lines();
    let header = split(lines.next().unwrap_or(""));
    let rows: Vec<Vec<String>> = lines.map(split).collect();
    let rules = RuleSet::from_json(RULES, Locale::En).expect("rules");
    let plan = Plan::new(&rules, &header);
    for round in 0..3 {
        let t = Instant::now();
        let mut valid = 0;
        for r in &rows {
            let row: Vec<Option<&str>> = r.iter().map(|v| (!v.is_empty()).then_some(v.as_str())).collect();
            valid += usize::from(validate_row(&plan, &rules, &row).valid);
        }
        let us = t.elapsed().as_secs_f64() * 1e6 / rows.len() as f64;
        println!("round {round}: {us:.2} us/record, {:.0} records/s ({valid} of {} valid)", 1e6 / us, rows.len());
    }
    // Per field kind.
    for (col, name) in header.iter().enumerate() {
        let Some(j) = plan.columns[col] else { continue };
        let rule = &plan.rules[j];
        let cx = FieldContext {
            path: &rule.name,
            locale: Locale::En,
            region: Some("US"),
            date_order: Default::default(),
            today: Some((2026, 12, 7)),
            birth_date: rule.birth_date,
            require_mobile: false,
            name_part: if rule.kind == FieldKind::Name { rule.part } else { NamePart::Full },
        };
        let t = Instant::now();
        for r in &rows {
            std::hint::black_box(check_field(rule.kind, &r[col], &cx));
        }
        println!("  {name:14} {:6.2} us", t.elapsed().as_secs_f64() * 1e6 / rows.len() as f64);
    }
}
