# The README's verbs. Thin: setup is scripts/bootstrap.sh, builds are the CMake presets.
PORT ?= 8080
JOBS ?= $(shell nproc)
# emcc's JS optimizer needs Debian's acorn (../shared/TOOLCHAIN.md).
export NODE_PATH := /usr/share/nodejs$(if $(NODE_PATH),:$(NODE_PATH))

.PHONY: all setup native web asan fuzz-build test test-native test-web test-asan fuzz serve bench clean
# make fuzz: seconds per fuzz target (ctest's short CI runs use the fuzz preset's PG_FUZZ_SECONDS, 20).
FUZZ_SECONDS ?= 300

all: native web

setup:
	@scripts/bootstrap.sh

native: setup
	@cmake --preset native >/dev/null
	@cmake --build --preset native -j $(JOBS)

web: setup
	@emcmake cmake --preset web >/dev/null
	@cmake --build --preset web -j $(JOBS)

# AddressSanitizer + UBSan build of the native suites (the whole suite must run clean).
asan: setup
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)

# libFuzzer targets (clang-14): scenario parser + validator, share-link decoder, parse-then-simulate.
fuzz-build: setup
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)

test: native web asan fuzz-build
	@ctest --preset native -j $(JOBS)
	@ctest --preset web
	@ctest --preset asan -j $(JOBS)
	@ctest --preset fuzz -j $(JOBS)

test-native: native
	@ctest --preset native -j $(JOBS)

test-web: web
	@ctest --preset web

test-asan: asan
	@ctest --preset asan -j $(JOBS)

fuzz: fuzz-build
	@scripts/fuzz.sh build/fuzz $(FUZZ_SECONDS) scenario share_link simulate

serve: web
	@node scripts/serve.mjs build/web/dist $(PORT)

# Native and wasm loop timings, web app size / first frame / frame times, SimPy peer: bench/results.{json,txt}.
bench: native web
	@node bench/run_bench.mjs

clean:
	rm -rf build
