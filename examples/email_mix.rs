//! Native timing of the email core per ground-truth category of a generated mix
//! (`out/emails.tsv`: truth TAB JSON-string per line; written by a one-off script). Profiling aid.
use intake::email::{validate_email, EmailOptions};
use std::collections::BTreeMap;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "out/emails.tsv".into());
    let text = std::fs::read_to_string(&path).expect("emails file");
    let rows: Vec<(String, String)> = text
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(t, j)| (t.to_string(), serde_json::from_str::<String>(j).unwrap_or_default()))
        .collect();
    let opts = EmailOptions::default();
    let mut per: BTreeMap<&str, (f64, usize)> = BTreeMap::new();
    for _ in 0..3 {
        per.clear();
        for (truth, input) in &rows {
            let t = Instant::now();
            std::hint::black_box(validate_email(input, &opts));
            let e = per.entry(truth.as_str()).or_default();
            e.0 += t.elapsed().as_secs_f64();
            e.1 += 1;
        }
    }
    for (truth, (secs, n)) in per {
        println!("{truth:>8}: {:.3} us/email over {n}", secs * 1e6 / n as f64);
    }
}
