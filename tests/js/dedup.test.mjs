// De-duplication in Node: the shared fixture replayed, Febrl 1 against its true pairs, streaming
// with progress, linkage of two lists, the index and survivorship through the public API.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { pairF1, replayDedupCases } from './replay.mjs';

const intake = await import('intake');
const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'dedup');

before(async () => {
  await intake.init();
});

function csv(file) {
  const lines = readFileSync(path.join(fixtures, file), 'utf8').split('\n').filter(Boolean);
  return { headers: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

test('dedup fixture cases replay (clusters, explanations, index queries, golden records)', () => {
  const r = replayDedupCases(intake, readFileSync(path.join(fixtures, 'cases.json'), 'utf8'));
  assert.deepEqual(r.failures, []);
  assert.ok(r.total > 20, `${r.total} checks`);
});

test('Febrl 1: F1 >= 0.999 at the default threshold, as in Rust', () => {
  const { headers, rows } = csv('febrl1.csv');
  const phases = new Set();
  const out = intake.dedupe(rows, { headers, onProgress: (phase) => phases.add(phase) });
  const truth = new Set(csv('febrl1_true_pairs.csv').rows.map(([a, b]) => `${a} ${b}`));
  const { f1 } = pairF1(out.clusters, rows.map((r) => r[0]), truth);
  assert.ok(f1 >= 0.999, `F1 ${f1}`);
  assert.equal(out.stats.records, 1000);
  for (const phase of ['reading', 'blocking', 'comparing', 'training', 'scoring', 'clustering']) assert.ok(phases.has(phase), phase);
});

test('streaming pushes, linkage of two lists and the index agree', () => {
  const { headers, rows } = csv('febrl1.csv');
  const org = rows.filter((r) => r[0].endsWith('-org'));
  const dup = rows.filter((r) => r[0].includes('-dup-'));
  const d = intake.createDeduper({ headers });
  for (let i = 0; i < org.length; i += 100) d.push(org.slice(i, i + 100), 0);
  d.push(dup, 1);
  const out = d.run();
  assert.equal(out.stats.records, 1000);
  // Linked pairs are one record of each list.
  for (const c of out.clusters) assert.equal(c.members.length, 2);
  assert.ok(out.clusters.length >= 495, `${out.clusters.length} linked pairs of 500`);
  const index = d.index();
  const bytes = index.toBytes();
  const loaded = intake.loadDedupIndex(bytes, { headers });
  assert.equal(loaded.size, 1000);
  const q = [...dup[0]];
  q[0] = 'query';
  const found = loaded.match(q);
  assert.ok(found.some((m) => m.id === dup[0][0]), JSON.stringify(found));
  const pos = loaded.add(q);
  assert.equal(pos, 1000);
  assert.throws(() => intake.loadDedupIndex(bytes.slice(0, 100)), /not a dedup index/);
});

test('pushCsv: file bytes in chunks of any size give the clusters that rows do', () => {
  const { headers, rows } = csv('febrl1.csv');
  const bytes = readFileSync(path.join(fixtures, 'febrl1.csv'));
  const want = intake.dedupe(rows, { headers });
  for (const size of [7, 4096, bytes.length]) {
    const d = intake.createDeduper();
    for (let i = 0; i < bytes.length; i += size) d.pushCsv(bytes.subarray(i, i + size));
    assert.equal(d.endCsv(), rows.length);
    const out = d.run();
    assert.equal(out.stats.records, rows.length, `chunks of ${size}`);
    assert.deepEqual(Array.from(out.labels), Array.from(want.labels), `chunks of ${size}`);
    assert.deepEqual(out.pairs, want.pairs, `chunks of ${size}`);
  }
  // Linkage: the second file's columns in another order (and as text) are matched by header name.
  const org = rows.filter((r) => r[0].endsWith('-org'));
  const dup = rows.filter((r) => r[0].includes('-dup-'));
  const order = headers.map((_, i) => i).reverse();
  const text = (hs, rs, cols) => [hs, ...rs].map((r) => cols.map((i) => r[i]).join(',')).join('\r\n');
  const d = intake.createDeduper();
  d.pushCsv(text(headers, org, headers.map((_, i) => i)), 0);
  assert.equal(d.endCsv(0), org.length);
  d.pushCsv(text(headers, dup, order), 1);
  const linked = d.run();
  const byRows = intake.createDeduper({ headers });
  byRows.push(org, 0);
  byRows.push(dup, 1);
  assert.deepEqual(Array.from(linked.labels), Array.from(byRows.run().labels));
  assert.throws(() => intake.createDeduper().pushCsv(42), /pushCsv takes/);
});

test('pushCsv reads what pkg/csv.js reads: a stray quote, CR line ends, an empty line before the header', async () => {
  const { parseCsv } = await import('../../pkg/csv.js');
  const text = '\r\nname,email,phone\rAnn 5" Lee,ann@x.org,+44 20 7946 0958\rBob Roe,bob@y.org,+44 20 7946 0000\r\n'
    + 'Ann 5" Lee,ann@x.org,+44 20 7946 0958\n"Cy ""C"" Poe",cy@z.org,\n';
  const [headers, ...rows] = parseCsv(text).rows;
  assert.equal(rows.length, 4);
  const want = intake.dedupe(rows, { headers });
  const bytes = new TextEncoder().encode(text);
  for (const size of [1, 5, bytes.length]) {
    const d = intake.createDeduper();
    for (let i = 0; i < bytes.length; i += size) d.pushCsv(bytes.subarray(i, i + size));
    assert.equal(d.endCsv(), rows.length, `chunks of ${size}`);
    const out = d.run();
    assert.deepEqual(Array.from(out.labels), Array.from(want.labels), `chunks of ${size}`);
    assert.deepEqual(out.pairs, want.pairs, `chunks of ${size}`);
  }
});

test('golden record: rules as data, a merge plan that points at the source records', () => {
  const records = [
    { id: '1', email: 'ann@x.org', phone: '+44 20 7946 0958', updated: '2024-01-01', source: 'import' },
    { id: '2', email: 'ann.lee@x.org', phone: '', updated: '2025-06-01', source: 'crm' },
  ];
  const g = intake.goldenRecord(records, { rules: { default: ['most_recent'], fields: { email: ['union'], phone: ['source_priority'] }, source: 'source', sourcePriority: ['crm', 'import'] } });
  assert.equal(g.record.id, '2');
  assert.equal(g.record.email, 'ann@x.org; ann.lee@x.org');
  assert.equal(g.record.phone, '+44 20 7946 0958');
  const plan = Object.fromEntries(g.plan.map((d) => [d.column, d]));
  assert.deepEqual(plan.id.from, [1]);
  assert.equal(plan.id.rule, 'most_recent');
  assert.deepEqual(plan.email.from, [0, 1]);
  assert.equal(plan.phone.rule, 'only_value');
  assert.throws(() => intake.goldenRecord(records, { rules: { default: ['no_such_rule'] } }), /survivorship rules/);
});

test('CLI: intake dedupe writes clusters with explanations and golden records', async () => {
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync } = await import('node:fs');
  const os = await import('node:os');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-dedupe-'));
  const out = path.join(dir, 'clusters.json');
  const cli = path.join(import.meta.dirname, '..', '..', 'pkg', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'dedupe', path.join(fixtures, 'febrl1.csv'), '--out', out, '--golden'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /1000 records, \d+ duplicate clusters/);
  const doc = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(doc.stats.records, 1000);
  assert.ok(doc.clusters.length >= 499, `${doc.clusters.length} clusters`);
  const c = doc.clusters.find((x) => x.ids.includes('rec-0-org'));
  assert.deepEqual([...c.ids].sort(), ['rec-0-dup-0', 'rec-0-org']);
  const e = c.pairs[0].explanation;
  assert.ok(Math.abs(e.prior + e.mixture + e.contributions.reduce((s, x) => s + x.weight, 0) - e.weight) < 1e-9);
  assert.equal(c.plan.length, 11);
  assert.equal(c.golden.surname, 'rokobaro');
  const bad = spawnSync(process.execPath, [cli, 'dedupe'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
});
