#!/usr/bin/env bash
# Release build of the wasm core and its JS glue into pkg/gen/ (ignored by git), then size report.
# Usage: scripts/build.sh            (assumes scripts/setup.sh has run)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --lib --target wasm32-unknown-unknown --release
wasm-bindgen --target web --no-typescript --out-dir pkg/gen --out-name intake \
  target/wasm32-unknown-unknown/release/intake.wasm
wasm_opt=node_modules/binaryen/bin/wasm-opt
if [ -x "$wasm_opt" ]; then
  "$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    pkg/gen/intake_bg.wasm -o pkg/gen/intake_bg.wasm
fi
node scripts/sizes.mjs pkg/gen/intake_bg.wasm
