# simcore: the two commands a new user needs are `make demo` and `make test`.
#   make demo    install what is missing, build everything, serve dist/
#   make test    install what is missing, build, then native (CTest, also under
#                ASan+UBSan), short fuzz runs, lint, wasm (node --test), browser tests
#   make build   native + wasm + web into dist/, no serving
#   make native / wasm / web      the parts of build (web needs wasm)
#   make test-native / test-wasm / test-browser / test-asan / test-fuzz / lint
#                the parts of test, each building what it tests first
#   make asan    the ASan + UBSan tree alone (build/asan)
#   make bench   benchmarks (tables; see docs/benchmarks.md)
#   make fuzz    every libFuzzer target for FUZZ_SECONDS (docs/reliability.md)
#   make clean   remove build/ and dist/
# Every target works on a fresh clone: each depends on what it needs, and
# whatever builds runs `deps` first (tools/install-deps.sh: missing apt
# packages, then `npm ci` when node_modules is missing or older than the lock
# file; a no-op once everything is there).
SHELL := /bin/bash
.DEFAULT_GOAL := build
export NODE_PATH := /usr/share/nodejs
JOBS ?= 2
PORT ?= 8000
CMAKE_FLAGS := -DCMAKE_BUILD_TYPE=Release
EMULATOR := "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch"

FUZZ_SECONDS ?= 300
FUZZ_TEST_SECONDS ?= 5

.PHONY: deps build native wasm web test test-native test-wasm test-browser bench demo clean \
	asan test-asan fuzz-build fuzz test-fuzz lint

deps:
	@bash tools/install-deps.sh


native: deps
	cmake -S . -B build/native $(CMAKE_FLAGS) >/dev/null
	cmake --build build/native -j$(JOBS)
	cmake -S . -B build/native-scalar $(CMAKE_FLAGS) -DSIMCORE_SIMD=OFF >/dev/null
	cmake --build build/native-scalar -j$(JOBS)

wasm: deps
	emcmake cmake -S . -B build/wasm-simd $(CMAKE_FLAGS) $(EMULATOR) >/dev/null
	cmake --build build/wasm-simd -j$(JOBS)
	emcmake cmake -S . -B build/wasm-scalar $(CMAKE_FLAGS) -DSIMCORE_SIMD=OFF $(EMULATOR) >/dev/null
	cmake --build build/wasm-scalar -j$(JOBS)

web: wasm
	node tools/build-web.mjs

build: native wasm web

# Build first, then every suite; one make run, so each tree builds once.
test: build test-native test-asan test-fuzz lint test-wasm test-browser

test-native: native
	ctest --test-dir build/native --output-on-failure
	ctest --test-dir build/native-scalar --output-on-failure

# Reliability (docs/reliability.md): the native tests under ASan + UBSan,
# short fuzz runs, static analysis. clang builds in their own trees.
asan: deps
	CC=clang cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSIMCORE_SANITIZE=ON >/dev/null
	cmake --build build/asan -j$(JOBS)

test-asan: asan
	ctest --test-dir build/asan --output-on-failure

fuzz-build: deps
	CC=clang cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSIMCORE_FUZZ=ON >/dev/null
	cmake --build build/fuzz -j$(JOBS)

# Long runs keep what they find in build/fuzz/corpus (never the git tree).
fuzz: fuzz-build
	bash tools/fuzz.sh $(FUZZ_SECONDS) build/fuzz/corpus

# A fixed seed: the suite replays the same inputs everywhere; exploring new
# ones is `make fuzz`'s job.
test-fuzz: fuzz-build
	FUZZ_SEED=1 bash tools/fuzz.sh $(FUZZ_TEST_SECONDS)

lint: deps
	JOBS=$(JOBS) bash tools/lint.sh

# The wasm tests and benchmarks load dist/wasm/ (copied there by web).
test-wasm: web
	node --test --test-timeout=600000 tests/wasm/

test-browser: web
	node --test --test-timeout=300000 tests/browser/

bench: build
	node tests/bench/run.mjs $(BENCH_ARGS)
	node tests/bench/hopfield.bench.mjs
	node tests/bench/ode.bench.mjs
	node tests/bench/gemm.bench.mjs
	node tests/bench/page-load.bench.mjs
	node tests/bench/gabor-drag.bench.mjs
	node tests/bench/snn.bench.mjs
	node tests/bench/optim.bench.mjs
	node tests/bench/mlp.bench.mjs
	node tests/bench/svm.bench.mjs
	node tests/bench/kernel.bench.mjs

demo: build
	@echo
	@echo "  over http:  http://127.0.0.1:$(PORT)/"
	@echo "  from disk:  file://$(CURDIR)/dist/index.html"
	@echo
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

clean:
	rm -rf build dist
