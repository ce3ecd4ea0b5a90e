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
