// RFC 4180 CSV / TSV parser and writer. Runtime-agnostic: no imports, runs in Node, Deno, browsers and workers.
//
//   const p = new CsvParser();                 // delimiter sniffed from the first line (comma, semicolon or tab)
//   for (const chunk of chunks) for (const row of p.push(chunk)) use(row.fields, row.line);
//   for (const row of p.end()) use(row.fields, row.line);
//
//   parseCsv(text) -> { rows: string[][], delimiter, warnings }     convenience for whole strings
//   toCsvRow(['a', 'b,c']) -> 'a,"b,c"'                               quotes only when needed, no line terminator
//
// Accepted: quoted fields with "" escapes, CR, LF and CRLF line ends (also split across chunks), newlines inside
// quoted fields, a UTF-8 BOM at the start. Lenient, with a per-row warning instead of an error: a quote inside an
// unquoted field (kept literally) and text after a closing quote (appended). Fatal (CsvError, never a hang): a
// quote still open at end of input, a field longer than maxFieldChars, a row with more than maxFields fields.

/** A fatal parse error. `line` is the 1-based physical line, `row` the 1-based record number (header = 1). */
export class CsvError extends Error {
  constructor(message, code, row, line) {
    super(`${message} (row ${row}, line ${line})`);
    this.name = 'CsvError';
    this.code = code;
    this.row = row;
    this.line = line;
  }
}

const DEFAULT_MAX_FIELD = 1024 * 1024; // characters (UTF-16 code units); ~1 MB of typical text
const DEFAULT_MAX_FIELDS = 100000;
const SNIFF_LIMIT = 64 * 1024; // look at most this far for the end of the first line
const CANDIDATES = [',', ';', '\t'];

const Q = 34; // "
const LF = 10;
const CR = 13;

// States of the incremental scanner.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3; // a quote inside a quoted field: end of field or first half of ""

/**
 * Picks the delimiter from a (first) line: the candidate (comma, semicolon, tab) occurring most often outside
 * quotes. Ties and lines without any candidate give a comma.
 */
export function sniffDelimiter(line) {
  const counts = new Map(CANDIDATES.map((c) => [c, 0]));
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes) {
      if (c === '\n' || c === '\r') break;
      if (counts.has(c)) counts.set(c, counts.get(c) + 1);
    }
  }
  let best = ',';
  let bestCount = 0;
  for (const c of CANDIDATES) {
    if (counts.get(c) > bestCount) {
      best = c;
      bestCount = counts.get(c);
    }
  }
  return best;
}

/**
 * Incremental parser. `push(text)` returns the rows completed by that chunk; `end()` returns the last row, if any.
 * Each row is `{ fields: string[], row, line, warning, warningCode }`: record number (1-based), physical line where
 * the record starts, and when the row was malformed but recovered a warning text and code ('quote_in_unquoted' or
 * 'text_after_quote'; else both null).
 */
export class CsvParser {
  /**
   * @param {object} [options]
   * @param {string} [options.delimiter]  ',' ';' '\t' or any single character; default: sniffed from the first line.
   * @param {number} [options.maxFieldChars]  cap on one field (default 1 MiB characters).
   * @param {number} [options.maxFields]  cap on fields per row (default 100000).
   * @param {boolean} [options.skipEmptyLines]  drop lines that are completely empty (default true).
   */
  constructor(options = {}) {
    const d = options.delimiter;
    if (d != null && (typeof d !== 'string' || d.length !== 1 || d === '"' || d === '\n' || d === '\r')) {
      throw new TypeError(`invalid CSV delimiter ${JSON.stringify(d)}`);
    }
    this.delimiter = d ?? null;
    this.maxFieldChars = options.maxFieldChars ?? DEFAULT_MAX_FIELD;
    this.maxFields = options.maxFields ?? DEFAULT_MAX_FIELDS;
    this.skipEmptyLines = options.skipEmptyLines ?? true;

    this._pending = ''; // text held back until the delimiter is known
    this._started = false; // BOM handled
    this._ended = false;
    this._state = FIELD_START;
    this._fields = [];
    this._field = ''; // completed parts of the current field
    this._fieldLen = 0;
    this._quoted = false; // current field started with a quote
    this._skipLF = false; // previous chunk ended in CR
    this._line = 1; // current physical line
    this._row = 0; // records emitted so far (empty lines skipped are not counted)
    this._rowLine = 1; // line where the current record started
    this._fieldLine = 1; // line where the current field started
    this._warning = null;
    this._warningCode = null;
    this._lastQuoted = false;
    this._prevCR = false; // inside a quoted field, the previous character was CR
    this._out = [];
  }

  /** Number of records emitted so far. */
  get rowCount() {
    return this._row;
  }

  /** Feeds a chunk of text; returns the rows it completed (possibly none). */
  push(text) {
    if (this._ended) throw new Error('CsvParser: push() after end()');
    if (typeof text !== 'string') throw new TypeError('CsvParser.push expects a string');
    return this._push(text, false);
  }

  _push(text, final) {
    if (!this._started) {
      text = this._pending + text;
      this._pending = '';
      if (text.length === 0) return [];
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (this.delimiter === null) {
        const nl = firstLineEnd(text);
        if (nl < 0 && text.length < SNIFF_LIMIT && !final) {
          this._pending = text; // wait for the end of the first line
          return [];
        }
        this.delimiter = sniffDelimiter(nl < 0 ? text : text.slice(0, nl));
      }
      this._started = true;
      this._delim = this.delimiter.charCodeAt(0);
    }
    this._scan(text);
    const out = this._out;
    this._out = [];
    return out;
  }

  /** Ends the input; returns the last row if the text did not end with a line break. Throws CsvError on an open quote. */
  end() {
    if (this._ended) return [];
    let out = [];
    if (!this._started) {
      // Whole input shorter than the sniff window and without a line break.
      out = this._push('', true);
    }
    this._ended = true;
    if (!this._started) return out;
    const s = this._state;
    if (s === QUOTED) {
      throw new CsvError(
        'unterminated quoted field: a quote opens there and never closes',
        'unterminated_quote', this._row + 1, this._fieldLine,
      );
    }
    if (s === UNQUOTED || s === QUOTE_SEEN || this._fields.length > 0) {
      this._endField('');
      this._endRecord();
    }
    out = out.concat(this._out);
    this._out = [];
    return out;
  }

  _tooLong() {
    throw new CsvError(
      `field longer than ${this.maxFieldChars} characters${this._quoted ? ' (an unbalanced quote?)' : ''}`,
      'field_too_long', this._row + 1, this._fieldLine,
    );
  }

  _appendPart(part) {
    if (part.length === 0) return;
    this._fieldLen += part.length;
    if (this._fieldLen > this.maxFieldChars) this._tooLong();
    this._field += part;
  }

  _endField(tail) {
    this._appendPart(tail);
    this._fields.push(this._field);
    if (this._fields.length > this.maxFields) {
      throw new CsvError(`more than ${this.maxFields} fields in one row`, 'too_many_fields', this._row + 1, this._rowLine);
    }
    this._field = '';
    this._fieldLen = 0;
    this._quoted = false;
    this._state = FIELD_START;
    this._fieldLine = this._line;
  }

  _endRecord() {
    const f = this._fields;
    this._fields = [];
    if (this.skipEmptyLines && f.length === 1 && f[0] === '' && !this._lastQuoted) {
      // an empty physical line
    } else {
      this._row++;
      this._out.push({ fields: f, row: this._row, line: this._rowLine, warning: this._warning, warningCode: this._warningCode });
    }
    this._warning = null;
    this._warningCode = null;
    this._state = FIELD_START;
    this._rowLine = this._line;
    this._fieldLine = this._line;
  }

  _warn(code, msg) {
    if (this._warning === null) {
      this._warning = msg;
      this._warningCode = code;
    }
  }

  _scan(text) {
    const n = text.length;
    const D = this._delim;
    let i = 0;
    if (this._skipLF) {
      this._skipLF = false;
      if (n > 0 && text.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      const st = this._state;
      if (st === FIELD_START) {
        const c = text.charCodeAt(i);
        if (c === Q) {
          this._quoted = true;
          this._lastQuoted = true;
          this._fieldLine = this._line;
          this._state = QUOTED;
          i++;
        } else {
          this._quoted = false;
          this._lastQuoted = false;
          this._fieldLine = this._line;
          this._state = UNQUOTED;
        }
      } else if (st === UNQUOTED) {
        // Find the next delimiter / CR / LF / quote from i.
        let j = i;
        let c = 0;
        for (; j < n; j++) {
          c = text.charCodeAt(j);
          if (c === D || c === LF || c === CR || c === Q) break;
        }
        if (j - i > 0) {
          if (this._fieldLen + (j - i) > this.maxFieldChars) this._tooLong();
        }
        if (j === n) {
          this._appendPart(text.slice(i, j));
          i = n;
          break;
        }
        if (c === Q) {
          this._warn('quote_in_unquoted', `quote inside an unquoted field on line ${this._line}`);
          this._appendPart(text.slice(i, j + 1));
          i = j + 1;
          continue;
        }
        this._endField(text.slice(i, j));
        i = j + 1;
        if (c === D) continue;
        this._newline(c, text, i);
        if (c === CR && i < n && text.charCodeAt(i) === LF) i++;
        this._endRecord();
      } else if (st === QUOTED) {
        const j = text.indexOf('"', i);
        const end = j < 0 ? n : j;
        // count line breaks inside the quoted part for line numbers
        if (end > i) {
          if (this._fieldLen + (end - i) > this.maxFieldChars) this._tooLong();
          const part = text.slice(i, end);
          this._countLines(part);
          this._appendPart(part);
        }
        if (j < 0) {
          i = n;
          break;
        }
        this._prevCR = false;
        this._state = QUOTE_SEEN;
        i = j + 1;
      } else {
        // QUOTE_SEEN
        const c = text.charCodeAt(i);
        if (c === Q) {
          this._appendPart('"');
          this._state = QUOTED;
          i++;
        } else if (c === D) {
          this._endField('');
          i++;
        } else if (c === LF || c === CR) {
          this._endField('');
          i++;
          this._newline(c, text, i);
          if (c === CR && i < n && text.charCodeAt(i) === LF) i++;
          this._endRecord();
        } else {
          this._warn('text_after_quote', `text after a closing quote on line ${this._line}`);
          this._state = UNQUOTED; // keep the rest of the field literally
        }
      }
    }
  }

  // Line break c (CR or LF) ending a record at position i-1 of text.
  _newline(c, text, i) {
    this._line++;
    if (c === CR && i >= text.length) this._skipLF = true; // CRLF split across chunks
  }

  // Line numbering inside quoted fields: CR, LF and CRLF count once each, even when CRLF is split across chunks.
  _countLines(part) {
    let prevCR = this._prevCR;
    for (let k = 0; k < part.length; k++) {
      const c = part.charCodeAt(k);
      if (c === LF) {
        if (!prevCR) this._line++;
        prevCR = false;
      } else if (c === CR) {
        this._line++;
        prevCR = true;
      } else {
        prevCR = false;
      }
    }
    this._prevCR = prevCR;
  }
}

function firstLineEnd(text) {
  // End of the first physical line outside quotes.
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === Q) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) return i;
  }
  return -1;
}

/**
 * Parses a whole string. Returns `{ rows, delimiter, warnings }` where rows are arrays of strings and
 * warnings are `{ row, line, message }` for recovered malformations. Throws CsvError on fatal errors.
 */
export function parseCsv(text, options = {}) {
  const p = new CsvParser(options);
  const rows = [];
  const warnings = [];
  const take = (list) => {
    for (const r of list) {
      rows.push(r.fields);
      if (r.warning) warnings.push({ row: r.row, line: r.line, message: r.warning });
    }
  };
  take(p.push(text));
  take(p.end());
  return { rows, delimiter: p.delimiter ?? ',', warnings };
}

/** Quotes one value only when needed (it contains the delimiter, a quote, CR or LF). null/undefined -> ''. */
export function toCsvField(value, delimiter = ',') {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === delimiter || c === '"' || c === '\n' || c === '\r') {
      needs = true;
      break;
    }
  }
  return needs ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One CSV record without a line terminator, e.g. `toCsvRow(['a', 'b,c'])` -> `a,"b,c"`. */
export function toCsvRow(values, delimiter = ',') {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += delimiter;
    out += toCsvField(values[i], delimiter);
  }
  return out;
}

/** A whole document: rows joined with CRLF (RFC 4180), with a trailing CRLF. */
export function toCsv(rows, { delimiter = ',', eol = '\r\n' } = {}) {
  let out = '';
  for (const r of rows) out += toCsvRow(r, delimiter) + eol;
  return out;
}
