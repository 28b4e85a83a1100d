// Duplicates in Chromium: the dedup fixture replayed in a page, and Febrl 1 de-duplicated in a module web worker
// (chunked pushes, progress messages, F1 against the true pairs, an index through bytes) (tests/js/browser/dedup.html).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromiumSite } from './harness.mjs';

let site;
before(async () => {
  site = await chromiumSite();
});
after(() => site?.close());

test('Chromium: dedup fixture replays, and a web worker de-duplicates Febrl 1', { timeout: 180_000 }, async (t) => {
  const { result, logs } = await site.open('/tests/js/browser/dedup.html', 'chromium-dedup', { timeout: 150_000 });
  assert.ok(result?.ok, `page failed: ${result?.error}\n${logs.join('\n')}`);
  assert.deepEqual(result.cases.failures, []);
  assert.ok(result.cases.total > 20);
  const r = result.run;
  assert.ok(r.ok, r.error);
  t.diagnostic(`chromium worker: febrl1 in ${r.ms} ms`);
  assert.equal(r.records, 1000);
  assert.ok(r.f1 >= 0.999, `F1 ${r.f1}`);
  assert.ok(r.found.includes('rec-0-org'), JSON.stringify(r.found));
  for (const phase of ['blocking', 'clustering', 'comparing', 'scoring', 'training']) assert.ok(result.phases.includes(phase), phase);
});
