#!/usr/bin/env bash
# What a cargo feature adds to the shipped wasm: builds the release wasm with `--no-default-features --features email`
# (the baseline) and with `email,<feature>` for each feature named, through wasm-bindgen and wasm-opt the way
# scripts/build.sh does, and writes raw / gzip / brotli bytes of each and the difference from the baseline to
# target/feature-size.json (bench/biz.mjs reads it).
#
#   bash bench/feature_size.sh website company      (one release build per feature plus the baseline; minutes)
#
# Builds go to target/feature-size/ and output to a temporary directory: pkg/gen is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
[ $# -gt 0 ] || { echo "usage: bash bench/feature_size.sh FEATURE..." >&2; exit 1; }
mkdir -p target
tdir=target/feature-size
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
wasm_opt=node_modules/binaryen/bin/wasm-opt

# $1: variant name, $2: cargo features. Same steps as scripts/build.sh (keep in step with it).
build() {
  echo "feature_size: building $1 (--features $2)" >&2
  CARGO_TARGET_DIR=$tdir cargo build --quiet --lib --target wasm32-unknown-unknown --release --no-default-features --features "$2"
  wasm-bindgen --target web --no-typescript --out-dir "$out/$1" --out-name intake "$tdir/wasm32-unknown-unknown/release/intake.wasm"
  if [ -x "$wasm_opt" ]; then
    "$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      "$out/$1/intake_bg.wasm" -o "$out/$1/intake_bg.wasm"
  fi
}

build baseline email
for f in "$@"; do build "$f" "email,$f"; done
head=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
node --input-type=module - "$out" "$head" "$@" <<'JS'
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
const [out, head, ...features] = process.argv.slice(2);
const sizes = (name) => {
  const b = readFileSync(`${out}/${name}/intake_bg.wasm`);
  return { raw: b.length, gzip: gzipSync(b, { level: 9 }).length, brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
};
const baseline = sizes('baseline');
const added = {};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const f of features) {
  const s = sizes(f);
  added[f] = { raw: s.raw - baseline.raw, gzip: s.gzip - baseline.gzip, brotli: s.brotli - baseline.brotli };
  console.log(`${f} adds: raw ${kb(added[f].raw)}, gzip ${kb(added[f].gzip)}, brotli ${kb(added[f].brotli)}`);
}
const file = 'target/feature-size.json';
let all = {};
try { all = JSON.parse(readFileSync(file, 'utf8')); } catch {}
for (const f of features) all[f] = { when: new Date().toISOString(), head, baseline: 'email', added: added[f] };
writeFileSync(file, JSON.stringify(all, null, 1) + '\n');
console.log(`recorded in ${file}`);
JS
