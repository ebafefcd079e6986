#!/usr/bin/env bash
# The SQL engines bench (bench/sql.ts), niced, with a throwaway PostgreSQL server for the COPY run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PGTEST_DIR="${PGTEST_DIR:-$(mktemp -d /tmp/clause-engine-pg.XXXXXX)}"
export PGTEST_PORT="${PGTEST_PORT:-54339}"
trap 'bash .ci/postgres.sh stop' EXIT
CLAUSE_BENCH_DATABASE_URL="$(bash .ci/postgres.sh start)"
export CLAUSE_BENCH_DATABASE_URL
npm run build
nice -n 10 node dist/bench/sql.js
