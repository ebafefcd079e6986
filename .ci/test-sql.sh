#!/usr/bin/env bash
# The SQL engine tests: a throwaway PostgreSQL server (.ci/postgres.sh), DuckDB in-process, then
# the server is stopped whatever the tests did.
set -euo pipefail
cd "$(dirname "$0")/.."
export PGTEST_DIR="${PGTEST_DIR:-$(mktemp -d /tmp/clause-engine-pg.XXXXXX)}"
trap 'bash .ci/postgres.sh stop' EXIT
CLAUSE_TEST_DATABASE_URL="$(bash .ci/postgres.sh start)"
export CLAUSE_TEST_DATABASE_URL
npm run build
npx jest -c jest.sql.config.js "$@"
