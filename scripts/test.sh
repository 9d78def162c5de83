#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite; then builds a second
# configuration with AddressSanitizer + UndefinedBehaviorSanitizer and runs the core tests in it,
# and runs every import parser's libFuzzer target for a bounded time (scripts/fuzz.sh).
# GUI tests run offscreen (CTest sets QT_QPA_PLATFORM), so no display is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

./scripts/build.sh
ctest --test-dir build --output-on-failure --parallel "$jobs"

if [[ "${MERCH_SKIP_SANITIZERS:-0}" != "1" ]]; then
    cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMERCH_SANITIZE=ON \
        -DMERCH_BUILD_GUI=OFF -DMERCH_BUILD_BENCHMARKS=OFF
    cmake --build build-asan --parallel "$jobs"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
        ctest --test-dir build-asan --output-on-failure --parallel "$jobs" -L core
fi

if [[ "${MERCH_SKIP_FUZZ:-0}" != "1" ]]; then
    MERCH_FUZZ_SECONDS=${MERCH_FUZZ_SECONDS:-15} ./scripts/fuzz.sh
fi
