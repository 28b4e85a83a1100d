//! Compiled metadata patterns, cached by their text. A pattern is compiled the first time a number
//! needs it, so start-up does no work and a form that only sees Iranian numbers never compiles
//! another country's patterns.

use super::pattern::Pattern;
use std::cell::RefCell;

thread_local! {
    // Keyed by the pattern's address and length: every pattern is a `&'static str` slice of the
    // metadata table, so equal keys are the same text. An open-addressing hash table (linear
    // probing, at most half full, doubled as needed): one or two probes per lookup, where a
    // binary search over the thousands of compiled patterns took a tenth of the validation time.
    // Compiled patterns live as long as the program (the metadata bounds how many there can be).
    static CACHE: RefCell<Cache> = const { RefCell::new(Cache { slots: Vec::new(), used: 0 }) };
}

type Slot = Option<((usize, usize), &'static Option<Pattern>)>;

struct Cache {
    slots: Vec<Slot>,
    used: usize,
}

impl Cache {
    /// The slot holding `key`, or the empty slot where it goes (the table is never full).
    fn find(&self, key: (usize, usize)) -> usize {
        let mask = self.slots.len().wrapping_sub(1);
        let h = (key.0 as u64 ^ (key.1 as u64) << 40).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut i = (h >> 32) as usize & mask;
        while let Some(Some((k, _))) = self.slots.get(i) {
            if *k == key {
                break;
            }
            i = (i + 1) & mask;
        }
        i
    }
}

fn compiled(pattern: &'static str) -> &'static Option<Pattern> {
    let key = (pattern.as_ptr() as usize, pattern.len());
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if (c.used + 1) * 2 > c.slots.len() {
            let len = (c.slots.len() * 2).max(256);
            let old = std::mem::replace(&mut c.slots, vec![None; len]);
            for (k, v) in old.into_iter().flatten() {
                let i = c.find(k);
                if let Some(slot) = c.slots.get_mut(i) {
                    *slot = Some((k, v));
                }
            }
        }
        let i = c.find(key);
        if let Some(Some((_, p))) = c.slots.get(i) {
            return *p;
        }
        // A pattern the engine cannot compile matches nothing (the metadata tests compile all).
        let p: &'static Option<Pattern> = Box::leak(Box::new(Pattern::metadata(pattern)));
        if let Some(slot) = c.slots.get_mut(i) {
            *slot = Some((key, p));
            c.used += 1;
        }
        p
    })
}

/// A pattern of plain digits (most international and national prefixes: `00`, `011`, `0`): its
/// matches are string comparisons, with no compiled program and no cache lookup.
fn literal(pattern: &str) -> bool {
    !pattern.is_empty() && pattern.bytes().all(|b| b.is_ascii_digit())
}

pub fn full_match(pattern: &'static str, text: &str) -> bool {
    if literal(pattern) {
        return pattern == text;
    }
    compiled(pattern).as_ref().is_some_and(|p| p.full_match(text.as_bytes()))
}

/// Whether some prefix of `text` matches (`match_start(..).is_some()`, answered faster).
pub fn matches_prefix(pattern: &'static str, text: &str) -> bool {
    if literal(pattern) {
        return text.starts_with(pattern);
    }
    compiled(pattern).as_ref().is_some_and(|p| p.matches_prefix(text.as_bytes()))
}

/// Length of the match at the start of `text` (Python `re.match`).
pub fn match_start(pattern: &'static str, text: &str) -> Option<usize> {
    if literal(pattern) {
        return text.starts_with(pattern).then_some(pattern.len());
    }
    compiled(pattern).as_ref()?.match_start(text.as_bytes())
}

pub fn captures_start(pattern: &'static str, text: &str) -> Option<Vec<Option<(usize, usize)>>> {
    if literal(pattern) {
        return text.starts_with(pattern).then(|| vec![Some((0, pattern.len()))]);
    }
    compiled(pattern).as_ref()?.captures_start(text.as_bytes())
}

/// Whether some continuation of `text` matches; for format patterns and their leading digits,
/// which have no anchors (see [`Pattern::can_extend_anchor_free`]).
pub fn can_extend(pattern: &'static str, text: &str) -> bool {
    compiled(pattern).as_ref().is_some_and(|p| p.can_extend_anchor_free(text.as_bytes()))
}
