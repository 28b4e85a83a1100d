// De-duplication benchmark (not a test): intake in Node against Splink 5 and recordlinkage 0.16 (bench/dedup.py, in
// a Python venv this script creates from scripts/requirements-dedup.txt), on the same sets and true pairs, with
// pairwise precision / recall / F1 of the clusters at each tool's default threshold, no tuning per set.
//
//   node bench/dedup_node.mjs [--sets febrl1,febrl2,febrl3,febrl4,contacts_10k] [--peers splink,recordlinkage]
//                             [--index contacts_10k] [--queries 2000]
//
// contacts_100k and contacts_1m are made by ../shared/tools/gen_contacts.py into out/dedup/ (git-ignored) when
// asked for. Each intake run is its own Node process (the file's bytes streamed in 1 MB chunks into a deduper with
// pushCsv), so its peak RSS is its own. `--index SET` also builds an incremental index of SET and times match() for --queries records taken
// from it (p50 / p99). `make bench` runs the default sets; recordlinkage at 100k takes minutes and ~13 GB, so
// large sets are only run when named: `--sets contacts_100k --peers splink`.

import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CsvParser } from '../pkg/csv.js';
import { ROOT, DATA_DIR } from './data.mjs';
import { fmt1, fmtInt, printReport, quantile, ratio } from './report.mjs';

const BIG = join(ROOT, 'out', 'dedup');
const VENV = process.env.DEDUP_VENV ?? '/tmp/venv-dedup';
const log = (s) => process.stderr.write(`${s}\n`);
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};

function setFiles(name) {
  if (name === 'febrl4') return { files: [join(DATA_DIR, 'febrl', 'febrl4a.csv'), join(DATA_DIR, 'febrl', 'febrl4b.csv')], truth: join(DATA_DIR, 'febrl', 'febrl4_true_pairs.csv') };
  if (name.startsWith('febrl')) return { files: [join(DATA_DIR, 'febrl', `${name}.csv`)], truth: join(DATA_DIR, 'febrl', `${name}_true_pairs.csv`) };
  if (name === 'contacts_10k') return { files: [join(DATA_DIR, 'contacts_10k.csv')], truth: join(DATA_DIR, 'contacts_10k_true_pairs.csv') };
  return { files: [join(BIG, `${name}.csv`)], truth: join(BIG, `${name}_true_pairs.csv`) };
}

/** Streams a CSV file: calls onRows(rows as string arrays) per chunk; returns the header. */
async function streamCsv(path, onRows) {
  const parser = new CsvParser();
  let header = null;
  const take = (rows) => {
    let fields = rows.map((r) => r.fields);
    if (!header && fields.length) {
      header = fields[0];
      fields = fields.slice(1);
    }
    if (fields.length) onRows(fields, header);
  };
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) take(parser.push(chunk));
  take(parser.end());
  return header;
}

async function truthPairs(path, idOf) {
  const pairs = new Set();
  await streamCsv(path, (rows) => {
    for (const [a, b] of rows) {
      const x = idOf.get(a), y = idOf.get(b);
      if (x !== undefined && y !== undefined) pairs.add(x < y ? x * 2 ** 24 + y : y * 2 ** 24 + x);
    }
  });
  return pairs;
}

/** One set in this process: prints a JSON line. */
async function runOne(name, indexQueries) {
  const intake = await import('../pkg/index.js');
  await intake.init();
  const { files, truth } = setFiles(name);
  // Timed: the files' bytes streamed straight into the deduper (pushCsv), then run. Phase starts
  // (from the progress callback) give where the time goes.
  const phases = [['read+push', 0]];
  const d = intake.createDeduper({ onProgress: (phase) => { if (phase !== 'reading' && phase !== phases.at(-1)[0]) phases.push([phase, performance.now() - started]); } });
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const [source, f] of files.entries()) {
    for await (const chunk of createReadStream(f, { highWaterMark: 1 << 20 })) d.pushCsv(chunk, source);
    d.endCsv(source);
  }
  const out = d.run();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // Not timed: the record ids, in push order, for the true pairs.
  const ids = [];
  for (const f of files) await streamCsv(f, (rows) => { for (const r of rows) ids.push(r[0]); });
  const idOf = new Map(ids.map((id, i) => [id, i]));
  const truthSet = await truthPairs(truth, idOf);
  let tp = 0, predicted = 0;
  for (const c of out.clusters) {
    const m = c.members;
    for (let i = 0; i < m.length; i++) for (let j = i + 1; j < m.length; j++) {
      predicted++;
      if (truthSet.has(m[i] < m[j] ? m[i] * 2 ** 24 + m[j] : m[j] * 2 ** 24 + m[i])) tp++;
    }
  }
  const p = predicted ? tp / predicted : 0, r = truthSet.size ? tp / truthSet.size : 0;
  const result = {
    tool: 'intake', set: name, records: ids.length, candidates: out.stats.candidatePairs, precision: p, recall: r,
    f1: tp ? (2 * p * r) / (p + r) : 0, seconds, cpu_seconds: cpuSeconds, peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    phases: phases.map(([phase, t], i) => [phase, ((phases[i + 1]?.[1] ?? seconds * 1000) - t) / 1000]),
  };
  if (indexQueries > 0) {
    const t0 = performance.now();
    const index = d.index();
    const bytes = index.toBytes();
    const loaded = intake.loadDedupIndex(bytes, { headers: index.headers });
    result.index_build_s = (performance.now() - t0) / 1000;
    result.index_mb = bytes.length / 2 ** 20;
    // Queries: records of the set itself, spread over it (each finds at least itself).
    const rows = [];
    const step = Math.max(1, Math.floor(ids.length / indexQueries));
    let k = 0;
    await streamCsv(files[0], (chunk) => {
      for (const row of chunk) if (k++ % step === 0 && rows.length < indexQueries) rows.push(row);
    });
    const times = [];
    let found = 0;
    for (const row of rows) {
      const t = performance.now();
      const m = loaded.match(row);
      times.push(performance.now() - t);
      if (m.some((x) => x.id === row[0])) found++;
    }
    result.match_p50_ms = quantile(times, 0.5);
    result.match_p99_ms = quantile(times, 0.99);
    result.match_found_self = found / rows.length;
    const t1 = performance.now();
    for (const row of rows.slice(0, 500)) loaded.add(row);
    result.add_ms = (performance.now() - t1) / Math.min(500, rows.length);
  }
  console.log(JSON.stringify(result));
}

function ensureVenv() {
  if (existsSync(join(VENV, 'bin', 'python'))) return true;
  log(`making ${VENV} (scripts/requirements-dedup.txt)`);
  let r = spawnSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
  if (r.status !== 0) return false;
  r = spawnSync(join(VENV, 'bin', 'pip'), ['install', '-q', '-r', join(ROOT, 'scripts', 'requirements-dedup.txt')], { stdio: 'inherit' });
  return r.status === 0;
}

function ensureSet(name) {
  const { files } = setFiles(name);
  if (files.every(existsSync)) return true;
  const m = /^contacts_(\d+)(k|m)$/.exec(name);
  if (!m || !ensureVenv()) return false;
  const n = Number(m[1]) * (m[2] === 'k' ? 1000 : 1000000);
  mkdirSync(BIG, { recursive: true });
  log(`generating ${name} with ../shared/tools/gen_contacts.py`);
  const r = spawnSync(join(VENV, 'bin', 'python'), [join(ROOT, '..', 'shared', 'tools', 'gen_contacts.py'), '--n', String(n), '--seed', m[2] === 'k' ? '1' : '2', '--out', join(BIG, name)], { stdio: 'inherit' });
  return r.status === 0;
}

async function main() {
  const one = arg('--one', null);
  if (one) return runOne(one, Number(arg('--queries', 0)));
  const sets = arg('--sets', 'febrl1,febrl2,febrl3,febrl4,contacts_10k').split(',');
  const peers = arg('--peers', 'splink,recordlinkage');
  const indexSet = arg('--index', 'contacts_10k');
  const queries = arg('--queries', '2000');
  const results = [];
  for (const name of sets) {
    if (!ensureSet(name)) { log(`notice: ${name} not available; skipped`); continue; }
    log(`intake ${name}`);
    const r = spawnSync(process.execPath, ['--max-old-space-size=4096', import.meta.filename, '--one', name, '--queries', name === indexSet ? queries : '0'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const line = r.stdout.trim().split('\n').pop();
    if (r.status === 0 && line) results.push(JSON.parse(line)); else log(`intake ${name} failed`);
  }
  if (peers && peers !== 'none' && ensureVenv()) {
    log(`peers: ${peers}`);
    const r = spawnSync(join(VENV, 'bin', 'python'), [join(ROOT, 'bench', 'dedup.py'), '--sets', sets.join(','), '--tools', peers, '--data', DATA_DIR, '--big', BIG], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    for (const line of r.stdout.trim().split('\n').filter(Boolean)) {
      const o = JSON.parse(line);
      if (o.error) log(`${o.tool} ${o.set}: ${o.error}`); else results.push(o);
    }
  }
  const lines = ['| set | tool | records | candidate pairs | precision | recall | F1 | seconds | CPU seconds | peak RSS MB | intake speed-up | CPU ratio |', '|---|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const name of sets) {
    const mine = results.find((x) => x.set === name && x.tool === 'intake');
    for (const x of results.filter((y) => y.set === name)) {
      lines.push(`| ${name} | ${x.tool} | ${fmtInt(x.records)} | ${fmtInt(x.candidates)} | ${x.precision.toFixed(4)} | ${x.recall.toFixed(4)} | **${x.f1.toFixed(4)}** | ${fmt1(x.seconds)} | ${x.cpu_seconds === undefined ? '—' : fmt1(x.cpu_seconds)} | ${fmtInt(x.peak_rss_mb)} | ${x.tool === 'intake' ? '' : ratio(x.seconds, mine?.seconds ?? null)} | ${x.tool === 'intake' ? '' : ratio(x.cpu_seconds ?? null, mine?.cpu_seconds ?? null)} |`);
    }
  }
  const notes = ['Pairwise metrics over every pair inside a predicted cluster, against the true pairs. intake: default threshold 0.5, model trained by EM on each batch; Splink: EM-trained, p >= 0.5, clusters at 0.5 ("candidate pairs" for Splink counts its links); recordlinkage: multi-pass blocking, ECM classifier, connected components.',
    'Seconds: end to end after reading the CSV (intake includes streaming the CSV in). CPU seconds: user + system of the same span, every thread of the process (Splink\'s DuckDB uses all cores; intake one). Peak RSS: the whole process.'];
  for (const x of results.filter((y) => y.phases)) notes.push(`intake ${x.set}, seconds per phase: ${x.phases.map(([phase, s]) => `${phase} ${s.toFixed(2)}`).join(', ')} (clustering includes building the JS result).`);
  const ix = results.find((x) => x.match_p99_ms !== undefined);
  if (ix) notes.push(`Incremental (${ix.set}): index of ${fmtInt(ix.records)} records built and serialized in ${fmt1(ix.index_build_s)} s (${fmt1(ix.index_mb)} MB); match() p50 ${ix.match_p50_ms.toFixed(3)} ms, p99 ${ix.match_p99_ms.toFixed(3)} ms over ${queries} queries (each found itself: ${(100 * ix.match_found_self).toFixed(1)}%); add() ${ix.add_ms.toFixed(3)} ms.`);
  printReport(lines, notes);
}

await main();
