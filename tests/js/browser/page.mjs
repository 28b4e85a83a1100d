// What the browser test pages share: fetching fixture text, running a module worker to its result, and publishing
// the page's result as `window.__intake` (what tests/js/harness.mjs waits for) with a readable copy in #out.

/** The text at `url`; an HTTP error is an exception, not an error page replayed as a fixture. */
export const fetchText = (url) => fetch(url).then((r) => {
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.text();
});

/**
 * Runs the module worker at `url` until it posts its result (a message with `ok`); every earlier message is
 * progress, handed to `onProgress`. The worker is terminated either way.
 */
export function workerResult(url, onProgress) {
  const worker = new Worker(url, { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (e) => {
      if ('ok' in e.data) resolve(e.data);
      else onProgress(e.data);
    };
    worker.onerror = (e) => reject(new Error(e.message));
  }).finally(() => worker.terminate());
}

/**
 * Publishes `{ ok: true, ...await run() }` as the page's result, shown in #out by `show` (JSON by default), or
 * `{ ok: false, error }` when `run` throws.
 */
export async function publish(run, show = (result) => JSON.stringify(result, null, 2)) {
  const out = document.getElementById('out');
  try {
    window.__intake = { ok: true, ...(await run()) };
    out.textContent = show(window.__intake);
  } catch (e) {
    window.__intake = { ok: false, error: String(e && e.stack || e) };
    out.textContent = 'FAILED: ' + window.__intake.error;
  }
}
