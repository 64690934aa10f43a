# The README's verbs. Thin: setup is scripts/bootstrap.sh, builds are the CMake presets.
PORT ?= 8080
JOBS ?= $(shell nproc)
# emcc's JS optimizer needs Debian's acorn (../shared/TOOLCHAIN.md).
export NODE_PATH := /usr/share/nodejs$(if $(NODE_PATH),:$(NODE_PATH))

.PHONY: all setup native web test test-native test-web serve bench clean

all: native web

setup:
	@scripts/bootstrap.sh

native: setup
	@cmake --preset native >/dev/null
	@cmake --build --preset native -j $(JOBS)

web: setup
	@emcmake cmake --preset web >/dev/null
	@cmake --build --preset web -j $(JOBS)

test: native web
	@ctest --preset native -j $(JOBS)
	@ctest --preset web

test-native: native
	@ctest --preset native -j $(JOBS)

test-web: web
	@ctest --preset web

serve: web
	@node scripts/serve.mjs build/web/dist $(PORT)

# Native and wasm loop timings, web app size / first frame / frame times, SimPy peer: bench/results.{json,txt}.
bench: native web
	@node bench/run_bench.mjs

clean:
	rm -rf build
