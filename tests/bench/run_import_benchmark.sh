#!/usr/bin/env bash
# Import benchmark: MerchSim's importers against pandas read_csv + to_sql on the same files, in
# one run. Usage: tests/bench/run_import_benchmark.sh [BUILD_DIR]   (default: build)
# Needs Debian's python3-pandas for the reference (installed when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
if ! /usr/bin/python3 -c "import pandas" 2>/dev/null; then
    sudo=""; [[ $(id -u) -ne 0 ]] && sudo=sudo
    $sudo apt-get install -y -qq python3-pandas >/dev/null
fi
"$build/tests/bench/bench_import" --write "$dir"
ls -la "$dir"
echo "== MerchSim (parse + validate + sessions/identities + indexes + transaction)"
/usr/bin/time -f "   process peak RSS %M KiB" "$build/tests/bench/bench_import" "$dir"
echo "== pandas read_csv + to_sql (sqlite3), same files"
/usr/bin/python3 - "$dir" <<'PY'
import sqlite3, sys, time, resource, pandas as pd
d = sys.argv[1]
for label, name in [("shopify 100k products", "shopify_100k.csv"), ("events 1M rows", "events_1m.csv")]:
    start = time.perf_counter()
    frame = pd.read_csv(f"{d}/{name}", dtype=str, keep_default_na=False)
    con = sqlite3.connect(f"{d}/pandas.sqlite")
    frame.to_sql("rows", con, if_exists="replace", index=False)
    con.commit(); con.close()
    print(f"{label:22s} {time.perf_counter() - start:8.3f} s total  ({len(frame)} rows)")
print(f"   python peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} KiB")
PY
