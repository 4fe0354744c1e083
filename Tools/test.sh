#!/usr/bin/env bash
# The whole test suite, as README's second command: a throw-away PostgreSQL on loopback for the
# sink's tests, `swift test`, then the dashboard in headless Chromium. Servers it starts stop
# when it ends (also on failure or Ctrl-C). Needs what `.ci/run` installs (liblmdb-dev,
# postgresql, chromium, fonts-noto-cjk, Python playwright and cryptography); without PostgreSQL
# the sink's tests say they were skipped, with BROWSER_TESTS=0 the browser test is left out.
set -euo pipefail
cd "$(dirname "$0")/.."

cleanup() {
    if [ -n "${LEDGER_TEST_POSTGRES_DIR:-}" ]; then
        Tools/postgres/test-server.sh stop "$LEDGER_TEST_POSTGRES_DIR" || true
        rm -rf "$LEDGER_TEST_POSTGRES_DIR"
    fi
}
trap cleanup EXIT

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    export LEDGER_TEST_POSTGRES_DIR="${TMPDIR:-/tmp}/ledger-test-postgres-$$"
    LEDGER_TEST_POSTGRES_URL="$(Tools/postgres/test-server.sh start "$LEDGER_TEST_POSTGRES_DIR" 55433)"
    export LEDGER_TEST_POSTGRES_URL
    echo "test.sh: PostgreSQL for the sink's tests at $LEDGER_TEST_POSTGRES_URL"
else
    echo "test.sh: no PostgreSQL server binaries (apt-get install postgresql): the sink's tests will be skipped"
fi

swift test

if [ "${BROWSER_TESTS:-1}" != "0" ]; then
    Tools/browser-tests/run.sh "${BROWSER_TEST_EVENTS:-100000}"
fi
