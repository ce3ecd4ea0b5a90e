#!/usr/bin/env bash
# The review queue with 100,000 open groups: how long the server takes for a page of 50.
# Uses a schema of its own in the local test database (scripts/ensure-postgres.sh brings it up).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/ensure-postgres.sh"
schema=bench_queue
psql -q -o /dev/null -h 127.0.0.1 -U tieout tieout_test -c "drop schema if exists $schema cascade; create schema $schema" 2>/dev/null
PGPASSWORD=tieout "$root/tieout" benchmark-queue \
  --db "jdbc:postgresql://127.0.0.1:5432/tieout_test?user=tieout&password=tieout&currentSchema=$schema" \
  --open "${OPEN:-100000}" "$@"
