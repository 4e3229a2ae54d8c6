#!/usr/bin/env bash
# Run QGIS's batch client `qgis_process` with the ReTerr plugin of this checkout enabled, in a
# throw-away QGIS profile under build/ (the user's own profile is never touched).
# Usage: scripts/qgis_process.sh run reterr:territory_profile -- INPUT=... OUTPUT=...
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# Debian 12's /usr/bin/qgis_process wrapper passes an option 3.22 rejects: call the binary.
BIN=/usr/bin/qgis_process.bin
[ -x "$BIN" ] || BIN=$(command -v qgis_process)
mkdir -p "$ROOT/build/plugins" "$ROOT/build/qgis-profile" "$ROOT/build/runtime"
chmod 700 "$ROOT/build/runtime"
ln -sfn "$ROOT" "$ROOT/build/plugins/reterr_qgis"
export QGIS_PLUGINPATH="$ROOT/build/plugins"
export QGIS_CUSTOM_CONFIG_PATH="$ROOT/build/qgis-profile"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$ROOT/build/runtime}"
if [ -x "$ROOT/.venv/bin/python" ]; then
  SITE=$("$ROOT/.venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  export PYTHONPATH="$SITE${PYTHONPATH:+:$PYTHONPATH}"
fi
INI="$QGIS_CUSTOM_CONFIG_PATH/profiles/default/QGIS/QGIS3.ini"
if ! grep -qs "^reterr_qgis=true" "$INI"; then
  "$BIN" plugins enable reterr_qgis >/dev/null 2>&1 || true
fi
exec "$BIN" "$@"
