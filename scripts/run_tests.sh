#!/usr/bin/env bash
# The whole test suite: engine, sample data, Processing, translations, qgis_process and desktop.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
mkdir -p build/runtime && chmod 700 build/runtime
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$PWD/build/runtime}"
.venv/bin/python -m ruff check .
.venv/bin/python -m ruff format --check .
exec .venv/bin/python -m pytest "$@"
