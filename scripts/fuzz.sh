#!/usr/bin/env bash
# Builds the libFuzzer targets with clang into build-fuzz and runs each for a bounded time
# (MERCH_FUZZ_SECONDS, default 20) starting from the committed corpus in tests/data/fuzz/.
# New inputs go to a scratch folder; a crash leaves its reproducer in build-fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${MERCH_FUZZ_SECONDS:-20}
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DMERCH_BUILD_FUZZERS=ON -DMERCH_BUILD_GUI=OFF -DMERCH_BUILD_TESTS=OFF \
    -DMERCH_BUILD_BENCHMARKS=OFF -DMERCH_WARNINGS_AS_ERRORS=OFF
cmake --build build-fuzz --parallel "$(nproc)"
mkdir -p build-fuzz/crashes
status=0
for fuzzer in build-fuzz/tests/fuzz/fuzz_*; do
    [[ -f $fuzzer && -x $fuzzer ]] || continue
    name=$(basename "$fuzzer")
    format=${name#fuzz_}
    format=${format%_*}
    corpus=tests/data/fuzz/${format//_/-}
    scratch=$(mktemp -d)
    echo "== $name for ${seconds}s (corpus $corpus)"
    log=$scratch.log
    "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix=build-fuzz/crashes/"$name"- "$scratch" "$corpus" >"$log" 2>&1 || true
    grep -E "^#[0-9]+[[:space:]]+DONE|ERROR|SUMMARY|Test unit written" "$log" || true
    if ls build-fuzz/crashes/"$name"-* >/dev/null 2>&1 || grep -q "^SUMMARY:" "$log"; then
        echo "$name found a crash: build-fuzz/crashes/$name-*"
        status=1
    fi
    rm -rf "$scratch" "$log"
done
exit $status
