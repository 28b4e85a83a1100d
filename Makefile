# intake: build, test and tooling entry points. Every target installs what it needs first (scripts/setup.sh).
#   make setup    toolchain and npm dependencies
#   make build    release wasm + JS glue into pkg/gen/
#   make test     cargo test, build, the JS runtime suites (Node, Chromium, Vite, workerd, Deno), tsc
#   make sample   clean samples/contacts.csv into out/ and find its duplicate clusters
#   make bench    email, phone and dedup benchmarks (dedup: Febrl 1-4 and contacts_10k; larger sets with
#                 node bench/dedup_node.mjs --sets contacts_100k --peers splink)
#   make demo     the demo page (live forms, import cleaner) on http://127.0.0.1:8080/www/
#   make fuzz     60 s of cargo fuzz per target (email, phone, biz, name; not part of test)
#   make clean    remove build outputs

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := test

# Tools installed by rustup / cargo install live here, even when the caller's PATH lacks it.
export PATH := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
# Colour codes make CI logs unreadable; the test runners stay plain.
export CARGO_TERM_COLOR ?= never

NODE_TEST_FLAGS ?= --test-reporter=spec
FUZZ_SECONDS ?= 60

.PHONY: all setup setup-browser build test test-js typecheck sample bench fuzz clean demo

all: test

setup:
	bash scripts/setup.sh

setup-browser:
	bash scripts/setup.sh --browser

build: setup
	bash scripts/build.sh

# cargo test, the build, then tsc and the JS suites; the JS suites run even when tsc fails so a single run reports
# everything, and the recipe fails if either did. Node's test runner summary is the last thing printed.
test: setup-browser
	cargo test
	bash scripts/build.sh
	@$(MAKE) --no-print-directory test-js

test-js:
	@status=0; \
	echo "tsc -p tests/js/tsconfig.json"; \
	if node_modules/.bin/tsc -p tests/js/tsconfig.json; then echo "tsc: types ok"; else status=1; echo "tsc: FAILED"; fi; \
	echo "node --test tests/js/"; \
	node --test $(NODE_TEST_FLAGS) tests/js/ || status=1; \
	exit $$status

typecheck: setup
	node_modules/.bin/tsc -p tests/js/tsconfig.json

sample: build
	mkdir -p out
	node pkg/cli.js clean samples/contacts.csv --out out/contacts.clean.csv --report out/report.json
	node pkg/cli.js dedupe samples/contacts.csv --out out/clusters.json --golden

bench: build
	node bench/email.mjs
	node bench/phone.mjs
	node bench/phone_cold.mjs
	node bench/dedup_node.mjs --sets febrl1,febrl2,febrl3,febrl4,contacts_10k
	node bench/dedup_browser.mjs --set contacts_1m
	node bench/biz.mjs
	node bench/name.mjs
	node bench/bundle.mjs
	node bench/www.mjs
	node bench/records.mjs
	bash bench/feature_size.sh phone name company website address country date
	node bench/address.mjs
	node bench/fields.mjs

# The demo page (www/): the live form in en and fa and the import cleaner, served on 127.0.0.1 (PORT, default 8080).
demo: build
	node www/build.mjs
	node www/serve.mjs

# cargo fuzz needs nightly; the nightly toolchain is used when installed, otherwise stable with RUSTC_BOOTSTRAP=1.
# Leak detection is off: compiled phone patterns are interned for the life of the process on purpose
# (src/phone/patterns.rs), which LeakSanitizer reports at exit; crashes and panics are still caught.
FUZZ_TARGETS ?= email phone biz name
fuzz:
	@test -d fuzz || { echo "fuzz: no fuzz/ directory" >&2; exit 1; }
	@command -v cargo-fuzz >/dev/null || { echo "fuzz: installing cargo-fuzz"; cargo install cargo-fuzz --locked; }
	cd fuzz && for target in $(FUZZ_TARGETS); do \
	  if rustup toolchain list | grep -q '^nightly'; then fuzz="cargo +nightly fuzz"; else fuzz="env RUSTC_BOOTSTRAP=1 cargo fuzz"; fi; \
	  ASAN_OPTIONS=detect_leaks=0 $$fuzz run $$target -- -max_total_time=$(FUZZ_SECONDS) || exit 1; \
	done

clean:
	cargo clean
	rm -rf pkg/gen out tests/js/artifacts fuzz/target www/gen
