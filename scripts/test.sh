#!/usr/bin/env bash
# Runs every test: unit tests (surefire) and the tests against PostgreSQL (failsafe, *IT).
# Brings up PostgreSQL 15 with pgvector first when it is not there (scripts/ensure-postgres.sh), and
# installs Debian's Chromium and ChromeDriver for the page tests (scripts/ensure-chromium.sh).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/ensure-postgres.sh"
bash "$root/scripts/ensure-chromium.sh"
cd "$root"
mvn -B -ntp verify "$@"

# The README's first command, through the launcher: on the JVM the launcher picks and, when that is
# not the one on the PATH, on that one too. It must exit 0, write its matches and warn of nothing.
check_launcher() {
  local out
  out=$(mktemp -d)
  if ! "$root/tieout" reconcile -q --bank eval-datasets/demo/bank.csv \
      --ledger eval-datasets/demo/ledger.csv --out "$out/demo" >"$out/stdout" 2>"$out/stderr"; then
    cat "$out/stderr" >&2
    echo "launcher check: ./tieout reconcile failed on the demo set" >&2
    return 1
  fi
  if grep -q WARNING "$out/stderr" || [ "$(wc -l <"$out/demo/matches.csv")" -lt 100 ]; then
    cat "$out/stderr" >&2
    echo "launcher check: ./tieout reconcile warned, or wrote too few matches" >&2
    return 1
  fi
  echo "launcher check: $("$root/tieout" --version | tail -1): demo reconciled, $(($(wc -l <"$out/demo/matches.csv") - 1)) match rows"
  rm -rf "$out"
}
check_launcher
# a JAVA_HOME or TIEOUT_JAVA that names no java launcher is said, with exit code 2
for wrong in "JAVA_HOME=/nonexistent-jdk" "TIEOUT_JAVA=/nonexistent-jdk/bin/java"; do
  set +e
  said=$(env -u TIEOUT_JAVA -u JAVA_HOME "$wrong" "$root/tieout" --version 2>&1)
  code=$?
  set -e
  if [ "$code" -ne 2 ] || [[ "$said" != *"${wrong%%=*}"* ]]; then
    echo "launcher check: with $wrong, exit $code and: $said" >&2
    exit 1
  fi
done
echo "launcher check: a JAVA_HOME or TIEOUT_JAVA naming no java stops with exit 2 and says so"
if command -v java >/dev/null && [ -z "${TIEOUT_JAVA:-}" ]; then
  TIEOUT_JAVA=$(command -v java) check_launcher
fi
