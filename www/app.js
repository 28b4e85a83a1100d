// The demo page: the live forms (en and fa) bound with intake/form, and the import cleaner driving worker.js.
import { init, versions } from '../pkg/index.js';
import { bindForm } from '../pkg/form.js';
import { formatNumber } from '../pkg/locales.js';
import wasm from './gen/wasm.js';
import sample from './gen/sample.js';
import { changesLog, exportCsv } from './clean.js';

const $ = (id) => document.getElementById(id);
const started = performance.now();
const demo = { forms: {}, violations: [], state: 'loading' };
window.intakeDemo = demo;
document.addEventListener('securitypolicyviolation', (e) => demo.violations.push(`${e.violatedDirective} ${e.blockedURI}`));

await init(wasm());
for (const [id, locale] of [['form-en', 'en'], ['form-fa', 'fa']]) {
  const form = $(id);
  const bound = bindForm(form, { phoneRegion: locale === 'fa' ? 'IR' : 'US' });
  demo.forms[locale] = bound;
  form.addEventListener('submit', (event) => {
    event.preventDefault(); // nothing is sent anywhere: show what would be submitted
    const out = {};
    for (const [name, r] of Object.entries(bound.results())) out[name] = r ? r.value : '';
    $(`${locale}-submitted`).textContent = JSON.stringify(out, null, 1);
  });
}
demo.tti = performance.now() - started;
demo.ttiFromNavigation = performance.now();
$('status').textContent = `Ready in ${Math.round(demo.tti)} ms (intake ${versions().intake}).`;
demo.state = 'ready';

// ---- import cleaner ----
let worker = null;
let current = null; // { cleaned, clusters, report, decisions, name }

function stopWorker() {
  worker?.terminate();
  worker = null;
  $('progress-row').hidden = true;
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  demo.lastDownload = { name, text };
}

function el(tag, { dataset, ...attrs } = {}, ...children) {
  const e = Object.assign(document.createElement(tag), attrs);
  Object.assign(e.dataset, dataset);
  e.append(...children);
  return e;
}

function renderMapping(headers, mapping, rows) {
  const box = $('mapping');
  box.hidden = false;
  box.replaceChildren(el('h3', {}, `Columns (${rows} rows)`),
    el('table', { id: 'mapping-table' },
      el('tr', {}, el('th', {}, 'column'), el('th', {}, 'read as')),
      ...headers.map((h, i) => el('tr', {}, el('td', {}, h), el('td', { className: 'kind' }, mapping[i].kind)))));
}

function bar(counts, total) {
  const b = el('div', { className: 'bar', role: 'img', ariaLabel: Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ') });
  for (const [k, cls] of [['ok', 'ok'], ['kept', 'ok'], ['changed', 'changed'], ['warning', 'warn'], ['invalid', 'bad'], ['empty', 'empty']]) {
    if (counts[k]) b.append(el('span', { className: cls, title: `${k}: ${counts[k]}`, style: `width:${(100 * counts[k]) / total}%` }));
  }
  return b;
}

function renderReport() {
  const { report, clusters, decisions } = current;
  $('report').hidden = false;
  $('summary').replaceChildren(el('p', { id: 'summary-text' },
    `${report.rows} rows, ${report.invalidRows} with an invalid value, ${clusters.length} duplicate clusters.`));
  $('charts').replaceChildren(el('table', { id: 'quality' },
    el('tr', {}, ...['column', 'kind', 'ok', 'changed', 'warning', 'invalid', 'empty', '', 'commonest issues'].map((h) => el('th', {}, h))),
    ...report.columns.filter((c) => c.kind !== 'other').map((c) => el('tr', { dataset: { column: c.column } },
      el('td', {}, c.column), el('td', {}, c.kind),
      ...['ok', 'changed', 'warning', 'invalid', 'empty'].map((k) => el('td', { className: `n-${k}` }, String(c.counts[k] + (k === 'ok' ? c.counts.kept : 0)))),
      el('td', {}, bar(c.counts, report.rows)),
      el('td', {}, c.topIssues.map(([code, n]) => `${code} ×${n}`).join(', '))))));
  $('clusters-summary').textContent = clusters.length
    ? `${clusters.length} clusters. Accept a merge to keep one golden record in the export; reject to keep the rows apart.`
    : 'No duplicates found.';
  const { headers } = current.cleaned;
  $('clusters').replaceChildren(...clusters.map((cl, k) => {
    const box = el('div', { className: 'cluster', dataset: { cluster: String(k), decision: decisions[k] ?? '' } });
    box.append(
      el('p', { className: 'why' }, `Rows ${cl.rows.map((r) => r + 2).join(', ')}: ${cl.reasons.map((r) => r.reason).join('; ')}`),
      el('table', {},
        el('tr', {}, el('th', {}, 'row'), ...headers.map((h) => el('th', {}, h))),
        ...cl.rows.map((r) => el('tr', {}, el('td', {}, String(r + 2)), ...current.cleaned.cells[r].map((c) => el('td', {}, c.value)))),
        el('tr', { className: 'golden' }, el('th', {}, 'golden'), ...cl.golden.map((v) => el('th', {}, v)))),
      el('button', { type: 'button', className: 'accept', onclick: () => decide(k, 'accepted') }, 'Accept merge'),
      el('button', { type: 'button', className: 'reject', onclick: () => decide(k, 'rejected') }, 'Reject'));
    return box;
  }));
}

function decide(k, decision) {
  current.decisions[k] = decision;
  document.querySelector(`.cluster[data-cluster="${k}"]`).dataset.decision = decision;
}

function cleanText(text, name) {
  stopWorker();
  $('report').hidden = true;
  $('progress-row').hidden = false;
  $('progress').value = 0;
  $('progress-text').textContent = 'Reading…';
  const t0 = performance.now();
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  demo.state = 'cleaning';
  worker.onmessage = ({ data }) => {
    if (data.type === 'mapped') renderMapping(data.headers, data.mapping, data.rows);
    else if (data.type === 'progress') {
      $('progress').value = data.done / data.total;
      $('progress-text').textContent = `${formatNumber(data.done, 'en')} / ${formatNumber(data.total, 'en')} cells`;
    } else if (data.type === 'done') {
      current = { ...data, decisions: {}, name };
      stopWorker();
      renderReport();
      demo.cleanMs = performance.now() - t0;
      demo.state = 'cleaned';
    } else if (data.type === 'error') {
      stopWorker();
      $('progress-text').textContent = `Could not read the file: ${data.message}`;
      $('progress-row').hidden = false;
      demo.state = 'error';
    }
  };
  worker.postMessage({ type: 'clean', text, name, locale: 'en' });
}

$('sample').addEventListener('click', () => cleanText(sample, 'contacts.csv'));
$('cancel').addEventListener('click', () => {
  stopWorker();
  demo.state = 'cancelled';
  $('progress-text').textContent = 'Cancelled.';
  $('progress-row').hidden = false;
});

async function readFile(file) {
  if (/\.xlsx$/i.test(file.name)) {
    // No XLSX reader is bundled: SheetJS's npm release (0.18.5) has open advisories (prototype pollution, ReDoS).
    $('progress-row').hidden = false;
    $('progress-text').textContent = 'XLSX is not supported: save the sheet as CSV.';
    return;
  }
  cleanText(await file.text(), file.name);
}
$('file').addEventListener('change', (e) => e.target.files[0] && readFile(e.target.files[0]));
const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  if (e.dataTransfer.files[0]) readFile(e.dataTransfer.files[0]);
});

$('export-clean').addEventListener('click', () => {
  download(current.name.replace(/\.\w+$/, '') + '.clean.csv', exportCsv(current.cleaned, current.clusters, current.decisions), 'text/csv');
});
$('export-log').addEventListener('click', () => {
  download(current.name.replace(/\.\w+$/, '') + '.changes.jsonl', changesLog(current.cleaned, current.clusters, current.decisions), 'application/x-ndjson');
});
