#!/bin/bash
# The server's CPU per request under load from wrk, a C load generator that costs little, beside
# the raw-LMDB one-commit anchor measured just before and just after (docs/SERVICE.md,
# "Capacity"). It appends test events (CouncilResolutionPassed by gov-001) to the ledger it is
# given, so give it a copy. Loopback only; needs wrk (`apt-get install wrk`) and a release build.
#   Tools/service/capacity.sh COPY-OF-A-LEDGER [seconds]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
ledger=$here/.build/release/ledger
anchor=$here/.build/release/lmdb-anchor
dir=${1:?usage: capacity.sh COPY-OF-A-LEDGER [seconds]}
seconds=${2:-8}
port=${PORT:-58321}
command -v wrk >/dev/null || { echo "capacity.sh needs wrk: apt-get install wrk" >&2; exit 2; }
[ -x "$ledger" ] && [ -x "$anchor" ] || { echo "build first: swift build -c release" >&2; exit 2; }
scratch=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$scratch"' EXIT

one_commit_rate() {
    rm -rf "$scratch/anchor" && mkdir "$scratch/anchor"
    "$anchor" "$scratch/anchor" 1000 1 300 | sed -E 's/.*in batches of 1: ([0-9]+) ev\/s.*/\1/'
}
before=$(one_commit_rate)
export LEDGER_TOKEN
LEDGER_TOKEN=$("$ledger" token issue --member gov-001 --role secretariat --ledger "$dir" 2>/dev/null)
"$ledger" serve --ledger "$dir" --http "127.0.0.1:$port" >"$scratch/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q "listening on" "$scratch/serve.log" && break; sleep 0.1; done
grep -q "listening on" "$scratch/serve.log" || { cat "$scratch/serve.log" >&2; exit 1; }

ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
measure() {
    local label=$1 url=$2
    shift 2
    local start out end
    start=$(ticks)
    out=$(wrk -t1 -c64 -d"${seconds}s" --latency "$@" "$url")
    end=$(ticks)
    echo "$out" | awk -v label="$label" -v ticks=$((end - start)) -v hz="$(getconf CLK_TCK)" '
        /requests in/ { n = $1 } /Requests\/sec/ { rate = $2 } /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
        /Non-2xx/ { bad = $NF }
        END { printf "%-28s %9.0f /s  p50 %s  p99 %s  server %.0f µs CPU per request%s\n", label, rate, p50, p99,
              ticks / hz / n * 1e6, bad ? "  (" bad " not 2xx)" : "" }'
}
measure "POST /v1/events (append)" "http://127.0.0.1:$port/v1/events" -s "$here/Tools/service/wrk-append.lua"
measure "GET /healthz" "http://127.0.0.1:$port/healthz"
after=$(one_commit_rate)
echo "raw LMDB one-commit anchor: $before ev/s before, $after after"
