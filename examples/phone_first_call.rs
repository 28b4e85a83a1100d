//! Time of the very first phone validation in a fresh process (metadata index, region decode,
//! pattern compilation), then of a second call: a profiling aid for cold start.
use intake::phone::{validate_phone, PhoneOptions};
use std::time::Instant;

fn main() {
    let opts = PhoneOptions { default_region: Some("IR"), ..PhoneOptions::default() };
    let t = Instant::now();
    let a = validate_phone("0912 345 6789", &opts);
    let first = t.elapsed();
    let t = Instant::now();
    let b = validate_phone("0912 345 6780", &opts);
    let second = t.elapsed();
    let t = Instant::now();
    let _ = intake::phone::meta::region("GB");
    let gb_meta = t.elapsed();
    println!("first {first:?} (valid {}), second {second:?} (valid {}), GB metadata decode {gb_meta:?}", a.valid, b.valid);
}
