// Formatting and printing shared by the benchmarks: number formats, ratios, quantiles, and the
// table + footnotes + machine line every benchmark ends with.
import os from 'node:os';

const nf = new Intl.NumberFormat('en-US');
export const fmtInt = (x) => nf.format(Math.round(x));
export const fmt1 = (x) => x.toFixed(x < 10 ? 2 : 1);
export const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');

/** `a / b` as "1.23×"; "—" when either side is missing or the ratio is undefined. */
export const ratio = (a, b) => {
  if (a === null || b === null || !(b > 0) || !Number.isFinite(a / b)) return '—';
  const r = a / b;
  return r === 0 ? '0×' : r < 0.1 ? `${r.toPrecision(2)}×` : `${r.toFixed(2)}×`;
};

export function quantile(arr, q) {
  const a = Float64Array.from(arr).sort();
  return a[Math.min(a.length - 1, Math.floor(q * a.length))];
}

/**
 * Per-call latencies in µs of `call(item)` over `items`, each call timed alone with process.hrtime: the best of
 * `passes` passes by median, with its p50, p99 and mean, and how many results `good(result, item)` accepts.
 */
export function timeCalls(items, call, good, passes) {
  let best = null;
  let ok = 0;
  for (let p = 0; p < passes; p++) {
    const us = new Float64Array(items.length);
    ok = 0;
    for (let i = 0; i < items.length; i++) {
      const t = process.hrtime.bigint();
      const r = call(items[i]);
      us[i] = Number(process.hrtime.bigint() - t) / 1000;
      if (good(r, items[i])) ok++;
    }
    if (best === null || quantile(us, 0.5) < quantile(best, 0.5)) best = us;
  }
  return { p50: quantile(best, 0.5), p99: quantile(best, 0.99), mean: best.reduce((a, b) => a + b, 0) / best.length, ok };
}

/** µs per item of one batch call `run(items)`: the best of `passes` passes. */
export function timeBatch(items, run, passes) {
  let best = Infinity;
  for (let p = 0; p < passes; p++) {
    const t = performance.now();
    run(items);
    best = Math.min(best, ((performance.now() - t) * 1000) / items.length);
  }
  return best;
}

/** Prints the markdown table lines, the footnotes and the machine. */
export function printReport(lines, notes) {
  const cpus = os.cpus();
  console.log(lines.join('\n'));
  console.log('');
  for (const n of notes) console.log(n);
  console.log('');
  console.log(`Machine: node ${process.version}, ${cpus[0]?.model?.trim() ?? 'unknown CPU'} × ${cpus.length} logical cores, ` +
    `${os.platform()} ${os.arch()}, ${fmt1(os.totalmem() / 2 ** 30)} GB RAM.`);
}
