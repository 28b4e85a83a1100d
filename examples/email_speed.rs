//! Rough native timing of the email core on a fixed mix (for profiling; `make bench` is the benchmark).
use intake::email::{validate_email, EmailOptions};
use std::time::Instant;

const ITER: usize = 20_000;
fn main() {
    let base = ["ali.rezaei@gmail.com", "k.schmidt@siemens-energy.de", "  Wei.Zhang@163.COM ", "sara@gmial.com",
        "info@acme-tools.co.uk", "bob@company.con", "user@bücher.de", "x@example.com", "jdoe@mgi.com", "n.kumar@rediffmail.com"];
    let inputs: Vec<String> = (0..100_000).map(|i| base[i % base.len()].replacen('@', &format!("{i}@"), 1)).collect();
    let opts = EmailOptions::default();
    for round in 0..3 {
        let t = Instant::now();
        let mut valid = 0;
        for s in &inputs {
            valid += usize::from(validate_email(s, &opts).valid);
        }
        let per = t.elapsed().as_secs_f64() * 1e6 / inputs.len() as f64;
        println!("round {round}: {per:.3} us/email ({valid} valid)");
    }
    for b in base {
        let t = Instant::now();
        for _ in 0..ITER {
            std::hint::black_box(validate_email(std::hint::black_box(b), &opts));
        }
        println!("{:>8.3} us  {b}", t.elapsed().as_secs_f64() * 1e6 / ITER as f64);
    }
}
