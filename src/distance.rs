//! Edit distances and similarities used by suggestions and by duplicate matching.

/// Optimal-string-alignment distance (Levenshtein plus adjacent transposition) between two byte
/// strings, or `None` when it exceeds `max`. Runs in O(len(a) * (2 * max + 1)): only the diagonal
/// band that can stay within `max` is computed, and it stops as soon as a whole row exceeds `max`.
pub fn osa_within(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    if a == b {
        return Some(0);
    }
    if max <= 1 {
        return (max == 1 && within_one(a, b)).then_some(1);
    }
    // Shared ends cost nothing; the table is only needed for what lies between them.
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[p..], &b[p..]);
    let s = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - s], &b[..b.len() - s]);
    if a.is_empty() || b.is_empty() {
        let d = a.len().max(b.len());
        return (d <= max).then_some(d);
    }
    if max <= BAND_MAX {
        return osa_band(a, b, max);
    }
    const FAR: usize = usize::MAX / 4;
    let m = b.len();
    // Three rows of the DP table (i-2, i-1, i), each m+1 wide; cells outside the band stay FAR.
    // Rows live on the stack for the short strings this is used on, on the heap beyond that.
    const STACK: usize = 64;
    let (mut s2, mut s1, mut s0) = ([FAR; STACK], [FAR; STACK], [FAR; STACK]);
    let (mut h2, mut h1, mut h0) = (Vec::new(), Vec::new(), Vec::new());
    let (mut prev2, mut prev, mut cur): (&mut [usize], &mut [usize], &mut [usize]) = if m < STACK {
        (&mut s2[..=m], &mut s1[..=m], &mut s0[..=m])
    } else {
        h2.resize(m + 1, FAR);
        h1.resize(m + 1, FAR);
        h0.resize(m + 1, FAR);
        (&mut h2, &mut h1, &mut h0)
    };
    for (j, cell) in prev.iter_mut().enumerate().take(max + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let lo = i.saturating_sub(max).max(1);
        let hi = (i + max).min(m);
        cur.fill(FAR);
        if i <= max {
            cur[0] = i;
        }
        let mut row_min = cur[0];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        core::mem::swap(&mut prev2, &mut prev);
        core::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[m];
    (d <= max).then_some(d)
}

/// Largest `max` [`osa_band`] takes.
const BAND_MAX: usize = 3;

/// [`osa_within`]'s table for a small `max`, keeping only the band of cells within `max` of the
/// diagonal (cell `k` of row `i` is column `i + k - max`): O(len * max) work and no allocation.
/// `a` and `b` are non-empty and their lengths differ by at most `max`.
fn osa_band(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    const FAR: usize = usize::MAX / 4;
    // Two more cells than the widest band: the one right of the band reads as FAR.
    const CELLS: usize = 2 * BAND_MAX + 2;
    let (n, m, w) = (a.len(), b.len(), 2 * max + 1);
    let (mut prev2, mut prev) = ([FAR; CELLS], [FAR; CELLS]);
    for j in 0..=max.min(m) {
        prev[j + max] = j;
    }
    for i in 1..=n {
        let mut cur = [FAR; CELLS];
        let mut row_min = FAR;
        for k in 0..w {
            let Some(j) = (i + k).checked_sub(max) else { continue };
            if j > m {
                break;
            }
            let d = if j == 0 {
                i
            } else {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let left = if k > 0 { cur[k - 1] } else { FAR };
                let mut d = (prev[k] + cost).min(prev[k + 1] + 1).min(left + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d = d.min(prev2[k] + 1);
                }
                d
            };
            cur[k] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        prev2 = prev;
        prev = cur;
    }
    let d = prev[m + max - n];
    (d <= max).then_some(d)
}

/// Whether two different byte strings are one edit apart (insertion, deletion, substitution or
/// adjacent transposition): what is left after their common prefix and suffix decides, in O(n).
fn within_one(a: &[u8], b: &[u8]) -> bool {
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[p..], &b[p..]);
    let s = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - s.min(a.len())], &b[..b.len() - s.min(b.len())]);
    match (a.len(), b.len()) {
        (0, 1) | (1, 0) | (1, 1) => true,
        // A transposition: "ab" against "ba" once the shared ends are gone.
        (2, 2) => a[0] == b[1] && a[1] == b[0],
        _ => false,
    }
}

/// Jaro-Winkler similarity in [0, 1] (prefix scale 0.1 over at most 4 characters, applied to any
/// Jaro score, as recordlinkage and Splink do). Compares bytes when both strings are ASCII and
/// characters otherwise. Linear in the product of the lengths, which callers cap.
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    if a.is_ascii() && b.is_ascii() {
        if a.len() <= 64 && b.len() <= 64 && !a.is_empty() && !b.is_empty() {
            return jaro_winkler_short(a.as_bytes(), b.as_bytes());
        }
        return jaro_winkler_of(a.as_bytes(), b.as_bytes());
    }
    let mut ca = [' '; 64];
    let mut cb = [' '; 64];
    let (na, nb) = (fill_chars(a, &mut ca), fill_chars(b, &mut cb));
    match (na, nb) {
        (Some(na), Some(nb)) => jaro_winkler_of(&ca[..na], &cb[..nb]),
        _ => {
            let (va, vb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            jaro_winkler_of(&va, &vb)
        }
    }
}

/// [`jaro_winkler_of`] for ASCII strings of 1 to 64 bytes, bit-parallel: each byte of `b` has a
/// mask of its positions, so each byte of `a` finds its match in the window in O(1).
fn jaro_winkler_short(a: &[u8], b: &[u8]) -> f64 {
    let (la, lb) = (a.len(), b.len());
    let mut pos = [0u64; 128];
    for (j, &c) in b.iter().enumerate() {
        pos[(c & 127) as usize] |= 1 << j;
    }
    let window = (la.max(lb) / 2).saturating_sub(1);
    // Positions of b within `window` of position i: `2 * window + 1` bits centred on i, cut to b.
    let below = |k: usize| if k >= 64 { u64::MAX } else { (1u64 << k) - 1 };
    let full = below(lb);
    let (mut taken_b, mut matched_a) = (0u64, 0u64);
    for (i, &c) in a.iter().enumerate() {
        let span = below(i + window + 1) & !below(i.saturating_sub(window)) & full;
        let free = pos[(c & 127) as usize] & span & !taken_b;
        let first = free & free.wrapping_neg();
        taken_b |= first;
        matched_a |= u64::from(first != 0) << i;
    }
    let m = matched_a.count_ones() as usize;
    if m == 0 {
        return 0.0;
    }
    let (mut ta, mut tb, mut half) = (matched_a, taken_b, 0usize);
    while ta != 0 {
        let (i, j) = (ta.trailing_zeros() as usize, tb.trailing_zeros() as usize);
        half += usize::from(a[i] != b[j]);
        ta &= ta - 1;
        tb &= tb - 1;
    }
    let mf = m as f64;
    let jaro = (mf / la as f64 + mf / lb as f64 + (mf - (half / 2) as f64) / mf) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count() as f64;
    jaro + prefix * 0.1 * (1.0 - jaro)
}

fn fill_chars(s: &str, buf: &mut [char; 64]) -> Option<usize> {
    let mut n = 0;
    for c in s.chars() {
        *buf.get_mut(n)? = c;
        n += 1;
    }
    Some(n)
}

/// Jaro-Winkler similarity of two sequences (see [`jaro_winkler`]).
pub fn jaro_winkler_of<T: PartialEq + Copy>(a: &[T], b: &[T]) -> f64 {
    let (la, lb) = (a.len(), b.len());
    if la == 0 && lb == 0 {
        return 1.0;
    }
    if la == 0 || lb == 0 {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let window = (la.max(lb) / 2).saturating_sub(1);
    // Which characters of b are taken; bits on the stack for short strings.
    let mut small = [0u64; 2];
    let mut big: Vec<bool> = Vec::new();
    if lb > 128 {
        big.resize(lb, false);
    }
    let mut taken = |j: usize, set: bool| -> bool {
        if lb > 128 {
            let was = big[j];
            if set {
                big[j] = true;
            }
            was
        } else {
            let (w, bit) = (j / 64, 1u64 << (j % 64));
            let was = small[w] & bit != 0;
            if set {
                small[w] |= bit;
            }
            was
        }
    };
    let mut a_matched: Vec<T> = Vec::new();
    let mut a_buf: [Option<T>; 64] = [None; 64];
    let mut matches = 0usize;
    for (i, &ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(lb);
        for (off, &cb) in b.get(lo..hi).unwrap_or(&[]).iter().enumerate() {
            let j = lo + off;
            if cb == ca && !taken(j, false) {
                taken(j, true);
                if matches < 64 {
                    a_buf[matches] = Some(ca);
                } else {
                    if a_matched.is_empty() {
                        a_matched.extend(a_buf.iter().flatten().copied());
                    }
                    a_matched.push(ca);
                }
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    // Transpositions: matched characters of a and of b, in order, that differ.
    let mut half = 0usize;
    let mut k = 0usize;
    for (j, &cb) in b.iter().enumerate() {
        if taken(j, false) {
            let ca = if matches <= 64 { a_buf[k].unwrap_or(cb) } else { a_matched[k] };
            if ca != cb {
                half += 1;
            }
            k += 1;
        }
    }
    let m = matches as f64;
    let t = (half / 2) as f64;
    let jaro = (m / la as f64 + m / lb as f64 + (m - t) / m) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count() as f64;
    jaro + prefix * 0.1 * (1.0 - jaro)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn osa_full(a: &[u8], b: &[u8]) -> usize {
        let (n, m) = (a.len(), b.len());
        let mut d = vec![vec![0usize; m + 1]; n + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=n {
            for j in 1..=m {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j - 1] + cost).min(d[i - 1][j] + 1).min(d[i][j - 1] + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[n][m]
    }

    #[test]
    fn agrees_with_the_full_table() {
        let words = ["gmail", "gmial", "gamil", "gmal", "gmaill", "hotmail", "hotmal", "hotmart", "", "a", "ab", "ba", "yahoo", "yaho", "com", "con", "ocm", "cmo"];
        for a in words {
            for b in words {
                let full = osa_full(a.as_bytes(), b.as_bytes());
                for max in 0..4 {
                    let want = (full <= max).then_some(full);
                    assert_eq!(osa_within(a.as_bytes(), b.as_bytes(), max), want, "{a} {b} {max}");
                }
            }
        }
    }
    /// Deterministic pseudo-random words over a small alphabet (so near misses are common).
    fn random_words(count: usize, max_len: usize) -> Vec<Vec<u8>> {
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        (0..count).map(|_| (0..next(max_len as u64 + 1)).map(|_| b"abcab"[next(5) as usize]).collect()).collect()
    }

    #[test]
    fn banded_table_agrees_with_the_full_table_on_random_words() {
        let words = random_words(300, 12);
        for a in &words {
            for b in words.iter().take(60) {
                let full = osa_full(a, b);
                for max in 0..6 {
                    assert_eq!(osa_within(a, b, max), (full <= max).then_some(full), "{a:?} {b:?} {max}");
                }
            }
        }
    }

    #[test]
    fn bit_parallel_jaro_winkler_agrees_on_random_words() {
        let words = random_words(200, 70);
        for a in &words {
            for b in words.iter().take(60) {
                let (x, y) = (std::str::from_utf8(a).unwrap(), std::str::from_utf8(b).unwrap());
                assert_eq!(jaro_winkler(x, y).to_bits(), jaro_winkler_of(a, b).to_bits(), "{x} {y}");
            }
        }
    }

    #[test]
    fn jaro_winkler_known_values() {
        // Values from the original Winkler paper and the jellyfish test suite.
        let cases = [("martha", "marhta", 0.9611), ("dwayne", "duane", 0.84), ("dixon", "dicksonx", 0.8133), ("", "", 1.0), ("a", "", 0.0), ("abc", "abc", 1.0), ("abc", "xyz", 0.0)];
        for (a, b, want) in cases {
            let got = jaro_winkler(a, b);
            assert!((got - want).abs() < 1e-3, "{a} {b}: {got} want {want}");
            assert!((jaro_winkler(b, a) - got).abs() < 1e-12, "symmetric {a} {b}");
        }
        // Characters, not bytes, beyond ASCII; long strings take the heap path.
        assert!((jaro_winkler("مهدی", "مهدي") - jaro_winkler("abcd", "abcx")).abs() < 1e-12);
        let long_a = "ab".repeat(100);
        let long_b = "ab".repeat(99) + "ba";
        assert!(jaro_winkler(&long_a, &long_b) > 0.99);
        assert!(jaro_winkler(&"é".repeat(70), &"é".repeat(70)) == 1.0);
        // The bit-parallel path agrees with the general one.
        let words = ["martha", "marhta", "dwayne", "duane", "dixon", "dicksonx", "a", "ab", "ba", "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0a", "jones", "johnson", "crate", "trace"];
        for a in words {
            for b in words {
                let general = jaro_winkler_of(a.as_bytes(), b.as_bytes());
                assert!((jaro_winkler(a, b) - general).abs() < 1e-12, "{a} {b}");
            }
        }
    }
}
