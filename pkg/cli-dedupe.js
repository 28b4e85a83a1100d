// `intake dedupe`: duplicate clusters of a CSV / TSV / JSONL file (or the links between two files), with match
// probabilities, explanations and golden records, as JSON. Loaded by cli.js for the `dedupe` command.
//
//   intake dedupe contacts.csv [--out clusters.json] [--link crm.csv] [--threshold 0.5] [--region XX]
//                 [--date-order dmy|mdy] [--role column=role]... [--golden] [--rules rules.json] [--quiet]

import { createReadStream, existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CsvParser } from './csv.js';

export const HELP = `intake dedupe - duplicate clusters with reasons and golden records

Usage:
  intake dedupe <input.csv|.tsv|.jsonl> [options]

Options:
  --out FILE         clusters as JSON (default: <input>.clusters.json; "-" for stdout)
  --link FILE        a second file (e.g. a CRM export): only records across the two files are linked
  --threshold P      match probability at or above which two records are linked (default 0.5)
  --region XX        default region for phone numbers without a country code
  --date-order ORDER dmy (default) or mdy for numeric dates such as 03/04/1990
  --role COL=ROLE    the role of a column (given_name, surname, full_name, email, phone, company,
                     website, street, street_number, address2, city, postcode, state, country,
                     birth_date, national_id, updated, id, ignore); repeat; others are guessed
                     from their headers (first_name, E-Mail, zip, dob, ...)
  --golden           add a golden record and its merge plan to every cluster
  --rules FILE.json  survivorship rules for --golden ({"default": [...], "fields": {...}})
  --quiet, -q        print nothing but errors

Output: {"stats": {...}, "clusters": [{"records": [row numbers], "ids": [...], "probability",
"pairs": [{"a", "b", "probability", "explanation": {prior, contributions: [{field, level, a, b,
weight}], weight}}], "golden"?, "plan"?}]}. Row numbers count data rows from 0 (the linked file's
rows follow the first file's). Exit status: 0 done, 1 failure, 2 usage error.
`;

class UsageError extends Error {}

function parseArgs(argv) {
  const o = { input: null, out: null, link: null, threshold: undefined, region: '', dateOrder: 'dmy', roles: {}, golden: false, rules: null, quiet: false };
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--out' || a === '-o') o.out = value();
    else if (a === '--link') o.link = value();
    else if (a === '--threshold') {
      o.threshold = Number(value());
      if (!(o.threshold > 0 && o.threshold < 1)) throw new UsageError('--threshold is a probability between 0 and 1');
    } else if (a === '--region') o.region = value().toUpperCase();
    else if (a === '--date-order') {
      o.dateOrder = value().toLowerCase();
      if (!['dmy', 'mdy'].includes(o.dateOrder)) throw new UsageError('--date-order is dmy or mdy');
    } else if (a === '--role') {
      const [col, role] = value().split('=');
      if (!col || !role) throw new UsageError('--role takes column=role');
      o.roles[col] = role;
    } else if (a === '--golden') o.golden = true;
    else if (a === '--rules') o.rules = value();
    else if (a === '--quiet' || a === '-q') o.quiet = true;
    else if (a === '--help' || a === '-h') o.help = true;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (o.help) return o;
  if (files.length !== 1) throw new UsageError('dedupe takes one input file');
  o.input = files[0];
  return o;
}

/** Rows of a CSV/TSV (header first) or JSONL file, as { header, rows: string[][] }. */
async function readTable(path) {
  if (!existsSync(path)) throw new Error(`${path}: no such file`);
  if (extname(path).toLowerCase() === '.jsonl') {
    const lines = (await readFile(path, 'utf8')).split('\n').filter((l) => l.trim());
    const objs = lines.map((l) => JSON.parse(l));
    const header = [...new Set(objs.flatMap((x) => Object.keys(x)))];
    return { header, rows: objs.map((x) => header.map((h) => (x[h] == null ? '' : String(x[h])))) };
  }
  const parser = new CsvParser(extname(path).toLowerCase() === '.tsv' ? { delimiter: '\t' } : {});
  const rows = [];
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    for (const r of parser.push(chunk)) rows.push(r.fields);
  }
  for (const r of parser.end()) rows.push(r.fields);
  const header = rows.shift() ?? [];
  return { header, rows };
}

export async function main(argv) {
  let o;
  try {
    o = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`intake dedupe: ${e.message}\nRun "intake dedupe --help" for the options.\n`);
      return 2;
    }
    throw e;
  }
  if (o.help) {
    process.stdout.write(HELP);
    return 0;
  }
  try {
    const api = await import('./index.js');
    await api.init(await readFile(new URL('./gen/intake_bg.wasm', import.meta.url)));
    const t0 = performance.now();
    const a = await readTable(o.input);
    const b = o.link ? await readTable(o.link) : null;
    if (b && b.header.join('\u0000') !== a.header.join('\u0000')) {
      // Linked files are matched column by column: the second is re-ordered to the first's header.
      b.rows = b.rows.map((r) => a.header.map((h) => r[b.header.indexOf(h)] ?? ''));
    }
    const rules = o.rules ? JSON.parse(await readFile(o.rules, 'utf8')) : true;
    const options = { headers: a.header, roles: o.roles, threshold: o.threshold, defaultRegion: o.region,
      dateOrder: o.dateOrder === 'mdy' ? 'month-first' : 'day-first', link: b?.rows, golden: o.golden ? rules : false };
    const out = api.dedupe(a.rows, options);
    const all = b ? a.rows.concat(b.rows) : a.rows;
    const idCol = Object.entries(rolesOf(a.header, o.roles)).find(([, r]) => r === 'id')?.[0];
    const idAt = idCol ? a.header.indexOf(idCol) : -1;
    const linksOf = new Map();
    for (const p of out.pairs) {
      const list = linksOf.get(p.a) ?? [];
      list.push(p);
      linksOf.set(p.a, list);
    }
    const clusters = out.clusters.map((c) => {
      const inside = new Set(c.members);
      const pairs = c.members.flatMap((m) => (linksOf.get(m) ?? []).filter((p) => inside.has(p.b)))
        .map((p) => ({ a: p.a, b: p.b, probability: p.probability, explanation: out.explain(p.a, p.b) }));
      const entry = { records: c.members, ids: idAt >= 0 ? c.members.map((m) => all[m][idAt]) : undefined, probability: c.probability, pairs };
      if (c.golden) Object.assign(entry, { golden: c.golden, plan: c.plan });
      return entry;
    });
    const seconds = (performance.now() - t0) / 1000;
    const doc = { stats: { ...out.stats, seconds }, issues: out.issues, clusters };
    const text = JSON.stringify(doc, null, 1) + '\n';
    if (o.out === '-') process.stdout.write(text);
    else await writeFile(o.out ?? `${o.input.replace(/\.[^./]+$/, '')}.clusters.json`, text);
    if (!o.quiet) {
      const w = o.out === '-' ? process.stderr : process.stdout;
      const dup = clusters.reduce((s, c) => s + c.records.length - 1, 0);
      w.write(`${all.length} records, ${clusters.length} duplicate clusters (${dup} records would merge), ` +
        `${out.stats.candidatePairs} candidate pairs compared, ${seconds.toFixed(2)} s\n`);
    }
    return 0;
  } catch (e) {
    process.stderr.write(`intake dedupe: ${e.message}\n`);
    return 1;
  }
}

/** The roles in use: given ones, else guessed by the core from the headers. */
function rolesOf(header, given) {
  const roles = {};
  for (const h of header) roles[h] = given[h] ?? guessRole(h);
  return roles;
}

function guessRole(h) {
  const k = h.toLowerCase().replace(/[^a-z0-9]/g, '');
  return ['id', 'recid', 'recordid', 'key', 'uid', 'contactid'].includes(k) ? 'id' : '';
}
