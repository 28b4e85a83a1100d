//! Native timing of the whole-record pipeline (email, phone, given and family names, company,
//! country, birth date) over ../shared/data/contacts_10k.csv, per field kind and in total: a
//! profiling aid; `make bench` (bench/records.mjs) is the benchmark.
use intake::record::{check_field, validate_row, FieldContext, FieldKind, NamePart, Plan, RuleSet};
use intake::Locale;
use std::time::Instant;

/// CPU time of the process (clock_gettime on Linux), so that figures hold on a shared machine;
/// wall clock elsewhere.
struct Clock(Option<u64>, Instant);

#[cfg(target_os = "linux")]
fn cpu_ns() -> Option<u64> {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `t` is a valid timespec for the call to write.
    let ok = unsafe { clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &mut t) } == 0;
    ok.then(|| t.sec as u64 * 1_000_000_000 + t.nsec as u64)
}

#[cfg(not(target_os = "linux"))]
fn cpu_ns() -> Option<u64> {
    None
}

impl Clock {
    fn start() -> Clock {
        Clock(cpu_ns(), Instant::now())
    }
    fn us(&self) -> f64 {
        match (self.0, cpu_ns()) {
            (Some(a), Some(b)) => (b - a) as f64 / 1e3,
            _ => self.1.elapsed().as_secs_f64() * 1e6,
        }
    }
}

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
    let rounds: usize = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(3);
    let mut best = f64::MAX;
    for round in 0..rounds {
        let t = Clock::start();
        let mut valid = 0;
        for r in &rows {
            let row: Vec<Option<&str>> = r.iter().map(|v| (!v.is_empty()).then_some(v.as_str())).collect();
            valid += usize::from(validate_row(&plan, &rules, &row).valid);
        }
        let us = t.us() / rows.len() as f64;
        best = best.min(us);
        println!("round {round}: {us:.2} us/record (CPU), {:.0} records/s ({valid} of {} valid)", 1e6 / us, rows.len());
    }
    println!("best: {best:.2} us/record");
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
        let mut best = f64::MAX;
        for _ in 0..3 {
            let t = Clock::start();
            for r in &rows {
                std::hint::black_box(check_field(rule.kind, &r[col], &cx));
            }
            best = best.min(t.us() / rows.len() as f64);
        }
        println!("  {name:14} {best:6.2} us (best of 3, CPU)");
    }
}
