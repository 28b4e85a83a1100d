//! Comparison levels per field: how alike two standardized records are, one small integer per
//! comparison (0 = different, higher = more alike, [`NULL`] = a side is missing).

use super::prepare::{slot, Store};
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

/// The levels of every comparison for records `a` and `b` (of possibly different stores).
pub fn levels(sa: &Store, a: usize, sb: &Store, b: usize) -> [u8; N] {
    let mut out = [NULL; N];
    for (c, cmp) in COMPARISONS.iter().enumerate() {
        let (x, y) = (sa.get(a, cmp.slot), sb.get(b, cmp.slot));
        if x.is_empty() || y.is_empty() {
            // First and last names written in each other's place still compare.
            if c <= SURNAME {
                out[c] = transposed_only(sa, a, sb, b, c);
            }
            continue;
        }
        out[c] = level(c, x, y, sa, a, sb, b);
    }
    out
}

fn transposed_only(sa: &Store, a: usize, sb: &Store, b: usize, c: usize) -> u8 {
    let other = if c == GIVEN { slot::SURNAME } else { slot::GIVEN };
    let this = COMPARISONS[c].slot;
    let (x, y) = (sa.get(a, this), sb.get(b, other));
    if !x.is_empty() && x == y && sa.get(a, other) == sb.get(b, this) {
        return COMPARISONS[c].levels.iter().position(|l| *l == "transposed").unwrap_or(0) as u8;
    }
    NULL
}

fn similar(x: &str, y: &str, at_least: f64) -> bool {
    jaro_winkler(x, y) >= at_least
}

fn level(c: usize, x: &str, y: &str, sa: &Store, a: usize, sb: &Store, b: usize) -> u8 {
    if x == y {
        return (COMPARISONS[c].levels.len() - 1) as u8;
    }
    match c {
        0 => {
            let jw = jaro_winkler(x, y);
            if jw >= 0.92 {
                5
            } else if same_group(sa.get(a, slot::NICKNAMES), sb.get(b, slot::NICKNAMES)) {
                4
            } else if swapped(sa, a, sb, b) {
                3
            } else if jw >= 0.8 {
                2
            } else if initial_of(x, y) || initial_of(y, x) {
                1
            } else {
                0
            }
        }
        1 => {
            let jw = jaro_winkler(x, y);
            if jw >= 0.92 {
                3
            } else if swapped(sa, a, sb, b) {
                2
            } else if jw >= 0.8 {
                1
            } else {
                0
            }
        }
        2 => {
            let (ux, uy) = (x.split('@').next().unwrap_or(""), y.split('@').next().unwrap_or(""));
            if ux == uy && ux.len() >= 3 {
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

/// Two space-separated lists of nickname groups share one.
fn same_group(x: &str, y: &str) -> bool {
    !x.is_empty() && x.split(' ').any(|g| y.split(' ').any(|h| g == h))
}

fn tail(s: &str) -> Option<&str> {
    s.get(s.len().saturating_sub(7)..).filter(|t| t.len() == 7)
}

/// `a`'s given name is `b`'s surname and the other way round (each equal or very close).
fn swapped(sa: &Store, a: usize, sb: &Store, b: usize) -> bool {
    let (ga, sua, gb, sub) = (sa.get(a, slot::GIVEN), sa.get(a, slot::SURNAME), sb.get(b, slot::GIVEN), sb.get(b, slot::SURNAME));
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
