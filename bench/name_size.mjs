// What names cost in the shipped wasm: builds the release wasm with the default features and with every default
// feature but `name`, each through wasm-bindgen and wasm-opt as scripts/build.sh does, and prints raw / gzip /
// brotli sizes of both and the difference; writes target/name-size.json (read by bench/name.mjs).
//
//   node bench/name_size.mjs      (after scripts/setup.sh; two release builds, several minutes on 2 cores)
//
// Builds go to target/name-size/ and a temporary directory, so pkg/gen and scripts/build.sh's target are untouched.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ROOT } from './data.mjs';

const run = (cmd, args, env) => execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
const meta = JSON.parse(execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1', '--offline'], { cwd: ROOT, encoding: 'utf8' }));
const features = meta.packages.find((p) => p.name === 'intake').features.default;
const out = mkdtempSync(join(tmpdir(), 'name-size-'));
const wasmOpt = join(ROOT, 'node_modules', 'binaryen', 'bin', 'wasm-opt');

function build(name, featureArgs) {
  console.error(`name_size: building ${name} (${featureArgs.join(' ') || 'default features'})`);
  run('cargo', ['build', '--quiet', '--lib', '--target', 'wasm32-unknown-unknown', '--release', ...featureArgs], { CARGO_TARGET_DIR: 'target/name-size' });
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', join(out, name), '--out-name', 'intake',
    'target/name-size/wasm32-unknown-unknown/release/intake.wasm']);
  const wasm = join(out, name, 'intake_bg.wasm');
  if (existsSync(wasmOpt)) {
    run(wasmOpt, ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', wasm, '-o', wasm]);
  }
  const b = readFileSync(wasm);
  return { raw: b.length, gzip: gzipSync(b, { level: 9 }).length, brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
}

try {
  const full = build('full', []);
  const without = build('without-name', ['--no-default-features', '--features', features.filter((f) => f !== 'name').join(',')]);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const d = { raw: full.raw - without.raw, gzip: full.gzip - without.gzip, brotli: full.brotli - without.brotli };
  const added = `raw ${kb(d.raw)}, gzip ${kb(d.gzip)}, brotli ${kb(d.brotli)} (of ${kb(full.raw)} raw, ${kb(full.brotli)} brotli)`;
  console.log(`name feature adds: ${added}`);
  writeFileSync(join(ROOT, 'target', 'name-size.json'), JSON.stringify({ when: new Date().toISOString(), full, without, added }, null, 1) + '\n');
} finally {
  rmSync(out, { recursive: true, force: true });
}
