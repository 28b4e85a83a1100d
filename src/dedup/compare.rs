//! Comparison levels per field: how alike two standardized records are, one small integer per
//! comparison (0 = different, higher = more alike, [`NULL`] = a side is missing).

use super::prepare::{slot, Store};
use super::FastMap;
use crate::distance::{jaro_winkler, osa_within};

/// A side is missing: the comparison says nothing.
pub const NULL: u8 = u8::MAX;

/// One comparison: its name (the field in explanations), the slot it reads, its level names
/// (index 0 is "different", the last is "equal") and whether the equal level gets a
/// term-frequency adjustment (a rare shared value counts more than a common one).
#[derive(Debug)]
pub struct Comparison {
    pub name: &'static str,
    pub slot: usize,
    pub levels: &'static [&'static str],
    pub tf: bool,
}

pub const GIVEN: usize = 0;
pub const SURNAME: usize = 1;

/// Every comparison, in explanation order.
pub static COMPARISONS: [Comparison; 14] = [
    Comparison { name: "given_name", slot: slot::GIVEN, levels: &["different", "initial", "close", "transposed", "nickname", "similar", "equal"], tf: true },
    Comparison { name: "surname", slot: slot::SURNAME, levels: &["different", "close", "transposed", "similar", "equal"], tf: true },
    Comparison { name: "email", slot: slot::EMAIL, levels: &["different", "close", "same_user", "equal"], tf: false },
    Comparison { name: "phone", slot: slot::PHONE, levels: &["different", "close", "equal"], tf: false },
    Comparison { name: "birth_date", slot: slot::BIRTH, levels: &["different", "close", "typo_or_swap", "equal"], tf: false },
    Comparison { name: "street", slot: slot::STREET, levels: &["different", "close", "similar", "equal"], tf: true },
    Comparison { name: "street_number", slot: slot::NUMBER, levels: &["different", "close", "equal"], tf: false },
    Comparison { name: "address2", slot: slot::ADDRESS2, levels: &["different", "similar", "equal"], tf: true },
    Comparison { name: "city", slot: slot::CITY, levels: &["different", "similar", "equal"], tf: true },
    Comparison { name: "postcode", slot: slot::POSTCODE, levels: &["different", "close", "equal"], tf: true },
    Comparison { name: "state", slot: slot::STATE, levels: &["different", "equal"], tf: false },
    Comparison { name: "country", slot: slot::COUNTRY, levels: &["different", "equal"], tf: false },
    Comparison { name: "national_id", slot: slot::NATIONAL_ID, levels: &["different", "close", "equal"], tf: false },
    Comparison { name: "company", slot: slot::COMPANY, levels: &["different", "similar", "equal"], tf: true },
];

pub const N: usize = COMPARISONS.len();

/// The names of one record as the name comparisons read them.
#[derive(Clone, Copy, Debug)]
pub struct Names<'s> {
    pub given: &'s str,
    pub surname: &'s str,
    /// Nickname groups of the given name, space-separated.
    pub nicknames: &'s str,
}

impl<'s> Names<'s> {
    pub fn of(store: &'s Store, r: usize) -> Names<'s> {
        Names { given: store.get(r, slot::GIVEN), surname: store.get(r, slot::SURNAME), nicknames: store.get(r, slot::NICKNAMES) }
    }
}

/// The levels of every comparison for records `a` and `b` (of possibly different stores).
pub fn levels(sa: &Store, a: usize, sb: &Store, b: usize) -> [u8; N] {
    let (na, nb) = (Names::of(sa, a), Names::of(sb, b));
    let mut out = [NULL; N];
    out[GIVEN] = name_level(GIVEN, &na, &nb, na.given == nb.given);
    out[SURNAME] = name_level(SURNAME, &na, &nb, na.surname == nb.surname);
    for (c, cmp) in COMPARISONS.iter().enumerate().skip(2) {
        let (x, y) = (sa.get(a, cmp.slot), sb.get(b, cmp.slot));
        if !x.is_empty() && !y.is_empty() {
            out[c] = if x == y { top(c) } else { value_level(c, x, y) };
        }
    }
    out
}

/// The "equal" level of comparison `c`.
#[inline]
fn top(c: usize) -> u8 {
    (COMPARISONS[c].levels.len() - 1) as u8
}

/// The level of the given name (`c` = [`GIVEN`]) or the surname ([`SURNAME`]); `same`: the two
/// values are equal (read only when both are present).
pub fn name_level(c: usize, a: &Names, b: &Names, same: bool) -> u8 {
    let (x, y) = if c == GIVEN { (a.given, b.given) } else { (a.surname, b.surname) };
    if x.is_empty() || y.is_empty() {
        // First and last names written in each other's place still compare.
        return transposed_only(c, a, b);
    }
    if same {
        return top(c);
    }
    let jw = jaro_winkler(x, y);
    if c == GIVEN {
        if jw >= 0.92 {
            5
        } else if same_group(a.nicknames, b.nicknames) {
            4
        } else if swapped(a, b) {
            3
        } else if jw >= 0.8 {
            2
        } else if initial_of(x, y) || initial_of(y, x) {
            1
        } else {
            0
        }
    } else if jw >= 0.92 {
        3
    } else if swapped(a, b) {
        2
    } else {
        u8::from(jw >= 0.8)
    }
}

fn transposed_only(c: usize, a: &Names, b: &Names) -> u8 {
    let (this_a, other_a, this_b, other_b) = if c == GIVEN { (a.given, a.surname, b.given, b.surname) } else { (a.surname, a.given, b.surname, b.given) };
    if !this_a.is_empty() && this_a == other_b && other_a == this_b {
        return COMPARISONS[c].levels.iter().position(|l| *l == "transposed").unwrap_or(0) as u8;
    }
    NULL
}

fn similar(x: &str, y: &str, at_least: f64) -> bool {
    jaro_winkler(x, y) >= at_least
}

/// The level of comparison `c` (not a name) for two present, different values.
pub fn value_level(c: usize, x: &str, y: &str) -> u8 {
    match c {
        2 => {
            if same_user(x.as_bytes(), y.as_bytes()) >= 3 {
                2
            } else if osa_within(x.as_bytes(), y.as_bytes(), 2).is_some() {
                1
            } else {
                0
            }
        }
        3 => {
            let same_tail = tail(x).is_some() && tail(x) == tail(y);
            u8::from(same_tail || osa_within(x.as_bytes(), y.as_bytes(), 1).is_some())
        }
        4 => {
            let (bx, by) = (x.as_bytes(), y.as_bytes());
            let swap = bx.len() == 8 && by.len() == 8 && bx[..4] == by[..4] && bx[4..6] == by[6..8] && bx[6..8] == by[4..6];
            if swap || osa_within(bx, by, 1).is_some() {
                2
            } else if osa_within(bx, by, 2).is_some() {
                1
            } else {
                0
            }
        }
        5 => {
            let jw = jaro_winkler(x, y);
            if jw >= 0.94 || squeezed_equal(x, y) {
                2
            } else if jw >= 0.85 {
                1
            } else {
                0
            }
        }
        6 | 9 | 12 => u8::from(osa_within(x.as_bytes(), y.as_bytes(), 1).is_some()),
        7 | 8 | 13 => u8::from(similar(x, y, 0.88)),
        _ => 0,
    }
}

/// One column of a batch: each record's value of one slot as an id (0 when missing), the
/// distinct values back to back in id order, and how many records hold each.
#[derive(Clone, Debug, Default)]
pub struct Column {
    pub ids: Vec<u32>,
    text: String,
    /// `ends[id]` ends value `id`; `ends[0]` is 0.
    ends: Vec<u32>,
    /// Records holding each id (index 0 unused).
    pub counts: Vec<u32>,
}

impl Column {
    fn new<'s>(store: &'s Store, slot: usize, map: &mut FastMap<&'s str, u32>) -> Column {
        let n = store.len();
        let mut col = Column { ids: vec![0; n], text: String::new(), ends: vec![0], counts: vec![0] };
        map.clear();
        for r in 0..n {
            let v = store.get(r, slot);
            if v.is_empty() {
                continue;
            }
            let next = col.ends.len() as u32;
            let id = *map.entry(v).or_insert(next);
            if id == next {
                col.text.push_str(v);
                col.ends.push(col.text.len() as u32);
                col.counts.push(0);
            }
            col.counts[id as usize] += 1;
            col.ids[r] = id;
        }
        col
    }

    /// The value of `id` ("" for 0 or out of range).
    #[inline]
    pub fn value(&self, id: u32) -> &str {
        let id = id as usize;
        if id == 0 || id >= self.ends.len() {
            return "";
        }
        self.text.get(self.ends[id - 1] as usize..self.ends[id] as usize).unwrap_or("")
    }

    /// Distinct values (ids 1 to `len() - 1`).
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.len() <= 1
    }
}

/// A batch's compared values, one [`Column`] per comparison (plus the nickname groups), so equal
/// values are found by comparing two ids, per-value work (term frequencies) is done once per
/// distinct value, and comparing pairs one comparison at a time reads one compact column.
#[derive(Clone, Debug, Default)]
pub struct Interned {
    pub cols: Vec<Column>,
    nicknames: Column,
}

impl Interned {
    pub fn new(store: &Store) -> Interned {
        let mut map = FastMap::default();
        let cols = COMPARISONS.iter().map(|c| Column::new(store, c.slot, &mut map)).collect();
        let nicknames = Column::new(store, slot::NICKNAMES, &mut map);
        Interned { cols, nicknames }
    }

    /// Record `r`'s value id for comparison `c`.
    #[inline]
    pub fn id(&self, r: usize, c: usize) -> u32 {
        self.cols[c].ids[r]
    }

    fn names(&self, r: usize) -> Names<'_> {
        let (g, s) = (&self.cols[GIVEN], &self.cols[SURNAME]);
        Names { given: g.value(g.ids[r]), surname: s.value(s.ids[r]), nicknames: self.nicknames.value(self.nicknames.ids[r]) }
    }

    /// The level of comparison `c` for records `a` and `b` (as [`levels`] finds it).
    #[inline]
    pub fn level(&self, c: usize, a: usize, b: usize) -> u8 {
        let col = &self.cols[c];
        let (x, y) = (col.ids[a], col.ids[b]);
        if c <= SURNAME {
            // Equal present names are "equal" whatever the other fields say (as `name_level`).
            if x == y && x != 0 {
                return top(c);
            }
            return name_level(c, &self.names(a), &self.names(b), x == y);
        }
        if x == 0 || y == 0 {
            NULL
        } else if x == y {
            top(c)
        } else {
            value_level(c, col.value(x), col.value(y))
        }
    }

    /// Every comparison's level for records `a` and `b`.
    pub fn levels(&self, a: usize, b: usize) -> [u8; N] {
        let mut out = [NULL; N];
        for (c, l) in out.iter_mut().enumerate() {
            *l = self.level(c, a, b);
        }
        out
    }

    /// The levels of candidate pairs (`(a << 32) | b`), packed four bits per comparison (NULL as
    /// 15), found one comparison at a time.
    pub fn packed_levels(&self, pairs: &[u64], progress: &mut dyn FnMut(usize, usize)) -> Vec<u64> {
        let mut packed = vec![0u64; pairs.len()];
        for c in 0..N {
            progress(c, N);
            if c > SURNAME && self.cols[c].is_empty() {
                for k in packed.iter_mut() {
                    *k |= 15 << (4 * c);
                }
                continue;
            }
            for (k, &p) in packed.iter_mut().zip(pairs) {
                let l = self.level(c, (p >> 32) as usize, (p & 0xFFFF_FFFF) as usize);
                *k |= u64::from(l.min(15)) << (4 * c);
            }
        }
        packed
    }
}

/// Two space-separated lists of nickname groups share one.
fn same_group(x: &str, y: &str) -> bool {
    !x.is_empty() && !y.is_empty() && (x == y || x.split(' ').any(|g| y.split(' ').any(|h| g == h)))
}

/// The length of the part before the first '@' (the whole string without one) when `x` and `y`
/// have the same such part, else 0. Walks both only as far as they agree, where splitting each at
/// its '@' first would scan both whole: most compared emails differ in their first bytes.
fn same_user(x: &[u8], y: &[u8]) -> usize {
    let i = x.iter().zip(y).take_while(|(a, b)| a == b && **a != b'@').count();
    let ends_user = |s: &[u8]| s.get(i).is_none_or(|&c| c == b'@');
    if ends_user(x) && ends_user(y) {
        i
    } else {
        0
    }
}

fn tail(s: &str) -> Option<&str> {
    s.get(s.len().saturating_sub(7)..).filter(|t| t.len() == 7)
}

/// `a`'s given name is `b`'s surname and the other way round (each equal or very close).
fn swapped(a: &Names, b: &Names) -> bool {
    let (ga, sua, gb, sub) = (a.given, a.surname, b.given, b.surname);
    let close = |x: &str, y: &str| x == y || (x.as_bytes().first() == y.as_bytes().first() && similar(x, y, 0.92));
    !ga.is_empty() && !sua.is_empty() && close(ga, sub) && close(sua, gb)
}

/// `x` is one letter and `y` starts with it.
fn initial_of(x: &str, y: &str) -> bool {
    let mut cs = x.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if y.starts_with(c))
}

/// Equal once spaces are ignored ("2703w right radial" and "2703 wright radial").
fn squeezed_equal(x: &str, y: &str) -> bool {
    x.chars().filter(|c| *c != ' ').eq(y.chars().filter(|c| *c != ' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_user_agrees_with_splitting_at_the_at_sign() {
        let mut rand = crate::test_rand::xorshift(0x5eed_0e0a);
        let alphabet = b"ab@.";
        let word = |rand: &mut dyn FnMut(usize) -> usize| -> String { (0..rand(9)).map(|_| alphabet[rand(alphabet.len())] as char).collect() };
        for _ in 0..20_000 {
            let (x, y) = (word(&mut rand), word(&mut rand));
            let (ux, uy) = (x.split('@').next().unwrap_or(""), y.split('@').next().unwrap_or(""));
            let expected = if ux == uy { ux.len() } else { 0 };
            assert_eq!(same_user(x.as_bytes(), y.as_bytes()), expected, "{x:?} {y:?}");
        }
        assert_eq!(same_user(b"bob.smith@gmail.com", b"bob.smith@gmial.com"), 9);
        assert_eq!(same_user(b"bob@x.org", b"bobby@x.org"), 0);
    }
}
