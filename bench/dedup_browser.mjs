// Duplicates in headless Chromium (not a test): a contacts set streamed into a module web worker, de-duplicated
// there, scored against its cluster_id column. Issue 7's browser target: 1M contacts in under 120 s.
//
//   node bench/dedup_browser.mjs [--set contacts_1m]      (after scripts/build.sh)
//
// The set is read from out/dedup/<set>.csv, which `node bench/dedup_node.mjs --sets <set>` generates with
// ../shared/tools/gen_contacts.py; contacts_10k comes from ../shared/data. Missing data: a notice, exit 0.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromiumSite, repoRoot } from '../tests/js/harness.mjs';
import { fmtInt, printReport } from './report.mjs';
import { DATA_DIR } from './data.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const set = arg('--set', 'contacts_1m');
const file = set === 'contacts_10k' ? join(DATA_DIR, 'contacts_10k.csv') : join(repoRoot, 'out', 'dedup', `${set}.csv`);
if (!existsSync(file)) {
  console.log(`notice: ${file} not found; run \`node bench/dedup_node.mjs --sets ${set}\` first to generate it`);
  process.exit(0);
}
const served = relative(repoRoot, file).startsWith('..') ? null : `/${relative(repoRoot, file)}`;
if (!served) {
  console.log(`notice: ${file} is outside the repository, which the local server serves; copy or link it under out/`);
  process.exit(0);
}
const site = await chromiumSite();
try {
  const { result, logs } = await site.open(`/bench/dedup_browser.html?csv=${encodeURIComponent(served)}`, `bench-dedup-${set}`,
    { timeout: 600_000 });
  if (!result?.ok) throw new Error(`${result?.error}\n${logs.join('\n')}`);
  const p = result.tp / result.predicted, r = result.tp / result.truth;
  printReport([
    '| set | records | candidate pairs | precision | recall | F1 | read + push s | run s | total s | JS heap MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${set} | ${fmtInt(result.records)} | ${fmtInt(result.candidates)} | ${p.toFixed(4)} | ${r.toFixed(4)} | ` +
      `**${((2 * p * r) / (p + r)).toFixed(4)}** | ${(result.readMs / 1000).toFixed(1)} | ${(result.runMs / 1000).toFixed(1)} | ` +
      `${(result.totalMs / 1000).toFixed(1)} | ${result.jsHeapMb ?? '—'} |`,
  ], [
    '- Headless Chromium (/usr/bin/chromium), one module web worker: fetch + TextDecoderStream + pkg/csv.js, createDeduper, push per parsed chunk, run(); default threshold.',
    '- Truth: pairs sharing cluster_id (the column is passed to the deduper like every other; it has no role there). total = init + read + run, in the worker.',
  ]);
} finally {
  await site.close();
}
