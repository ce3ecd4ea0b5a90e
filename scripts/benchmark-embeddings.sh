#!/usr/bin/env bash
# Embedding throughput (in-process all-MiniLM-L6-v2, quantized) and pgvector top-10 latency.
#   VECTORS=1000000 scripts/benchmark-embeddings.sh     (default 100,000)
# Uses a schema of its own in the local test database (scripts/ensure-postgres.sh brings it up);
# vectors already stored there are kept, so a larger run builds on a smaller one.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/ensure-postgres.sh"
schema=bench_vectors
psql -q -o /dev/null -h 127.0.0.1 -U tieout tieout_test -c "create schema if not exists $schema" 2>/dev/null
PGPASSWORD=tieout "$root/tieout" benchmark-embeddings \
  --db "jdbc:postgresql://127.0.0.1:5432/tieout_test?user=tieout&password=tieout&currentSchema=$schema,public" \
  --vectors "${VECTORS:-100000}" "$@"
