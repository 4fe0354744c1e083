#!/usr/bin/env bash
# The main job end to end on an embedded ledger (LMDB in a local directory; nothing to start):
# generate a realistic city consortium, import it, query every governance tier, sign a
# checkpoint, audit the whole history and export the nightly snapshot.
# Usage: Tools/demo.sh [EVENTS]   (default 100000; DEMO_DIR=demo)
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS="${1:-100000}"
DEMO_DIR="${DEMO_DIR:-demo}"

if ! { command -v pkg-config >/dev/null && pkg-config --exists lmdb; }; then
    echo "== installing liblmdb-dev (LMDB) =="
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq liblmdb-dev pkg-config
fi

echo "== building (release) =="
swift build -c release --product ledger >/dev/null
swift build -c release --product consortium-gen >/dev/null
BIN="$(swift build -c release --show-bin-path)"
LEDGER="$BIN/ledger"
export LEDGER_PATH="$DEMO_DIR/consortium.ledger"

rm -rf "$DEMO_DIR" && mkdir -p "$DEMO_DIR"
echo "== generating a consortium history of $EVENTS events =="
# The generator plants a small, known share of suspicious subsidy claims (counts on stderr,
# ids in planted-claims.jsonl); `query claims --flagged` below must find exactly those.
"$BIN/consortium-gen" --events "$EVENTS" --seed 7 --out "$DEMO_DIR/consortium.jsonl" \
    --planted "$DEMO_DIR/planted-claims.jsonl"

echo "== ledger init + import =="
"$LEDGER" init
"$LEDGER" import "$DEMO_DIR/consortium.jsonl"

echo "== the first events =="
"$LEDGER" log --limit 5 --format table

# The help is read once into a variable: piping it into `grep -q` under pipefail failed whenever
# grep's early exit cut the pipe, and every step below was silently skipped.
# Help goes to standard output; `2>&1` keeps older builds (help on standard error) working too.
HELP="$("$LEDGER" --help 2>&1)"
run_if_available() {  # subcommands that a later issue adds are skipped until they exist
    if grep -qE "^  $1( |$)" <<<"$HELP"; then echo "== ledger $* =="; "$LEDGER" "$@"; fi
}
YEAR="$("$LEDGER" log --backward --limit 1 --format jsonl | sed -E 's/.*"occurredAt":"([0-9]{4}).*/\1/')"
run_if_available query council --year "$((YEAR - 1))" --format table
run_if_available query committee --format table
run_if_available query project --format table
run_if_available query claims --flagged --format table
if grep -qE "^  query( |$)" <<<"$HELP"; then
    FLAGGED="$("$LEDGER" query claims --flagged --format csv | tail -n +2 | wc -l)"
    echo "flagged claims: $FLAGGED; planted by the generator: $(wc -l < "$DEMO_DIR/planted-claims.jsonl")"
fi
run_if_available checkpoint
run_if_available audit
run_if_available export --to "$DEMO_DIR/snapshot"

echo "== ledger verify =="
"$LEDGER" verify
echo "demo ledger left in $LEDGER_PATH"
