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
