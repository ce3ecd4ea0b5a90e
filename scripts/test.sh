#!/usr/bin/env bash
# Runs every test: unit tests (surefire) and the tests against PostgreSQL (failsafe, *IT).
# Brings up PostgreSQL 15 with pgvector first when it is not there (scripts/ensure-postgres.sh).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/ensure-postgres.sh"
cd "$root"
mvn -B -ntp verify "$@"
