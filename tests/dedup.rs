//! De-duplication: hand-made batches (tests/fixtures/dedup/cases.json) and Febrl 1 with its true
//! pairs (the same files the JS suites replay).
#![cfg(feature = "dedup")]

mod common;

use common::{fixture_json, fixture_text};
use intake::dedup::compare::{levels, Interned};
use intake::dedup::prepare::prepare;
use intake::dedup::{block, golden_record, Deduper, Index, Options, Rules, Schema};
use std::collections::{BTreeSet, HashMap};

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    // The fixture CSVs have no quoted fields.
    text.lines().filter(|l| !l.is_empty()).map(|l| l.split(',').map(str::to_string).collect()).collect()
}

#[test]
fn hand_made_batches() {
    let cases = fixture_json("dedup/cases.json");
    let mut failures = Vec::new();
    for batch in cases["batches"].as_array().unwrap() {
        let name = batch["name"].as_str().unwrap();
        let headers: Vec<&str> = batch["headers"].as_array().unwrap().iter().map(|h| h.as_str().unwrap()).collect();
        let rows: Vec<Vec<&str>> = batch["rows"].as_array().unwrap().iter().map(|r| r.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect()).collect();
        let mut d = Deduper::new(Schema::guess(&headers), Options::default());
        for r in &rows {
            d.push(r);
        }
        let out = d.run(&mut |_, _, _| {});
        let id = |i: u32| rows[i as usize][0];
        let got: BTreeSet<Vec<&str>> = out.clusters.iter().filter(|c| c.members.len() > 1).map(|c| c.members.iter().map(|&m| id(m)).collect()).collect();
        let want: BTreeSet<Vec<&str>> = batch["clusters"].as_array().unwrap().iter().map(|c| c.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect()).collect();
        if got != want {
            failures.push(format!("{name}: clusters {got:?}, want {want:?}"));
        }
        let at: HashMap<&str, usize> = rows.iter().enumerate().map(|(i, r)| (r[0], i)).collect();
        for e in batch["explain"].as_array().into_iter().flatten() {
            let (a, b) = (at[e["a"].as_str().unwrap()], at[e["b"].as_str().unwrap()]);
            let x = d.explain(&out.model, a, b).unwrap();
            let sum: f64 = x.prior + x.mixture + x.contributions.iter().map(|c| c.weight).sum::<f64>();
            if (sum - x.weight).abs() > 1e-9 {
                failures.push(format!("{name}: {a}-{b} contributions sum to {sum}, weight {}", x.weight));
            }
            for (field, level) in e["levels"].as_object().unwrap() {
                let got = x.contributions.iter().find(|c| c.field == field).map(|c| c.level);
                if got != level.as_str() {
                    failures.push(format!("{name}: {a}-{b} {field}: level {got:?}, want {level}"));
                }
            }
        }
        // The index: built from the batch, through bytes, then queried.
        let index = Index::from_bytes(&d.index(out.model.clone()).to_bytes()).expect("round trip");
        for q in batch["queries"].as_array().into_iter().flatten() {
            let row: Vec<&str> = q["row"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
            let mut got: Vec<String> = index.match_one(&row, 10).into_iter().map(|m| m.id).collect();
            got.sort();
            let want: Vec<String> = q["matches"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
            if got != want {
                failures.push(format!("{name}: query {}: matches {got:?}, want {want:?}", row[0]));
            }
        }
        for g in batch["golden"].as_array().into_iter().flatten() {
            let members: Vec<Vec<&str>> = g["cluster"].as_array().unwrap().iter().map(|id| rows[at[id.as_str().unwrap()]].clone()).collect();
            let rules: Rules = serde_json::from_value(g["rules"].clone()).expect("rules");
            let golden = golden_record(&headers, &d.schema, &members, &rules);
            for (col, want) in g["values"].as_object().unwrap() {
                let c = headers.iter().position(|h| h == col).unwrap();
                if golden.values[c] != want.as_str().unwrap() {
                    failures.push(format!("{name}: golden {col}: {:?}, want {want}", golden.values[c]));
                }
                let from = &golden.plan[c].from;
                if !want.as_str().unwrap().contains("; ") && from.iter().any(|&i| members[i][c].trim() != golden.values[c]) {
                    failures.push(format!("{name}: golden {col}: plan sources {from:?} do not hold the value"));
                }
            }
            for (col, want) in g["rule"].as_object().into_iter().flatten() {
                let c = headers.iter().position(|h| h == col).unwrap();
                if golden.plan[c].rule != want.as_str().unwrap() {
                    failures.push(format!("{name}: golden {col}: rule {}, want {want}", golden.plan[c].rule));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn index_bytes_are_checked_not_trusted() {
    let mut d = Deduper::new(Schema::guess(&["id", "first_name", "last_name", "email"]), Options::default());
    d.push(&["1", "Ann", "Lee", "ann@lee.org"]);
    d.push(&["2", "Anne", "Lee", "ann@lee.org"]);
    let out = d.run(&mut |_, _, _| {});
    let mut index = d.index(out.model);
    assert_eq!(index.add(&["3", "Bo", "Chen", "bo@chen.cn"]), 2);
    assert_eq!(index.match_one(&["q", "Bo", "Chen", "bo@chen.cn"], 5)[0].id, "3");
    let bytes = index.to_bytes();
    assert_eq!(Index::from_bytes(&bytes).unwrap().len(), 3);
    for cut in 0..bytes.len() {
        assert!(Index::from_bytes(&bytes[..cut]).is_err(), "truncated at {cut}");
    }
    for i in (0..bytes.len()).step_by(7) {
        let mut b = bytes.clone();
        b[i] ^= 0xA5;
        let _ = Index::from_bytes(&b); // must not panic
    }
}

#[test]
fn febrl1_at_the_default_threshold() {
    let rows = csv_rows(&fixture_text("dedup/febrl1.csv"));
    let headers: Vec<&str> = rows[0].iter().map(String::as_str).collect();
    let mut d = Deduper::new(Schema::guess(&headers), Options::default());
    for r in &rows[1..] {
        d.push(&r.iter().map(String::as_str).collect::<Vec<_>>());
    }
    // Levels read through interned columns are the levels of the standardized strings.
    let store = d.store();
    let interned = Interned::new(store);
    let cands = block::candidates(store, &d.options.block, &mut |_, _| {});
    for &p in &cands.pairs {
        let (a, b) = ((p >> 32) as usize, (p & 0xFFFF_FFFF) as usize);
        assert_eq!(interned.levels(a, b), levels(store, a, store, b), "{a} {b}");
    }
    // Every scored pair (its weight worked out from its level pattern's) weighs what scoring
    // the two records alone gives, to the bit.
    let mut keep_all = d.clone();
    keep_all.options.keep_all_pairs = true;
    let all = keep_all.run(&mut |_, _, _| {});
    assert_eq!(all.pairs.len(), cands.pairs.len());
    for p in &all.pairs {
        let (w, _) = all.model.score(store, p.a as usize, store, p.b as usize);
        assert_eq!(p.weight, w as f32, "{} {}", p.a, p.b);
    }
    let out = d.run(&mut |_, _, _| {});
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    let mut predicted = BTreeSet::new();
    for c in &out.clusters {
        for (i, &a) in c.members.iter().enumerate() {
            for &b in &c.members[i + 1..] {
                let (x, y) = (ids[a as usize], ids[b as usize]);
                predicted.insert(if x < y { (x, y) } else { (y, x) });
            }
        }
    }
    let truth_rows = csv_rows(&fixture_text("dedup/febrl1_true_pairs.csv"));
    let truth: BTreeSet<(&str, &str)> = truth_rows[1..].iter().map(|r| (r[0].as_str(), r[1].as_str())).collect();
    let tp = predicted.intersection(&truth).count() as f64;
    let (p, r) = (tp / predicted.len() as f64, tp / truth.len() as f64);
    let f1 = 2.0 * p * r / (p + r);
    // Splink 5 reaches 0.9990 on this set.
    assert!(f1 >= 0.999, "febrl1 F1 {f1:.4} (precision {p:.4}, recall {r:.4})");
    assert_eq!(out.stats.records, 1000);
    assert!(out.stats.candidate_pairs < 5000, "blocking made {} pairs", out.stats.candidate_pairs);
}

#[test]
fn over_long_values_are_reported_and_left_out() {
    let mut d = Deduper::new(Schema::guess(&["id", "email"]), Options::default());
    let long = "a".repeat(intake::limits::DEDUP_FIELD_BYTES + 1);
    d.push(&["1", &long]);
    d.push(&["2"]);
    d.push(&[]);
    assert_eq!(d.issues.len(), 1);
    assert_eq!(d.issues[0].code.as_str(), "input.too_long");
    let out = d.run(&mut |_, _, _| {});
    assert_eq!(out.clusters.len(), 3);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]
    /// Any strings in any columns: standardizing, blocking, training, clustering, explaining, indexing and
    /// survivorship never panic.
    #[test]
    fn total_on_any_rows(rows in proptest::collection::vec(proptest::collection::vec("\\PC{0,12}|[0-9+ ()-]{0,14}|[a-z.@]{0,12}", 0..12), 0..12)) {
        let headers = ["id", "first_name", "last_name", "email", "phone", "address", "city", "postcode", "country", "date_of_birth", "company", "website"];
        let mut d = Deduper::new(Schema::guess(&headers), Options::default());
        let rows: Vec<Vec<&str>> = rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
        for r in &rows {
            d.push(r);
        }
        // The batch's remembered standardizations and interned comparisons give what one record
        // at a time gives.
        let store = d.store();
        for (i, r) in rows.iter().enumerate() {
            let alone = prepare(r, &d.schema, &d.options.prepare);
            for (k, v) in alone.slots.iter().enumerate() {
                proptest::prop_assert_eq!(store.get(i, k), v.as_str(), "record {} slot {}", i, k);
            }
        }
        let interned = Interned::new(store);
        for a in 0..rows.len() {
            for b in 0..rows.len() {
                proptest::prop_assert_eq!(interned.levels(a, b), levels(store, a, store, b), "records {} {}", a, b);
            }
        }
        let out = d.run(&mut |_, _, _| {});
        for p in &out.pairs {
            let _ = d.explain(&out.model, p.a as usize, p.b as usize);
        }
        let mut index = Index::from_bytes(&d.index(out.model.clone()).to_bytes()).unwrap();
        for r in &rows {
            let _ = index.match_one(r, 3);
            index.add(r);
        }
        let _ = golden_record(&headers, &d.schema, &rows, &Rules::default());
    }
}

/// CSV bytes of every shape (stray and open quotes, CR, LF, CRLF, invalid UTF-8, ragged rows) into
/// a batch of two sources: no panic (a panic aborts wasm), and the same batch for any chunking.
#[test]
fn csv_bytes_of_any_shape_in_any_chunks() {
    let pool: &[&[u8]] = &[
        b"Ann", b"Lee", b"ann@lee.org", b"+44 20 7946 0958", b"\xD8\xB9\xD9\x84\xDB\x8C", b",", b",", b";", b"\"", b"\"\"",
        b"\r", b"\n", b"\r\n", b"\xFF", b"\xE2\x82", b" ", b"1981-12-26",
    ];
    let mut rand = common::xorshift(0x1234_5678_9abc_def1);
    let headers = ["id", "first_name", "last_name", "email", "phone"];
    for _ in 0..200 {
        let files: Vec<Vec<u8>> = (0..2)
            .map(|_| {
                let mut f = b"id,first_name,last_name,email,phone\n".to_vec();
                for _ in 0..rand(200) {
                    f.extend_from_slice(pool[rand(pool.len())]);
                }
                f
            })
            .collect();
        let batch = |size: usize| {
            let mut d = Deduper::new(Schema::guess(&headers), Options::default()).with_headers(&headers);
            for (source, f) in files.iter().enumerate() {
                for chunk in f.chunks(size) {
                    d.push_csv(chunk, source as u8);
                }
                d.end_csv(source as u8);
            }
            let out = d.run(&mut |_, _, _| {});
            (d.len(), format!("{:?} {:?}", out.clusters, out.pairs), format!("{:?}", d.issues))
        };
        let whole = batch(usize::MAX);
        for size in [1, 3, 64] {
            assert_eq!(batch(size), whole, "chunks of {size}: {:?}", files.iter().map(|f| String::from_utf8_lossy(f)).collect::<Vec<_>>());
        }
    }
}
