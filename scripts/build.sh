#!/usr/bin/env bash
# Configures and builds MerchSim into build/ (Release, warnings as errors, tests on).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build build --parallel "$(nproc)"
