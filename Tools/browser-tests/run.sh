#!/usr/bin/env bash
# The dashboard's browser test end to end: build the ledger, generate a consortium history,
# import it, sign a checkpoint, audit, issue a council and a member token, start
# `ledger serve --http 127.0.0.1:PORT`, run dashboard_test.py in headless Chromium, stop the server.
#
#   Tools/browser-tests/run.sh [EVENTS]        # default 100000; e.g. 1000000 for the city scale
#
# Needs Debian's chromium and fonts-noto-cjk and Playwright from PyPI (installed below when missing;
# Playwright's own browser downloads are never used). BUILD=debug|release (default debug, which
# reuses the test build; release for timings of a deployed server). Screenshots go to
# Tools/browser-tests/screenshots/ (git-ignored).
set -euo pipefail
EVENTS="${1:-100000}"
BUILD="${BUILD:-debug}"
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SHOTS="${SHOTS:-$HERE/screenshots}"

if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -c "Noto Sans CJK" >/dev/null; then
    apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
python3 -c "import playwright" 2>/dev/null || python3 -m pip install -q playwright

cd "$ROOT"
swift build -c "$BUILD" --product ledger >/dev/null
swift build -c "$BUILD" --product consortium-gen >/dev/null
BIN="$(swift build -c "$BUILD" --show-bin-path)"

WORK="$(mktemp -d /tmp/ledger-dashboard.XXXXXX)"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
export LEDGER_PATH="$WORK/consortium.ledger"

"$BIN/consortium-gen" --events "$EVENTS" --seed 42 --out "$WORK/history.jsonl"
"$BIN/ledger" init >/dev/null
"$BIN/ledger" import "$WORK/history.jsonl" >/dev/null
"$BIN/ledger" checkpoint >/dev/null
"$BIN/ledger" audit --no-signatures >/dev/null

# The consortium's lead (charter actor) reads as the council; the first school admitted is the member.
read -r LEAD SCHOOL < <(python3 - "$WORK/history.jsonl" <<'EOF'
import json, sys
lead = school = None
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        e = json.loads(line)
        if e["type"] == "ConsortiumChartered":
            lead = e["actor"]
        elif e["type"] == "MemberAdmitted" and e["data"].get("kind") == "school" and school is None:
            school = e["data"]["memberId"]
        if lead and school:
            break
print(lead, school)
EOF
)
DASHBOARD_COUNCIL_TOKEN="$("$BIN/ledger" token issue --member "$LEAD" --role council --label browser-test 2>/dev/null)"
DASHBOARD_MEMBER_TOKEN="$("$BIN/ledger" token issue --member "$SCHOOL" --role member --label browser-test 2>/dev/null)"
export DASHBOARD_COUNCIL_TOKEN DASHBOARD_MEMBER_TOKEN

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# Bounded: the server stops by itself after 15 minutes even if this script is killed.
timeout 900 "$BIN/ledger" serve --http "127.0.0.1:$PORT" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.log"; exit 1; }
    sleep 0.1
done

status=0
python3 "$HERE/dashboard_test.py" --base "http://127.0.0.1:$PORT" --member "$SCHOOL" --shots "$SHOTS" || status=$?
if [ "$status" -ne 0 ]; then
    echo "--- server log (last 40 lines)"
    tail -n 40 "$WORK/serve.log"
fi
exit "$status"
