#!/usr/bin/env bash
# Retrains the learned residue scorer that ships in the jar (both variants, with and without
# embeddings) from generated data only, never from an evaluation set:
#   scripts/train-residue.sh [OUT_DIR]     (default: the bundled models' place in matcher/)
# - Tieout's own generator, seeds 101 to 108, 3,000 bank lines each;
# - the second generator (scripts/independent-dataset.py), seeds 201 to 203 at 6,000 lines over
#   90 days and seed 204 at 20,000 lines over 73 days (a denser ledger: many open entries of one
#   customer in a line's window, customers paying weeks late).
# Trained on the first alone, the scorer was sure of things that only hold in that generator's
# data (a same-day entry of another amount as a part payment, a 30-day-old entry of the exact
# amount as unlikely); the second generator's data teaches it otherwise. Deterministic: the same
# seeds give the same weights (the files differ only in the time of training they record). About a
# minute the first time, which embeds the texts; about 20 s once the embeddings are cached.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$root/matcher/src/main/resources/org/tieout/matcher}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
for seed in 201 202 203; do
  DAYS=90 python3 "$root/scripts/independent-dataset.py" "$data/second-$seed" "$seed" 6000 >/dev/null
done
DAYS=73 python3 "$root/scripts/independent-dataset.py" "$data/second-204" 204 20000 >/dev/null
"$root/tieout" residue-train -q \
  --generate-seeds 101,102,103,104,105,106,107,108 \
  --dataset "$data/second-201" "$data/second-202" "$data/second-203" "$data/second-204" \
  --out "$out"
