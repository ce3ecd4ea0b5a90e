#!/usr/bin/env bash
# Anomaly scoring benchmark: a labelled ledger of about 1,000,000 entries, scored with the truth,
# timed with GNU time (wall clock and peak resident memory).
#   scripts/benchmark-anomalies.sh [ENTRIES]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
entries=${1:-1000000}
data=${TIEOUT_BENCH_DIR:-/tmp/tieout-anomalies-$entries}
if [ ! -f "$data/ledger.csv" ]; then
  "$root/tieout" generate-anomalies --out "$data" --entries "$entries" --seed 5
fi
/usr/bin/time -f 'wall %e s, peak RSS %M KB' "$root/tieout" anomalies \
  --ledger "$data/ledger.csv" --out "$data/out" --truth "$data/anomalies.csv"
