// The worker of bench/dedup_browser.html: streams a contacts CSV from the local server through pkg/csv.js into a
// deduper in chunks (as the import cleaner does), runs it, and scores the clusters against the file's cluster_id
// column (the generator's truth: two records are a true pair when they share it). Posts timings and F1.
import * as intake from '/pkg/index.js';
import { CsvParser } from '/pkg/csv.js';

onmessage = async ({ data: { csv } }) => {
  try {
    const t0 = performance.now();
    await intake.init();
    const parser = new CsvParser();
    let header = null, d = null, clusterCol = -1;
    const truthOf = [];
    const take = (rows) => {
      let fields = rows.map((r) => r.fields);
      if (!header && fields.length) {
        header = fields[0];
        fields = fields.slice(1);
        clusterCol = header.indexOf('cluster_id');
        d = intake.createDeduper({ headers: header, onProgress: (phase, done) => postMessage({ phase, done }) });
      }
      if (!fields.length) return;
      for (const f of fields) truthOf.push(f[clusterCol]);
      d.push(fields);
    };
    const reader = (await fetch(csv)).body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      take(parser.push(value));
    }
    take(parser.end());
    const read = performance.now();
    const out = d.run();
    const ran = performance.now();
    let tp = 0, predicted = 0;
    for (const c of out.clusters) {
      const m = c.members;
      for (let i = 0; i < m.length; i++) for (let j = i + 1; j < m.length; j++) {
        predicted++;
        if (truthOf[m[i]] === truthOf[m[j]]) tp++;
      }
    }
    const sizes = new Map();
    for (const c of truthOf) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    let truth = 0;
    for (const n of sizes.values()) truth += (n * (n - 1)) / 2;
    d.free();
    const memory = performance.memory ? Math.round(performance.memory.usedJSHeapSize / 2 ** 20) : null;
    postMessage({
      ok: true, records: truthOf.length, candidates: out.stats.candidatePairs, tp, predicted, truth,
      readMs: Math.round(read - t0), runMs: Math.round(ran - read), totalMs: Math.round(ran - t0), jsHeapMb: memory,
    });
  } catch (e) {
    postMessage({ ok: false, error: String((e && e.stack) || e) });
  }
};
