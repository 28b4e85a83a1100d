//! A small regular-expression engine for libphonenumber's metadata patterns.
//!
//! Why not the `regex` crate: size (the whole phone feature must fit a few tens of KB of wasm).
//! Why not a backtracking engine: the crate promises linear time on any input.
//!
//! A pattern is parsed to a syntax tree, compiled to a small program, and run by a Pike VM (a
//! Thompson NFA simulation whose threads are kept in priority order and carry capture slots). A
//! match costs O(input length × program size) and never recurses on the input; parsing and
//! compiling recurse on the pattern only, to a bounded depth.
//!
//! # Semantics
//!
//! Python `re`, the project's oracle: leftmost-first ("Perl") alternation, greedy quantifiers
//! unless followed by `?`, capture spans as Python reports them (a group inside a repetition keeps
//! its last iteration). [`Pattern::full_match`] is `re.fullmatch`, [`Pattern::match_start`] is
//! `re.match` (Java's `lookingAt`). Like Python, an optional iteration of a repetition that matched
//! the empty string ends the repetition, so `(a*)*` on `aa` leaves group 1 empty at 2 (a plain Pike
//! VM would report 0..2); see the compiler's `Repeat` case for how that stays stateless.
//!
//! Checked against Python: every pattern of the metadata (phonenumbers 9.0.43) on ~17.7M inputs,
//! and 20,000 random patterns over a small alphabet, for full match, match at start, all group
//! spans and [`Pattern::can_extend_to_match`]; the tests keep a sample.
//!
//! Matching is on bytes: `\d` is `[0-9]`, `.` is any byte but `\n`, a negated class matches any byte
//! outside it (so it may split a multi-byte UTF-8 character; the metadata only ever sees ASCII
//! digits). Patterns must be ASCII.
//!
//! # Syntax
//!
//! Literals (any ASCII other than `\ . ^ $ | ? * + ( ) [`; `{`, `}` and `]` are literal where they
//! cannot mean anything else, as in Python), `\` before any ASCII punctuation, `\d \D`, `\n \t \r
//! \f \v \a`, `.`, classes `[...]` and `[^...]` with ranges and `\d \D` inside, groups `(...)` and
//! `(?:...)`, alternation `|`, quantifiers `? * + {n} {n,} {,m} {n,m}` each optionally lazy (`??`,
//! `*?`, ...), anchors `^ \A` (start), `$` (end, or before a final `\n`, as in Python) and `\Z`
//! (end). Anything else (backreferences, lookaround, flags, named groups, `\w`, `\s`, `\b`,
//! possessive quantifiers) is an error rather than a silent misreading.
//!
//! # Limits
//!
//! Groups nest at most [`MAX_DEPTH`] deep, repetition counts are at most [`MAX_REPEAT`], a pattern
//! has at most [`MAX_GROUPS`] groups, and the compiled program (repetitions are expanded by
//! copying) has at most [`MAX_INSTS`] instructions. Patterns over a limit are rejected with
//! [`PatternError::TooBig`]. The largest metadata pattern is far below all of them.

use std::fmt;

/// Deepest nesting of groups accepted.
pub const MAX_DEPTH: usize = 64;
/// Largest count accepted in `{n}`, `{n,}` and `{n,m}`.
pub const MAX_REPEAT: u32 = 1000;
/// Most capture groups accepted.
pub const MAX_GROUPS: usize = 100;
/// Most instructions in a compiled program.
pub const MAX_INSTS: usize = 10_000;
/// Compile work (syntax-tree nodes visited while expanding repetitions) before giving up; bounds
/// the time spent on patterns like `(?:(?:){1000}){1000}` that expand to nothing.
const MAX_WORK: usize = 200_000;
/// An unset capture slot.
const NONE: usize = usize::MAX;

/// Why a pattern was rejected. `at` is a byte offset into the pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatternError {
    /// Not a valid regular expression (Python would reject it too).
    Syntax { at: usize, reason: &'static str },
    /// Valid syntax this engine does not implement.
    Unsupported { at: usize, reason: &'static str },
    /// Over one of the engine's limits.
    TooBig { reason: &'static str },
}

impl PatternError {
    /// The short reason, without the offset.
    pub fn reason(&self) -> &'static str {
        match self {
            PatternError::Syntax { reason, .. }
            | PatternError::Unsupported { reason, .. }
            | PatternError::TooBig { reason } => reason,
        }
    }
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PatternError::Syntax { at, reason } => write!(f, "{reason} at {at}"),
            PatternError::Unsupported { at, reason } => write!(f, "unsupported: {reason} at {at}"),
            PatternError::TooBig { reason } => write!(f, "pattern too big: {reason}"),
        }
    }
}

impl std::error::Error for PatternError {}

fn syntax<T>(at: usize, reason: &'static str) -> Result<T, PatternError> {
    Err(PatternError::Syntax { at, reason })
}

fn unsupported<T>(at: usize, reason: &'static str) -> Result<T, PatternError> {
    Err(PatternError::Unsupported { at, reason })
}

fn too_big<T>(reason: &'static str) -> Result<T, PatternError> {
    Err(PatternError::TooBig { reason })
}

/// A set of bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
struct ByteSet([u32; 8]);

impl ByteSet {
    const EMPTY: ByteSet = ByteSet([0; 8]);

    fn has(&self, b: u8) -> bool {
        self.0[usize::from(b >> 5)] >> (b & 31) & 1 != 0
    }

    fn add_range(&mut self, lo: u8, hi: u8) {
        for b in lo..=hi {
            self.0[usize::from(b >> 5)] |= 1 << (b & 31);
        }
    }

    fn union(&mut self, other: &ByteSet) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
    }

    fn negate(&mut self) {
        for a in &mut self.0 {
            *a = !*a;
        }
    }

    fn one(b: u8) -> ByteSet {
        let mut s = ByteSet::EMPTY;
        s.add_range(b, b);
        s
    }

    fn digits(negated: bool) -> ByteSet {
        let mut s = ByteSet::EMPTY;
        s.add_range(b'0', b'9');
        if negated {
            s.negate();
        }
        s
    }

    /// The byte, if the set holds exactly one.
    fn single(&self) -> Option<u8> {
        let mut found = None;
        for w in 0..8u8 {
            let word = self.0[usize::from(w)];
            if word != 0 {
                if found.is_some() || word.count_ones() != 1 {
                    return None;
                }
                found = Some(w * 32 + word.trailing_zeros() as u8);
            }
        }
        found
    }

    fn is_empty(&self) -> bool {
        self.0 == [0; 8]
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Look {
    /// `^`, `\A`.
    Start,
    /// `\Z`.
    End,
    /// `$`: at the end, or before a `\n` that ends the input.
    EndLine,
}

enum Node {
    Empty,
    Set(ByteSet),
    Look(Look),
    Capture(Box<Node>, u32),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    /// `guard`: the repeated node can match the empty string.
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
        guard: bool,
    },
}

impl Node {
    /// Whether the node can match the empty string.
    fn nullable(&self) -> bool {
        match self {
            Node::Empty | Node::Look(_) => true,
            Node::Set(_) => false,
            Node::Capture(n, _) => n.nullable(),
            Node::Concat(v) => v.iter().all(Node::nullable),
            Node::Alt(v) => v.iter().any(Node::nullable),
            Node::Repeat { node, min, .. } => *min == 0 || node.nullable(),
        }
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
    groups: u32,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek();
        if c.is_some() {
            self.i += 1;
        }
        c
    }

    fn alt(&mut self) -> Result<Node, PatternError> {
        let mut alts = vec![self.concat()?];
        while self.peek() == Some(b'|') {
            self.i += 1;
            alts.push(self.concat()?);
        }
        Ok(if alts.len() == 1 { alts.pop().unwrap_or(Node::Empty) } else { Node::Alt(alts) })
    }

    fn concat(&mut self) -> Result<Node, PatternError> {
        let mut items = Vec::new();
        while !matches!(self.peek(), None | Some(b'|' | b')')) {
            let at = self.i;
            let atom = self.atom()?;
            let Some((min, max)) = self.quantifier()? else {
                items.push(atom);
                continue;
            };
            // Python refuses a bare anchor here, but repeats a group holding one.
            if matches!(atom, Node::Look(_)) && self.s.get(at) != Some(&b'(') {
                return syntax(at, "nothing to repeat");
            }
            let greedy = self.peek() != Some(b'?');
            if !greedy {
                self.i += 1;
            }
            let q = self.i;
            if self.quantifier()?.is_some() {
                return if greedy && self.s.get(q) == Some(&b'+') {
                    unsupported(q, "possessive quantifier")
                } else {
                    syntax(q, "multiple repeat")
                };
            }
            let guard = atom.nullable();
            items.push(Node::Repeat { node: Box::new(atom), min, max, greedy, guard });
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    /// A quantifier at the cursor, consumed: `(min, max)`, `None` for no upper bound.
    fn quantifier(&mut self) -> Result<Option<(u32, Option<u32>)>, PatternError> {
        let q = match self.peek() {
            Some(b'?') => (0, Some(1)),
            Some(b'*') => (0, None),
            Some(b'+') => (1, None),
            Some(b'{') => return self.braces(),
            _ => return Ok(None),
        };
        self.i += 1;
        Ok(Some(q))
    }

    /// `{n}`, `{n,}`, `{,m}`, `{n,m}`, `{,}`; anything else leaves the cursor on a literal `{`.
    fn braces(&mut self) -> Result<Option<(u32, Option<u32>)>, PatternError> {
        let start = self.i;
        let mut j = start + 1;
        let number = |j: &mut usize| -> Option<u32> {
            let from = *j;
            let mut n: u32 = 0;
            while let Some(d) = self.s.get(*j).filter(|c| c.is_ascii_digit()) {
                n = n.saturating_mul(10).saturating_add(u32::from(d - b'0'));
                *j += 1;
            }
            (*j > from).then_some(n)
        };
        let min = number(&mut j);
        let (max, comma) = if self.s.get(j) == Some(&b',') {
            j += 1;
            (number(&mut j), true)
        } else {
            (min, false)
        };
        if self.s.get(j) != Some(&b'}') || (min.is_none() && !comma) {
            return Ok(None);
        }
        self.i = j + 1;
        let min = min.unwrap_or(0);
        if min > MAX_REPEAT || max.is_some_and(|m| m > MAX_REPEAT) {
            return too_big("repetition count over 1000");
        }
        if max.is_some_and(|m| m < min) {
            return syntax(start, "min repeat greater than max repeat");
        }
        Ok(Some((min, max)))
    }

    fn atom(&mut self) -> Result<Node, PatternError> {
        let at = self.i;
        let Some(c) = self.next() else { return syntax(at, "unexpected end") };
        Ok(match c {
            b'(' => return self.group(at),
            b'[' => Node::Set(self.class(at)?),
            b'.' => {
                let mut s = ByteSet::one(b'\n');
                s.negate();
                Node::Set(s)
            }
            b'^' => Node::Look(Look::Start),
            b'$' => Node::Look(Look::EndLine),
            b'\\' => match self.escape(at, false)? {
                Escaped::Set(s) => Node::Set(s),
                Escaped::Look(l) => Node::Look(l),
            },
            b'?' | b'*' | b'+' => return syntax(at, "nothing to repeat"),
            b'{' => {
                self.i = at;
                if self.braces()?.is_some() {
                    return syntax(at, "nothing to repeat");
                }
                self.i = at + 1;
                Node::Set(ByteSet::one(b'{'))
            }
            c if c.is_ascii() => Node::Set(ByteSet::one(c)),
            _ => return unsupported(at, "non-ASCII pattern"),
        })
    }

    fn group(&mut self, at: usize) -> Result<Node, PatternError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return too_big("groups nested over 64 deep");
        }
        let index = if self.peek() == Some(b'?') {
            if self.s.get(self.i + 1) != Some(&b':') {
                return unsupported(at, "group extension other than (?:");
            }
            self.i += 2;
            None
        } else {
            self.groups += 1;
            if self.groups as usize > MAX_GROUPS {
                return too_big("over 100 groups");
            }
            Some(self.groups)
        };
        let inner = self.alt()?;
        if self.next() != Some(b')') {
            return syntax(at, "missing ), unterminated subpattern");
        }
        self.depth -= 1;
        Ok(match index {
            Some(g) => Node::Capture(Box::new(inner), g),
            None => inner,
        })
    }

    fn class(&mut self, at: usize) -> Result<ByteSet, PatternError> {
        let negated = self.peek() == Some(b'^');
        if negated {
            self.i += 1;
        }
        let mut set = ByteSet::EMPTY;
        let mut first = true;
        loop {
            let item_at = self.i;
            let Some(c) = self.next() else { return syntax(at, "unterminated character set") };
            if c == b']' && !first {
                break;
            }
            first = false;
            let lo = self.class_item(c, item_at)?;
            if self.peek() == Some(b'-') && !matches!(self.s.get(self.i + 1), None | Some(b']')) {
                self.i += 1;
                let hi_at = self.i;
                let hi = match self.next() {
                    Some(h) => self.class_item(h, hi_at)?,
                    None => return syntax(at, "unterminated character set"),
                };
                match (lo.single(), hi.single()) {
                    (Some(l), Some(h)) if l <= h => set.add_range(l, h),
                    _ => return syntax(item_at, "bad character range"),
                }
            } else {
                set.union(&lo);
            }
        }
        if negated {
            set.negate();
        }
        Ok(set)
    }

    /// One member of a class: a byte (a one-byte set) or `\d`, `\D`.
    fn class_item(&mut self, c: u8, at: usize) -> Result<ByteSet, PatternError> {
        match c {
            b'\\' => match self.escape(at, true)? {
                Escaped::Set(s) => Ok(s),
                Escaped::Look(_) => syntax(at, "bad escape"),
            },
            c if c.is_ascii() => Ok(ByteSet::one(c)),
            _ => unsupported(at, "non-ASCII pattern"),
        }
    }

    /// The escape after a backslash at `at` (the cursor is past the backslash).
    fn escape(&mut self, at: usize, in_class: bool) -> Result<Escaped, PatternError> {
        let Some(c) = self.next() else { return syntax(at, "bad escape (end of pattern)") };
        let byte = |b: u8| Ok(Escaped::Set(ByteSet::one(b)));
        match c {
            b'd' => Ok(Escaped::Set(ByteSet::digits(false))),
            b'D' => Ok(Escaped::Set(ByteSet::digits(true))),
            b'A' if !in_class => Ok(Escaped::Look(Look::Start)),
            b'Z' if !in_class => Ok(Escaped::Look(Look::End)),
            b'n' => byte(b'\n'),
            b't' => byte(b'\t'),
            b'r' => byte(b'\r'),
            b'f' => byte(0x0c),
            b'v' => byte(0x0b),
            b'a' => byte(0x07),
            c if c.is_ascii_digit() => unsupported(at, "backreference or octal escape"),
            c if c.is_ascii_alphabetic() => unsupported(at, "escape"),
            c if c.is_ascii() => byte(c),
            _ => unsupported(at, "non-ASCII pattern"),
        }
    }
}

enum Escaped {
    Set(ByteSet),
    Look(Look),
}

/// The compiler of [`Pattern::metadata`]: only the syntax libphonenumber's metadata uses (ASCII
/// digits, `\d`, digit classes and ranges, `(?:...)`, `(...)`, `|`, greedy `? * + {n} {n,} {n,m}`,
/// `$`), read and compiled in one pass with no syntax tree and no error detail: None for anything
/// else (and for a repeated part that can match nothing, which [`Compiler`] handles and the
/// metadata never has). It emits exactly the program [`Parser`] + [`Compiler`] build (a test
/// checks every metadata pattern), in a fraction of their wasm. A repetition compiles its part
/// again from the text for each copy, as the compiler copies the tree node.
struct Direct<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
    groups: u32,
    work: usize,
    prog: Vec<Inst>,
    classes: Vec<ByteSet>,
}

impl Direct<'_> {
    fn eat(&mut self, c: u8) -> bool {
        let hit = self.s.get(self.i) == Some(&c);
        self.i += usize::from(hit);
        hit
    }

    fn here(&self) -> u32 {
        self.prog.len() as u32
    }

    fn emit(&mut self, inst: Inst) -> Option<u32> {
        (self.prog.len() < MAX_INSTS).then(|| self.prog.push(inst))?;
        Some(self.here() - 1)
    }

    fn set(&mut self, at: u32, inst: Inst) {
        if let Some(slot) = self.prog.get_mut(at as usize) {
            *slot = inst;
        }
    }

    /// Where the part starting at `i` ends, and the capture groups it opens: `(...)` to its
    /// closing parenthesis, `[...]`, `\d`, or one byte.
    fn skip(&self, mut i: usize) -> (usize, u32) {
        let (mut depth, mut groups) = (0usize, 0u32);
        loop {
            match self.s.get(i) {
                Some(b'(') => {
                    depth += 1;
                    groups += u32::from(self.s.get(i + 1) != Some(&b'?'));
                }
                Some(b')') => depth = depth.saturating_sub(1),
                Some(b'[') => {
                    while self.s.get(i).is_some_and(|&c| c != b']') {
                        i += 1;
                    }
                }
                Some(b'\\') => i += 1,
                _ => {}
            }
            i += 1;
            if depth == 0 || i >= self.s.len() {
                return (i, groups);
            }
        }
    }

    /// Whether a `|` of this level follows before its end (a `)` of this level or the end).
    fn alternation_follows(&self) -> bool {
        let mut i = self.i;
        while let Some(&c) = self.s.get(i) {
            match c {
                b'|' => return true,
                b')' => return false,
                _ => i = self.skip(i).0,
            }
        }
        false
    }

    fn alt(&mut self) -> Option<()> {
        let mut jumps = Vec::new();
        loop {
            let split = if self.alternation_follows() { Some(self.emit(Inst::Split(0, 0))?) } else { None };
            self.concat()?;
            let Some(split) = split else { break };
            jumps.push(self.emit(Inst::Jmp(0))?);
            self.eat(b'|').then_some(())?;
            self.set(split, Inst::Split(split + 1, self.here()));
        }
        let end = self.here();
        for j in jumps {
            self.set(j, Inst::Jmp(end));
        }
        Some(())
    }

    fn number(&mut self) -> Option<u32> {
        let from = self.i;
        let mut n: u32 = 0;
        while let Some(d) = self.s.get(self.i).filter(|c| c.is_ascii_digit()) {
            n = n.checked_mul(10)?.checked_add(u32::from(d - b'0'))?;
            self.i += 1;
        }
        (self.i > from && n <= MAX_REPEAT).then_some(n)
    }

    fn concat(&mut self) -> Option<()> {
        while let Some(&c) = self.s.get(self.i).filter(|&&c| c != b'|' && c != b')') {
            let (start, groups) = (self.i, self.groups);
            let (end, inner) = self.skip(start);
            self.i = end;
            let (min, max) = match self.s.get(self.i) {
                Some(b'?') => (0, Some(1)),
                Some(b'*') => (0, None),
                Some(b'+') => (1, None),
                Some(b'{') => {
                    self.i += 1;
                    let min = self.number()?;
                    let max = if !self.eat(b',') {
                        Some(min)
                    } else if self.s.get(self.i) == Some(&b'}') {
                        None
                    } else {
                        Some(self.number()?)
                    };
                    if self.s.get(self.i) != Some(&b'}') || max.is_some_and(|m| m < min) {
                        return None;
                    }
                    (min, max)
                }
                _ => {
                    self.i = start;
                    self.atom()?;
                    continue;
                }
            };
            self.i += 1;
            let after = self.i;
            if c == b'$' || matches!(self.s.get(after), Some(b'?' | b'*' | b'+' | b'{')) {
                return None;
            }
            // The part once for each required copy, then once per optional copy behind a split
            // that leaves the repetition (and, unbounded, jumps back to that split).
            let copy = |d: &mut Self| {
                d.i = start;
                d.groups = groups;
                d.atom()
            };
            for _ in 0..min {
                copy(self)?;
            }
            let optional = max.map_or(1, |m| m - min);
            let mut exits = Vec::new();
            for _ in 0..optional {
                let split = self.emit(Inst::Split(0, 0))?;
                let body = self.here();
                copy(self)?;
                if (max.is_none() || optional > 1) && self.crosses_empty(body) {
                    return None;
                }
                if max.is_none() {
                    self.emit(Inst::Jmp(split))?;
                }
                exits.push((split, body));
            }
            let end = self.here();
            for (split, body) in exits {
                self.set(split, Inst::Split(body, end));
            }
            self.i = after;
            self.groups = groups + inner;
        }
        Some(())
    }

    /// Whether the code from `from` to the end can be crossed without consuming a byte.
    fn crosses_empty(&self, from: u32) -> bool {
        empty_reach(&self.prog, &[from], true).get(self.prog.len()).copied().unwrap_or(false)
    }

    fn atom(&mut self) -> Option<()> {
        self.work += 1;
        let c = *self.s.get(self.i).filter(|_| self.work <= MAX_WORK)?;
        self.i += 1;
        let set = match c {
            b'(' => {
                self.depth += 1;
                let group = if self.eat(b'?') {
                    self.eat(b':').then_some(None)?
                } else {
                    self.groups += 1;
                    Some(self.groups)
                };
                if self.depth > MAX_DEPTH || self.groups as usize > MAX_GROUPS {
                    return None;
                }
                if let Some(g) = group {
                    self.emit(Inst::Save(g * 2))?;
                }
                self.alt()?;
                self.eat(b')').then_some(())?;
                if let Some(g) = group {
                    self.emit(Inst::Save(g * 2 + 1))?;
                }
                self.depth -= 1;
                return Some(());
            }
            b'$' => return self.emit(Inst::Look(Look::EndLine)).map(drop),
            b'[' => {
                let negated = self.eat(b'^');
                let mut set = ByteSet::EMPTY;
                while !self.eat(b']') {
                    let lo = self.digit()?;
                    if self.eat(b'-') {
                        let hi = self.digit()?;
                        if lo > hi {
                            return None;
                        }
                        set.add_range(lo, hi);
                    } else {
                        set.add_range(lo, lo);
                    }
                }
                if negated {
                    set.negate();
                }
                set
            }
            b'\\' if self.eat(b'd') => ByteSet::digits(false),
            b'0'..=b'9' => ByteSet::one(c),
            _ => return None,
        };
        if set.is_empty() {
            return None;
        }
        let next = self.here() + 1;
        let inst = match set.single() {
            Some(b) => Inst::Byte(b, next),
            None => {
                let k = self.classes.iter().position(|c| *c == set).unwrap_or(self.classes.len());
                if k == self.classes.len() {
                    self.classes.push(set);
                }
                Inst::Class(k as u32, next)
            }
        };
        self.emit(inst).map(drop)
    }

    /// A digit inside a class (`\d` inside a class is not metadata syntax).
    fn digit(&mut self) -> Option<u8> {
        let c = *self.s.get(self.i).filter(|c| c.is_ascii_digit())?;
        self.i += 1;
        Some(c)
    }
}

/// Which instructions of `prog` are reachable from `from` without consuming a byte (the last
/// entry: the position just past the program). Anchors are passed through when `looks` (the DFA
/// stops at them: they are part of its states).
#[inline(never)]
fn empty_reach(prog: &[Inst], from: &[u32], looks: bool) -> Vec<bool> {
    let mut seen = vec![false; prog.len() + 1];
    let mut stack = from.to_vec();
    while let Some(pc) = stack.pop() {
        match seen.get_mut(pc as usize) {
            Some(s) if !*s => *s = true,
            _ => continue,
        }
        match prog.get(pc as usize) {
            Some(Inst::Jmp(t)) => stack.push(*t),
            Some(Inst::Split(a, b)) => stack.extend([*a, *b]),
            Some(Inst::Save(_)) => stack.push(pc + 1),
            Some(Inst::Look(_)) if looks => stack.push(pc + 1),
            _ => {}
        }
    }
    seen
}

/// One instruction. Instructions without a target continue at the next one.
#[derive(Clone, Copy, Debug)]
enum Inst {
    /// Consume this byte, continue at the target.
    Byte(u8, u32),
    /// Consume a byte of class n (an index into [`Pattern::classes`]), continue at the target.
    Class(u32, u32),
    /// Try the first target, then the second.
    Split(u32, u32),
    Jmp(u32),
    /// Store the position in slot n (group n/2, start if n is even).
    Save(u32),
    Look(Look),
    Match,
}

/// A compiled pattern.
#[derive(Clone)]
pub struct Pattern {
    prog: Vec<Inst>,
    classes: Vec<ByteSet>,
    groups: usize,
    /// Deterministic automaton over the digits, built state by state as inputs need it. It
    /// answers the yes/no questions (full match, some prefix matches) that are most of the calls;
    /// capture positions and priorities stay with the Pike VM.
    dfa: std::cell::RefCell<Dfa>,
}

/// A state of [`Dfa`]: the consuming instructions (and end anchors) the NFA can be at, after
/// following every empty path. `next` caches the target state per digit (`UNKNOWN` until first
/// needed).
#[derive(Clone)]
struct DState {
    pcs: Vec<u32>,
    accepts: bool,
    /// A match ends here if this is the end of the input (`accepts`, or past an end anchor).
    accepts_at_end: bool,
    next: [u32; 10],
}

#[derive(Clone)]
struct Dfa {
    states: Vec<DState>,
    /// State keys (sorted) and their states: a binary search, no hash map (whose code costs more
    /// wasm than this; states are made once per pattern and input shape).
    index: Vec<(Vec<u32>, u32)>,
    /// The program has instructions a digit automaton cannot express (a start anchor): use the VM.
    unsupported: bool,
    /// The state with no instruction left and no match (`UNKNOWN` until reached): inputs stop there.
    dead: u32,
}

impl Default for Dfa {
    fn default() -> Dfa {
        Dfa { states: Vec::new(), index: Vec::new(), unsupported: false, dead: UNKNOWN }
    }
}

const UNKNOWN: u32 = u32::MAX;
/// Beyond this many states the automaton stops growing and the VM answers (memory stays bounded).
const MAX_DFA_STATES: usize = 2048;

/// Which question a DFA run answers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ask {
    Full,
    Prefix,
    /// Some continuation of the input matches, for programs without anchors (see
    /// [`Pattern::can_extend_anchor_free`]).
    Extend,
}

impl Dfa {
    /// The state for `(pcs, accepts)`, added if new; None past the state cap.
    fn add(&mut self, (pcs, accepts, accepts_at_end): (Vec<u32>, bool, bool)) -> Option<u32> {
        // A state is its instructions and whether it accepts (the same instructions can be
        // reached with or without an empty path to Match); `accepts_at_end` follows from them.
        let mut key = pcs.clone();
        key.push(if accepts { u32::MAX } else { u32::MAX - 1 });
        let at = match self.index.binary_search_by(|(k, _)| k.as_slice().cmp(&key)) {
            Ok(found) => return self.index.get(found).map(|(_, i)| *i),
            Err(at) => at,
        };
        if self.states.len() >= MAX_DFA_STATES {
            return None;
        }
        let i = self.states.len() as u32;
        if pcs.is_empty() && !accepts {
            self.dead = i;
        }
        self.index.insert(at, (key, i));
        self.states.push(DState { pcs, accepts, accepts_at_end, next: [UNKNOWN; 10] });
        Some(i)
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pattern").field("insts", &self.prog.len()).field("groups", &self.groups).finish()
    }
}

struct Compiler {
    prog: Vec<Inst>,
    classes: Vec<ByteSet>,
    work: usize,
}

impl Compiler {
    fn emit(&mut self, inst: Inst) -> Result<u32, PatternError> {
        if self.prog.len() >= MAX_INSTS {
            return too_big("over 10000 instructions");
        }
        self.prog.push(inst);
        Ok(self.prog.len() as u32 - 1)
    }

    fn here(&self) -> u32 {
        self.prog.len() as u32
    }

    fn patch(&mut self, at: u32, target: u32) {
        if let Some(Inst::Split(_, b) | Inst::Jmp(b)) = self.prog.get_mut(at as usize) {
            *b = target;
        }
    }

    fn node(&mut self, node: &Node) -> Result<(), PatternError> {
        self.work += 1;
        if self.work > MAX_WORK {
            return too_big("repetitions expand too far");
        }
        match node {
            Node::Empty => {}
            Node::Set(s) => {
                let inst = match s.single() {
                    Some(b) => Inst::Byte(b, self.here() + 1),
                    None => {
                        let i = match self.classes.iter().position(|c| c == s) {
                            Some(i) => i,
                            None => {
                                self.classes.push(*s);
                                self.classes.len() - 1
                            }
                        };
                        Inst::Class(i as u32, self.here() + 1)
                    }
                };
                self.emit(inst)?;
            }
            Node::Look(l) => {
                self.emit(Inst::Look(*l))?;
            }
            Node::Capture(n, g) => {
                self.emit(Inst::Save(g * 2))?;
                self.node(n)?;
                self.emit(Inst::Save(g * 2 + 1))?;
            }
            Node::Concat(v) => {
                for n in v {
                    self.node(n)?;
                }
            }
            Node::Alt(v) => {
                let mut ends = Vec::new();
                for (k, n) in v.iter().enumerate() {
                    let split = if k + 1 < v.len() { Some(self.emit(Inst::Split(0, 0))?) } else { None };
                    if let Some(s) = split {
                        if let Some(Inst::Split(a, _)) = self.prog.get_mut(s as usize) {
                            *a = s + 1;
                        }
                    }
                    self.node(n)?;
                    if let Some(s) = split {
                        ends.push(self.emit(Inst::Jmp(0))?);
                        let next = self.here();
                        self.patch(s, next);
                    }
                }
                let end = self.here();
                for j in ends {
                    self.patch(j, end);
                }
            }
            &Node::Repeat { ref node, min, max, greedy, guard } => {
                for _ in 0..min {
                    self.node(node)?;
                }
                // Python ends a repetition after an optional iteration that matched nothing. So
                // when the node can match nothing and what follows an iteration depends on that,
                // the iteration is compiled twice: a "fresh" copy, entered first, where nothing
                // has been consumed yet and whose end leaves the repetition, and a "consumed" copy
                // that every consuming instruction of the fresh one continues into, whose end goes
                // on repeating. The VM then needs no per-thread state for it.
                let optional = max.map_or(1, |m| m - min);
                let mut exits = Vec::new();
                for k in 0..optional {
                    let split = self.emit(Inst::Split(0, 0))?;
                    exits.push(split);
                    let body = self.here();
                    self.node(node)?;
                    let last = max.is_some() && k + 1 == optional;
                    if guard && !last {
                        let body_end = self.here();
                        let jmp = self.emit(Inst::Jmp(split))?;
                        let fresh = self.dup(body, body_end)?;
                        if max.is_some() {
                            exits.push(self.emit(Inst::Jmp(0))?);
                            let next = self.here();
                            self.patch(jmp, next);
                        }
                        self.patch(split, fresh);
                    } else {
                        if max.is_none() {
                            self.emit(Inst::Jmp(split))?;
                        }
                        self.patch(split, body);
                    }
                }
                let end = self.here();
                for e in exits {
                    match self.prog.get_mut(e as usize) {
                        Some(Inst::Split(a, b)) => {
                            // `patch` put the entry in the second target.
                            *a = *b;
                            *b = end;
                            if !greedy {
                                std::mem::swap(a, b);
                            }
                        }
                        Some(Inst::Jmp(t)) => *t = end,
                        _ => {}
                    }
                }
            }
        }
        Ok(())
    }

    /// Appends a copy of the instructions `from..to` that keeps its consuming instructions'
    /// targets (so a consumption in the copy continues in the original) and moves its other
    /// targets inside `from..=to` along with it. Returns where the copy starts.
    fn dup(&mut self, from: u32, to: u32) -> Result<u32, PatternError> {
        let start = self.here();
        let shift = start - from;
        let moved = |t: u32| if (from..=to).contains(&t) { t + shift } else { t };
        self.work += (to - from) as usize;
        if self.work > MAX_WORK {
            return too_big("repetitions expand too far");
        }
        for pc in from..to {
            let inst = match self.prog.get(pc as usize) {
                Some(Inst::Split(a, b)) => Inst::Split(moved(*a), moved(*b)),
                Some(Inst::Jmp(t)) => Inst::Jmp(moved(*t)),
                Some(i) => *i,
                None => return too_big("internal: bad copy"),
            };
            self.emit(inst)?;
        }
        Ok(start)
    }
}

impl Pattern {
    /// Parses and compiles `pattern`.
    pub fn new(pattern: &str) -> Result<Pattern, PatternError> {
        let mut p = Parser { s: pattern.as_bytes(), i: 0, depth: 0, groups: 0 };
        let ast = p.alt()?;
        if p.i < p.s.len() {
            return syntax(p.i, "unbalanced parenthesis");
        }
        Pattern::compile(&ast, p.groups)
    }

    /// Compiles a pattern of libphonenumber's metadata in one pass (see [`Direct`]); None for
    /// syntax outside it. The same program as [`Pattern::new`].
    pub fn metadata(pattern: &str) -> Option<Pattern> {
        let mut d = Direct { s: pattern.as_bytes(), i: 0, depth: 0, groups: 0, work: 0, prog: Vec::new(), classes: Vec::new() };
        d.emit(Inst::Save(0))?;
        d.alt()?;
        if d.i < d.s.len() {
            return None;
        }
        d.emit(Inst::Save(1))?;
        d.emit(Inst::Match)?;
        let dfa = std::cell::RefCell::new(Dfa { unsupported: d.prog.iter().any(|i| matches!(i, Inst::Look(Look::Start))), ..Dfa::default() });
        Some(Pattern { prog: d.prog, classes: d.classes, groups: d.groups as usize, dfa })
    }

    fn compile(ast: &Node, groups: u32) -> Result<Pattern, PatternError> {
        let mut c = Compiler { prog: Vec::new(), classes: Vec::new(), work: 0 };
        c.emit(Inst::Save(0))?;
        c.node(ast)?;
        c.emit(Inst::Save(1))?;
        c.emit(Inst::Match)?;
        let unsupported = c.prog.iter().any(|i| matches!(i, Inst::Look(Look::Start)));
        let dfa = std::cell::RefCell::new(Dfa { unsupported, ..Dfa::default() });
        Ok(Pattern { prog: c.prog, classes: c.classes, groups: groups as usize, dfa })
    }

    /// Number of capture groups (not counting group 0, the whole match).
    pub fn group_count(&self) -> usize {
        self.groups
    }

    /// Python `re.fullmatch`: whether the pattern matches all of `input`.
    pub fn full_match(&self, input: &[u8]) -> bool {
        self.dfa_answer(input, Ask::Full).unwrap_or_else(|| self.exec(input, true, false).is_some())
    }

    /// Whether some prefix of `input` (possibly empty) matches: `match_start(input).is_some()`.
    pub fn matches_prefix(&self, input: &[u8]) -> bool {
        self.dfa_answer(input, Ask::Prefix).unwrap_or_else(|| self.exec(input, false, false).is_some())
    }

    /// The DFA's answer, or None when it cannot give one (a non-digit input, a start anchor in
    /// the program, the state cap reached, or the automaton in use further up the stack). End
    /// anchors (`$` in national prefixes such as `([2-9]\d{6})$|1`) are states that match only at
    /// the end: inputs here are digits, so `$` never meets a final newline.
    fn dfa_answer(&self, input: &[u8], ask: Ask) -> Option<bool> {
        let mut dfa = self.dfa.try_borrow_mut().ok()?;
        if dfa.unsupported {
            return None;
        }
        if dfa.states.is_empty() {
            let start = self.closure(&[0]);
            dfa.add(start)?;
        }
        let mut state = 0u32;
        for &b in input {
            let st = dfa.states.get(state as usize)?;
            if ask == Ask::Prefix && st.accepts {
                return Some(true);
            }
            // A byte other than a digit: the VM answers (a prefix match found before it stands).
            let digit = usize::from(b.wrapping_sub(b'0'));
            let mut next = *st.next.get(digit)?;
            if next == UNKNOWN {
                let targets: Vec<u32> = st.pcs.iter().filter_map(|&pc| self.step(pc, b)).collect();
                let set = self.closure(&targets);
                next = dfa.add(set)?;
                dfa.states.get_mut(state as usize)?.next[digit] = next;
            }
            state = next;
            if state == dfa.dead {
                return Some(false);
            }
        }
        let st = dfa.states.get(state as usize)?;
        Some(st.accepts_at_end || (ask == Ask::Extend && !st.pcs.is_empty()))
    }

    /// Builds every state the automaton can reach on digits; their number, or None past the cap
    /// (where the VM would answer instead).
    #[cfg(test)]
    pub(crate) fn dfa_states_on_all_inputs(&self) -> Option<usize> {
        self.dfa_answer(b"", Ask::Full)?;
        let mut dfa = self.dfa.borrow_mut();
        let mut i = 0;
        while let Some(pcs) = dfa.states.get(i).map(|s| s.pcs.clone()) {
            for d in 0..10u8 {
                let targets: Vec<u32> = pcs.iter().filter_map(|&pc| self.step(pc, b'0' + d)).collect();
                let next = dfa.add(self.closure(&targets))?;
                dfa.states[i].next[usize::from(d)] = next;
            }
            i += 1;
        }
        Some(i)
    }

    /// Where the consuming instruction at `pc` goes on `b`, if it takes it.
    fn step(&self, pc: u32, b: u8) -> Option<u32> {
        match self.prog.get(pc as usize) {
            Some(&Inst::Byte(c, t)) if c == b => Some(t),
            Some(&Inst::Class(k, t)) if self.has(k, b) => Some(t),
            _ => None,
        }
    }

    /// [`Pattern::can_extend_to_match`] for a pattern without anchors and without empty classes
    /// (every format pattern and leading-digits pattern of the metadata; a test checks that, and
    /// that both answers agree on them). In such a program every instruction the NFA can be at
    /// leads on to `Match`, so some continuation matches exactly when, after the input, a thread
    /// is alive or the match is complete. The digit DFA answers; stepping the NFA's closures
    /// answers when it cannot (non-digit input, state cap).
    pub fn can_extend_anchor_free(&self, input: &[u8]) -> bool {
        if let Some(answer) = self.dfa_answer(input, Ask::Extend) {
            return answer;
        }
        let (mut pcs, mut accepts, _) = self.closure(&[0]);
        for &b in input {
            let targets: Vec<u32> = pcs.iter().filter_map(|&pc| self.step(pc, b)).collect();
            (pcs, accepts, _) = self.closure(&targets);
        }
        accepts || !pcs.is_empty()
    }

    /// The consuming instructions and end anchors reachable from `from` by empty paths, sorted
    /// (the identity of a DFA state); whether `Match` is; and whether it is at the end of the
    /// input, where the anchors are passed.
    fn closure(&self, from: &[u32]) -> (Vec<u32>, bool, bool) {
        let seen = empty_reach(&self.prog, from, false);
        let (mut pcs, mut accepts, mut past_anchors) = (Vec::new(), false, Vec::new());
        // Sorted by collecting in program order (no sort routine in the wasm).
        for (pc, inst) in (0u32..).zip(&self.prog).filter(|&(pc, _)| seen.get(pc as usize) == Some(&true)) {
            match inst {
                Inst::Match => accepts = true,
                Inst::Byte(..) | Inst::Class(..) => pcs.push(pc),
                Inst::Look(_) => {
                    pcs.push(pc);
                    past_anchors.push(pc + 1);
                }
                _ => {}
            }
        }
        let accepts_at_end = accepts
            || (!past_anchors.is_empty()
                && self.prog.iter().zip(empty_reach(&self.prog, &past_anchors, true)).any(|(i, s)| s && matches!(i, Inst::Match)));
        (pcs, accepts, accepts_at_end)
    }

    /// Python `re.match`: length of the leftmost-first match starting at 0, if any.
    pub fn match_start(&self, input: &[u8]) -> Option<usize> {
        self.exec_if_any(input, false, false).map(|(end, _)| end)
    }

    /// Capture spans (group 0 = whole match) with [`Pattern::full_match`] semantics.
    pub fn captures_full(&self, input: &[u8]) -> Option<Vec<Option<(usize, usize)>>> {
        self.exec_if_any(input, true, true).map(|(_, slots)| self.spans(&slots))
    }

    /// Capture spans (group 0 = whole match) with [`Pattern::match_start`] semantics.
    pub fn captures_start(&self, input: &[u8]) -> Option<Vec<Option<(usize, usize)>>> {
        self.exec_if_any(input, false, true).map(|(_, slots)| self.spans(&slots))
    }

    /// [`Pattern::exec`], unless the automaton tells more cheaply that nothing matches: most
    /// numbers do not start with the national prefix or the IDD their region's pattern describes.
    fn exec_if_any(&self, input: &[u8], full: bool, caps: bool) -> Option<(usize, Vec<usize>)> {
        if self.dfa_answer(input, if full { Ask::Full } else { Ask::Prefix }) == Some(false) {
            return None;
        }
        self.exec(input, full, caps)
    }

    fn spans(&self, slots: &[usize]) -> Vec<Option<(usize, usize)>> {
        slots
            .chunks(2)
            .map(|c| match c {
                &[s, e] if s != NONE && e != NONE => Some((s, e)),
                _ => None,
            })
            .collect()
    }

    /// Whether `input` is a prefix of some byte string the pattern fully matches (as-you-type: can
    /// the digits typed so far still become a match?).
    pub fn can_extend_to_match(&self, input: &[u8]) -> bool {
        if self.full_match(input) {
            return true;
        }
        // From here the input is followed by at least one more byte, so no position inside it is
        // the end (nor before a final newline). Run the plain NFA over it, ignoring priorities;
        // an empty-iteration exit may go either way (it changes which match is reported, never
        // which strings match).
        let n = self.prog.len();
        let mut set = SparseSet::new(n);
        let mut starts: Vec<u32> = vec![0];
        let mut stack: Vec<u32> = Vec::new();
        for (i, &b) in input.iter().enumerate() {
            set.clear();
            stack.append(&mut starts);
            while let Some(pc) = stack.pop() {
                if !set.insert(pc) {
                    continue;
                }
                match self.prog.get(pc as usize) {
                    Some(Inst::Jmp(t)) => stack.push(*t),
                    Some(Inst::Split(a, b)) => stack.extend([*b, *a]),
                    Some(Inst::Save(_)) => stack.push(pc + 1),
                    Some(Inst::Look(Look::Start)) if i == 0 => stack.push(pc + 1),
                    Some(&Inst::Byte(c, t)) if c == b => starts.push(t),
                    Some(&Inst::Class(k, t)) if self.has(k, b) => starts.push(t),
                    _ => {}
                }
            }
            if starts.is_empty() {
                return false;
            }
        }
        // Search on from there over any bytes. A state is (pc, what is known of the rest: 0 =
        // nothing, 1 = exactly "\n", 2 = nothing; + 3 if still at position 0).
        let at_start = if input.is_empty() { 3 } else { 0 };
        let mut seen = vec![false; n * 6];
        let mut work: Vec<(u32, u8)> = starts.iter().map(|&pc| (pc, at_start)).collect();
        while let Some((pc, m)) = work.pop() {
            match seen.get_mut(pc as usize * 6 + usize::from(m)) {
                Some(s) if !*s => *s = true,
                _ => continue,
            }
            let (rest, start) = (m % 3, m - m % 3);
            match self.prog.get(pc as usize) {
                Some(Inst::Match) if rest != 1 => return true,
                Some(Inst::Jmp(t)) => work.push((*t, m)),
                Some(Inst::Split(a, b)) => work.extend([(*a, m), (*b, m)]),
                Some(Inst::Save(_)) => work.push((pc + 1, m)),
                Some(Inst::Look(Look::Start)) if start == 3 => work.push((pc + 1, m)),
                Some(Inst::Look(Look::End)) if rest != 1 => work.push((pc + 1, start + 2)),
                Some(Inst::Look(Look::EndLine)) if rest == 0 => work.extend([(pc + 1, start + 1), (pc + 1, start + 2)]),
                Some(Inst::Look(Look::EndLine)) => work.push((pc + 1, m)),
                Some(&Inst::Byte(c, t)) if rest == 0 || (rest == 1 && c == b'\n') => work.push((t, rest * 2)),
                Some(&Inst::Class(k, t)) => {
                    let any = self.classes.get(k as usize).is_some_and(|s| !s.is_empty());
                    if rest == 0 && any {
                        work.push((t, 0));
                    } else if rest == 1 && self.has(k, b'\n') {
                        work.push((t, 2));
                    }
                }
                _ => {}
            }
        }
        false
    }

    fn has(&self, class: u32, b: u8) -> bool {
        self.classes.get(class as usize).is_some_and(|s| s.has(b))
    }

    fn look(l: Look, input: &[u8], pos: usize) -> bool {
        match l {
            Look::Start => pos == 0,
            Look::End => pos == input.len(),
            Look::EndLine => pos == input.len() || (pos + 1 == input.len() && input.get(pos) == Some(&b'\n')),
        }
    }

    /// The Pike VM. Returns the end of the winning match and its slots (when `caps`, two per
    /// group). `full`: a match must end at the end of the input.
    fn exec(&self, input: &[u8], full: bool, caps: bool) -> Option<(usize, Vec<usize>)> {
        // The thread lists are reused from call to call (they only grow): a match allocates
        // nothing once warm, which is most of the cost for the short inputs matched here.
        thread_local! {
            static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
        }
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut s) => self.exec_with(input, full, caps, &mut s),
            // Re-entered (cannot happen today): fall back to fresh lists.
            Err(_) => self.exec_with(input, full, caps, &mut Scratch::default()),
        })
    }

    fn exec_with(&self, input: &[u8], full: bool, caps: bool, scratch: &mut Scratch) -> Option<(usize, Vec<usize>)> {
        let n = self.prog.len();
        let nslots = if caps { 2 * (self.groups + 1) } else { 0 };
        let Scratch { clist, nlist, stack, cur } = scratch;
        clist.reset(n, nslots);
        nlist.reset(n, nslots);
        stack.clear();
        cur.clear();
        cur.resize(nslots, NONE);
        let mut vm = Vm { pattern: self, input, stack, cur };
        vm.add(clist, 0, 0);
        let mut best = None;
        let mut pos = 0;
        loop {
            let byte = input.get(pos).copied();
            for i in 0..clist.set.len {
                let Some(&pc) = clist.set.dense.get(i) else { break };
                let next = match self.prog.get(pc as usize) {
                    Some(Inst::Match) => {
                        if full && pos != input.len() {
                            continue;
                        }
                        // Lower-priority threads are cut; higher ones (already in nlist) go on.
                        best = Some((pos, clist.slots(pc).to_vec()));
                        break;
                    }
                    Some(&Inst::Byte(c, t)) if byte == Some(c) => t,
                    Some(&Inst::Class(k, t)) if byte.is_some_and(|b| self.has(k, b)) => t,
                    _ => continue,
                };
                copy(vm.cur, clist.slots(pc));
                vm.add(nlist, next, pos + 1);
            }
            if nlist.set.len == 0 || pos >= input.len() {
                break;
            }
            std::mem::swap(clist, nlist);
            nlist.set.clear();
            pos += 1;
        }
        best
    }
}

fn copy(dst: &mut [usize], src: &[usize]) {
    for (d, s) in dst.iter_mut().zip(src) {
        *d = *s;
    }
}

struct SparseSet {
    dense: Vec<u32>,
    sparse: Vec<u32>,
    len: usize,
}

impl SparseSet {
    fn new(n: usize) -> SparseSet {
        SparseSet { dense: vec![0; n], sparse: vec![0; n], len: 0 }
    }

    /// Adds `pc`; false if it was already there (or is out of range).
    fn insert(&mut self, pc: u32) -> bool {
        let Some(&i) = self.sparse.get(pc as usize) else { return false };
        if (i as usize) < self.len && self.dense.get(i as usize) == Some(&pc) {
            return false;
        }
        match (self.dense.get_mut(self.len), self.sparse.get_mut(pc as usize)) {
            (Some(d), Some(s)) => {
                *d = pc;
                *s = self.len as u32;
                self.len += 1;
                true
            }
            _ => false,
        }
    }

    fn clear(&mut self) {
        self.len = 0;
    }
}

/// Threads of one step, in priority order, with their slots (`nslots` per instruction).
struct Threads {
    set: SparseSet,
    slots: Vec<usize>,
    nslots: usize,
}

impl Threads {
    fn new(n: usize, nslots: usize) -> Threads {
        Threads { set: SparseSet::new(n), slots: vec![NONE; n * nslots], nslots }
    }

    /// Empties the list and makes room for `n` instructions with `nslots` slots each. A sparse
    /// set needs no clearing beyond its length; slots are written before they are read.
    fn reset(&mut self, n: usize, nslots: usize) {
        self.set.clear();
        if self.set.dense.len() < n {
            self.set.dense.resize(n, 0);
            self.set.sparse.resize(n, 0);
        }
        if self.slots.len() < n * nslots {
            self.slots.resize(n * nslots, NONE);
        }
        self.nslots = nslots;
    }

    fn slots(&self, pc: u32) -> &[usize] {
        let at = pc as usize * self.nslots;
        self.slots.get(at..at + self.nslots).unwrap_or(&[])
    }
}

enum Frame {
    Explore(u32),
    /// Undo a slot write when backing out of the path that made it.
    Restore(usize, usize),
}

struct Vm<'a> {
    pattern: &'a Pattern,
    input: &'a [u8],
    stack: &'a mut Vec<Frame>,
    /// Slots of the thread being followed.
    cur: &'a mut Vec<usize>,
}

/// Buffers one match needs, kept between matches.
struct Scratch {
    clist: Threads,
    nlist: Threads,
    stack: Vec<Frame>,
    cur: Vec<usize>,
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch { clist: Threads::new(0, 0), nlist: Threads::new(0, 0), stack: Vec::new(), cur: Vec::new() }
    }
}

impl Vm<'_> {
    /// Follows every empty-width path from `pc` at `pos` in priority order, adding the threads
    /// that reach a consuming instruction or `Match` (the first to reach an instruction wins).
    fn add(&mut self, threads: &mut Threads, pc: u32, pos: usize) {
        let prog = &self.pattern.prog;
        self.stack.push(Frame::Explore(pc));
        while let Some(frame) = self.stack.pop() {
            let mut pc = match frame {
                Frame::Explore(pc) => pc,
                Frame::Restore(slot, v) => {
                    if let Some(s) = self.cur.get_mut(slot) {
                        *s = v;
                    }
                    continue;
                }
            };
            loop {
                if !threads.set.insert(pc) {
                    break;
                }
                let slot = match prog.get(pc as usize) {
                    Some(Inst::Jmp(t)) => {
                        pc = *t;
                        continue;
                    }
                    Some(Inst::Split(a, b)) => {
                        self.stack.push(Frame::Explore(*b));
                        pc = *a;
                        continue;
                    }
                    Some(Inst::Save(k)) => *k as usize,
                    Some(Inst::Look(l)) => {
                        if !Pattern::look(*l, self.input, pos) {
                            break;
                        }
                        pc += 1;
                        continue;
                    }
                    Some(Inst::Byte(..) | Inst::Class(..) | Inst::Match) => {
                        let at = pc as usize * threads.nslots;
                        if let Some(dst) = threads.slots.get_mut(at..at + threads.nslots) {
                            copy(dst, self.cur);
                        }
                        break;
                    }
                    None => break,
                };
                // A slot write (skipped when the slot is not tracked in this run).
                if let Some(s) = self.cur.get_mut(slot) {
                    self.stack.push(Frame::Restore(slot, *s));
                    *s = pos;
                }
                pc += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The small metadata parser and the full parser compile every pattern the phone code matches
    /// (number descs, leading digits, format patterns, international and national prefixes) to
    /// the same program.
    #[cfg(feature = "phone")]
    #[test]
    fn metadata_parser_builds_the_full_parsers_program() {
        use crate::phone::meta;
        let mut patterns: Vec<&str> = Vec::new();
        let regions = meta::region_ids().filter_map(meta::region).chain(meta::non_geo_country_codes().filter_map(meta::non_geo));
        for r in regions {
            patterns.extend([r.leading_digits, r.international_prefix, r.national_prefix_for_parsing].into_iter().flatten());
            patterns.extend(std::iter::once(&r.general).chain(r.types.iter().flatten()).filter_map(|d| d.pattern));
            for f in r.formats.iter().chain(&r.intl_formats) {
                patterns.push(f.pattern);
                patterns.extend(f.leading_digits);
            }
        }
        assert!(patterns.len() > 3000, "{}", patterns.len());
        // And a few shapes beyond the metadata: groups counted in skipped and repeated parts,
        // empty alternatives, an anchor in an optional group, a part that can match nothing
        // repeated where that does not matter.
        patterns.extend(["(?:1?){2}", "(?:$)?", "1{0}", "(1){0}(2)", "(?:|1)2", "((1)|2)+(3)", "[^0-5]{2,}"]);
        for p in patterns {
            let full = Pattern::new(p).unwrap_or_else(|e| panic!("{p}: {e}"));
            let small = Pattern::metadata(p).unwrap_or_else(|| panic!("{p}: the metadata parser refuses it"));
            assert_eq!(format!("{:?}", small.prog), format!("{:?}", full.prog), "{p}");
            assert!(small.classes == full.classes && small.groups == full.groups, "{p}");
        }
        // Outside its syntax it refuses rather than misreads.
        for p in ["[]", "[\\d]", "(?:1?)*", "(?:1?){1,3}", "(?:1|2|)*3", "a", "\\w", "[a-z]", "\\d??", "\\d{2}{3}", "(?=1)", "(1", "1)", "[1", "\\d{3,2}", "$*", ".", "{1}"] {
            assert!(Pattern::metadata(p).is_none(), "{p}");
        }
    }

    /// On the patterns as-you-type extends (format patterns and their leading digits), which have
    /// no anchors and no empty classes, `can_extend_anchor_free` answers as `can_extend_to_match`,
    /// through the DFA (digit inputs) and through the NFA (inputs with another byte).
    #[cfg(feature = "phone")]
    #[test]
    fn anchor_free_extension_agrees_on_format_patterns() {
        use crate::phone::meta;
        let mut n = 0;
        for r in meta::region_ids().filter_map(meta::region).chain(meta::non_geo_country_codes().filter_map(meta::non_geo)) {
            for f in r.formats.iter().chain(&r.intl_formats) {
                for p in std::iter::once(f.pattern).chain(f.leading_digits) {
                    let pat = Pattern::metadata(p).unwrap();
                    assert!(!pat.prog.iter().any(|i| matches!(i, Inst::Look(_))) && !pat.classes.iter().any(ByteSet::is_empty), "{p}");
                    for len in 0..=12usize {
                        for seed in 0..4usize {
                            let mut input: Vec<u8> = (0..len).map(|i| b'0' + ((i * 7 + seed * 3 + len) % 10) as u8).collect();
                            assert_eq!(pat.can_extend_anchor_free(&input), pat.can_extend_to_match(&input), "{p} {input:?}");
                            if len > 0 && seed == 0 {
                                input[len - 1] = b'a';
                                assert_eq!(pat.can_extend_anchor_free(&input), pat.can_extend_to_match(&input), "{p} {input:?}");
                            }
                        }
                    }
                    n += 1;
                }
            }
        }
        assert!(n > 1000, "{n}");
    }

    /// The digit DFA and the Pike VM agree on every pattern of the metadata for many inputs.
    #[cfg(feature = "phone")]
    #[test]
    fn dfa_agrees_with_the_vm_on_all_metadata_patterns() {
        let mut patterns: Vec<&str> = Vec::new();
        for id in crate::phone::meta::region_ids() {
            let Some(r) = crate::phone::meta::region(id) else { continue };
            patterns.extend(r.general.pattern);
            // National prefixes (some end in `$`) and IDDs, which the VM matches after the DFA.
            patterns.extend(r.national_prefix_for_parsing);
            patterns.extend(r.international_prefix);
            patterns.extend(r.types.iter().flatten().filter_map(|d| d.pattern));
            for f in r.formats.iter().chain(&r.intl_formats) {
                patterns.push(f.pattern);
                patterns.extend(f.leading_digits.iter().copied());
            }
        }
        let mut seed = 0x9e37_79b9_u32;
        let mut rand = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        let mut checked = 0;
        for pat in patterns {
            let p = Pattern::new(pat).expect(pat);
            for _ in 0..40 {
                let len = (rand() % 16) as usize;
                let input: Vec<u8> = (0..len).map(|_| b'0' + (rand() % 10) as u8).collect();
                let vm_full = p.exec(&input, true, false).is_some();
                let vm_prefix = p.exec(&input, false, false).is_some();
                assert_eq!(p.full_match(&input), vm_full, "{pat} {:?}", std::str::from_utf8(&input));
                assert_eq!(p.matches_prefix(&input), vm_prefix, "{pat} {:?}", std::str::from_utf8(&input));
                assert_eq!(p.captures_start(&input), p.exec(&input, false, true).map(|(_, s)| p.spans(&s)), "{pat}");
                checked += 1;
            }
        }
        assert!(checked > 10_000);
    }

    fn p(s: &str) -> Pattern {
        Pattern::new(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn caps(s: &str, input: &str) -> Option<Vec<Option<(usize, usize)>>> {
        p(s).captures_start(input.as_bytes())
    }

    fn full(s: &str, input: &str) -> bool {
        p(s).full_match(input.as_bytes())
    }

    fn start(s: &str, input: &str) -> Option<usize> {
        p(s).match_start(input.as_bytes())
    }

    #[test]
    fn literals_and_classes() {
        assert!(full("123", "123"));
        assert!(!full("123", "1234"));
        assert!(!full("123", "12"));
        assert!(full(r"\d\d", "09"));
        assert!(!full(r"\d", "a"));
        assert!(full(r"\D", "a"));
        assert!(full("[2-9]", "2") && full("[2-9]", "9") && !full("[2-9]", "1"));
        for (d, ok) in [("1", true), ("2", false), ("3", true), ("5", true), ("8", true), ("9", false)] {
            assert_eq!(full("[135-8]", d), ok, "{d}");
        }
        assert!(full("[^0-4]", "5") && !full("[^0-4]", "4") && full("[^0-4]", "\n"));
        assert!(full(r"[\d-]", "-") && full(r"[a\d]", "7"));
        assert!(full("[]a]", "]") && full("[a-]", "-") && full("[-a]", "-"));
        assert!(full("8~10", "8~10"));
        assert!(full(r"\+\(\.", "+(."));
        assert!(full(".", "x") && !full(".", "\n"));
        assert!(full("a{}", "a{}") && full("a{x", "a{x") && full("}]", "}]"));
        assert!(full(r"\n\t", "\n\t"));
    }

    #[test]
    fn groups_and_alternation() {
        assert!(full("(?:1|6\\d)\\d{2}", "123") && full("(?:1|6\\d)\\d{2}", "6123"));
        assert!(!full("(?:1|6\\d)\\d{2}", "61234"));
        assert_eq!(caps(r"(\d{3})(\d{4})", "1234567"), Some(vec![Some((0, 7)), Some((0, 3)), Some((3, 7))]));
        assert_eq!(caps("(a)|(b)", "b"), Some(vec![Some((0, 1)), None, Some((0, 1))]));
        assert_eq!(p("(a)(?:(b)|c)").group_count(), 2);
        assert!(full("a||b", "") && full("|", ""));
        assert!(full("()", "") && full("(?:)", ""));
    }

    #[test]
    fn quantifiers() {
        let q = p(r"\d{2,4}");
        assert_eq!([1, 2, 3, 4, 5].map(|n| q.full_match("1".repeat(n).as_bytes())), [false, true, true, true, false]);
        assert!(full(r"\d{3}", "123") && !full(r"\d{3}", "12"));
        assert!(full(r"\d{2,}", "12345") && !full(r"\d{2,}", "1"));
        assert!(full(r"a{,2}", "") && full(r"a{,2}", "aa") && !full(r"a{,2}", "aaa"));
        assert!(full("a{,}", "aaaa"));
        assert!(full("a?b", "b") && full("a?b", "ab"));
        assert!(full("a*", "") && full("a*", "aaa"));
        assert!(full("a+", "aaa") && !full("a+", ""));
        assert!(full(r"(?:\d{0})", ""));
        assert_eq!(start("a*", "aaab"), Some(3));
        assert_eq!(start("a*?", "aaab"), Some(0));
        assert_eq!(start("a+?", "aaab"), Some(1));
        assert_eq!(start("a??", "a"), Some(0));
        assert_eq!(start("a{2,3}?", "aaaa"), Some(2));
        assert_eq!(start("a{2,}?", "aaaa"), Some(2));
        // Lazy still has to reach the end for a full match.
        assert_eq!(p("(a*?)(a*)").captures_full(b"aa"), Some(vec![Some((0, 2)), Some((0, 0)), Some((0, 2))]));
        assert_eq!(p("(a*?)b").captures_full(b"aab"), Some(vec![Some((0, 3)), Some((0, 2))]));
    }

    #[test]
    fn anchors() {
        assert_eq!(start(r"([2-9]\d{2})$|1", "234"), Some(3));
        assert_eq!(start(r"([2-9]\d{2})$|1", "2345"), None);
        assert_eq!(start(r"([2-9]\d{2})$|1", "1234"), Some(1));
        assert_eq!(caps(r"([2-9]\d{2})$|1", "234"), Some(vec![Some((0, 3)), Some((0, 3))]));
        assert_eq!(caps(r"([2-9]\d{2})$|1", "123"), Some(vec![Some((0, 1)), None]));
        // Python's `$` also matches before a final newline; `\Z` does not.
        assert_eq!(start("a$", "a\n"), Some(1));
        assert_eq!(start(r"a\Z", "a\n"), None);
        assert!(!full("a$", "a\n") && full("a$\n", "a\n"));
        assert_eq!(start("^a", "a"), Some(1));
        assert_eq!(start("b|^a", "a"), Some(1));
        assert_eq!(start(r"a^", "a"), None);
        assert!(full(r"\Aa\Z", "a"));
        // On digits the automaton answers for end anchors itself, and agrees with the VM.
        for (pat, input, full_match, prefix) in [
            (r"([2-9]\d{2})$|1", "234", true, true),
            (r"([2-9]\d{2})$|1", "2345", false, false),
            (r"([2-9]\d{2})$|1", "1234", false, true),
            ("1$2", "12", false, false),
            ("1$(?:2)?", "1", true, true),
            (r"1\Z$", "1", true, true),
            ("12$|1", "123", false, true),
        ] {
            let p = p(pat);
            assert_eq!(p.dfa_answer(input.as_bytes(), Ask::Full), Some(full_match), "{pat} {input}");
            assert_eq!(p.dfa_answer(input.as_bytes(), Ask::Prefix), Some(prefix), "{pat} {input}");
            assert_eq!(p.exec(input.as_bytes(), true, false).is_some(), full_match, "{pat} {input}");
            assert_eq!(p.exec(input.as_bytes(), false, false).is_some(), prefix, "{pat} {input}");
        }
    }

    #[test]
    fn leftmost_first_not_longest() {
        assert_eq!(start("a|ab", "ab"), Some(1));
        assert_eq!(start("ab|a", "ab"), Some(2));
        assert!(full("a|ab", "ab"));
        assert_eq!(caps("(a*)(a*)", "aaa"), Some(vec![Some((0, 3)), Some((0, 3)), Some((3, 3))]));
        assert_eq!(
            caps("(a|ab)(c|bcd)(d*)", "abcd"),
            Some(vec![Some((0, 4)), Some((0, 1)), Some((1, 4)), Some((4, 4))])
        );
        assert_eq!(p("(a|ab)(c|bcd)(d*)").captures_full(b"abcd"), caps("(a|ab)(c|bcd)(d*)", "abcd"));
        assert_eq!(caps("(a?)(ab)?b?", "ab"), Some(vec![Some((0, 2)), Some((0, 1)), None]));
        assert_eq!(p("(a?)(ab)?b").captures_full(b"ab"), Some(vec![Some((0, 2)), Some((0, 1)), None]));
        // The last iteration's capture wins; a group that took no part keeps its older span.
        assert_eq!(caps("(?:(a)|b)*", "ab"), Some(vec![Some((0, 2)), Some((0, 1))]));
        assert_eq!(caps(r"(\d)+", "123"), Some(vec![Some((0, 3)), Some((2, 3))]));
        // libphonenumber's national prefix for parsing (AR), with its transform groups.
        let ar = r"0?(?:(11|2(?:2(?:02?|[13]|2[13-79]))|3(?:3(?:2[79]|6)))?(15))?";
        assert_eq!(caps(ar, "01115"), Some(vec![Some((0, 5)), Some((1, 3)), Some((3, 5))]));
    }

    #[test]
    fn empty_iterations_like_python() {
        assert_eq!(caps("(a*)*", "b"), Some(vec![Some((0, 0)), Some((0, 0))]));
        assert_eq!(caps("(a*)*", "aa"), Some(vec![Some((0, 2)), Some((2, 2))]));
        assert_eq!(caps("(a*)+", "aa"), Some(vec![Some((0, 2)), Some((2, 2))]));
        assert_eq!(caps("(a|)*", "aa"), Some(vec![Some((0, 2)), Some((2, 2))]));
        assert_eq!(caps("(?:)*", ""), Some(vec![Some((0, 0))]));
        assert_eq!(caps(r"(\d?){3}", "12"), Some(vec![Some((0, 2)), Some((2, 2))]));
    }

    #[test]
    fn can_extend() {
        let q = p(r"7\d{3}|80");
        for (s, ok) in [
            ("", true),
            ("7", true),
            ("712", true),
            ("7123", true),
            ("71234", false),
            ("8", true),
            ("80", true),
            ("81", false),
            ("9", false),
        ] {
            assert_eq!(q.can_extend_to_match(s.as_bytes()), ok, "{s:?}");
        }
        assert!(!p("a$b").can_extend_to_match(b""));
        assert!(p("a$\n").can_extend_to_match(b"a"));
        assert!(!p(r"a\Z\n").can_extend_to_match(b"a"));
        assert!(!p("b^a").can_extend_to_match(b""));
        assert!(p("^a").can_extend_to_match(b""));
        assert!(!p("[^\\d\\D]").can_extend_to_match(b""));
        assert!(p("(a*)*b").can_extend_to_match(b"aaa"));
        assert!(!p("").can_extend_to_match(b"a"));
    }

    #[test]
    fn malformed_patterns_are_errors() {
        for bad in [
            "(", ")", "a)", "(?:a", "[", "[]", "[a-", "[z-a]", r"[\d-z]", "*", "a|*", "+a", "?", "a**", "a{2}{3}",
            "a{3,2}", "{2}", "^*", "$?", r"\Z?", "\\", r"\1", r"\w", r"\b", "(?=a)", "(?P<x>a)", "(?i)a", "é", "a*+",
            "a{1001}", r"[\A]",
        ] {
            assert!(Pattern::new(bad).is_err(), "{bad:?} compiled");
        }
        let deep = format!("{}a{}", "(".repeat(65), ")".repeat(65));
        assert_eq!(Pattern::new(&deep).map(|_| ()), too_big("groups nested over 64 deep"));
        assert!(Pattern::new(&format!("{}a{}", "(".repeat(64), ")".repeat(64))).is_ok());
        assert!(matches!(Pattern::new(r"(?:\d{1000}){1000}"), Err(PatternError::TooBig { .. })));
        assert!(matches!(Pattern::new("(?:(?:(?:){1000}){1000}){1000}"), Err(PatternError::TooBig { .. })));
        assert!(matches!(Pattern::new(&"()".repeat(101)), Err(PatternError::TooBig { .. })));
        let e = Pattern::new("a{3,2}").err().map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("min repeat greater than max repeat at 1"));
    }

    /// A sample of the differential check against Python `re` (the full check runs every metadata
    /// pattern on ~17.7M inputs; this keeps a few of each kind: number types, formats with their
    /// groups, leading digits, international prefixes with `~`, national prefixes for parsing with
    /// `$` and optional groups). Spans: `s,e` per group, `_` for a group that took no part, `-` for
    /// no match.
    #[test]
    fn metadata_sample_matches_python() {
        // (pattern, [(input, re.fullmatch spans, re.match spans)]), from Python 3.11 `re`.
        type Case = (&'static str, &'static str, &'static str);
        const CASES: &[(&str, &[Case])] = &[
            (
                r"7(?:457[0-57-9]|700[01]|911[028])\d{5}|7(?:[1-3]\d\d|4(?:[0-46-9]\d|5[0-689])|5(?:0[0-8]|[13-9]\d|2[0-35-9])|7(?:0[1-9]|[1-7]\d|8[02-9]|9[0-689])|8(?:[014-9]\d|[23][0-8])|9(?:[024-9]\d|1[02-9]|3[0-689]))\d{6}",
                &[
                    ("", "-", "-"),
                    ("7365019920", "0,10", "0,10"),
                    ("736701992", "-", "-"),
                    ("7367019920", "0,10", "0,10"),
                    ("73670199205", "-", "0,10"),
                    ("73670619920", "-", "0,10"),
                    ("750503491", "-", "-"),
                    ("750550349", "-", "-"),
                    ("7505503491", "0,10", "0,10"),
                    ("75055034915", "-", "0,10"),
                    ("7505533491", "0,10", "0,10"),
                    ("777730945", "-", "-"),
                    ("777763094", "-", "-"),
                    ("7777630945", "0,10", "0,10"),
                    ("77776309455", "-", "0,10"),
                    ("7778630945", "0,10", "0,10"),
                ],
            ),
            (
                r"1(?:6[023]|7\d)\d{7,8}|15(?:[0-25-9]\d\d|3(?:10|33)|410)\d{6}",
                &[
                    ("", "-", "-"),
                    ("153103697844", "-", "0,11"),
                    ("15310697244", "0,11", "0,11"),
                    ("1531069784", "-", "-"),
                    ("15310697844", "0,11", "0,11"),
                    ("153106978445", "-", "0,11"),
                    ("162807516", "-", "-"),
                    ("1628075165", "0,10", "0,10"),
                    ("16280751655", "0,11", "0,11"),
                    ("174749921", "-", "-"),
                    ("174974921", "-", "-"),
                    ("174974992", "-", "-"),
                    ("1749749921", "0,10", "0,10"),
                    ("17497499215", "0,11", "0,11"),
                ],
            ),
            (
                r"9(?:(?:0[0-5]|[13]\d|2[0-3])\d\d|9(?:[0-46]\d\d|5(?:10|5\d)|8(?:[12]\d|3[0-2]|88)|9(?:[0-359]\d|69|77|8[7-9])))\d{5}",
                &[
                    ("", "-", "-"),
                    ("920630742", "-", "-"),
                    ("922063074", "-", "-"),
                    ("9220630742", "0,10", "0,10"),
                    ("92206307425", "-", "0,10"),
                    ("9220632742", "0,10", "0,10"),
                    ("93983069529", "-", "0,10"),
                    ("998306952", "-", "-"),
                    ("9983069529", "0,10", "0,10"),
                    ("99830695295", "-", "0,10"),
                    ("998369529", "-", "-"),
                    ("99910359259", "-", "0,10"),
                    ("999105925", "-", "-"),
                    ("9991059259", "0,10", "0,10"),
                    ("99910592595", "-", "0,10"),
                ],
            ),
            (
                r"(\d{3})(\d{3})(\d{4})",
                &[
                    ("", "-", "-"),
                    ("57899753374", "-", "0,10;0,3;3,6;6,10"),
                    ("57899753574", "-", "0,10;0,3;3,6;6,10"),
                    ("578997537", "-", "-"),
                    ("5789975374", "0,10;0,3;3,6;6,10", "0,10;0,3;3,6;6,10"),
                    ("57899753745", "-", "0,10;0,3;3,6;6,10"),
                    ("701239521", "-", "-"),
                    ("701239591", "-", "-"),
                    ("701239592", "-", "-"),
                    ("7012395921", "0,10;0,3;3,6;6,10", "0,10;0,3;3,6;6,10"),
                    ("70123959215", "-", "0,10;0,3;3,6;6,10"),
                    ("795849110", "-", "-"),
                    ("79584949110", "-", "0,10;0,3;3,6;6,10"),
                    ("795894911", "-", "-"),
                    ("7958949110", "0,10;0,3;3,6;6,10", "0,10;0,3;3,6;6,10"),
                    ("79589491105", "-", "0,10;0,3;3,6;6,10"),
                ],
            ),
            (
                r"(\d)(\d{4})(\d{4})",
                &[
                    ("", "-", "-"),
                    ("5113238645", "-", "0,9;0,1;1,5;5,9"),
                    ("51323864", "-", "-"),
                    ("513238645", "0,9;0,1;1,5;5,9", "0,9;0,1;1,5;5,9"),
                    ("5132386455", "-", "0,9;0,1;1,5;5,9"),
                    ("5153238645", "-", "0,9;0,1;1,5;5,9"),
                    ("58078752", "-", "-"),
                    ("580787523", "0,9;0,1;1,5;5,9", "0,9;0,1;1,5;5,9"),
                    ("5807875235", "-", "0,9;0,1;1,5;5,9"),
                    ("5807987523", "-", "0,9;0,1;1,5;5,9"),
                    ("58787523", "-", "-"),
                    ("63722032", "-", "-"),
                    ("637220328", "0,9;0,1;1,5;5,9", "0,9;0,1;1,5;5,9"),
                    ("6372203285", "-", "0,9;0,1;1,5;5,9"),
                    ("637220348", "0,9;0,1;1,5;5,9", "0,9;0,1;1,5;5,9"),
                    ("637220378", "0,9;0,1;1,5;5,9", "0,9;0,1;1,5;5,9"),
                ],
            ),
            (
                r"(\d{2})(\d{3})(\d{3,4})",
                &[
                    ("", "-", "-"),
                    ("00906800", "0,8;0,2;2,5;5,8", "0,8;0,2;2,5;5,8"),
                    ("0090686", "-", "-"),
                    ("00906860", "0,8;0,2;2,5;5,8", "0,8;0,2;2,5;5,8"),
                    ("009068605", "0,9;0,2;2,5;5,9", "0,9;0,2;2,5;5,9"),
                    ("00906867", "0,8;0,2;2,5;5,8", "0,8;0,2;2,5;5,8"),
                    ("37060569", "0,8;0,2;2,5;5,8", "0,8;0,2;2,5;5,8"),
                    ("370605691", "0,9;0,2;2,5;5,9", "0,9;0,2;2,5;5,9"),
                    ("3706056915", "-", "0,9;0,2;2,5;5,9"),
                    ("37065691", "0,8;0,2;2,5;5,8", "0,8;0,2;2,5;5,8"),
                    ("4498025", "-", "-"),
                    ("44980251", "0,8;0,2;2,5;5,8", "0,8;0,2;2,5;5,8"),
                    ("44980253", "0,8;0,2;2,5;5,8", "0,8;0,2;2,5;5,8"),
                    ("449802535", "0,9;0,2;2,5;5,9", "0,9;0,2;2,5;5,9"),
                    ("4498053", "-", "-"),
                ],
            ),
            (
                r"1(?:[2-69][02-9]|[78])",
                &[
                    ("", "-", "-"),
                    ("1", "-", "-"),
                    ("14", "-", "-"),
                    ("1434", "-", "0,3"),
                    ("144", "0,3", "0,3"),
                    ("1445", "-", "0,3"),
                    ("1496", "-", "0,3"),
                    ("16", "-", "-"),
                    ("18", "0,2", "0,2"),
                    ("185", "-", "0,2"),
                    ("19", "-", "-"),
                    ("196", "0,3", "0,3"),
                    ("1965", "-", "0,3"),
                    ("44", "-", "-"),
                    ("8", "-", "-"),
                    ("818", "-", "-"),
                ],
            ),
            (
                r"[2-9]",
                &[
                    ("", "-", "-"),
                    ("09", "-", "-"),
                    ("5", "0,1", "0,1"),
                    ("55", "-", "0,1"),
                    ("6", "0,1", "0,1"),
                    ("9", "0,1", "0,1"),
                    ("95", "-", "0,1"),
                ],
            ),
            (
                r"810",
                &[
                    ("", "-", "-"),
                    ("4810", "-", "-"),
                    ("5810", "-", "-"),
                    ("710", "-", "-"),
                    ("81", "-", "-"),
                    ("810", "0,3", "0,3"),
                    ("8105", "-", "0,3"),
                    ("8170", "-", "-"),
                    ("840", "-", "-"),
                ],
            ),
            (
                r"8~10",
                &[
                    ("", "-", "-"),
                    ("18~10", "-", "-"),
                    ("8110", "-", "-"),
                    ("8510", "-", "-"),
                    ("8710", "-", "-"),
                    ("8~0", "-", "-"),
                    ("8~1", "-", "-"),
                    ("8~10", "0,4", "0,4"),
                    ("8~105", "-", "0,4"),
                    ("~10", "-", "-"),
                ],
            ),
            (
                r"([457]\d{6})$|1",
                &[
                    ("", "-", "-"),
                    ("0", "-", "-"),
                    ("1", "0,1;_", "0,1;_"),
                    ("15", "-", "0,1;_"),
                    ("21", "-", "-"),
                    ("388535", "-", "-"),
                    ("493446", "-", "-"),
                    ("498344", "-", "-"),
                    ("4983446", "0,7;0,7", "0,7;0,7"),
                    ("49834465", "-", "-"),
                    ("49834846", "-", "-"),
                    ("538853", "-", "-"),
                    ("5388535", "0,7;0,7", "0,7;0,7"),
                    ("53885355", "-", "-"),
                    ("53887535", "-", "-"),
                ],
            ),
            (
                r"(000[2569]\d{4,6})$|(?:(?:003768)0?)|0",
                &[
                    ("", "-", "-"),
                    ("0004655685", "-", "0,1;_"),
                    ("0009655485", "0,10;0,10", "0,10;0,10"),
                    ("000965568", "0,9;0,9", "0,9;0,9"),
                    ("0009655685", "0,10;0,10", "0,10;0,10"),
                    ("00096556855", "-", "0,1;_"),
                    ("00376", "-", "0,1;_"),
                    ("0037670", "-", "0,1;_"),
                    ("003768", "0,6;_", "0,6;_"),
                    ("0037680", "0,7;_", "0,7;_"),
                    ("00376805", "-", "0,7;_"),
                    ("0037685", "-", "0,6;_"),
                    ("0037698", "-", "0,1;_"),
                    ("004768", "-", "0,1;_"),
                ],
            ),
            (
                r"0?(?:(11|2(?:2(?:02?|[13]|2[13-79]|4[1-6]|5[2457]|6[124-8]|7[1-4]|8[13-6]|9[1267])|3(?:02?|1[467]|2[03-6]|3[13-8]|[49][2-6]|5[2-8]|[67])|4(?:7[3-578]|9)|6(?:[0136]|2[24-6]|4[6-8]?|5[15-8])|80|9(?:0[1-3]|[19]|2\d|3[1-6]|4[02568]?|5[2-4]|6[2-46]|72?|8[23]?))|3(?:3(?:2[79]|6|8[2578])|4(?:0[0-24-9]|[12]|3[5-8]?|4[24-7]|5[4-68]?|6[02-9]|7[126]|8[2379]?|9[1-36-8])|5(?:1|2[1245]|3[237]?|4[1-46-9]|6[2-4]|7[1-6]|8[2-5]?)|6[24]|7(?:[069]|1[1568]|2[15]|3[145]|4[13]|5[14-8]|7[2-57]|8[126])|8(?:[01]|2[15-7]|3[2578]?|4[13-6]|5[4-8]?|6[1-357-9]|7[36-8]?|8[5-8]?|9[124])))15)?",
                &[
                    ("", "0,0;_", "0,0;_"),
                    ("0", "0,1;_", "0,1;_"),
                    ("0111", "-", "0,1;_"),
                    ("01115", "0,5;1,3", "0,5;1,3"),
                    ("011155", "-", "0,5;1,3"),
                    ("01815", "-", "0,1;_"),
                    ("05", "-", "0,1;_"),
                    ("34041", "-", "0,0;_"),
                    ("340415", "0,6;0,4", "0,6;0,4"),
                    ("3404155", "-", "0,6;0,4"),
                    ("340419", "-", "0,0;_"),
                    ("6", "-", "0,0;_"),
                ],
            ),
            (
                r"(?:0|90)(?:(1[245]|2[1-35]|31|4[13]|[56]5|99)(\d{10,11}))?",
                &[
                    ("", "-", "-"),
                    ("0", "0,1;_;_", "0,1;_;_"),
                    ("05", "-", "0,1;_;_"),
                    ("90312304078146", "0,14;2,4;4,14", "0,14;2,4;4,14"),
                    ("903123040781461", "0,15;2,4;4,15", "0,15;2,4;4,15"),
                    ("9031230407814615", "-", "0,15;2,4;4,15"),
                    ("90312304081461", "0,14;2,4;4,14", "0,14;2,4;4,14"),
                    ("903123049781461", "0,15;2,4;4,15", "0,15;2,4;4,15"),
                    ("904180527654418", "0,15;2,4;4,15", "0,15;2,4;4,15"),
                    ("90418527654418", "0,14;2,4;4,14", "0,14;2,4;4,14"),
                    ("90418552765441", "0,14;2,4;4,14", "0,14;2,4;4,14"),
                    ("904185527654418", "0,15;2,4;4,15", "0,15;2,4;4,15"),
                    ("9041855276544185", "-", "0,15;2,4;4,15"),
                ],
            ),
        ];
        let show = |c: Option<Vec<Option<(usize, usize)>>>| match c {
            None => "-".to_owned(),
            Some(v) => {
                v.iter().map(|g| g.map_or("_".to_owned(), |(s, e)| format!("{s},{e}"))).collect::<Vec<_>>().join(";")
            }
        };
        let mut n = 0;
        for (pattern, inputs) in CASES {
            let q = p(pattern);
            for &(input, full, start) in *inputs {
                let b = input.as_bytes();
                assert_eq!(show(q.captures_full(b)), full, "{pattern} fullmatch {input:?}");
                assert_eq!(show(q.captures_start(b)), start, "{pattern} match {input:?}");
                assert_eq!(q.full_match(b), full != "-");
                assert_eq!(q.match_start(b), q.captures_start(b).and_then(|c| c[0]).map(|(_, e)| e));
                n += 1;
            }
        }
        assert!(n > 150);
    }

    #[test]
    fn pathological_patterns_stay_linear() {
        // Exponential for a backtracking engine; here one pass over the input.
        let a = "a".repeat(10_000);
        let t = std::time::Instant::now();
        assert!(p("(a|a)*").full_match(a.as_bytes()));
        assert!(!p("(a|a)*b").full_match(a.as_bytes()));
        assert!(!p("(a*)*b").full_match(a.as_bytes()));
        assert_eq!(p("(?:a|aa)*c").match_start(a.as_bytes()), None);
        let digits = "9".repeat(5_000);
        let q = p(r"(\d?){20}\d{20}");
        assert!(!q.full_match(digits.as_bytes()));
        assert_eq!(q.match_start(digits.as_bytes()), Some(40));
        assert!(q.captures_full(&digits.as_bytes()[..35]).is_some());
        assert!(!q.can_extend_to_match(digits.as_bytes()));
        eprintln!("pathological cases: {:?}", t.elapsed());
    }

    /// On random strings of the metadata's tokens, the one-pass compiler never panics, accepts
    /// nothing the full parser rejects, and builds the full parser's program whenever it accepts.
    #[test]
    fn metadata_compiler_on_random_patterns() {
        const TOKENS: [&str; 22] = [
            "1", "2", "0", "\\d", "[1-3]", "[^5]", "[02-9]", "(", "(?:", ")", ")", "|", "?", "*", "+", "{2}", "{1,3}", "{0,}",
            "{,2}", "$", "[", "-",
        ];
        let mut x: u32 = 0x2545_f491;
        let (mut accepted, mut total) = (0, 0);
        for _ in 0..50_000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            let len = 1 + (x % 9) as usize;
            let pat: String = (0..len).map(|k| TOKENS[(x.rotate_left(k as u32 * 5) % TOKENS.len() as u32) as usize]).collect();
            total += 1;
            let Some(small) = Pattern::metadata(&pat) else { continue };
            let full = Pattern::new(&pat).unwrap_or_else(|e| panic!("{pat}: accepted, but the full parser says {e}"));
            assert_eq!(format!("{:?}", small.prog), format!("{:?}", full.prog), "{pat}");
            assert!(small.classes == full.classes && small.groups == full.groups, "{pat}");
            accepted += 1;
        }
        eprintln!("metadata compiler: {accepted} of {total} random patterns accepted, all equal to the full compile");
        assert!(accepted > total / 20, "{accepted} of {total}");
    }

    #[test]
    fn any_bytes_never_panic() {
        let pats = [r"(\d{3})(\d{4})$|0", "a|ab", "(a*)*", "[^5]{2,}?", r".\Z", "^$"];
        let mut x: u32 = 12345;
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            let len = (x % 24) as usize;
            let input: Vec<u8> = (0..len).map(|k| (x.rotate_left(k as u32 * 7) & 0xff) as u8).collect();
            for s in pats {
                let q = p(s);
                let fm = q.full_match(&input);
                let c = q.captures_full(&input);
                assert_eq!(fm, c.is_some());
                assert_eq!(q.match_start(&input), q.captures_start(&input).and_then(|c| c[0].map(|s| s.1)));
                if fm {
                    assert!(q.can_extend_to_match(&input));
                }
            }
        }
    }
}
