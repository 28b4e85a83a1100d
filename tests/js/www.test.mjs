// The demo page (www/) end to end in headless Chromium: served by www/serve.mjs with its Content-Security-Policy
// (no network: connect-src 'none'), the live forms in en and fa typed into key by key (suggestion accepted in one
// click, phone formatted as typed, Persian messages right to left), every keystroke through the handler, the
// bundled sample imported and cleaned in the worker (report, clusters, a merge accepted, the export read back), a
// cancelled import, and the CSP shown to block a fetch. Screenshots go to tests/js/artifacts/.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { artifactsDir, ensureArtifactsDir, launchChromium, repoRoot, requireBuild, run } from './harness.mjs';

let browser, site, page, context;
const pageErrors = [];

before(async () => {
  requireBuild();
  const built = await run(process.execPath, [path.join(repoRoot, 'www', 'build.mjs')]);
  assert.equal(built.code, 0, `www/build.mjs: ${built.stderr}`);
  const { serve } = await import('../../www/serve.mjs');
  site = await serve(0);
  browser = await launchChromium();
  context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });
  ensureArtifactsDir();
});

after(async () => {
  await browser?.close().catch(() => {});
  await new Promise((r) => (site ? site.server.close(r) : r()));
});

const shot = (name) => page.screenshot({ path: path.join(artifactsDir, `www-${name}.png`), fullPage: true });
const demo = (expr) => page.evaluate(`window.intakeDemo && (${expr})`);

test('the page loads under its CSP and becomes interactive', { timeout: 60_000 }, async (t) => {
  const t0 = Date.now();
  await page.goto(`${site.url}/www/`);
  await page.waitForFunction(() => window.intakeDemo?.state === 'ready', null, { timeout: 30_000 });
  const tti = await demo('intakeDemo.ttiFromNavigation');
  t.diagnostic(`time to interactive: ${tti.toFixed(0)} ms from navigation start (wasm init + binding ${(await demo('intakeDemo.tti')).toFixed(0)} ms); ${Date.now() - t0} ms wall`);
  assert.ok(tti < 5000, `time to interactive ${tti} ms`);
  const csp = (await page.request.get(`${site.url}/www/`)).headers()['content-security-policy'];
  assert.match(csp, /connect-src 'none'/);
  await shot('loaded');
});

test('en form: typing a mistyped email offers the fix, one click applies it; submit blocked while invalid', { timeout: 60_000 }, async () => {
  const email = page.locator('#en-email');
  await email.pressSequentially('ali@gmial.com', { delay: 5 });
  const suggestion = page.locator('#en-email-intake-message .intake-suggestion');
  await suggestion.waitFor();
  assert.equal(await suggestion.textContent(), 'Did you mean ali@gmail.com?');
  await shot('suggestion');
  await suggestion.click();
  assert.equal(await email.inputValue(), 'ali@gmail.com');
  assert.equal(await email.evaluate((e) => e.validity.valid), true);

  await page.locator('#en-name').pressSequentially("DR. JOHN O'BRIEN", { delay: 5 });
  await page.locator('#en-company').pressSequentially('acme corp', { delay: 5 });
  await page.locator('#en-phone').pressSequentially('4155552671', { delay: 5 });
  assert.equal(await page.locator('#en-phone').inputValue(), '(415) 555-2671', 'US number formatted as typed');
  await page.locator('#en-birth').pressSequentially('1990-13-45', { delay: 5 });
  assert.equal(await page.locator('#en-birth').evaluate((e) => e.validity.customError), true);
  await page.locator('#form-en button[type=submit]').click();
  assert.equal(await page.locator('#en-submitted').textContent(), '', 'an invalid form is not submitted');
  await page.locator('#en-birth').fill('');
  await page.locator('#en-birth').pressSequentially('2 Sep 1980', { delay: 5 });
  await page.locator('#form-en button[type=submit]').click();
  const submitted = JSON.parse(await page.locator('#en-submitted').textContent());
  assert.deepEqual(submitted, {
    name: "John O'Brien", company: 'Acme Corp.', email: 'ali@gmail.com', phone: '+14155552671', country: '', birth: '1980-09-02',
  });
});

test('fa form: Persian digits formatted as typed, messages in Persian, right to left, values isolated', { timeout: 60_000 }, async () => {
  const phone = page.locator('#fa-phone');
  await phone.pressSequentially('۰۹۱۲۳۴۵۶۷۸۹', { delay: 5 });
  assert.equal(await phone.inputValue(), '0912 345 6789');
  const email = page.locator('#fa-email');
  await email.pressSequentially('ali@', { delay: 5 });
  await email.blur();
  const box = page.locator('#fa-email-intake-message');
  assert.equal(await box.textContent(), 'بخش پس از @ را وارد کنید.');
  assert.equal(await box.getAttribute('dir'), 'rtl');
  assert.equal(await box.getAttribute('lang'), 'fa');
  assert.equal(await email.evaluate((e) => e.validationMessage), 'بخش پس از @ را وارد کنید.');
  await email.pressSequentially('hotmial.com', { delay: 5 });
  const suggestion = page.locator('#fa-email-intake-message .intake-suggestion');
  await suggestion.waitFor();
  assert.equal(await suggestion.textContent(), 'آیا منظورتان \u2068ali@hotmail.com\u2069 بود؟');
  await shot('fa');
});

// How long the handler takes is a benchmark's question (bench/www.mjs prints the median and the worst keystroke);
// this checks that every keystroke went through it and that its timings are recorded.
test('every keystroke runs the input handler, and its timings are recorded', async (t) => {
  const stats = await demo('({ en: intakeDemo.forms.en.stats(), fa: intakeDemo.forms.fa.stats() })');
  t.diagnostic(`keystrokes: ${stats.en.calls + stats.fa.calls}; worst ${Math.max(stats.en.worstMs, stats.fa.worstMs).toFixed(2)} ms`);
  assert.ok(stats.en.calls + stats.fa.calls >= 40, JSON.stringify(stats));
  for (const form of [stats.en, stats.fa]) {
    assert.ok(form.calls > 0 && Number.isFinite(form.worstMs) && Number.isFinite(form.medianMs), JSON.stringify(form));
    assert.ok(form.medianMs >= 0 && form.medianMs <= form.worstMs, JSON.stringify(form));
  }
});

test('import cleaner: the bundled sample cleaned in the worker, report, clusters, merge accepted, exports', { timeout: 120_000 }, async (t) => {
  await page.locator('#sample').click();
  await page.waitForFunction(() => window.intakeDemo.state === 'cleaned', null, { timeout: 60_000 });
  t.diagnostic(`sample cleaned in ${(await demo('intakeDemo.cleanMs')).toFixed(0)} ms`);
  const kinds = await page.locator('#mapping-table td.kind').allTextContents();
  assert.deepEqual(kinds, ['name', 'name', 'email', 'phone', 'company', 'country', 'date']);
  const summary = await page.locator('#summary-text').textContent();
  const [, rows, invalid, clusters] = summary.match(/^(\d+) rows, (\d+) with an invalid value, (\d+) duplicate clusters\.$/).map(Number);
  assert.equal(rows, 299, "samples/contacts.csv has 299 non-empty records");
  assert.ok(invalid > 0 && invalid < rows, summary);
  assert.ok(clusters > 0, summary);
  const emailRow = page.locator('#quality tr[data-column="email"]');
  const n = async (k) => Number(await emailRow.locator(`td.n-${k}`).textContent());
  assert.equal((await n('ok')) + (await n('changed')) + (await n('warning')) + (await n('invalid')) + (await n('empty')), rows);
  assert.ok(await n('changed') > 0, 'some emails were standardized');
  const first = page.locator('.cluster').first();
  assert.match(await first.locator('.why').textContent(), /^Rows [0-9, ]+: match [0-9]+%: /);
  await first.locator('button.accept').click();
  assert.equal(await first.getAttribute('data-decision'), 'accepted');
  await shot('report');
  await page.locator('#export-clean').click();
  const csv = await demo('intakeDemo.lastDownload.text');
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], 'first_name,last_name,email,phone,company,country,date_of_birth,intake_merged_rows');
  const merged = lines.filter((l) => !l.endsWith(','));
  assert.equal(merged.length - 1, 1, 'one golden row for the accepted cluster');
  const clusterSize = await first.locator('table tr').count() - 2;
  assert.equal(lines.length - 1, rows - clusterSize + 1, 'the cluster members replaced by their golden record');
  await page.locator('#export-log').click();
  const log = (await demo('intakeDemo.lastDownload.text')).trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(log.some((e) => e.decision === 'accepted'), 'the decision is logged');
  assert.ok(log.some((e) => e.column === 'email' && e.changes.length > 0), 'email changes are logged');
});

test('import cleaner: a large file can be cancelled while the worker runs', { timeout: 120_000 }, async () => {
  const rows = ['name,email,phone'];
  for (let i = 0; i < 60_000; i++) rows.push(`Person ${i},person${i}@acme-${i % 97}.com,+1 415 555 ${String(i % 10000).padStart(4, '0')}`);
  await page.locator('#file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  await page.waitForFunction(() => document.getElementById('progress').value > 0, null, { timeout: 60_000 });
  await page.locator('#cancel').click();
  assert.equal(await demo('intakeDemo.state'), 'cancelled');
  assert.equal(await page.locator('#progress-text').textContent(), 'Cancelled.');
  assert.equal(await page.locator('#report').isHidden(), true);
});

test('nothing left the page: no CSP violations in use, only same-origin GETs, and a fetch is refused', async () => {
  assert.deepEqual(await demo('intakeDemo.violations'), []);
  assert.deepEqual(pageErrors, []);
  const bad = site.requests.filter((r) => r.method !== 'GET' || (r.status !== 200 && r.path !== '/favicon.ico'));
  assert.deepEqual(bad, []);
  const before = site.requests.length;
  const fetched = await page.evaluate(() => fetch('/www/index.html').then(() => 'fetched', (e) => `refused: ${e.name}`));
  assert.equal(fetched, 'refused: TypeError');
  await page.waitForFunction(() => window.intakeDemo.violations.length > 0);
  assert.match((await demo('intakeDemo.violations'))[0], /^connect-src /);
  assert.equal(site.requests.length, before, 'the refused fetch never reached the server');
});
