#!/usr/bin/env bash
# Time and peak memory of `marmot baseline --area E06000032` on a Fingertips-shaped file made by the
# deterministic generator in ../shared/bench (a benchmark, never a timed test).
# Usage: scripts/bench-baseline.sh [SIZE]   (default 100MB)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-100MB}
gen=../shared/bench/gen-fingertips.mjs
file=${TMPDIR:-/tmp}/marmot-bench-fingertips-$size.csv
[ -f "$file" ] || node "$gen" --size "$size" --out "$file" --stats
[ -f dist/cli.js ] || npm run build
log=$(mktemp)
/usr/bin/time -v node bin/marmot.js baseline "$file" --area E06000032 --format json -o /dev/null -q 2> "$log"
wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
bytes=$(stat -c %s "$file")
echo "size=$size bytes=$bytes wall=$wall peak_rss_mib=$((rss / 1024))"
