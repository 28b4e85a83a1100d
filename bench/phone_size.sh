#!/usr/bin/env bash
# What phones cost in the shipped wasm: builds the release wasm twice, with `--no-default-features --features
# email,phone` and with `--no-default-features --features email`, runs each through wasm-bindgen and wasm-opt the way
# scripts/build.sh does, and prints raw / gzip / brotli sizes of both (scripts/sizes.mjs) and the difference (the
# other fields' features are left out of both, so their code does not count as phone code). The numbers are also
# written to target/phone-size.json, which bench/phone.mjs puts in its table.
#
#   bash bench/phone_size.sh       (after scripts/setup.sh; the first run compiles the dependencies, a few minutes)
#
# Builds go to their own target directory (target/phone-size/) and output to a temporary directory, so neither
# pkg/gen nor target/wasm32-unknown-unknown (what scripts/build.sh uses) is touched by a concurrent run.
# Exit status: 0 measured; 2 not measurable yet (Cargo.toml has no `email` feature); 1 a build failed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

result=target/phone-size.json
mkdir -p target

# Features of the intake package, as JSON (`{}` when there are none).
features=$(cargo metadata --no-deps --format-version 1 --offline 2>/dev/null \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const p=JSON.parse(s).packages.find(p=>p.name==="intake");console.log(JSON.stringify(p?p.features:{}))})')
if ! node -e 'const f=JSON.parse(process.argv[1]); process.exit("email" in f ? 0 : 1)' "$features"; then
  msg="Cargo.toml has no \`email\` feature yet (features: $features), so a wasm without phones cannot be built"
  echo "phone_size: not measured: $msg." >&2
  echo "phone_size: once [features] has email (and default includes phone), rerun this script." >&2
  node -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify({ note: "no email-only cargo feature yet", when: new Date().toISOString() }, null, 1) + "\n")' "$result"
  exit 2
fi

tdir=target/phone-size
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
wasm_opt=node_modules/binaryen/bin/wasm-opt

# $1: variant name; the rest: cargo feature arguments. Same steps as scripts/build.sh (keep in step with it).
build() {
  local name=$1
  shift
  echo "phone_size: building $name (cargo build --release $*)" >&2
  CARGO_TARGET_DIR=$tdir cargo build --quiet --lib --target wasm32-unknown-unknown --release "$@"
  wasm-bindgen --target web --no-typescript --out-dir "$out/$name" --out-name intake \
    "$tdir/wasm32-unknown-unknown/release/intake.wasm"
  if [ -x "$wasm_opt" ]; then
    "$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      "$out/$name/intake_bg.wasm" -o "$out/$name/intake_bg.wasm"
  else
    echo "phone_size: warning: $wasm_opt missing (npm ci), sizes are before wasm-opt" >&2
  fi
}

build full --no-default-features --features email,phone
build email-only --no-default-features --features email

node scripts/sizes.mjs "$out/full/intake_bg.wasm" "$out/email-only/intake_bg.wasm"
head=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain -- src Cargo.toml Cargo.lock 2>/dev/null)" ]; then head="$head + uncommitted changes"; fi
node --input-type=module - "$out/full/intake_bg.wasm" "$out/email-only/intake_bg.wasm" "$result" "$head" <<'EOF'
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
const [full, emailOnly, result, head] = process.argv.slice(2);
const sizes = (file) => {
  const b = readFileSync(file);
  return {
    raw: b.length,
    gzip: gzipSync(b, { level: 9 }).length,
    brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const f = sizes(full);
const e = sizes(emailOnly);
const phone = { raw: f.raw - e.raw, gzip: f.gzip - e.gzip, brotli: f.brotli - e.brotli };
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
console.log(`phone part (full minus email-only): raw ${kb(phone.raw)}, gzip ${kb(phone.gzip)}, brotli ${kb(phone.brotli)}`);
writeFileSync(result, JSON.stringify({ when: new Date().toISOString(), head, full: f, emailOnly: e, phone }, null, 1) + '\n');
console.log(`recorded in ${result}`);
EOF
