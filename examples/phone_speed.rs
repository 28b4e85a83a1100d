//! Native timing of phone validation over tests/fixtures/phone/corpus.jsonl (a profiling aid;
//! `make bench` is the benchmark). `PHONE_FORMATS=0` times parse + validate + E.164 only.
use intake::phone::{validate_phone, PhoneOptions};
use std::time::Instant;

fn main() {
    let text = std::fs::read_to_string("tests/fixtures/phone/corpus.jsonl").expect("corpus");
    let rows: Vec<(String, Option<String>)> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| (v["input"].as_str().unwrap_or("").to_owned(), v["region"].as_str().map(str::to_owned)))
        .collect();
    let formats = std::env::var("PHONE_FORMATS").map_or(true, |v| v != "0");
    for round in 0..5 {
        let t = Instant::now();
        let mut valid = 0;
        for (input, region) in &rows {
            let o = validate_phone(input, &PhoneOptions { default_region: region.as_deref(), formats, ..PhoneOptions::default() });
            valid += usize::from(o.valid);
        }
        println!("round {round}: {:.2} us/number ({valid} valid)", t.elapsed().as_secs_f64() * 1e6 / rows.len() as f64);
    }
}
