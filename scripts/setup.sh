#!/usr/bin/env bash
# Install what ReTerr needs on Debian 12/13: QGIS and tools from apt, then a virtual environment built
# from the system Python (so that it sees the QGIS bindings) with pinned pip packages. numpy stays the
# system one: a pip numpy 2 breaks GDAL's numpy bindings on Debian 12. rasterio also comes from Debian
# (python3-rasterio is built on the system GDAL that QGIS loads; a pip wheel bundles its own GDAL).
# Usage: scripts/setup.sh [--dev]   (--dev adds the test and lint tools)
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(python3-qgis qgis qgis-providers python3-venv python3-pip python3-numpy python3-scipy
  python3-rasterio python3-pil
  proj-bin
  libgeos-dev python3-dev gcc
  xvfb xauth qttools5-dev-tools pyqt5-dev-tools poppler-utils fonts-dejavu-core locales)
# --dev: a PostgreSQL + PostGIS server for the PostGIS in/out tests (tests/qgis/common/
# test_postgis_i12.py starts its own throw-away cluster; the metapackages follow the release).
if [ "${1:-}" = "--dev" ]; then APT_PACKAGES+=(postgresql postgresql-postgis); fi
# --dev on Debian 13: the package the plugin's own instructions name there besides python3-scipy
# (tests/qgis/plugin/test_user_install_i12.py types them; on Debian 12 they are the build tools above).
if [ "${1:-}" = "--dev" ] && grep -qs '^VERSION_ID="13"' /etc/os-release; then
  APT_PACKAGES+=(python3-shapely)
fi

# proj-bin: where pip keeps Debian's python3-pyproj (Debian 13's 3.7 satisfies requirements-dev.txt),
# pyproj looks for PROJ's data under sys.prefix, the venv's, then beside the `proj` program: without
# it a minimal system has /usr/share/proj/proj.db yet pyproj raises DataDirError in the venv.
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]}" >&2
    echo "Run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Debian 13 dropped qtchooser: Qt 5's lrelease may only exist under /usr/lib/qt5/bin.
if ! command -v lrelease >/dev/null 2>&1; then
  for candidate in /usr/lib/qt5/bin/lrelease /usr/lib/*/qt5/bin/lrelease; do
    if [ -x "$candidate" ] && [ "$(id -u)" -eq 0 ]; then
      ln -sf "$candidate" /usr/local/bin/lrelease
      break
    fi
  done
fi

SYS_PY=/usr/bin/python3
VENV=.venv
if [ ! -x "$VENV/bin/python" ]; then
  "$SYS_PY" -m venv --system-site-packages "$VENV"
fi
mkdir -p build
NUMPY_VERSION=$("$SYS_PY" -c 'import numpy; print(numpy.__version__)')
echo "numpy==$NUMPY_VERSION" > build/constraints.txt
PY_MINOR=$("$SYS_PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')

reqs=(-r requirements.txt)
[ "${1:-}" = "--dev" ] && reqs+=(-r requirements-dev.txt)
# Re-run pip only when the requirement files or the system numpy changed.
stamp="$VENV/.reterr-stamp${1:-}"
want=$(cat requirements*.txt build/constraints.txt | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -c build/constraints.txt "${reqs[@]}"
  if [ "${1:-}" = "--dev" ]; then
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps \
      -r requirements-dev-nodeps.txt
  fi
  "$VENV/bin/python" - <<PY
import numpy, osgeo.gdal_array  # fails if pip replaced the system numpy
assert numpy.__version__ == "$NUMPY_VERSION", numpy.__version__
PY
  echo "$want" > "$stamp"
fi
echo "Environment ready: $VENV (Python $PY_MINOR, numpy $NUMPY_VERSION)"
