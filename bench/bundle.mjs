// What a form user ships: the intake package bundled by esbuild (JS minified + the wasm), gzip and brotli, for
// three builds of the core: email only (`--no-default-features --features email`), email + phone, and everything
// (default features), side by side with what people otherwise bundle for the same job: validator.js (isEmail) +
// libphonenumber-js (max metadata) + mailcheck, bundled and minified by the same esbuild in the same run.
//
//   node bench/bundle.mjs          (make bench; three release builds of the wasm, cached by cargo after the first)
//
// Each build goes to target/bundle/ (its own target directory) and its output to a temporary directory, so neither
// pkg/gen nor scripts/build.sh's target is touched. The JS side: pkg/index.js with that build's wasm-bindgen glue,
// bundled from an entry that imports what a form of that kind calls.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { printReport, ratio } from './report.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const cargoBin = path.join(process.env.CARGO_HOME ?? path.join(os.homedir(), '.cargo'), 'bin');
const env = { ...process.env, PATH: `${cargoBin}:${process.env.PATH}`, CARGO_TARGET_DIR: path.join(root, 'target', 'bundle') };
const tmp = mkdtempSync(path.join(os.tmpdir(), 'intake-bundle-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The release wasm for `features` after wasm-bindgen and wasm-opt -Oz (as scripts/build.sh), in its own dir. */
function buildCore(name, featureArgs) {
  const out = path.join(tmp, name);
  mkdirSync(out, { recursive: true });
  process.stderr.write(`bundle: cargo build --release ${featureArgs.join(' ') || '(default features)'}\n`);
  execFileSync('cargo', ['build', '--quiet', '--lib', '--target', 'wasm32-unknown-unknown', '--release', ...featureArgs], { cwd: root, env, stdio: 'inherit' });
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', 'intake',
    path.join(env.CARGO_TARGET_DIR, 'wasm32-unknown-unknown', 'release', 'intake.wasm')], { cwd: root, env, stdio: 'inherit' });
  const wasmOpt = path.join(root, 'node_modules', 'binaryen', 'bin', 'wasm-opt');
  execFileSync(wasmOpt, ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals',
    path.join(out, 'intake_bg.wasm'), '-o', path.join(out, 'intake_bg.wasm')], { cwd: root, stdio: 'inherit' });
  return out;
}

/** esbuild --bundle --minify of `source` (an entry module), with pkg/gen/intake.js resolved to `glueDir`'s glue. */
async function bundle(source, glueDir) {
  const plugins = glueDir ? [{
    name: 'glue',
    setup(b) {
      b.onResolve({ filter: /\/gen\/intake\.js$/ }, () => ({ path: path.join(glueDir, 'intake.js') }));
    },
  }] : [];
  const r = await esbuild.build({
    stdin: { contents: source, resolveDir: root, sourcefile: 'entry.js' },
    bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent',
    plugins, external: ['node:fs/promises'],
  });
  return r.outputFiles[0].contents;
}

const ENTRIES = {
  email: "export { init, initSync, validateEmail } from './pkg/index.js';",
  phone: "export { init, initSync, validateEmail, validatePhone, AsYouType } from './pkg/index.js';",
  all: "export * from './pkg/index.js'; export { schema } from './pkg/schema.js'; export { bindForm } from './pkg/form.js'; export { addLocale, resolveLocale } from './pkg/locales.js';",
};
const builds = [
  { name: 'email', label: 'intake, email only', features: ['--no-default-features', '--features', 'email'], entry: ENTRIES.email },
  { name: 'phone', label: 'intake, email + phone (with as-you-type)', features: ['--no-default-features', '--features', 'email,phone'], entry: ENTRIES.phone },
  { name: 'all', label: 'intake, everything (default features; schema, form, locales)', features: [], entry: ENTRIES.all },
];

/** The bundle really works: loaded from a file, initialized with its wasm, it validates (a size of a broken build means nothing). */
async function smokeTest(name, code, wasmBytes) {
  const file = path.join(tmp, `${name}.bundle.mjs`);
  writeFileSync(file, code);
  const m = await import(pathToFileURL(file).href);
  m.initSync(wasmBytes);
  const e = m.validateEmail(' Ali@GMIAL.com ');
  if (e.suggestion !== 'Ali@gmail.com') throw new Error(`${name} bundle: validateEmail gave ${JSON.stringify(e)}`);
  if (m.validatePhone && m.validatePhone('0912 345 6789', { defaultRegion: 'IR' }).e164 !== '+989123456789') throw new Error(`${name} bundle: validatePhone failed`);
  if (m.validateCountry && m.validateCountry('ایران').value !== 'IR') throw new Error(`${name} bundle: validateCountry failed`);
}

const rows = [];
for (const b of builds) {
  const dir = buildCore(b.name, b.features);
  const code = await bundle(b.entry, dir);
  const wasmBytes = readFileSync(path.join(dir, 'intake_bg.wasm'));
  await smokeTest(b.name, code, wasmBytes);
  const js = sizes(code);
  const wasm = sizes(wasmBytes);
  rows.push({ ...b, js, wasm, total: add(js, wasm) });
}
const peerEntry = [
  "export { default as isEmail } from 'validator/lib/isEmail.js';",
  "export { parsePhoneNumberFromString, AsYouType } from 'libphonenumber-js/max';",
  "export { default as mailcheck } from 'mailcheck';",
].join('\n');
const peer = sizes(await bundle(peerEntry, null));
const peerRow = { label: 'validator.js isEmail + libphonenumber-js max + mailcheck', js: peer, wasm: null, total: peer };

const line = (r) => `| ${r.label} | ${kb(r.js.brotli)} | ${r.wasm ? kb(r.wasm.brotli) : '—'} | ${kb(r.total.gzip)} | **${kb(r.total.brotli)}** | ${ratio(r.total.brotli, peer.brotli)} | ${kb(r.total.raw)} |`;
const lines = [
  '## Bundle sizes (what a form ships)',
  '',
  '| bundle | JS (brotli) | wasm (brotli) | total gzip | total brotli | vs the trio (brotli) | total raw |',
  '|---|---|---|---|---|---|---|',
  ...rows.map(line),
  line(peerRow),
];
const versions = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')).packages;
const v = (p) => versions[`node_modules/${p}`]?.version ?? '?';
printReport(lines, [
  `(a) esbuild ${esbuild.version} \`--bundle --minify --format=esm\`; KB = 1,024 bytes; gzip -9, brotli quality 11, each file compressed alone (as served).`,
  '(b) intake: pkg/index.js (+ schema/form/locales for "everything") with the build\'s wasm-bindgen glue, and the wasm after wasm-opt -Oz. ' +
    'The email-only and email + phone builds leave country and date (and every other field) out with cargo features.',
  `(c) The trio: validator ${v('validator')} (lib/isEmail), libphonenumber-js ${v('libphonenumber-js')} (max metadata, parse + AsYouType), mailcheck ${v('mailcheck')}.`,
]);
writeFileSync(path.join(root, 'target', 'bundle-sizes.json'), JSON.stringify({ when: new Date().toISOString(), rows: [...rows, peerRow] }, null, 1));
