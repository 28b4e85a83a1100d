// The import cleaner's work, independent of the page: header mapping, cleaning every mapped column with intake's
// batch validators, the quality report, duplicate clusters with their reasons and golden records, and the exports.
// Runs in the web worker (worker.js); plain functions over plain data, so Node can run them too.
import { parseCsv, toCsvRow } from '../pkg/csv.js';

/** Column kinds the cleaner knows, with header words (en, fa, ar, zh and common CRM exports) that name them. */
const HEADER_WORDS = {
  email: ['email', 'e-mail', 'mail', 'emailaddress', 'ایمیل', 'رایانامه', 'البريد', 'بريد', '邮箱', '电子邮件'],
  phone: ['phone', 'tel', 'telephone', 'mobile', 'cell', 'phonenumber', 'تلفن', 'موبایل', 'همراه', 'هاتف', 'جوال', '电话', '手机'],
  country: ['country', 'countrycode', 'nation', 'کشور', 'دولة', 'البلد', '国家'],
  date: ['dob', 'dateofbirth', 'birthdate', 'birthday', 'born', 'تاریختولد', 'تاريخالميلاد', '出生日期', '生日'],
  name: ['name', 'firstname', 'lastname', 'fullname', 'givenname', 'surname', 'نام', 'الاسم', '姓名', '名字'],
  company: ['company', 'organization', 'organisation', 'employer', 'account', 'شرکت', 'شركة', '公司'],
};

function normalizeHeader(h) {
  return String(h).toLowerCase().normalize('NFKC').replace(/[\s_\-.:()]+/g, '');
}

const CLEANED_KINDS = new Set(['email', 'phone', 'country', 'date', 'name', 'company', 'website', 'address', 'postcode']);

/**
 * A kind per column: intake's `mapHeaders` (headers in seven languages and the values) when the package has it,
 * else from header words here (then values for emails); 'other' for columns left as they are.
 */
export function guessMapping(headers, rows, api) {
  if (typeof api?.mapHeaders === 'function') {
    const byColumn = new Map(api.mapHeaders(headers, rows.slice(0, 100)).map((m) => [m.column, m]));
    return headers.map((header, col) => {
      const m = byColumn.get(col);
      const kind = m && CLEANED_KINDS.has(m.kind) ? m.kind : 'other';
      return { column: header, kind, field: m?.field ?? null, confidence: m?.confidence ?? null };
    });
  }
  return guessByWords(headers, rows);
}

function guessByWords(headers, rows) {
  return headers.map((header, col) => {
    const h = normalizeHeader(header);
    for (const [kind, words] of Object.entries(HEADER_WORDS)) {
      if (words.some((w) => h === w || (w.length > 3 && h.includes(w)))) return { column: header, kind };
    }
    const sample = rows.slice(0, 50).map((r) => r[col] ?? '').filter((v) => v.trim());
    if (sample.length && sample.filter((v) => v.includes('@')).length / sample.length > 0.8) return { column: header, kind: 'email' };
    return { column: header, kind: 'other' };
  });
}

/** Rows of a CSV/TSV or JSON-lines text: `{ headers, rows: string[][] }`. */
export function parseText(text, name = '') {
  const trimmed = text.trimStart();
  if (/\.(jsonl|ndjson|json)$/i.test(name) || trimmed.startsWith('{')) {
    const records = trimmed.split(/\r?\n/).filter((l) => l.trim()).map((l) => JSON.parse(l));
    const headers = [...new Set(records.flatMap((r) => Object.keys(r)))];
    return { headers, rows: records.map((r) => headers.map((h) => (r[h] == null ? '' : String(r[h])))) };
  }
  const { rows } = parseCsv(text);
  const [headers = [], ...body] = rows;
  return { headers, rows: body.filter((r) => r.some((v) => v.trim() !== '')) };
}

const COUNTRY_OF_ROW = Symbol('country');
/** The single-value validator of each kind (the package's export name). */
const SINGLE = { email: 'validateEmail', phone: 'validatePhone', country: 'validateCountry', date: 'validateDate', name: 'validateName',
  company: 'validateCompany', website: 'validateWebsite', address: 'validateAddress', postcode: 'validatePostcode' };

/** One cell's outcome: what was there, what it became, and why. */
function cell(original, r) {
  if (!r) return { original, value: original, status: original.trim() ? 'kept' : 'empty', changes: [], issues: [] };
  const errors = r.issues.filter((i) => i.severity === 'error');
  const status = errors.length ? 'invalid' : r.issues.length ? 'warning' : r.value !== original ? 'changed' : 'ok';
  return {
    original, value: errors.length ? original : r.value, status,
    changes: r.changes.map((c) => c.kind), issues: r.issues.map((i) => ({ code: i.code, severity: i.severity, message: i.message })),
    key: r.canonical ?? r.e164 ?? null, suggestion: r.suggestion ?? null,
  };
}

/**
 * Cleans every mapped column. `api` is the intake module; `progress(done, total)` is called between batches.
 * Returns `{ headers, mapping, cells: cell[][] }` (cells[row][col]).
 */
export function cleanRows(api, { headers, rows }, mapping, { locale = 'en', region, progress = () => {}, batch = 500 } = {}) {
  const cells = rows.map((r) => headers.map((_, c) => cell(r[c] ?? '', null)));
  const countryCol = mapping.findIndex((m) => m.kind === 'country');
  const total = rows.length * Math.max(1, mapping.filter((m) => m.kind !== 'other').length);
  let done = 0;
  const order = [...mapping.keys()].sort((a, b) => (mapping[a].kind === 'country' ? -1 : 0) - (mapping[b].kind === 'country' ? -1 : 0));
  for (const col of order) {
    const { kind } = mapping[col];
    const single = SINGLE[kind] && api[SINGLE[kind]];
    if (kind === 'other' || !single) continue;
    for (let start = 0; start < rows.length; start += batch) {
      const end = Math.min(rows.length, start + batch);
      const values = rows.slice(start, end).map((r) => r[col] ?? '');
      let results;
      if (kind === 'email') results = api.validateEmails(values, { locale, path: headers[col] });
      else if (kind === 'phone') {
        results = values.map((v, k) => {
          const row = start + k;
          const fromCountry = countryCol >= 0 ? cells[row][countryCol][COUNTRY_OF_ROW] : null;
          return api.validatePhone(v, { locale, path: headers[col], defaultRegion: fromCountry ?? region });
        });
      } else if (kind === 'date') results = values.map((v) => api.validateDate(v, { locale, path: headers[col], birthDate: true }));
      else results = values.map((v) => single(v, { locale, path: headers[col] }));
      for (let k = 0; k < values.length; k++) {
        const empty = values[k].trim() === '';
        const c = empty ? cell(values[k], null) : cell(values[k], results[k]);
        if (kind === 'country' && !empty && results[k].alpha2) c[COUNTRY_OF_ROW] = results[k].alpha2;
        cells[start + k][col] = c;
      }
      done += end - start;
      progress(done, total);
    }
  }
  return { headers, mapping, cells };
}

/** Per mapped column: how many cells were ok, changed, warned about, invalid or empty, and the commonest issues. */
export function qualityReport({ headers, mapping, cells }) {
  const columns = headers.map((header, col) => {
    const counts = { ok: 0, changed: 0, warning: 0, invalid: 0, empty: 0, kept: 0 };
    const codes = new Map();
    for (const row of cells) {
      const c = row[col];
      counts[c.status]++;
      for (const i of c.issues) codes.set(i.code, (codes.get(i.code) ?? 0) + 1);
    }
    return { column: header, kind: mapping[col].kind, counts, topIssues: [...codes].sort((a, b) => b[1] - a[1]).slice(0, 4) };
  });
  const invalidRows = cells.filter((r) => r.some((c) => c.status === 'invalid')).length;
  return { rows: cells.length, invalidRows, columns };
}

/** Union-find over row indexes. */
function unionFind(n) {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  return { find, union: (a, b) => { const x = find(a), y = find(b); if (x !== y) parent[Math.max(x, y)] = Math.min(x, y); } };
}

/**
 * Duplicate clusters `{ rows, reasons: [{ reason, rows }], golden }`: intake's `dedupe` when the package has it;
 * without it, rows sharing a matching key (provider-aware email canonical form, E.164 phone, or the same name in
 * the same country) with a golden record of the values most rows agree on (invalid values never win).
 */
export function findClusters(cleaned, api) {
  if (typeof api?.dedupe === 'function') return dedupeClusters(cleaned, api);
  return keyClusters(cleaned);
}

/** DedupRole of a mapped column, for intake's dedupe. */
function roleOf(m) {
  if (m.kind === 'name') return { first_name: 'given_name', last_name: 'surname' }[m.field] ?? 'full_name';
  if (m.kind === 'date') return 'birth_date';
  return { email: 'email', phone: 'phone', company: 'company', website: 'website', address: 'street', postcode: 'postcode', country: 'country' }[m.kind] ?? '';
}

/**
 * intake's dedupe (Fellegi-Sunter, trained on the file) over the cleaned values: clusters with each linked pair's
 * strongest agreements as the reasons, and the golden record by its survivorship rules.
 */
function dedupeClusters({ headers, mapping, cells }, api) {
  const records = cells.map((row) => Object.fromEntries(headers.map((h, c) => [h, row[c].value])));
  const roles = {};
  mapping.forEach((m, c) => { const r = roleOf(m); if (r) roles[headers[c]] = r; });
  const out = api.dedupe(records, { headers, roles, golden: true });
  const linked = new Map();
  for (const p of out.pairs) if (p.probability >= 0.5) linked.set(`${Math.min(p.a, p.b)}|${Math.max(p.a, p.b)}`, p);
  return out.clusters.map((cl) => {
    const members = [...cl.members].sort((a, b) => a - b);
    const reasons = [];
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const p = linked.get(`${members[i]}|${members[j]}`);
        if (!p) continue;
        const ex = out.explain(members[i], members[j]);
        const agree = (ex?.contributions ?? []).filter((c) => c.weight > 0).sort((x, y) => y.weight - x.weight).slice(0, 3);
        reasons.push({
          reason: `match ${(100 * p.probability).toFixed(0)}%: ${agree.map((c) => `${c.field} ${c.level} (+${c.weight.toFixed(1)})`).join(', ') || 'overall similarity'}`,
          rows: [members[i], members[j]],
        });
      }
    }
    return { rows: members, reasons, golden: headers.map((h) => cl.golden?.[h] ?? ''), probability: cl.probability };
  });
}

/** Without intake's dedupe: rows sharing a matching key (see findClusters). */
function keyClusters({ headers, mapping, cells }) {
  const uf = unionFind(cells.length);
  const reasons = new Map(); // `${a}|${b}` -> reason strings, on the first row of each key
  const keyed = new Map();
  const nameCols = mapping.map((m, i) => (m.kind === 'name' ? i : -1)).filter((i) => i >= 0);
  const countryCol = mapping.findIndex((m) => m.kind === 'country');
  const keysOf = (row) => {
    const out = [];
    mapping.forEach((m, col) => {
      const c = row[col];
      if ((m.kind === 'email' || m.kind === 'phone') && c.key && c.status !== 'invalid') out.push([`${m.kind}:${c.key}`, `same ${m.kind === 'email' ? 'email' : 'phone'} (${c.key})`]);
    });
    if (nameCols.length) {
      const name = nameCols.map((col) => row[col].value.trim().toLowerCase().normalize('NFKC')).join(' ').trim();
      const country = countryCol >= 0 ? row[countryCol].value : '';
      if (name.includes(' ') || nameCols.length > 1) out.push([`name:${name}|${country}`, `same name${country ? ' and country' : ''} (${name}${country ? `, ${country}` : ''})`]);
    }
    return out;
  };
  cells.forEach((row, i) => {
    for (const [key, why] of keysOf(row)) {
      const first = keyed.get(key);
      if (first === undefined) { keyed.set(key, i); continue; }
      uf.union(first, i);
      const list = reasons.get(first) ?? new Map();
      list.set(why, [...(list.get(why) ?? [first]), i]);
      reasons.set(first, list);
    }
  });
  const groups = new Map();
  cells.forEach((_, i) => {
    const r = uf.find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  const clusters = [];
  for (const rowsOf of groups.values()) {
    if (rowsOf.length < 2) continue;
    const why = [];
    for (const i of rowsOf) for (const [text, members] of reasons.get(i) ?? []) why.push({ reason: text, rows: members });
    clusters.push({ rows: rowsOf, reasons: why, golden: goldenRecord(headers, rowsOf.map((i) => cells[i])) });
  }
  return clusters;
}

/** Per column, the value most of the rows agree on (invalid and empty values never win; ties go to the earliest). */
export function goldenRecord(headers, rows) {
  return headers.map((_, col) => {
    const votes = new Map();
    for (const row of rows) {
      const c = row[col];
      if (c.status === 'invalid' || c.status === 'empty') continue;
      votes.set(c.value, (votes.get(c.value) ?? 0) + 1);
    }
    let best = '', n = 0;
    for (const [v, k] of votes) if (k > n) { best = v; n = k; }
    return best;
  });
}

/**
 * The cleaned file as CSV: standardized values (invalid ones as typed), and for every accepted cluster one golden
 * row in place of its members, marked in an `intake_merged_rows` column.
 */
export function exportCsv({ headers, cells }, clusters, decisions) {
  const merged = new Map();
  clusters.forEach((cl, k) => {
    if (decisions[k] !== 'accepted') return;
    for (const r of cl.rows) merged.set(r, k);
  });
  const lines = [toCsvRow([...headers, 'intake_merged_rows'])];
  cells.forEach((row, i) => {
    const k = merged.get(i);
    if (k === undefined) lines.push(toCsvRow([...row.map((c) => c.value), '']));
    else if (clusters[k].rows[0] === i) lines.push(toCsvRow([...clusters[k].golden, clusters[k].rows.map((r) => r + 2).join(' ')]));
  });
  return lines.join('\r\n') + '\r\n';
}

/** The changes log as JSON lines: one line per changed, warned or invalid cell (row numbers as in the file). */
export function changesLog({ headers, cells }, clusters, decisions) {
  const out = [];
  cells.forEach((row, i) => row.forEach((c, col) => {
    if (c.status === 'ok' || c.status === 'empty' || c.status === 'kept') return;
    out.push(JSON.stringify({ row: i + 2, column: headers[col], original: c.original, value: c.value, status: c.status,
      changes: c.changes, issues: c.issues.map((x) => x.code) }));
  }));
  clusters.forEach((cl, k) => {
    if (decisions[k]) out.push(JSON.stringify({ cluster: k, decision: decisions[k], rows: cl.rows.map((r) => r + 2), reasons: cl.reasons.map((r) => r.reason), golden: cl.golden }));
  });
  return out.join('\n') + '\n';
}
