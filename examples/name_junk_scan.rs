//! Scans the real names of ../shared/data (Febrl given names and surnames, the CRM contacts' first
//! and last names) and prints every one the name standardizer rejects, with the count.
//! `cargo run --release --example name_junk_scan`
use intake::name::{standardize_name, NameOptions, NamePart};

fn main() {
    let dir = format!("{}/../shared/data", env!("CARGO_MANIFEST_DIR"));
    let (names, rejected) = intake_name_scan(&dir);
    for (v, code) in &rejected {
        println!("{code}\t{v}");
    }
    println!("{} of {} real names rejected", rejected.len(), names);
}

fn intake_name_scan(dir: &str) -> (usize, Vec<(String, &'static str)>) {
    let opts = NameOptions { keys: false, ..NameOptions::default() };
    let mut n = 0;
    let mut bad = Vec::new();
    for (file, cols) in [
        ("febrl/febrl1.csv", [("given_name", NamePart::Given), ("surname", NamePart::Family)]),
        ("febrl/febrl2.csv", [("given_name", NamePart::Given), ("surname", NamePart::Family)]),
        ("febrl/febrl3.csv", [("given_name", NamePart::Given), ("surname", NamePart::Family)]),
        ("febrl/febrl4a.csv", [("given_name", NamePart::Given), ("surname", NamePart::Family)]),
        ("febrl/febrl4b.csv", [("given_name", NamePart::Given), ("surname", NamePart::Family)]),
        ("contacts_10k.csv", [("first_name", NamePart::Given), ("last_name", NamePart::Family)]),
    ] {
        let Ok(text) = std::fs::read_to_string(format!("{dir}/{file}")) else { continue };
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap_or("").split(',').map(str::trim).collect();
        for line in lines {
            let fields: Vec<&str> = line.split(',').map(str::trim).collect();
            for (col, part) in cols {
                let Some(i) = header.iter().position(|h| *h == col) else { continue };
                let Some(v) = fields.get(i).filter(|v| !v.is_empty()) else { continue };
                n += 1;
                let o = standardize_name(v, part, &opts);
                if let Some(e) = o.issues.iter().find(|i| i.severity() == intake::Severity::Error) {
                    bad.push((v.to_string(), e.code.as_str()));
                }
            }
        }
    }
    (n, bad)
}
