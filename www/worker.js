// The import cleaner's web worker: parsing, header mapping, cleaning and duplicate detection off the page's thread.
// Messages in: { type: 'clean', text, name, locale, region, mapping? }. Out: { type: 'progress', done, total },
// { type: 'mapped', headers, mapping }, { type: 'done', report, clusters, cleaned }, { type: 'error', message }.
// Cancel is the page terminating this worker: nothing here needs to stop cleanly.
import * as intake from '../pkg/index.js';
import wasm from './gen/wasm.js';
import { cleanRows, findClusters, guessMapping, parseText, qualityReport } from './clean.js';

const ready = intake.init(wasm());

self.onmessage = async ({ data }) => {
  try {
    await ready;
    if (data.type !== 'clean') return;
    const table = parseText(data.text, data.name);
    const mapping = data.mapping ?? guessMapping(table.headers, table.rows, intake);
    self.postMessage({ type: 'mapped', headers: table.headers, mapping, rows: table.rows.length });
    let last = 0;
    const cleaned = cleanRows(intake, table, mapping, {
      locale: data.locale, region: data.region,
      progress: (done, total) => {
        const t = Date.now();
        if (t - last > 50 || done === total) { last = t; self.postMessage({ type: 'progress', done, total }); }
      },
    });
    const report = qualityReport(cleaned);
    const clusters = findClusters(cleaned, intake);
    self.postMessage({ type: 'done', report, clusters, cleaned });
  } catch (e) {
    self.postMessage({ type: 'error', message: String(e?.message ?? e) });
  }
};
