//! A seeded xorshift for the unit tests' random inputs (the same numbers on every run).

/// Returns `rand(n)`: the next number below `n` from `seed` (non-zero).
pub(crate) fn xorshift(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    }
}
