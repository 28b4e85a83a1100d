// Website and company benchmark (not a test): µs per call of intake's validateWebsite and validateCompany in Node,
// p50 / p99 of single calls and the mean of a plain loop, in ONE process. Websites side by side with what a user
// would otherwise write: `new URL()` (https:// added when missing), the npm `psl` package for the registrable
// domain, and utm_* parameters dropped. Companies have no JS peer (cleanco is Python); intake's numbers only.
// Then the wasm bytes the website and company features add, from target/feature-size.json
// (`bash bench/feature_size.sh website company`, run by `BIZ_SIZE=1 node bench/biz.mjs`).
//
//   node bench/biz.mjs          (make bench)        ~20 seconds
//
// Inputs: the website fixtures (tests/fixtures/website/*.jsonl) and, when ../shared/data is present, the company
// column of contacts_10k.csv (else the company fixtures), each company also written as a website
// (`www.<name>.com/?utm_source=crm`).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import psl from 'psl';
import { fmt1, fmtInt, printReport, quantile, ratio } from './report.mjs';
import { ROOT, CONTACTS_10K, loadCsvObjects } from './data.mjs';

const log = (s) => process.stderr.write(`${s}\n`);
const PASSES = 5;

const fixtureInputs = (field) => readdirSync(join(ROOT, 'tests', 'fixtures', field)).filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join(ROOT, 'tests', 'fixtures', field, f), 'utf8').split('\n').filter(Boolean))
  .map((l) => JSON.parse(l).input);

const rows = loadCsvObjects(CONTACTS_10K, { notice: log });
const companies = rows ? rows.map((r) => r.company).filter(Boolean) : fixtureInputs('company');
const companySource = rows ? `${companies.length} company cells of contacts_10k.csv` : `${companies.length} company fixture inputs`;
const websites = [...fixtureInputs('website'),
  ...companies.slice(0, 2000).map((c) => `www.${c.toLowerCase().replace(/[^a-z0-9]+/g, '')}.com/?utm_source=crm`)];
log(`inputs: ${websites.length} websites, ${companySource}`);

const intake = await import(pathToFileURL(join(ROOT, 'pkg', 'index.js')).href);
await intake.init(readFileSync(join(ROOT, 'pkg', 'gen', 'intake_bg.wasm')));

/** What a user would write without intake: URL parsing, psl for the registrable domain, utm_* dropped. */
function peerWebsite(s) {
  let url;
  try {
    const t = s.trim();
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t}`);
  } catch {
    return { valid: false };
  }
  for (const k of [...url.searchParams.keys()]) if (/^utm_/i.test(k)) url.searchParams.delete(k);
  url.hash = '';
  return { valid: true, value: url.href, domain: psl.get(url.hostname) };
}

/**
 * p50 and p99 of single calls (wall clock, µs) and the mean CPU µs per call of a plain loop, best of PASSES. The
 * loop is timed in CPU time (process.cpuUsage): on a shared machine the wall time of a long loop counts the time
 * the process waits for a core.
 */
function measure(fn, inputs) {
  for (let i = 0; i < 3; i++) for (const s of inputs) fn(s); // warm-up
  const single = new Float64Array(inputs.length * 2);
  let best = Infinity;
  for (let p = 0; p < PASSES; p++) {
    const c0 = process.cpuUsage();
    for (const s of inputs) fn(s);
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000 / inputs.length);
  }
  let k = 0;
  for (let r = 0; r < 2; r++) {
    for (const s of inputs) {
      const t = performance.now();
      fn(s);
      single[k++] = performance.now() - t;
    }
  }
  return { p50: quantile(single, 0.5) * 1000, p99: quantile(single, 0.99) * 1000, mean: best * 1000 };
}

const web = measure((s) => intake.validateWebsite(s), websites);
const webPeer = measure(peerWebsite, websites);
const comp = measure((s) => intake.validateCompany(s), companies);
const compKeys = measure((s) => intake.validateCompany(s, { website: 'www.acme.co.uk', email: 'jane@acme.co.uk' }), companies);

// Agreement of the registrable domain with psl on the inputs both read as valid.
let both = 0, same = 0;
for (const s of websites) {
  const a = intake.validateWebsite(s), b = peerWebsite(s);
  if (a.valid && b.valid && a.social === null && b.domain) {
    both++;
    if (a.domain === b.domain) same++;
  }
}

if (process.env.BIZ_SIZE === '1') spawnSync('bash', [join(ROOT, 'bench', 'feature_size.sh'), 'website', 'company'], { stdio: 'inherit' });
const sizeFile = join(ROOT, 'target', 'feature-size.json');
const sizes = existsSync(sizeFile) ? JSON.parse(readFileSync(sizeFile, 'utf8')) : {};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const size = (f) => (sizes[f] ? `${kb(sizes[f].added.raw)} raw, ${kb(sizes[f].added.brotli)} brotli` : 'not measured (BIZ_SIZE=1)');

const psv = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'psl', 'package.json'), 'utf8')).version;
const us = (x) => fmt1(x);
printReport([
  `| µs per call (Node) | p50 | p99 | mean CPU (loop) | vs new URL + psl ${psv} |`,
  '| --- | ---: | ---: | ---: | ---: |',
  `| validateWebsite (${fmtInt(websites.length)} inputs) | ${us(web.p50)} | ${us(web.p99)} | ${us(web.mean)} | ${ratio(webPeer.mean, web.mean)} faster |`,
  `| new URL + psl.get + utm_* removed | ${us(webPeer.p50)} | ${us(webPeer.p99)} | ${us(webPeer.mean)} | 1× |`,
  `| validateCompany (${companySource}) | ${us(comp.p50)} | ${us(comp.p99)} | ${us(comp.mean)} | — |`,
  `| validateCompany with website + email keys | ${us(compKeys.p50)} | ${us(compKeys.p99)} | ${us(compKeys.mean)} | — |`,
  '',
  '| wasm bytes added (over an email-only build) | |',
  '| --- | --- |',
  `| website feature (PSL, social) | ${size('website')} |`,
  `| company feature (legal forms; includes website) | ${size('company')} |`,
], [
  `Registrable domain agrees with psl.get on ${fmtInt(same)} of ${fmtInt(both)} inputs both read as valid web addresses.`,
  'The peer pipeline does less than validateWebsite (no IDNA checks, issues, social profiles, changes list or tracking ids beyond utm_*).',
  sizes.website ? `Sizes measured at ${sizes.website.head} on ${sizes.website.when}.` : 'Sizes: run BIZ_SIZE=1 node bench/biz.mjs.',
]);
