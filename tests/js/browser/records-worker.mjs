// A module web worker streaming 200,000 generated records through validateRecordStream in chunks of 5,000:
// progress goes back to the page after each chunk; only one chunk of results exists at a time.
import * as intake from '/pkg/index.js';

const N = 200_000;
function* source() {
  for (let i = 0; i < N; i++) {
    yield i % 10 === 0
      ? { email: `user${i}@gmial.com`, phone: '۰۹۱۲۳۴۵۶۷۸۹', country: 'ایران' }
      : { email: `user${i}@gmail.com`, phone: `+98912${String(1000000 + (i % 8999999)).padStart(7, '0')}`, country: 'IR' };
  }
}

try {
  await intake.init();
  let chunks = 0, maxChunk = 0, firstValue = null;
  const t0 = performance.now();
  const report = await intake.validateRecordStream(source(), null, {
    chunkSize: 5000,
    onChunk: (results) => {
      chunks++;
      maxChunk = Math.max(maxChunk, results.length);
      firstValue ??= results[0].record.phone;
    },
    onProgress: (p) => postMessage({ progress: p.done }),
  });
  postMessage({ ok: true, chunks, maxChunk, firstValue, report, ms: Math.round(performance.now() - t0) });
} catch (e) {
  postMessage({ ok: false, error: String(e && e.stack || e) });
}
