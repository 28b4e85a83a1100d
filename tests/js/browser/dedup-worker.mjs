// A module web worker: Febrl 1 (tests/fixtures/dedup) pushed into a deduper in chunks of 100 rows, run with
// progress messages, scored against the true pairs; then an index made, serialized, loaded and queried.
import * as intake from '/pkg/index.js';
import { pairF1 } from '/tests/js/replay.mjs';

const csv = async (url) => (await (await fetch(url)).text()).split('\n').filter(Boolean).map((l) => l.split(','));

try {
  await intake.init();
  const [header, ...rows] = await csv('/tests/fixtures/dedup/febrl1.csv');
  const truth = new Set((await csv('/tests/fixtures/dedup/febrl1_true_pairs.csv')).slice(1).map(([a, b]) => `${a} ${b}`));
  const t0 = performance.now();
  const d = intake.createDeduper({ headers: header, onProgress: (phase) => postMessage({ phase }) });
  for (let i = 0; i < rows.length; i += 100) d.push(rows.slice(i, i + 100));
  const out = d.run();
  const { f1 } = pairF1(out.clusters, rows.map((r) => r[0]), truth);
  const index = intake.loadDedupIndex(d.index().toBytes(), { headers: header });
  const found = index.match(rows[1]).map((m) => m.id);
  d.free();
  postMessage({ ok: true, records: out.stats.records, f1, found, ms: Math.round(performance.now() - t0) });
} catch (e) {
  postMessage({ ok: false, error: String(e && e.stack || e) });
}
