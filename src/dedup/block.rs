//! Blocking: each record gets a few keys (email, phone, name sounds, birth date, address,
//! national id, company); only records sharing a key are compared. Blocks larger than a cap are
//! not compared all-to-all but sorted by name and compared within a sliding window, so one
//! common key cannot make the work quadratic.

use super::hash_str;
use super::prepare::{slot, Store};

/// Blocking key kinds, the top byte of a key.
pub const KINDS: [&str; 11] = ["email", "phone", "name", "birth_date", "postcode_number", "street_number", "national_id", "company", "name_city", "postcode_street", "given_postcode"];

fn key(kind: u8, parts: &[&str]) -> u64 {
    let mut h = 0u64;
    for p in parts {
        h = h.rotate_left(17) ^ hash_str(p);
    }
    (h & 0x00FF_FFFF_FFFF_FFFF) | (u64::from(kind) << 56)
}

fn first_char(s: &str) -> &str {
    s.char_indices().nth(1).map_or(s, |(i, _)| &s[..i])
}

/// The blocking keys of record `r`, appended to `out`.
pub fn keys(store: &Store, r: usize, out: &mut Vec<u64>) {
    let g = store.get(r, slot::GIVEN);
    let s = store.get(r, slot::SURNAME);
    let email = store.get(r, slot::EMAIL);
    if email.len() > 3 {
        out.push(key(0, &[email]));
    }
    let phone = store.get(r, slot::PHONE);
    if phone.len() >= 6 {
        out.push(key(1, &[phone]));
    }
    let (pg, ps) = (store.get(r, slot::SOUND_GIVEN), store.get(r, slot::SOUND_SURNAME));
    if !s.is_empty() && !g.is_empty() {
        // Both orders, so first and last names written in each other's place still meet.
        out.push(key(2, &[ps, first_char(g)]));
        // Both sounds in sorted order: first and last names written in each other's place meet.
        let (x, y) = if pg <= ps { (pg, ps) } else { (ps, pg) };
        out.push(key(2, &[x, y, "~"]));
    }
    let birth = store.get(r, slot::BIRTH);
    if birth.len() >= 6 {
        if !s.is_empty() {
            out.push(key(3, &[birth, first_char(s)]));
        }
        if !g.is_empty() {
            out.push(key(3, &[birth, first_char(g)]));
        }
    }
    let (post, num, street) = (store.get(r, slot::POSTCODE), store.get(r, slot::NUMBER), store.get(r, slot::STREET));
    if !post.is_empty() && !num.is_empty() {
        out.push(key(4, &[post, num]));
    }
    if !street.is_empty() && !num.is_empty() {
        // The city's initial keeps common street names of different towns apart.
        out.push(key(5, &[street, num, first_char(store.get(r, slot::CITY))]));
    }
    if !post.is_empty() && !street.is_empty() {
        let prefix = street.char_indices().nth(3).map_or(street, |(i, _)| &street[..i]);
        out.push(key(9, &[post, prefix]));
    }
    if !post.is_empty() && !pg.is_empty() {
        out.push(key(10, &[pg, post]));
    }
    let id = store.get(r, slot::NATIONAL_ID);
    if id.len() >= 3 {
        out.push(key(6, &[id]));
    }
    let company = store.get(r, slot::COMPANY);
    if !company.is_empty() {
        let d = store.get(r, slot::DOMAIN);
        out.push(key(7, &[company, if d.is_empty() { first_char(s) } else { d }]));
    }
    let city = store.get(r, slot::CITY);
    if !city.is_empty() && (!pg.is_empty() || !ps.is_empty()) {
        out.push(key(8, &[pg, ps, city]));
    }
}

/// How blocks are turned into pairs.
#[derive(Clone, Copy, Debug)]
pub struct BlockOptions {
    /// Blocks up to this size are compared all-to-all.
    pub max_block: usize,
    /// Larger blocks: each record against the next `window` in name order.
    pub window: usize,
    /// Compare only records of different sources (linking two files).
    pub link: bool,
}

impl Default for BlockOptions {
    fn default() -> Self {
        BlockOptions { max_block: 32, window: 5, link: false }
    }
}

/// What blocking produced.
#[derive(Clone, Debug, Default)]
pub struct Candidates {
    /// Pairs `(a << 32) | b` with a < b, sorted, each once.
    pub pairs: Vec<u64>,
    /// Pairs produced by each key kind before de-duplication.
    pub per_kind: [u64; KINDS.len()],
    /// Blocks that were over the cap and windowed.
    pub windowed_blocks: u64,
}

/// Candidate pairs of a whole store.
pub fn candidates(store: &Store, opts: &BlockOptions, progress: &mut dyn FnMut(usize, usize)) -> Candidates {
    let n = store.len();
    let mut entries: Vec<(u64, u32)> = Vec::with_capacity(n * 8);
    let mut buf = Vec::new();
    for r in 0..n {
        buf.clear();
        keys(store, r, &mut buf);
        buf.sort_unstable();
        buf.dedup();
        entries.extend(buf.iter().map(|&k| (k, r as u32)));
        if r % 65536 == 0 {
            progress(r, n);
        }
    }
    entries.sort_unstable();
    let mut out = Candidates::default();
    let mut i = 0;
    let mut sort_buf: Vec<u32> = Vec::new();
    while i < entries.len() {
        let k = entries[i].0;
        let mut j = i + 1;
        while j < entries.len() && entries[j].0 == k {
            j += 1;
        }
        let kind = (k >> 56) as usize;
        let block = &entries[i..j];
        let before = out.pairs.len();
        let (max_block, window) = limits(kind, opts);
        if block.len() <= max_block {
            for x in 0..block.len() {
                for y in x + 1..block.len() {
                    push_pair(store, opts, &mut out.pairs, block[x].1, block[y].1);
                }
            }
        } else {
            out.windowed_blocks += 1;
            sort_buf.clear();
            sort_buf.extend(block.iter().map(|e| e.1));
            sort_buf.sort_by(|&a, &b| {
                let ka = (store.get(a as usize, slot::SURNAME), store.get(a as usize, slot::GIVEN));
                let kb = (store.get(b as usize, slot::SURNAME), store.get(b as usize, slot::GIVEN));
                ka.cmp(&kb).then(a.cmp(&b))
            });
            for x in 0..sort_buf.len() {
                for y in x + 1..(x + 1 + window).min(sort_buf.len()) {
                    push_pair(store, opts, &mut out.pairs, sort_buf[x], sort_buf[y]);
                }
            }
        }
        if let Some(c) = out.per_kind.get_mut(kind) {
            *c += (out.pairs.len() - before) as u64;
        }
        i = j;
    }
    drop(entries);
    out.pairs.sort_unstable();
    out.pairs.dedup();
    out
}

/// The all-to-all cap and the window of blocks of key `kind`. A phone shared by more than a few
/// records is an office switchboard: its records are colleagues, and a duplicate among them sorts
/// next to its twin by name, so each is compared with its next neighbour only. A name sound with
/// an initial is shared by many unrelated people in a large batch: such blocks are windowed
/// sooner and narrower (on contacts_100k these two kinds made 630k of 862k candidate pairs, with
/// 31 true pairs no other key found; see bench/RESULTS.md, session 13).
fn limits(kind: usize, opts: &BlockOptions) -> (usize, usize) {
    match kind {
        1 => (opts.max_block.min(8), 1),
        2 => (opts.max_block.min(16), opts.window.min(3)),
        _ => (opts.max_block, opts.window),
    }
}

fn push_pair(store: &Store, opts: &BlockOptions, pairs: &mut Vec<u64>, a: u32, b: u32) {
    if a == b || (opts.link && store.source(a as usize) == store.source(b as usize)) {
        return;
    }
    let (a, b) = if a < b { (a, b) } else { (b, a) };
    pairs.push((u64::from(a) << 32) | u64::from(b));
}
