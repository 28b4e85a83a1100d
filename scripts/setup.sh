#!/usr/bin/env bash
# Installs what building and testing intake needs on a fresh Debian machine with Rust (rustup) and Node 20+.
# Idempotent and quiet: prints only what it installs.
#
# Usage: scripts/setup.sh [--browser]
#   always:     rustup target wasm32-unknown-unknown; wasm-bindgen CLI at the exact version Cargo.lock records for the
#               `wasm-bindgen` crate; npm dependencies (`npm ci`) when node_modules is missing or older than
#               package-lock.json.
#   --browser:  Chromium from Debian (/usr/bin/chromium) for the browser test suites.
set -euo pipefail
cd "$(dirname "$0")/.."

browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) browser=1 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "setup: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

say() { echo "setup: $*"; }
die() { echo "setup: error: $*" >&2; exit 1; }

# rustup installs cargo and cargo-installed tools here; make them visible even from a non-login shell.
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in *":$cargo_bin:"*) ;; *) export PATH="$cargo_bin:$PATH" ;; esac

command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"
command -v rustup >/dev/null || die "rustup not found: the wasm32 target is installed with rustup"
command -v node >/dev/null || die "node not found: install Node.js 20 or newer"
command -v npm >/dev/null || die "npm not found"

# 1. Rust target for the wasm build.
if ! rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
  say "installing Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen CLI, at exactly the version of the wasm-bindgen crate in Cargo.lock (the two must match).
lock_version() {
  # Version of the first `[[package]] name = "wasm-bindgen"` entry in Cargo.lock, empty when absent.
  [ -f Cargo.lock ] || return 0
  awk '
    /^\[\[package\]\]/ { name = "" ; next }
    /^name = / { name = $3; gsub(/"/, "", name); next }
    /^version = / && name == "wasm-bindgen" { v = $3; gsub(/"/, "", v); print v; exit }
  ' Cargo.lock
}
want="$(lock_version)"
if [ -z "$want" ]; then
  if [ -f Cargo.lock ]; then
    say "Cargo.lock has no wasm-bindgen entry: resolving it (cargo fetch)"
    cargo fetch --quiet
  else
    say "no Cargo.lock: generating it (cargo generate-lockfile)"
    cargo generate-lockfile --quiet
  fi
  want="$(lock_version)"
  [ -n "$want" ] || die "Cargo.lock still records no wasm-bindgen package (is it a dependency in Cargo.toml?)"
fi
have="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found: ${have:-none}); this compiles for a few minutes"
  cargo install --locked --quiet wasm-bindgen-cli --version "$want"
  have="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
  [ "$have" = "$want" ] || die "wasm-bindgen on PATH is ${have:-missing} after installing $want: check PATH ($(command -v wasm-bindgen || echo none))"
fi

# 3. npm dependencies, exactly as locked. Scripts are skipped: the native tools (esbuild, workerd, deno) come as
#    per-platform optional packages and need no postinstall download.
#    `npm ci` refuses a lock file that lacks an entry for any optional platform package (the registry this project
#    reaches lacks some of deno's non-Linux ones, so npm could not record them); then the same locked versions are
#    installed with `npm install --no-save`, which leaves package-lock.json untouched.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies (npm ci)"
  npm_log="$(mktemp)"
  if ! npm ci --ignore-scripts --no-audit --no-fund >"$npm_log" 2>&1; then
    if grep -q 'can only install packages when your package.json and package-lock.json' "$npm_log"; then
      say "npm ci: package-lock.json lacks entries npm wants ($(grep -o 'Missing: [^ ]*' "$npm_log" | sed 's/Missing: //; s/@$//' | tr '\n' ' '))"
      say "installing the locked versions with npm install --no-save instead"
      npm install --no-save --ignore-scripts --no-audit --no-fund
    else
      cat "$npm_log" >&2
      rm -f "$npm_log"
      die "npm ci failed"
    fi
  else
    grep -v '^npm warn' "$npm_log" || true
  fi
  rm -f "$npm_log"
  touch node_modules/.package-lock.json
fi

# 4. Chromium for the browser suites (Debian's package; playwright-core drives it, nothing is downloaded).
if [ "$browser" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  say "installing chromium (apt-get)"
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install chromium"
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium >/dev/null
  [ -x /usr/bin/chromium ] || die "apt-get install chromium did not provide /usr/bin/chromium"
  say "installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
fi
