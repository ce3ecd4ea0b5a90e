#!/usr/bin/env bash
# The speed and memory benchmark: 1,000,000 bank lines against the ledger the generator makes for
# them (about 1.4M entries), file to file, timed with GNU time (wall clock and peak resident memory).
#   scripts/benchmark.sh [BANK_LINES]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lines=${1:-1000000}
data=${TIEOUT_BENCH_DIR:-/tmp/tieout-bench-$lines}
if ! command -v /usr/bin/time >/dev/null; then
  echo "benchmark: needs GNU time (apt-get install time)" >&2; exit 2
fi
if [ ! -f "$data/bank.csv" ]; then
  "$root/tieout" generate -q --out "$data" --bank-lines "$lines" --seed 11 --days 365
fi
wc -l "$data/bank.csv" "$data/ledger.csv"
/usr/bin/time -f 'wall %e s, peak RSS %M KB' "$root/tieout" reconcile -q \
  --bank "$data/bank.csv" --ledger "$data/ledger.csv" --out "$data/out" --truth "$data/truth.csv"
