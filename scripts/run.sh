#!/usr/bin/env bash
# Installs what is missing, builds, and opens MerchSim. Without arguments it opens the
# built-in demo store (generated on first start); arguments go to merchsim, e.g.
# --workspace FILE.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
exec ./build/app/merchsim "$@"
