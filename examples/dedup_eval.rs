//! Native de-duplication evaluation: pairwise precision, recall and F1 of intake's clusters at the
//! default threshold against the true pairs, blocking's pairs completeness and candidate count,
//! time and peak memory.
//!
//!   cargo run --release --example dedup_eval -- [--data DIR] [--big DIR] [--sets febrl1,febrl4,contacts_10k,...]
//!
//! Sets: febrl1-3 (de-duplication), febrl4 (linking febrl4a to febrl4b), contacts_10k (shared
//! data), contacts_100k and contacts_1m (made by ../shared/tools/gen_contacts.py into --big).

use intake::dedup::{block, Deduper, Options, Schema};
use std::collections::{HashMap, HashSet};
use std::time::Instant;

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn read(path: &str) -> Vec<Vec<String>> {
    parse_csv(&std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}")))
}

/// CPU seconds (user + system) of this process so far, from /proc (the machine may be shared).
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let after = s.rsplit_once(')')?.1.split_whitespace().collect::<Vec<_>>();
            Some((after.get(11)?.parse::<f64>().ok()? + after.get(12)?.parse::<f64>().ok()?) / 100.0)
        })
        .unwrap_or(0.0)
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()))
        .map_or(0.0, |kb| kb / 1024.0)
}

struct Set {
    name: String,
    files: Vec<String>,
    truth: String,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let data = arg("--data").unwrap_or_else(|| "../shared/data".into());
    let big = arg("--big").unwrap_or_else(|| "out/dedup".into());
    let wanted = arg("--sets").unwrap_or_else(|| "febrl1,febrl2,febrl3,febrl4,contacts_10k".into());
    let threshold: Option<f64> = arg("--threshold").and_then(|t| t.parse().ok());
    let queries: usize = arg("--queries").and_then(|t| t.parse().ok()).unwrap_or(0);
    println!("| set | records | candidate pairs | pairs completeness | true pairs | precision | recall | F1 | seconds | CPU seconds | peak RSS MB |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    for name in wanted.split(',') {
        let set = match name {
            "febrl4" => Set { name: name.into(), files: vec![format!("{data}/febrl/febrl4a.csv"), format!("{data}/febrl/febrl4b.csv")], truth: format!("{data}/febrl/febrl4_true_pairs.csv") },
            n if n.starts_with("febrl") => Set { name: n.into(), files: vec![format!("{data}/febrl/{n}.csv")], truth: format!("{data}/febrl/{n}_true_pairs.csv") },
            "contacts_10k" => Set { name: name.into(), files: vec![format!("{data}/contacts_10k.csv")], truth: format!("{data}/contacts_10k_true_pairs.csv") },
            n => Set { name: n.into(), files: vec![format!("{big}/{n}.csv")], truth: format!("{big}/{n}_true_pairs.csv") },
        };
        run(&set, threshold, queries);
    }
}

fn run(set: &Set, threshold: Option<f64>, queries: usize) {
    let tables: Vec<Vec<Vec<String>>> = set.files.iter().map(|f| read(f)).collect();
    let headers: Vec<&str> = tables[0][0].iter().map(String::as_str).collect();
    let mut opts = Options::default();
    if let Some(t) = threshold {
        opts.threshold = t;
    }
    // Blocking experiments: DEDUP_MAX_BLOCK / DEDUP_WINDOW override the defaults.
    if let Some(v) = std::env::var("DEDUP_MAX_BLOCK").ok().and_then(|v| v.parse().ok()) {
        opts.block.max_block = v;
    }
    if let Some(v) = std::env::var("DEDUP_WINDOW").ok().and_then(|v| v.parse().ok()) {
        opts.block.window = v;
    }
    let started = Instant::now();
    let cpu0 = cpu_seconds();
    let mut d = Deduper::new(Schema::guess(&headers), opts);
    let mut ids: Vec<&str> = Vec::new();
    for (source, t) in tables.iter().enumerate() {
        for row in &t[1..] {
            let cells: Vec<&str> = row.iter().map(String::as_str).collect();
            d.push_from(&cells, source as u8);
            ids.push(row[0].as_str());
        }
    }
    let prepared = started.elapsed().as_secs_f64();
    let mut last = String::new();
    let verbose = std::env::var("DEDUP_EVAL_VERBOSE").is_ok();
    let out = d.run(&mut |phase, _, _| {
        if verbose && phase.as_str() != last {
            last = phase.as_str().to_string();
            eprintln!("  {:.2}s wall {:.2}s cpu {}", started.elapsed().as_secs_f64(), cpu_seconds() - cpu0, last);
        }
    });
    if verbose {
        eprintln!("  prepared in {prepared:.2}s");
    }
    let seconds = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu0;
    let index: HashMap<&str, u32> = ids.iter().enumerate().map(|(i, id)| (*id, i as u32)).collect();
    let key = |a: u32, b: u32| if a < b { (u64::from(a) << 32) | u64::from(b) } else { (u64::from(b) << 32) | u64::from(a) };
    let truth: HashSet<u64> = read(&set.truth)[1..]
        .iter()
        .filter_map(|r| Some(key(*index.get(r.first()?.as_str())?, *index.get(r.get(1)?.as_str())?)))
        .collect();
    let mut predicted = HashSet::new();
    for c in &out.clusters {
        for (i, &a) in c.members.iter().enumerate() {
            for &b in &c.members[i + 1..] {
                predicted.insert(key(a, b));
            }
        }
    }
    let tp = predicted.iter().filter(|p| truth.contains(p)).count() as f64;
    let precision = tp / predicted.len().max(1) as f64;
    let recall = tp / truth.len().max(1) as f64;
    let f1 = if tp > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    let link = tables.len() > 1;
    let cands = block::candidates(d.store(), &block::BlockOptions { link, ..d.options.block }, &mut |_, _| {});
    let found = cands.pairs.iter().filter(|p| truth.contains(p)).count() as f64;
    println!(
        "| {} | {} | {} | {:.4} | {} | {:.4} | {:.4} | {:.4} | {:.2} | {:.2} | {:.0} |",
        set.name,
        ids.len(),
        out.stats.candidate_pairs,
        found / truth.len().max(1) as f64,
        truth.len(),
        precision,
        recall,
        f1,
        seconds,
        cpu,
        peak_rss_mb()
    );
    if queries > 0 {
        // Incremental: an index of the whole set (through bytes), then `queries` of its rows matched one at a time.
        let t = Instant::now();
        let bytes = d.index(out.model.clone()).to_bytes();
        let mut index = intake::dedup::Index::from_bytes(&bytes).expect("index");
        let built = t.elapsed().as_secs_f64();
        let rows: Vec<&Vec<String>> = tables[0][1..].iter().step_by((tables[0].len() / queries).max(1)).take(queries).collect();
        let mut times = Vec::with_capacity(rows.len());
        let mut found = 0;
        for row in &rows {
            let cells: Vec<&str> = row.iter().map(String::as_str).collect();
            let t = Instant::now();
            let m = index.match_one(&cells, 5);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            found += usize::from(m.iter().any(|x| x.id == row[0]));
        }
        times.sort_by(f64::total_cmp);
        let q = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
        let t = Instant::now();
        for row in rows.iter().take(1000) {
            index.add(&row.iter().map(String::as_str).collect::<Vec<_>>());
        }
        let add_ms = t.elapsed().as_secs_f64() * 1000.0 / rows.len().min(1000) as f64;
        println!(
            "index of {}: {:.1} MB, built from bytes in {built:.2} s; match p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms over {} queries (found itself {:.1}%); add {add_ms:.3} ms",
            ids.len(),
            bytes.len() as f64 / 1048576.0,
            q(0.5),
            q(0.99),
            times[times.len() - 1],
            times.len(),
            100.0 * found as f64 / times.len() as f64
        );
    }
    if std::env::var("DEDUP_EVAL_VERBOSE").is_ok() {
        eprintln!("{}: lambda {:.4} related {:.4} iterations {} per key {:?}", set.name, out.model.lambda, out.model.lambda_related, out.model.iterations, out.stats.pairs_per_key);
        let wsum: f64 = out.pairs.iter().map(|p| f64::from(p.weight)).sum();
        eprintln!("{}: {} links, weights sum {wsum:.4}, {} clusters", set.name, out.pairs.len(), out.clusters.len());
        for (c, cmp) in intake::dedup::compare::COMPARISONS.iter().enumerate() {
            let k = cmp.levels.len();
            let m: Vec<String> = out.model.m[c][..k].iter().map(|x| format!("{x:.3}")).collect();
            let u: Vec<String> = out.model.u[c][..k].iter().map(|x| format!("{x:.4}")).collect();
            let h: Vec<String> = out.model.h[c][..k].iter().map(|x| format!("{x:.3}")).collect(); eprintln!("  {:12} m {:?} h {:?} u {:?}", cmp.name, m, h, u);
        }
        let mut shown = 0;
        for p in &truth {
            if !predicted.contains(p) && shown < 8 {
                let (a, b) = ((p >> 32) as usize, (p & 0xFFFF_FFFF) as usize);
                let e = d.explain(&out.model, a, b).unwrap();
                eprintln!("  missed {} {} w {:.2}: {}", ids[a], ids[b], e.weight, e.contributions.iter().map(|c| format!("{}:{}({}|{}){:+.1}", c.field, c.level, c.a, c.b, c.weight)).collect::<Vec<_>>().join(" "));
                shown += 1;
            }
        }
        shown = 0;
        for p in &predicted {
            if !truth.contains(p) && shown < 8 {
                let (a, b) = ((p >> 32) as usize, (p & 0xFFFF_FFFF) as usize);
                let e = d.explain(&out.model, a, b).unwrap();
                eprintln!("  false {} {} w {:.2}: {}", ids[a], ids[b], e.weight, e.contributions.iter().map(|c| format!("{}:{}({}|{}){:+.1}", c.field, c.level, c.a, c.b, c.weight)).collect::<Vec<_>>().join(" "));
                shown += 1;
            }
        }
    }
}
