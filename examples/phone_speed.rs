//! Native timing of phone validation over tests/fixtures/phone/corpus.jsonl (a profiling aid;
//! `make bench` is the benchmark). `PHONE_FORMATS=0` times parse + validate + E.164 only.
//! `PHONE_SLOWEST=N` also times every call of a warm pass and prints p50, p99 and the N slowest inputs.
use intake::phone::{validate_phone, PhoneOptions};
use std::time::Instant;

fn opts(region: &Option<String>, formats: bool) -> PhoneOptions<'_> {
    PhoneOptions { default_region: region.as_deref(), formats, ..PhoneOptions::default() }
}

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
            valid += usize::from(validate_phone(input, &opts(region, formats)).valid);
        }
        println!("round {round}: {:.2} us/number ({valid} valid)", t.elapsed().as_secs_f64() * 1e6 / rows.len() as f64);
    }
    let Some(n) = std::env::var("PHONE_SLOWEST").ok().and_then(|v| v.parse::<usize>().ok()) else { return };
    // Each input's best of 3 timed calls, so a preemption does not make an input look slow.
    let mut times: Vec<(f64, usize)> = rows
        .iter()
        .enumerate()
        .map(|(i, (input, region))| {
            let best = (0..3)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(validate_phone(input, &opts(region, formats)));
                    t.elapsed().as_secs_f64() * 1e6
                })
                .fold(f64::INFINITY, f64::min);
            (best, i)
        })
        .collect();
    times.sort_by(|a, b| a.0.total_cmp(&b.0));
    let q = |p: f64| times[((times.len() - 1) as f64 * p) as usize].0;
    println!("per call (best of 3): p50 {:.2} us, p90 {:.2} us, p99 {:.2} us, max {:.2} us", q(0.5), q(0.9), q(0.99), q(1.0));
    for &(t, i) in times.iter().rev().take(n) {
        println!("{t:8.2} us  {:?} {:?}", rows[i].0, rows[i].1);
    }
}
