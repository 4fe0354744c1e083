#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the sink's tests and benchmark: Debian's server binaries,
# a data directory of its own, listening on 127.0.0.1 only, trust authentication (loopback,
# test data only), never the machine's own cluster.
#
#   test-server.sh start [DIR] [PORT]     initdb (first time) + start; prints the URL
#   test-server.sh stop [DIR] [MODE]      stop (MODE fast, or immediate for a crash-like stop)
#   test-server.sh url [DIR]              the URL of a started cluster
#
# DIR defaults to $LEDGER_TEST_POSTGRES_DIR or /tmp/ledger-test-postgres, PORT to 55432.
# `.ci/run` does: eval "$(Tools/postgres/test-server.sh env)" (start + export the URL).
set -euo pipefail

command_name=${1:-}
dir=${2:-${LEDGER_TEST_POSTGRES_DIR:-/tmp/ledger-test-postgres}}
user=ledger

bindir() {
    local candidate
    if command -v pg_config >/dev/null 2>&1; then
        candidate=$(pg_config --bindir)
        [ -x "$candidate/initdb" ] && { echo "$candidate"; return; }
    fi
    candidate=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    if [ -n "$candidate" ] && [ -x "$candidate/initdb" ]; then echo "$candidate"; return; fi
    echo "test-server.sh: PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2
    exit 2
}

# initdb and postgres refuse to run as root: as root, run them as Debian's `postgres` user.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# PostgreSQL counts every descriptor it inherits against max_files_per_process and refuses to start
# with fewer than 58 left ("insufficient file descriptors"); a test process with a thousand pipes
# and sockets open passes them all down. Close everything but stdin, stdout and stderr first.
close_inherited_descriptors() {
    local fd
    for fd in /proc/$$/fd/*; do
        fd=${fd##*/}
        if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
}

start() {
    local port=${3:-55432} bin
    close_inherited_descriptors
    bin=$(bindir)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    chmod 0700 "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_owner "$bin/initdb" -D "$dir/data" -U "$user" -A trust -E UTF8 --locale=C.UTF-8 </dev/null >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    if as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        cat "$dir/url"
        return
    fi
    # Loopback only; the socket directory is the cluster's own (no /var/run/postgresql needed).
    # No descriptor of ours may reach the server: a caller reading our output until it ends
    # (`$(…)`, a test's pipe) would otherwise wait for the server to stop.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
        "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=100 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        </dev/null >"$dir/pg_ctl.log" 2>&1 || { cat "$dir/pg_ctl.log" >&2; tail -20 "$dir/server.log" >&2; exit 1; }
    echo "postgresql://$user@127.0.0.1:$port/postgres" >"$dir/url"
    cat "$dir/url"
}

stop() {
    local mode=${3:-fast} bin
    bin=$(bindir)
    [ -d "$dir/data" ] || return 0
    as_owner "$bin/pg_ctl" -D "$dir/data" -m "$mode" -w stop >/dev/null 2>&1 || true
}

case "$command_name" in
start) start "$@" ;;
stop) stop "$@" ;;
url) cat "$dir/url" ;;
env) echo "export LEDGER_TEST_POSTGRES_URL=$(start "$@")" ;;
*)
    echo "usage: $0 start|stop|url|env [DIR] [PORT|MODE]" >&2
    exit 64
    ;;
esac
