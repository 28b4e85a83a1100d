// The demo form in headless Chromium: time to interactive (navigation start to the forms bound, wasm compiled and
// instantiated; 7 cold loads, each in a fresh browser context) and the cost of each keystroke in the bound form
// (the input handler: validation, message, phone formatting), typed key by key into the English and Persian forms.
//
//   node bench/www.mjs      (make bench; after scripts/build.sh)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { fmt1, printReport, quantile } from './report.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
execFileSync(process.execPath, [path.join(root, 'www', 'build.mjs')], { stdio: 'inherit' });
const { serve } = await import('../www/serve.mjs');
const { chromium } = await import('playwright-core');
const site = await serve(0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});
const LOADS = 7;
const tti = [], init = [];
try {
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/www/`);
    await page.waitForFunction(() => window.intakeDemo?.state === 'ready');
    tti.push(await page.evaluate(() => window.intakeDemo.ttiFromNavigation));
    init.push(await page.evaluate(() => window.intakeDemo.tti));
    if (i < LOADS - 1) await context.close();
    else {
      const typed = {
        '#en-email': 'mohammad.rezaei.1990@gmial.com', '#en-phone': '+1 (415) 555-2671 ext 12', '#en-country': 'United Kingdom',
        '#en-birth': '03/04/1990', '#fa-email': 'علی@مثال.ایران', '#fa-phone': '۰۹۱۲ ۳۴۵ ۶۷۸۹', '#fa-country': 'جمهوری اسلامی ایران',
        '#fa-birth': '۱۳۷۵/۰۴/۱۲',
      };
      for (const [sel, text] of Object.entries(typed)) await page.locator(sel).pressSequentially(text);
      const times = await page.evaluate(() => [...window.intakeDemo.forms.en.timings(), ...window.intakeDemo.forms.fa.timings()]);
      const keys = Object.values(typed).reduce((n, t) => n + [...t].length, 0);
      const lines = [
        '## The demo form in Chromium',
        '',
        '| measure | value |',
        '|---|---|',
        `| time to interactive, median of ${LOADS} cold loads | ${fmt1(quantile(tti, 0.5))} ms (min ${fmt1(Math.min(...tti))}, max ${fmt1(Math.max(...tti))}) |`,
        `| of which wasm compile + init + binding the forms, median | ${fmt1(quantile(init, 0.5))} ms |`,
        `| keystrokes typed | ${times.length} (${keys} characters) |`,
        `| keystroke handler, median | ${fmt1(quantile(times, 0.5))} ms |`,
        `| keystroke handler, p99 | ${fmt1(quantile(times, 0.99))} ms |`,
        `| keystroke handler, worst single call | ${fmt1(Math.max(...times))} ms |`,
      ];
      printReport(lines, [
        `(a) Chromium ${browser.version()} headless, the page served on 127.0.0.1 by www/serve.mjs; time to interactive is performance.now() when ` +
          'both forms are bound (navigation start = 0). The wasm (pkg/gen, default features) arrives as a script module (the CSP forbids fetch).',
        '(b) Keystroke: the input handler of intake/form, timed with performance.now() inside the page (resolution 0.1 ms in Chromium): ' +
          'formatting (phones), validation and the message. Browsers clamp timers, so 0.0 means under 0.1 ms.',
      ]);
      await context.close();
    }
  }
} finally {
  await browser.close();
  site.server.close();
}
