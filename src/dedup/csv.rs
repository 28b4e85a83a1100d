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
    /// How far `pending` is scanned, and whether that point is inside quotes.
    scanned: usize,
    in_quotes: bool,
    /// The BOM is handled (the first bytes were seen).
    started: bool,
    /// Unescaped fields of the record being read, back to back, and where each ends.
    buf: Vec<u8>,
    ends: Vec<usize>,
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
        self.in_quotes = false;
    }

    fn drain(&mut self, last: bool, row: &mut dyn FnMut(Record)) {
        if self.delimiter == 0 {
            match first_line_end(&self.pending) {
                Some(end) => self.delimiter = sniff(&self.pending[..end]),
                None if last || self.pending.len() >= DEDUP_CSV_RECORD_BYTES => self.delimiter = sniff(&self.pending),
                None => return,
            }
        }
        let mut start = 0;
        let mut i = self.scanned;
        let p = std::mem::take(&mut self.pending);
        while i < p.len() {
            if self.in_quotes {
                match p[i..].iter().position(|&b| b == b'"') {
                    Some(q) => {
                        i += q + 1;
                        self.in_quotes = false;
                    }
                    None => i = p.len(),
                }
            } else {
                match p[i..].iter().position(|&b| b == b'"' || b == b'\n') {
                    Some(q) if p[i + q] == b'"' => {
                        i += q + 1;
                        self.in_quotes = true;
                    }
                    Some(q) => {
                        let end = i + q;
                        self.record(&p[start..end], false, row);
                        i = end + 1;
                        start = i;
                    }
                    None => i = p.len(),
                }
            }
            if !last && i - start > DEDUP_CSV_RECORD_BYTES {
                // An over-long record (usually a quote that never closes): cut, then read on.
                let end = start + DEDUP_CSV_RECORD_BYTES;
                self.record(&p[start..end], true, row);
                start = end;
                i = start;
                self.in_quotes = false;
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
        let rec = rec.strip_suffix(b"\r").unwrap_or(rec);
        // Empty lines (and a lone CR) are skipped.
        if rec.is_empty() {
            return;
        }
        let d = self.delimiter;
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
    let mut quoted = false;
    let end = bytes.iter().position(|&c| {
        quoted ^= c == b'"';
        c == b'\n' && !quoted
    });
    let mut reader = CsvChunks::new();
    let mut header = None;
    let mut take = |r: Record| {
        if header.is_none() {
            header = Some(r.fields.iter().map(|f| f.to_string()).collect());
        }
    };
    match end {
        Some(e) => reader.push(&bytes[..=e], &mut take),
        None if last => {
            reader.push(bytes, &mut take);
            reader.finish(&mut take);
        }
        None => {}
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
}
