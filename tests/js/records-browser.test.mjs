// Records in Chromium: the record fixtures and header fixtures replayed in a page, and 200,000 records streamed
// through validateRecordStream in a module web worker with progress messages (tests/js/browser/records.html).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromiumSite } from './harness.mjs';

let site;
before(async () => {
  site = await chromiumSite();
});
after(() => site?.close());

test('Chromium: record fixtures replay, and a web worker streams 200k records with progress', { timeout: 300_000 }, async (t) => {
  const { result, logs } = await site.open('/tests/js/browser/records.html', 'chromium-records', { timeout: 240_000 });
  assert.ok(result?.ok, `page failed: ${result?.error}\n${logs.join('\n')}`);
  assert.deepEqual(result.records.failures, []);
  assert.ok(result.records.total >= 35);
  for (const k of ['headers', 'heldout']) {
    t.diagnostic(`chromium ${k}: ${result[k].right}/${result[k].total}`);
    assert.ok(result[k].rate >= 0.95, JSON.stringify(result[k].failures.slice(0, 5)));
  }
  const s = result.stream;
  assert.ok(s.ok, s.error);
  t.diagnostic(`chromium worker: 200k records in ${s.ms} ms`);
  assert.equal(s.chunks, 40);
  assert.equal(s.maxChunk, 5000);
  assert.equal(s.firstValue, '+989123456789');
  assert.equal(result.progress, 40);
  assert.equal(result.lastProgress, 200_000);
  assert.equal(s.report.records, 200_000);
  assert.equal(s.report.valid, 200_000);
  assert.equal(s.report.codes['email.domain_typo'], 20_000);
});
