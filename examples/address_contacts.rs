//! Measures the address field on a contacts CSV (default ../shared/data/contacts_10k.csv): the share of
//! non-empty addresses parsed (a street found), with a house number, with a unit; the share of
//! non-empty postcodes valid for the row's country; postcodes found again inside the joined line
//! `address, postcode city` (countries with postcodes); per country.
//!   cargo run --release --example address_contacts [-- path/to/contacts.csv]
use intake::address::{has_postcodes, standardize_address, standardize_postcode, AddressOptions, PostcodeOptions};
use std::collections::BTreeMap;

/// One CSV record (RFC 4180 quoting), fields as strings.
fn records(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let (mut row, mut field, mut quoted, mut chars) = (Vec::new(), String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                out.push(std::mem::take(&mut row));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        out.push(row);
    }
    out
}

#[derive(Default)]
struct Tally {
    addresses: usize,
    parsed: usize,
    house: usize,
    postcodes: usize,
    valid: usize,
    joined: usize,
    joined_found: usize,
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 { "-".into() } else { format!("{:.1}%", 100.0 * a as f64 / b as f64) }
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/contacts_10k.csv".into());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let rows = records(&text);
    let head = &rows[0];
    let col = |n: &str| head.iter().position(|h| h == n).unwrap_or_else(|| panic!("no column {n}"));
    let (ca, cc, cp, cy) = (col("address"), col("country"), col("postcode"), col("city"));
    let mut per: BTreeMap<String, Tally> = BTreeMap::new();
    let mut unparsed = Vec::new();
    let mut invalid = Vec::new();
    let started = std::time::Instant::now();
    for r in &rows[1..] {
        let (addr, country, pc, city) = (&r[ca], &r[cc], &r[cp], &r[cy]);
        let t = per.entry(country.clone()).or_default();
        if !addr.trim().is_empty() {
            t.addresses += 1;
            let o = standardize_address(addr, &AddressOptions { country, ..Default::default() });
            if o.parts.street.is_some() {
                t.parsed += 1;
            } else if unparsed.len() < 15 {
                unparsed.push(format!("{country} {addr:?}"));
            }
            t.house += usize::from(o.parts.house_number.is_some());
        }
        if !pc.trim().is_empty() {
            t.postcodes += 1;
            let o = standardize_postcode(pc, country, &PostcodeOptions::default());
            if o.valid {
                t.valid += 1;
            } else if invalid.len() < 15 {
                invalid.push(format!("{country} {pc:?}"));
            }
            if !addr.trim().is_empty() && has_postcodes(country) {
                t.joined += 1;
                let joined = format!("{addr}, {pc} {city}");
                let j = standardize_address(&joined, &AddressOptions { country, ..Default::default() });
                let want = if o.valid { o.value.to_string() } else { pc.trim().to_uppercase() };
                t.joined_found += usize::from(j.parts.postcode.as_deref() == Some(want.as_str()));
            }
        }
    }
    let elapsed = started.elapsed();
    println!("{path}: {} rows in {:.0} ms (debug builds are slower; use --release)", rows.len() - 1, elapsed.as_secs_f64() * 1e3);
    println!("| country | addresses | parsed | house number | postcodes | valid | found in joined line |");
    println!("|---|---|---|---|---|---|---|");
    let mut all = Tally::default();
    for (c, t) in &per {
        println!("| {c} | {} | {} | {} | {} | {} | {} |", t.addresses, pct(t.parsed, t.addresses), pct(t.house, t.addresses), t.postcodes, pct(t.valid, t.postcodes), pct(t.joined_found, t.joined));
        all.addresses += t.addresses;
        all.parsed += t.parsed;
        all.house += t.house;
        all.postcodes += t.postcodes;
        all.valid += t.valid;
        all.joined_found += t.joined_found;
        all.joined += t.joined;
    }
    println!("| all | {} | {} | {} | {} | {} | {} |", all.addresses, pct(all.parsed, all.addresses), pct(all.house, all.addresses), all.postcodes, pct(all.valid, all.postcodes), pct(all.joined_found, all.joined));
    // Matching keys on the true duplicate pairs (contacts_10k_true_pairs.csv beside the data).
    let pairs_path = path.replace(".csv", "_true_pairs.csv");
    if let Ok(pairs) = std::fs::read_to_string(&pairs_path) {
        let id = col("rec_id");
        let keys: std::collections::HashMap<&str, (Option<String>, Option<String>)> = rows[1..]
            .iter()
            .filter(|r| !r[ca].trim().is_empty())
            .map(|r| {
                let o = standardize_address(&r[ca], &AddressOptions { country: &r[cc], ..Default::default() });
                let street_house = o.keys.street.clone().map(|s| format!("{s}|{}", o.keys.house_number.clone().unwrap_or_default()));
                (r[id].as_str(), (street_house, o.keys.key.clone()))
            })
            .collect();
        let (mut both, mut same_street, mut same_raw) = (0, 0, 0);
        let raw: std::collections::HashMap<&str, &str> = rows[1..].iter().map(|r| (r[id].as_str(), r[ca].as_str())).collect();
        for line in pairs.lines().skip(1) {
            let Some((a, b)) = line.split_once(',') else { continue };
            if let (Some(ka), Some(kb)) = (keys.get(a), keys.get(b)) {
                both += 1;
                same_street += usize::from(ka.0.is_some() && ka.0 == kb.0);
                same_raw += usize::from(raw.get(a) == raw.get(b));
            }
        }
        // The same keys on non-duplicates: consecutive records of different clusters.
        let cl = col("cluster_id");
        let (mut others, mut collide) = (0, 0);
        for w in rows[1..].windows(2) {
            if w[0][cl] != w[1][cl] {
                if let (Some(ka), Some(kb)) = (keys.get(w[0][id].as_str()), keys.get(w[1][id].as_str())) {
                    others += 1;
                    collide += usize::from(ka.0.is_some() && ka.0 == kb.0);
                }
            }
        }
        println!("\ntrue pairs with both addresses: {both}; same street+house key {} (raw text equal {}); \
            different-cluster neighbours with the same key: {} of {others}",
            pct(same_street, both), pct(same_raw, both), pct(collide, others));
    }
    println!("\nunparsed (first 15): {unparsed:#?}\ninvalid postcodes (first 15): {invalid:#?}");
}
