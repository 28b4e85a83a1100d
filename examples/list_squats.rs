//! Prints every free-provider or disposable domain that the suggester treats as a typo-squat
//! (reviewed by hand when the tables or the popular list change).
fn main() {
    for table in [&intake::tables::FREE, &intake::tables::DISPOSABLE] {
        for d in table.iter() {
            if let Some(s) = intake::email::suggest_domain(d, true) {
                println!("{d} -> {s}");
            }
        }
    }
}
