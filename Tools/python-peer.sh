#!/usr/bin/env bash
# Creates the virtualenv the benchmark uses for the Python `eventsourcing` peer anchor
# (shared/anchors/py_eventsourcing_bench.py). Idempotent; .build-pyvenv is git-ignored.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .build-pyvenv/bin/python ]; then
    python3 -m venv .build-pyvenv
fi
.build-pyvenv/bin/pip install -q "eventsourcing>=9.5,<10"
echo "python peer ready: .build-pyvenv/bin/python"
