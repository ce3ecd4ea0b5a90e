#!/usr/bin/env bash
# The speed and memory benchmark: 1,000,000 bank lines against the ledger the generator makes for
# them (about 1.4M entries), file to file, timed with GNU time (wall clock and peak resident memory).
#   scripts/benchmark.sh [--cpu] [--independent] [BANK_LINES]
# --cpu also says where the CPU went, by kind of JVM thread: the application's own threads, the JIT
# compilers, and garbage collection with the VM's own thread. It reads each thread's user and
# system time from /proc twice a second (Linux only; a thread that ends loses at most its last half
# second).
# --independent times the same on data from the second generator (scripts/independent-dataset.py,
# seed 31337, one year): 260 customers and card processors with hundreds of open sales a day, a
# denser and differently shaped ledger than the project's own generator makes (about 1.35M entries
# for 1M lines; generating it takes about a minute).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cpu=false
independent=false
while [ $# -gt 0 ]; do
  case "$1" in
    --cpu) cpu=true; shift ;;
    --independent) independent=true; shift ;;
    *) break ;;
  esac
done
lines=${1:-1000000}
if ! command -v /usr/bin/time >/dev/null; then
  echo "benchmark: needs GNU time (apt-get install time)" >&2; exit 2
fi
if $independent; then
  data=${TIEOUT_BENCH_DIR:-/tmp/tieout-bench-independent-$lines}
  if [ ! -f "$data/bank.csv" ]; then
    DAYS=365 python3 "$root/scripts/independent-dataset.py" "$data" 31337 "$lines" >/dev/null
  fi
else
  data=${TIEOUT_BENCH_DIR:-/tmp/tieout-bench-$lines}
  if [ ! -f "$data/bank.csv" ]; then
    "$root/tieout" generate -q --out "$data" --bank-lines "$lines" --seed 11 --days 365
  fi
fi
wc -l "$data/bank.csv" "$data/ledger.csv"
# the launcher builds the jar first when it is stale: not part of the run measured
"$root/tieout" --version >/dev/null
run=("$root/tieout" reconcile -q
  --bank "$data/bank.csv" --ledger "$data/ledger.csv" --out "$data/out" --truth "$data/truth.csv")
if ! $cpu; then
  /usr/bin/time -f 'wall %e s, peak RSS %M KB' "${run[@]}"
  exit
fi

/usr/bin/time -f 'wall %e s, peak RSS %M KB' "${run[@]}" &
timer=$!
declare -A seen kind
jvm=""
while kill -0 "$timer" 2>/dev/null; do
  sleep 0.5
  [ -n "$jvm" ] || jvm=$(pgrep -P "$timer" java || true)
  [ -n "$jvm" ] || continue
  for stat in /proc/"$jvm"/task/*/stat; do
    s=$(cat "$stat" 2>/dev/null) || continue
    name=${s#*(}
    name=${name%)*}
    read -ra f <<<"${s##*) }"
    tid=${stat%/stat}
    tid=${tid##*/}
    seen[$tid]=$((f[11] + f[12]))
    case "$name" in
      C1\ Compiler* | C2\ Compiler*) kind[$tid]=jit ;;
      GC\ Thread* | G1\ * | VM\ Thread) kind[$tid]=gc ;;
      *) kind[$tid]=app ;;
    esac
  done
done
wait "$timer"
ticks=$(getconf CLK_TCK)
declare -A total=([app]=0 [jit]=0 [gc]=0)
for tid in "${!seen[@]}"; do
  total[${kind[$tid]}]=$((total[${kind[$tid]}] + seen[$tid]))
done
seconds() { awk -v t="$1" -v hz="$ticks" 'BEGIN { printf "%.1f", t / hz }'; }
echo "CPU: application $(seconds "${total[app]}") s, JIT compilers $(seconds "${total[jit]}") s," \
  "GC and VM thread $(seconds "${total[gc]}") s"
