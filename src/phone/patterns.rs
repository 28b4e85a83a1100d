//! Compiled metadata patterns, cached by their text. A pattern is compiled the first time a number
//! needs it, so start-up does no work and a form that only sees Iranian numbers never compiles
//! another country's patterns.

use super::pattern::Pattern;
use std::cell::RefCell;

thread_local! {
    // Keyed by the pattern's address and length, sorted: every pattern is a `&'static str` slice
    // of the metadata table, so equal keys are the same text. A binary search over a few hundred
    // entries at most, and much less wasm than a hash map. Compiled patterns live as long as the
    // program (the metadata bounds how many there can be).
    static CACHE: RefCell<Vec<((usize, usize), &'static Option<Pattern>)>> = const { RefCell::new(Vec::new()) };
}

fn compiled(pattern: &'static str) -> &'static Option<Pattern> {
    let key = (pattern.as_ptr() as usize, pattern.len());
    CACHE.with(|c| {
        let at = match c.borrow().binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(found) => return c.borrow()[found].1,
            Err(at) => at,
        };
        // A pattern the engine cannot compile matches nothing (the metadata tests compile all).
        let p: &'static Option<Pattern> = Box::leak(Box::new(Pattern::metadata(pattern)));
        c.borrow_mut().insert(at, (key, p));
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
