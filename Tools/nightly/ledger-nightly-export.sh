#!/bin/sh
# ledger-nightly-export.sh — the nightly signed snapshot of a consortium ledger.
#
# Exports the ledger into a dated directory (DEST/YYYY-MM-DD) with `ledger export`, then keeps
# only the newest N complete snapshots. Safe while the secretariat is importing: the export
# reads one LMDB snapshot and never takes the write lock. A snapshot is complete when its
# manifest.json exists; an export killed half-way leaves DIR.export-incomplete-PID, which the
# next run removes.
#
#   ledger-nightly-export.sh [--ledger DIR] [--dest DIR] [--keep N] [--bin PATH]
#
# Defaults: --ledger $LEDGER_PATH or /var/lib/consortium/consortium.ledger,
#           --dest /var/backups/consortium, --keep 14, --bin `ledger` on PATH.
# Exit status: 0 exported, 1 export failed, 2 bad usage, 75 another run holds the lock.
set -eu

ledger_dir=${LEDGER_PATH:-/var/lib/consortium/consortium.ledger}
dest=/var/backups/consortium
keep=14
bin=ledger

usage() { sed -n '2,15s/^# \{0,1\}//p' "$0" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case $1 in
        --ledger) [ $# -ge 2 ] || usage; ledger_dir=$2; shift 2 ;;
        --dest) [ $# -ge 2 ] || usage; dest=$2; shift 2 ;;
        --keep) [ $# -ge 2 ] || usage; keep=$2; shift 2 ;;
        --bin) [ $# -ge 2 ] || usage; bin=$2; shift 2 ;;
        -h|--help) usage ;;
        *) echo "ledger-nightly-export: unknown argument $1" >&2; usage ;;
    esac
done
case $keep in ''|*[!0-9]*|0) echo "ledger-nightly-export: --keep must be a positive integer, got '$keep'" >&2; exit 2 ;; esac

umask 077
mkdir -p "$dest"

# One run at a time (a slow export must not overlap the next night's).
exec 9>"$dest/.nightly-export.lock"
if ! flock -n 9; then
    echo "ledger-nightly-export: another export holds $dest/.nightly-export.lock; not starting" >&2
    exit 75
fi

# Holding the lock, any staging directory here was left by a killed run.
for stale in "$dest"/*.export-incomplete-*; do
    [ -d "$stale" ] || continue
    echo "ledger-nightly-export: removing unfinished $stale" >&2
    rm -rf -- "$stale"
done

target="$dest/$(date +%F)"
[ -e "$target" ] && target="$dest/$(date +%F-%H%M%S)"

if ! "$bin" export --ledger "$ledger_dir" --to "$target"; then
    echo "ledger-nightly-export: export of $ledger_dir to $target FAILED; older snapshots kept" >&2
    exit 1
fi

# Keep the newest $keep complete snapshots (dated names sort by time); never touch anything else.
complete=$(for dir in "$dest"/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*; do
    [ -f "$dir/manifest.json" ] && printf '%s\n' "$dir"
done | sort)
count=$(printf '%s' "$complete" | grep -c . || true)
if [ "$count" -gt "$keep" ]; then
    printf '%s\n' "$complete" | head -n $((count - keep)) | while IFS= read -r old; do
        echo "ledger-nightly-export: pruning $old" >&2
        rm -rf -- "$old"
    done
fi
echo "ledger-nightly-export: snapshot $target complete; keeping $(( count < keep ? count : keep )) snapshot(s) in $dest"
