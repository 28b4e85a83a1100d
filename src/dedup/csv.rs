//! CSV bytes straight into a batch, chunk by chunk: a file reaches the deduper without one JS
//! string (or array) per value. RFC 4180 as `pkg/csv.js` reads it: the delimiter (comma,
//! semicolon or tab) sniffed from the first line, quoted fields with `""` escapes, CR, LF and
//! CRLF line ends (also split across chunks), line breaks inside quotes, a UTF-8 BOM, empty lines
//! skipped; leniently, text after a closing quote is kept. Total on any bytes: invalid UTF-8 is
//! replaced (U+FFFD), a quote left open runs to the end of the input, and a record longer than
//! [`crate::limits::DEDUP_CSV_RECORD_BYTES`] is cut there (the caller reports it).

use crate::limits::DEDUP_CSV_RECORD_BYTES;
use std::borrow::Cow;

/// An incremental reader of one CSV stream.
#[derive(Clone, Debug, Default)]
pub struct CsvChunks {
    /// 0 until sniffed from the first line.
    delimiter: u8,
    /// Bytes of the records not yet complete.
    pending: Vec<u8>,
    /// How far `pending` is scanned, and where in a record that point is.
    scanned: usize,
    state: Scan,
    /// The BOM is handled (the first bytes were seen).
    started: bool,
    /// Unescaped fields of the record being read, back to back, and where each ends.
    buf: Vec<u8>,
    ends: Vec<usize>,
}

/// Where in a record the scan of [`CsvChunks`] is (as in `pkg/csv.js`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum Scan {
    #[default]
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: its end, or the first half of `""`.
    QuoteSeen,
}

/// What a complete record looks like to [`CsvChunks`]' callback.
pub struct Record<'a> {
    pub fields: &'a [&'a str],
    /// The record was cut at [`DEDUP_CSV_RECORD_BYTES`].
    pub cut: bool,
}

impl CsvChunks {
    pub fn new() -> CsvChunks {
        CsvChunks::default()
    }

    /// Reads `bytes`; calls `row` with each record they complete (the header row too).
    pub fn push(&mut self, bytes: &[u8], row: &mut dyn FnMut(Record)) {
        let mut bytes = bytes;
        if !self.started && !bytes.is_empty() {
            let bom = b"\xEF\xBB\xBF";
            let have = self.pending.len() + bytes.len();
            if have < bom.len() && bom.starts_with(&[&self.pending[..], bytes].concat()) {
                // Too short to tell yet.
                self.pending.extend_from_slice(bytes);
                return;
            }
            self.started = true;
            let mut head = std::mem::take(&mut self.pending);
            head.extend_from_slice(bytes);
            let skip = if head.starts_with(bom) { bom.len() } else { 0 };
            self.pending = head[skip..].to_vec();
            bytes = &[];
        }
        self.pending.extend_from_slice(bytes);
        self.drain(false, row);
    }

    /// Ends the input: the last record, if it had no line break.
    pub fn finish(&mut self, row: &mut dyn FnMut(Record)) {
        self.started = true;
        self.drain(true, row);
        self.pending.clear();
        self.scanned = 0;
        self.state = Scan::FieldStart;
    }

    fn drain(&mut self, last: bool, row: &mut dyn FnMut(Record)) {
        if self.delimiter == 0 {
            match first_line_end(&self.pending) {
                Some(end) => self.delimiter = sniff(&self.pending[..end]),
                // A first line that long: sniffed from its first bytes (the same for any chunking).
                None if last || self.pending.len() >= DEDUP_CSV_RECORD_BYTES => {
                    self.delimiter = sniff(&self.pending[..self.pending.len().min(DEDUP_CSV_RECORD_BYTES)])
                }
                None => return,
            }
        }
        let d = self.delimiter;
        let mut start = 0;
        let mut i = self.scanned;
        let p = std::mem::take(&mut self.pending);
        while i < p.len() {
            // Where the step ends a record (at a line break outside quotes).
            let mut end = None;
            let c = p[i];
            match self.state {
                Scan::Quoted => match p[i..].iter().position(|&b| b == b'"') {
                    Some(q) => {
                        i += q + 1;
                        self.state = Scan::QuoteSeen;
                    }
                    None => i = p.len(),
                },
                _ if c == b'\n' || c == b'\r' => {
                    // CR, LF, and CRLF (an empty line between, skipped) end a record.
                    end = Some(i);
                    i += 1;
                    self.state = Scan::FieldStart;
                }
                _ if c == d => {
                    i += 1;
                    self.state = Scan::FieldStart;
                }
                // A quote opens a quoted field only at its start ("" inside one is a quote).
                Scan::FieldStart | Scan::QuoteSeen if c == b'"' => {
                    i += 1;
                    self.state = Scan::Quoted;
                }
                _ => {
                    // Unquoted text, or text after a closing quote: quotes in it are literal.
                    i += 1 + p[i + 1..].iter().position(|&b| b == d || b == b'\n' || b == b'\r').unwrap_or(p.len() - i - 1);
                    self.state = Scan::Unquoted;
                }
            }
            let len = end.unwrap_or(i) - start;
            if len > DEDUP_CSV_RECORD_BYTES {
                // An over-long record (usually a quote that never closes): cut, then read on. The
                // same cut for any chunking: the record's bytes decide it, not how far a step went.
                let cut = start + DEDUP_CSV_RECORD_BYTES;
                self.record(&p[start..cut], true, row);
                start = cut;
                i = start;
                self.state = Scan::FieldStart;
            } else if let Some(end) = end {
                self.record(&p[start..end], false, row);
                start = i;
            }
        }
        if last && start < p.len() {
            self.record(&p[start..], false, row);
            start = p.len();
        }
        self.pending = p;
        self.pending.drain(..start);
        self.scanned = i - start;
    }

    /// Splits one record (without its line break) into fields and hands them over.
    fn record(&mut self, rec: &[u8], cut: bool, row: &mut dyn FnMut(Record)) {
        // Empty lines (and the empty line of a CRLF) are skipped.
        if rec.is_empty() {
            return;
        }
        let d = self.delimiter;
        // Most records have no quotes and are valid UTF-8: their fields are slices of the record
        // itself (on the stack when there are few), with no copy and no allocation.
        if !rec.contains(&b'"') {
            if let Ok(text) = std::str::from_utf8(rec) {
                let mut fields = [""; 32];
                let mut n = 0;
                for f in text.split(char::from(d)) {
                    if let Some(slot) = fields.get_mut(n) {
                        *slot = f;
                    }
                    n += 1;
                }
                if n <= fields.len() {
                    row(Record { fields: &fields[..n], cut });
                    return;
                }
            }
        }
        self.buf.clear();
        self.ends.clear();
        let mut i = 0;
        loop {
            if rec.get(i) == Some(&b'"') {
                i += 1;
                loop {
                    match rec[i..].iter().position(|&b| b == b'"') {
                        Some(q) => {
                            self.buf.extend_from_slice(&rec[i..i + q]);
                            if rec.get(i + q + 1) == Some(&b'"') {
                                self.buf.push(b'"');
                                i += q + 2;
                            } else {
                                i += q + 1;
                                break;
                            }
                        }
                        None => {
                            self.buf.extend_from_slice(&rec[i..]);
                            i = rec.len();
                            break;
                        }
                    }
                }
            }
            // Unquoted text, or text after a closing quote (kept), up to the delimiter.
            let end = rec[i..].iter().position(|&b| b == d).map_or(rec.len(), |q| i + q);
            self.buf.extend_from_slice(&rec[i..end]);
            self.ends.push(self.buf.len());
            if end >= rec.len() {
                break;
            }
            i = end + 1;
        }
        let whole = std::str::from_utf8(&self.buf).ok();
        let mut fields: Vec<Cow<str>> = Vec::with_capacity(self.ends.len());
        let mut from = 0;
        for &e in &self.ends {
            let bytes = &self.buf[from..e];
            fields.push(match whole.and_then(|s| s.get(from..e)) {
                Some(s) => Cow::Borrowed(s),
                None => String::from_utf8_lossy(bytes),
            });
            from = e;
        }
        let refs: Vec<&str> = fields.iter().map(|f| f.as_ref()).collect();
        row(Record { fields: &refs, cut });
    }
}

/// The header row at the start of `bytes`: None while its line is not complete, unless `last`
/// (the input ends there).
pub fn header(bytes: &[u8], last: bool) -> Option<Vec<String>> {
    // The reader itself finds the header row (quotes, CR line ends, empty lines before it), fed in
    // pieces so that a whole file in one chunk is not read to the end for its first row.
    let mut reader = CsvChunks::new();
    let mut header = None;
    let take = |r: Record, header: &mut Option<Vec<String>>| {
        if header.is_none() {
            *header = Some(r.fields.iter().map(|f| f.to_string()).collect());
        }
    };
    for piece in bytes.chunks(4096) {
        reader.push(piece, &mut |r| take(r, &mut header));
        if header.is_some() {
            return header;
        }
    }
    if last {
        reader.finish(&mut |r| take(r, &mut header));
    }
    header
}

/// Where the first line ends (a line break outside quotes).
fn first_line_end(b: &[u8]) -> Option<usize> {
    let mut quoted = false;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// The candidate (comma, semicolon, tab) found most often outside quotes; a comma on ties.
fn sniff(line: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &c in line {
        match c {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let mut best = (b',', 0);
    for (d, n) in [b',', b';', b'\t'].into_iter().zip(counts) {
        if n > best.1 {
            best = (d, n);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unquoted_records_split_at_the_delimiter_whatever_their_bytes() {
        // Records without quotes take the no-copy path (valid UTF-8, up to 32 fields) or the
        // general one: either way each field is its bytes between delimiters, invalid UTF-8
        // replaced field by field.
        let pool: &[&[u8]] = &[b"a", b"Lee", b",", b",", b",,,,,,,,", b" ", b"\xC3\xA9", b"\xC3", b"\xA9", b"\xFF", b"\xD8\xB9\xD9\x84", b";"];
        let mut rand = crate::test_rand::xorshift(0xc5f_0a11);
        for _ in 0..3000 {
            let mut rec = b"x".to_vec();
            for _ in 0..rand(40) {
                rec.extend_from_slice(pool[rand(pool.len())]);
            }
            let want: Vec<String> = rec.split(|&b| b == b',').map(|f| String::from_utf8_lossy(f).into_owned()).collect();
            let mut got = read(&[b"h,h\n", &rec, b"\n"]);
            assert_eq!(got.len(), 2);
            assert_eq!(got.pop().unwrap(), want, "{:?}", String::from_utf8_lossy(&rec));
        }
    }

    fn read(chunks: &[&[u8]]) -> Vec<Vec<String>> {
        let mut c = CsvChunks::new();
        let mut out = Vec::new();
        for ch in chunks {
            c.push(ch, &mut |r| out.push(r.fields.iter().map(|s| s.to_string()).collect()));
        }
        c.finish(&mut |r| out.push(r.fields.iter().map(|s| s.to_string()).collect()));
        out
    }

    #[test]
    fn reads_rfc_4180_in_any_chunking() {
        let text = "\u{FEFF}id,name,note\r\n1,\"Smith, J\",\"say \"\"hi\"\"\"\n\n2,Ann,\"two\nlines\"\r\n3,Bo,\"x\"y,\n4,é,";
        let want: Vec<Vec<String>> = [
            vec!["id", "name", "note"],
            vec!["1", "Smith, J", "say \"hi\""],
            vec!["2", "Ann", "two\nlines"],
            vec!["3", "Bo", "xy", ""],
            vec!["4", "é", ""],
        ]
        .iter()
        .map(|r| r.iter().map(|s| s.to_string()).collect())
        .collect();
        let b = text.as_bytes();
        assert_eq!(read(&[b]), want);
        for cut in 0..b.len() {
            assert_eq!(read(&[&b[..cut], &b[cut..]]), want, "cut at {cut}");
        }
        let bytes: Vec<&[u8]> = b.chunks(1).collect();
        assert_eq!(read(&bytes), want);
    }

    #[test]
    fn reads_the_header_alone() {
        assert_eq!(header(b"a,\"b\nc\",d\n1,2,3\n", false), Some(vec!["a".to_string(), "b\nc".to_string(), "d".to_string()]));
        assert_eq!(header(b"\xEF\xBB\xBFa,b", false), None);
        assert_eq!(header(b"\xEF\xBB\xBFa,b", true), Some(vec!["a".to_string(), "b".to_string()]));
        assert_eq!(header(b"", true), None);
    }

    #[test]
    fn sniffs_semicolons_and_tabs() {
        assert_eq!(read(&[b"a;b;\"c;d\"\n1;2;3"]), vec![vec!["a", "b", "c;d"], vec!["1", "2", "3"]]);
        assert_eq!(read(&[b"a\tb\n1\t2\n"]), vec![vec!["a", "b"], vec!["1", "2"]]);
    }

    #[test]
    fn total_on_broken_input() {
        assert_eq!(read(&[b"a,\"open\nb,c"]), vec![vec!["a", "open\nb,c"]]);
        assert_eq!(read(&[b"\xFF\xFE,x\n"]), vec![vec!["\u{FFFD}\u{FFFD}", "x"]]);
        assert_eq!(read(&[b"\xEF\xBB"]), vec![vec!["\u{FFFD}"]]);
        assert!(read(&[b""]).is_empty());
        // A quote that never closes is cut at the cap, and reading goes on.
        let long = [b"x,\"".as_slice(), &vec![b'a'; DEDUP_CSV_RECORD_BYTES + 10], b"\n"].concat();
        let mut c = CsvChunks::new();
        let mut cuts = 0;
        let mut rows = 0;
        for ch in long.chunks(4096) {
            c.push(ch, &mut |r| {
                rows += 1;
                cuts += usize::from(r.cut);
            });
        }
        c.finish(&mut |_| rows += 1);
        assert_eq!(cuts, 1);
        assert!(rows >= 2);
    }
    /// Every split of each input into two chunks (and one byte at a time) reads the same records.
    fn same_in_any_chunking(b: &[u8]) -> Vec<Vec<String>> {
        let whole = read(&[b]);
        for cut in 0..=b.len() {
            assert_eq!(read(&[&b[..cut], &b[cut..]]), whole, "{:?} cut at {cut}", String::from_utf8_lossy(b));
        }
        let bytes: Vec<&[u8]> = b.chunks(1).collect();
        assert_eq!(read(&bytes), whole, "{:?} byte by byte", String::from_utf8_lossy(b));
        whole
    }

    fn rows(r: &[&[&str]]) -> Vec<Vec<String>> {
        r.iter().map(|f| f.iter().map(|s| s.to_string()).collect()).collect()
    }

    #[test]
    fn a_quote_inside_an_unquoted_field_is_literal() {
        // As pkg/csv.js: the inch mark does not open a quoted field that swallows the next rows.
        let b = b"a,b\n1,5\" tall\n2,x\n3,\"q\"after\"more,y\n";
        assert_eq!(same_in_any_chunking(b), rows(&[&["a", "b"], &["1", "5\" tall"], &["2", "x"], &["3", "qafter\"more", "y"]]));
    }

    #[test]
    fn lone_cr_ends_records() {
        assert_eq!(same_in_any_chunking(b"a;b\r1;2\r\r3;\"x\ry\"\r"), rows(&[&["a", "b"], &["1", "2"], &["3", "x\ry"]]));
        assert_eq!(same_in_any_chunking(b"a,b\r\n1,2\r\n"), rows(&[&["a", "b"], &["1", "2"]]));
    }

    #[test]
    fn header_after_empty_lines_and_with_stray_quotes() {
        assert_eq!(header(b"\n\r\nname,email\n1,2\n", false), Some(vec!["name".to_string(), "email".to_string()]));
        // (The first line's end is found as pkg/csv.js finds it to sniff the delimiter, with every
        // quote toggling, so with a stray quote in the header it is known at the end of the input.)
        assert_eq!(header(b"a\"b,c\nd,e\n", true), Some(vec!["a\"b".to_string(), "c".to_string()]));
        assert_eq!(header(b"a,b\r", false), Some(vec!["a".to_string(), "b".to_string()]));
    }

    #[test]
    fn random_bytes_read_the_same_in_any_chunking() {
        let alphabet: &[&[u8]] = &[b"a", b"b", b",", b";", b"\t", b"\"", b"\"\"", b"\r", b"\n", b"\r\n", "\u{e9}".as_bytes(), "\u{6c9}".as_bytes(), b"\xFF", b"\xEF\xBB\xBF"];
        let mut rand = crate::test_rand::xorshift(0x9e37_79b9_7f4a_7c15u64);
        for _ in 0..400 {
            let len = rand(24);
            let b: Vec<u8> = (0..len).flat_map(|_| alphabet[rand(alphabet.len())].iter().copied()).collect();
            same_in_any_chunking(&b);
        }
    }

    #[test]
    fn over_long_records_are_cut_the_same_in_any_chunking() {
        // Quoted and unquoted records a little over the cap, with a line break: cut at the cap
        // whether they arrive whole or in pieces.
        for long in [
            [b"x,\"".as_slice(), &vec![b'a'; DEDUP_CSV_RECORD_BYTES + 10], b"\"\nk,l\n"].concat(),
            [b"x,".as_slice(), &vec![b'a'; DEDUP_CSV_RECORD_BYTES + 10], b"\nk,l\n"].concat(),
        ] {
            let read_cuts = |size: usize| {
                let mut c = CsvChunks::new();
                let mut out = Vec::new();
                for ch in long.chunks(size) {
                    c.push(ch, &mut |r| out.push((r.cut, r.fields.iter().map(|s| s.len()).collect::<Vec<_>>())));
                }
                c.finish(&mut |r| out.push((r.cut, r.fields.iter().map(|s| s.len()).collect::<Vec<_>>())));
                out
            };
            let whole = read_cuts(long.len());
            assert_eq!(whole.iter().filter(|r| r.0).count(), 1, "{whole:?}");
            assert_eq!(whole.last().unwrap().1, vec![1, 1]);
            for size in [4096, 65_536, DEDUP_CSV_RECORD_BYTES - 1, DEDUP_CSV_RECORD_BYTES + 5] {
                assert_eq!(read_cuts(size), whole, "chunks of {size}");
            }
        }
    }
}
