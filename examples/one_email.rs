//! Validates one address many times (for profilers such as callgrind).
fn main() {
    let input = std::env::args().nth(1).unwrap_or_else(|| "ali.rezaei@gmail.com".into());
    let opts = intake::email::EmailOptions::default();
    for _ in 0..200_000 {
        std::hint::black_box(intake::email::validate_email(std::hint::black_box(&input), &opts));
    }
}
