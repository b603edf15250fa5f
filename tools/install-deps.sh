#!/usr/bin/env bash
# Installs what the build and tests need on a fresh Debian 12 machine:
# Debian's emscripten, SIMDe and Chromium, clang with its sanitizer and
# libFuzzer runtimes, cppcheck and clang-tidy (make test runs them: see
# docs/reliability.md), then the npm packages from the lock file. Skips what is already there. Needs root (or sudo) for apt.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v cmake >/dev/null || need+=(cmake)
command -v emcc >/dev/null || need+=(emscripten)
[ -f /usr/include/simde/wasm/simd128.h ] || need+=(libsimde-dev)
[ -x /usr/bin/chromium ] || need+=(chromium)
# Chinese glyphs for the browser tests' and screenshots' zh pages (else boxes).
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
command -v clang >/dev/null || need+=(clang)
ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 || need+=(libclang-rt-14-dev)
command -v clang-tidy >/dev/null || need+=(clang-tidy)
command -v cppcheck >/dev/null || need+=(cppcheck)
command -v python3 >/dev/null || need+=(python3)
# Fashion-MNIST's IDX files for the LeNet full-size IDX test (tests/wasm/lenet-mnist.test.mjs).
[ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] || need+=(dataset-fashion-mnist)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "install-deps: apt-get install ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "install-deps: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
