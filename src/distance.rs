//! Edit distances used by suggestions (and later by matching).

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
}
