//! Prints what the address field makes of each line of stdin, for eyeballing and for writing
//! fixtures: `country<TAB>address` or `country<TAB>postcode:<code>`; `--json` prints fixture lines.
//!   printf 'US\t21092 Justin Alley\n' | cargo run -q --example address_probe
use intake::address::{standardize_address, standardize_postcode, AddressOptions, PostcodeOptions, Style};
use serde_json::json;
use std::io::BufRead;

fn main() {
    let as_json = std::env::args().any(|a| a == "--json");
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let (country, text) = line.split_once('\t').unwrap_or(("", &line));
        if let Some(pc) = text.strip_prefix("postcode:") {
            let o = standardize_postcode(pc, country, &PostcodeOptions::default());
            let codes: Vec<_> = o.issues.iter().map(|i| i.code.as_str()).collect();
            let kinds: Vec<_> = o.changes.iter().map(|c| c.kind).collect();
            if as_json {
                println!("{}", json!({"country": country, "input": pc, "valid": o.valid, "value": o.value, "codes": codes, "changes": kinds, "region": o.region}));
            } else {
                println!("{country} {pc:?} -> {:?} valid={} region={:?} {codes:?} {kinds:?}", o.value, o.valid, o.region);
            }
            continue;
        }
        // `country/style` in the first column picks a style (short, long, keep).
        let (country, style_name) = country.split_once('/').unwrap_or((country, ""));
        let style = match style_name {
            "short" => Style::Short,
            "long" => Style::Long,
            "keep" => Style::Keep,
            _ => Style::Standard,
        };
        let o = standardize_address(text, &AddressOptions { country, style, ..Default::default() });
        let codes: Vec<_> = o.issues.iter().map(|i| i.code.as_str()).collect();
        let kinds: Vec<_> = o.changes.iter().map(|c| c.kind).collect();
        let p = &o.parts;
        if as_json {
            let mut v = json!({"country": country, "input": text, "value": o.value, "valid": o.valid, "codes": codes,
                "house_number": p.house_number, "street": p.street, "street_type": p.street_type,
                "unit": p.unit.as_ref().map(|u| json!({"kind": u.kind, "value": u.value})),
                "city": p.city, "region": p.region, "postcode": p.postcode, "key": o.keys.key});
            if !style_name.is_empty() {
                v["style"] = json!(style_name);
            }
            if p.district.is_some() {
                v["district"] = json!(p.district);
            }
            println!("{v}");
        } else {
            println!("{country} {text:?}\n  -> {:?} {codes:?} {kinds:?}\n  {p:?}\n  {:?}", o.value, o.keys.key);
        }
    }
}
