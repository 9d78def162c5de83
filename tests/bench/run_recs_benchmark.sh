#!/usr/bin/env bash
# Recommendation benchmark with the scipy reference: the same session-item pairs as a sparse
# matrix X (sessions x items), co-occurrence X^T X, timed in the same run.
# Usage: tests/bench/run_recs_benchmark.sh [BUILD_DIR]   (needs Debian's python3-scipy)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
pairs=$(mktemp)
trap 'rm -f "$pairs"' EXIT
if ! /usr/bin/python3 -c "import scipy" 2>/dev/null; then
    sudo=""; [[ $(id -u) -ne 0 ]] && sudo=sudo
    $sudo apt-get install -y -qq python3-scipy >/dev/null
fi
/usr/bin/time -f "   process peak RSS %M KiB" "$build/tests/bench/bench_recs" --pairs "$pairs"
echo "== scipy reference: item co-occurrence X^T X of the session-item matrix"
/usr/bin/python3 - "$pairs" <<'PY'
import sys, time
import numpy as np, scipy.sparse as sp
rows, cols = np.loadtxt(sys.argv[1], dtype=np.int64, unpack=True)
start = time.perf_counter()
x = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)))
x.data[:] = 1.0  # binary: an item counts once per session
co = (x.T @ x).tocsr()
co.setdiag(0); co.eliminate_zeros()
elapsed = time.perf_counter() - start
print(f"scipy X^T X             {elapsed:8.3f} s  ({x.shape[0]} sessions x {x.shape[1]} items, {co.nnz} item pairs)")
PY
