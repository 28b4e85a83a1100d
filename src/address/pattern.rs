//! A linear-time matcher for libaddressinput's postcode patterns.
//!
//! The patterns (`src/tables/address.rs`) use a small regular-expression subset: ASCII literals,
//! classes `[...]` / `[^...]` with ranges and `\d`, `\d`, `.`, escaped punctuation, groups `(...)`
//! and `(?:...)` (captures are not reported), `|`, and the quantifiers `? * + {n} {n,} {n,m}`.
//! A pattern is compiled to a Thompson NFA and run as a set of states over the input: time is
//! O(input length × program size) on any input, with no backtracking and no recursion on the input.
//! Parsing recurses on the pattern only, to a bounded depth. Anything outside the subset is an
//! error (the table's tests compile every pattern of the table).
//!
//! Matching is on bytes; classes hold ASCII only, so a non-ASCII byte never matches (callers fold
//! digits and width first).

/// Deepest group nesting, largest repetition count and program size accepted.
const MAX_DEPTH: usize = 16;
const MAX_REPEAT: u32 = 64;
const MAX_INSTS: usize = 4096;

#[derive(Clone, Copy, Debug)]
enum Inst {
    /// One byte in the class (bit b of the 128-bit set for ASCII byte b).
    Class(u128),
    Split(u16, u16),
    Jmp(u16),
    Match,
}

#[derive(Clone, Debug)]
enum Node {
    Class(u128),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat(Box<Node>, u32, Option<u32>),
}

/// A compiled pattern.
#[derive(Debug)]
pub struct Pattern {
    prog: Vec<Inst>,
    /// Bytes a match can start with, and whether the empty string matches: most inputs are
    /// rejected on their first byte without running the program.
    first: u128,
    nullable: bool,
}

/// Scratch lists reused by every run on this thread (no allocation per match).
#[derive(Default)]
struct Scratch {
    cur: Vec<u16>,
    next: Vec<u16>,
    seen: Vec<u32>,
    stack: Vec<u16>,
    gen: u32,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

const DIGITS: u128 = ((1u128 << 10) - 1) << b'0';

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn alt(&mut self) -> Result<Node, &'static str> {
        let mut arms = vec![self.concat()?];
        while self.peek() == Some(b'|') {
            self.i += 1;
            arms.push(self.concat()?);
        }
        Ok(if arms.len() == 1 { arms.pop().unwrap_or(Node::Concat(Vec::new())) } else { Node::Alt(arms) })
    }

    fn concat(&mut self) -> Result<Node, &'static str> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == b'|' || c == b')' {
                break;
            }
            let atom = self.atom()?;
            items.push(self.quantified(atom)?);
        }
        Ok(Node::Concat(items))
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.i;
        let mut n: u32 = 0;
        while let Some(c @ b'0'..=b'9') = self.peek() {
            n = n.saturating_mul(10).saturating_add(u32::from(c - b'0'));
            self.i += 1;
        }
        (self.i > start).then_some(n)
    }

    fn quantified(&mut self, atom: Node) -> Result<Node, &'static str> {
        let (min, max) = match self.peek() {
            Some(b'?') => (0, Some(1)),
            Some(b'*') => (0, None),
            Some(b'+') => (1, None),
            Some(b'{') => {
                let save = self.i;
                self.i += 1;
                let min = self.number();
                let max = if self.peek() == Some(b',') {
                    self.i += 1;
                    self.number()
                } else {
                    min
                };
                if self.peek() != Some(b'}') || min.is_none() {
                    // Not a quantifier: `{` is a literal (as in Python), read by the next atom.
                    self.i = save;
                    return Ok(atom);
                }
                let min = min.unwrap_or(0);
                if min > MAX_REPEAT || max.is_some_and(|m| m > MAX_REPEAT || m < min) {
                    return Err("bad repetition count");
                }
                (min, max)
            }
            _ => return Ok(atom),
        };
        self.i += 1;
        if matches!(self.peek(), Some(b'?' | b'+')) {
            return Err("lazy or possessive quantifier");
        }
        Ok(Node::Repeat(Box::new(atom), min, max))
    }

    fn atom(&mut self) -> Result<Node, &'static str> {
        let c = self.peek().ok_or("unexpected end")?;
        self.i += 1;
        match c {
            b'(' => {
                if self.depth >= MAX_DEPTH {
                    return Err("nested too deep");
                }
                if self.s[self.i..].starts_with(b"?:") {
                    self.i += 2;
                } else if self.peek() == Some(b'?') {
                    return Err("unsupported group");
                }
                self.depth += 1;
                let inner = self.alt()?;
                self.depth -= 1;
                if self.peek() != Some(b')') {
                    return Err("unbalanced parenthesis");
                }
                self.i += 1;
                Ok(inner)
            }
            b'[' => self.class(),
            b'\\' => Ok(Node::Class(self.escape()?)),
            b'.' => Ok(Node::Class(!(1u128 << b'\n'))),
            b'^' | b'$' | b')' | b'?' | b'*' | b'+' => Err("unsupported or misplaced metacharacter"),
            c if c.is_ascii() => Ok(Node::Class(1u128 << c)),
            _ => Err("non-ASCII pattern"),
        }
    }

    fn escape(&mut self) -> Result<u128, &'static str> {
        let c = self.peek().ok_or("trailing backslash")?;
        self.i += 1;
        match c {
            b'd' => Ok(DIGITS),
            c if c.is_ascii_punctuation() || c == b' ' => Ok(1u128 << c),
            _ => Err("unsupported escape"),
        }
    }

    fn class(&mut self) -> Result<Node, &'static str> {
        let negate = self.peek() == Some(b'^');
        if negate {
            self.i += 1;
        }
        let mut set = 0u128;
        let mut first = true;
        loop {
            let c = self.peek().ok_or("unterminated class")?;
            self.i += 1;
            if c == b']' && !first {
                break;
            }
            first = false;
            let lo = match c {
                b'\\' => {
                    let e = self.escape()?;
                    if e.count_ones() != 1 {
                        set |= e;
                        continue;
                    }
                    e.trailing_zeros() as u8
                }
                c if c.is_ascii() => c,
                _ => return Err("non-ASCII pattern"),
            };
            if self.peek() == Some(b'-') && self.s.get(self.i + 1).is_some_and(|&n| n != b']') {
                self.i += 1;
                let hi = self.peek().ok_or("unterminated class")?;
                self.i += 1;
                if !hi.is_ascii() || hi < lo || hi == b'\\' {
                    return Err("bad class range");
                }
                for b in lo..=hi {
                    set |= 1u128 << b;
                }
            } else {
                set |= 1u128 << lo;
            }
        }
        Ok(Node::Class(if negate { !set } else { set }))
    }
}

struct Compiler {
    prog: Vec<Inst>,
}

impl Compiler {
    fn emit(&mut self, inst: Inst) -> Result<usize, &'static str> {
        if self.prog.len() >= MAX_INSTS {
            return Err("pattern too big");
        }
        self.prog.push(inst);
        Ok(self.prog.len() - 1)
    }

    fn patch(&mut self, at: usize, inst: Inst) {
        self.prog[at] = inst;
    }

    fn pc(&self) -> u16 {
        self.prog.len() as u16
    }

    fn node(&mut self, n: &Node) -> Result<(), &'static str> {
        match n {
            Node::Class(set) => {
                self.emit(Inst::Class(*set))?;
            }
            Node::Concat(items) => {
                for item in items {
                    self.node(item)?;
                }
            }
            Node::Alt(arms) => {
                // split L1, next; L1: arm; jmp end; next: split L2, ... ; last arm
                let mut jumps = Vec::new();
                for (k, arm) in arms.iter().enumerate() {
                    if k + 1 < arms.len() {
                        let split = self.emit(Inst::Match)?;
                        self.node(arm)?;
                        jumps.push(self.emit(Inst::Match)?);
                        let next = self.pc();
                        self.patch(split, Inst::Split(split as u16 + 1, next));
                    } else {
                        self.node(arm)?;
                    }
                }
                let end = self.pc();
                for j in jumps {
                    self.patch(j, Inst::Jmp(end));
                }
            }
            Node::Repeat(inner, min, max) => {
                for _ in 0..*min {
                    self.node(inner)?;
                }
                match max {
                    None => {
                        // loop: split body, end; body; jmp loop
                        let split = self.emit(Inst::Match)?;
                        self.node(inner)?;
                        self.emit(Inst::Jmp(split as u16))?;
                        let end = self.pc();
                        self.patch(split, Inst::Split(split as u16 + 1, end));
                    }
                    Some(max) => {
                        let mut splits = Vec::new();
                        for _ in *min..*max {
                            splits.push(self.emit(Inst::Match)?);
                            self.node(inner)?;
                        }
                        let end = self.pc();
                        for s in splits {
                            self.patch(s, Inst::Split(s as u16 + 1, end));
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

impl Pattern {
    /// Parses and compiles `pattern`; the error is a short reason.
    pub fn new(pattern: &str) -> Result<Pattern, &'static str> {
        let mut p = Parser { s: pattern.as_bytes(), i: 0, depth: 0 };
        let ast = p.alt()?;
        if p.i < p.s.len() {
            return Err("unbalanced parenthesis");
        }
        let mut c = Compiler { prog: Vec::new() };
        c.node(&ast)?;
        c.emit(Inst::Match)?;
        let mut p = Pattern { prog: c.prog, first: 0, nullable: false };
        let mut list = Vec::new();
        let mut seen = vec![0u32; p.prog.len()];
        p.nullable = p.add(&mut list, &mut seen, 1, &mut Vec::new(), 0);
        p.first = list.iter().fold(0, |acc, &pc| match p.prog[pc as usize] {
            Inst::Class(set) => acc | set,
            _ => acc,
        });
        Ok(p)
    }

    /// Whether the pattern matches all of `input`.
    pub fn full_match(&self, input: &[u8]) -> bool {
        self.run(input, true)
    }

    /// Whether the pattern matches some prefix of `input` (`re.match`).
    pub fn matches_prefix(&self, input: &[u8]) -> bool {
        self.run(input, false)
    }

    fn run(&self, input: &[u8], full: bool) -> bool {
        match input.first() {
            None => return self.nullable,
            Some(&b) if !self.nullable && (b >= 128 || self.first & (1u128 << b) == 0) => return false,
            _ => {}
        }
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => self.run_with(&mut s, input, full),
            // Re-entered (cannot happen: matching calls nothing back): a fresh scratch.
            Err(_) => self.run_with(&mut Scratch::default(), input, full),
        })
    }

    fn run_with(&self, s: &mut Scratch, input: &[u8], full: bool) -> bool {
        let n = self.prog.len();
        let Scratch { cur, next, seen, stack, gen } = s;
        if seen.len() < n {
            seen.resize(n, 0);
        }
        // `seen[pc] == gen` marks pc as added in this step; generations only grow (reset on wrap).
        if *gen > u32::MAX - 1024 - input.len() as u32 {
            seen.iter_mut().for_each(|x| *x = 0);
            *gen = 0;
        }
        *gen += 1;
        cur.clear();
        let mut matched = self.add(cur, seen, *gen, stack, 0);
        for &b in input {
            if matched && !full {
                return true;
            }
            if cur.is_empty() {
                return false;
            }
            *gen += 1;
            next.clear();
            matched = false;
            for &pc in cur.iter() {
                if let Inst::Class(set) = self.prog[pc as usize] {
                    if b < 128 && set & (1u128 << b) != 0 {
                        matched |= self.add(next, seen, *gen, stack, pc + 1);
                    }
                }
            }
            std::mem::swap(cur, next);
        }
        matched
    }

    /// Adds the epsilon closure of `pc` to `list`; true when it reaches `Match`.
    fn add(&self, list: &mut Vec<u16>, seen: &mut [u32], gen: u32, stack: &mut Vec<u16>, pc: u16) -> bool {
        let mut matched = false;
        stack.push(pc);
        while let Some(pc) = stack.pop() {
            let i = pc as usize;
            if i >= self.prog.len() || seen[i] == gen {
                continue;
            }
            seen[i] = gen;
            match self.prog[i] {
                Inst::Class(_) => list.push(pc),
                Inst::Match => matched = true,
                Inst::Jmp(t) => stack.push(t),
                Inst::Split(a, b) => {
                    stack.push(b);
                    stack.push(a);
                }
            }
        }
        matched
    }
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    #[test]
    fn subset() {
        let p = |s: &str| Pattern::new(s).unwrap();
        let gb = p("GIR ?0AA|(?:(?:AB|B|SW)(?:\\d[\\dA-Z]? ?\\d[ABD-HJLN-UW-Z]{2}))|BFPO ?\\d{1,4}");
        for ok in ["SW1A 1AA", "SW1A1AA", "B6 5BA", "GIR0AA", "BFPO 61"] {
            assert!(gb.full_match(ok.as_bytes()), "{ok}");
        }
        for bad in ["SW1A 1A", "ZZ1 1AA", "", "BFPO 12345", "SW1A 1AAX"] {
            assert!(!gb.full_match(bad.as_bytes()), "{bad}");
        }
        let us = p("(\\d{5})(?:[ \\-](\\d{4}))?");
        assert!(us.full_match(b"95014") && us.full_match(b"22162-1010") && !us.full_match(b"2216-1010"));
        let pre = p("9[0-5]|96[01]");
        assert!(pre.matches_prefix(b"94043") && pre.matches_prefix(b"96100") && !pre.matches_prefix(b"97000"));
        assert!(p("a{2,}").full_match(b"aaaa") && !p("a{2,}").full_match(b"a"));
        assert!(p("[^0-9]+").full_match(b"AB") && !p("[^0-9]+").full_match(b"A1"));
        assert!(p("x{").full_match(b"x{"));
        for bad in ["(", "a)", "[a", "a{2,1}", "(?=a)", "\\w", "a**", "(((((((((((((((((a)))))))))))))))))"] {
            assert!(Pattern::new(bad).is_err(), "{bad}");
        }
    }
}
