#!/usr/bin/env bash
# Run the suite (`make test`) and the demo (`make demo`) of a fresh clone on Debian 13 (trixie, QGIS 3.40)
# from a Debian 12 machine, in a debootstrap chroot made under build/debian13/root and reused on later runs.
# Needs root. Everything mounted into the chroot is unmounted on exit, also on failure or interruption.
#
# Usage: scripts/test_debian13.sh [pytest arguments]
#   without arguments: `make test` then `make demo`; with arguments: `make setup-dev translations` then
#   `scripts/run_tests.sh <arguments>` (e.g. tests/qgis/plugin/test_desktop.py), no demo.
# Environment:
#   DEBIAN13_ROOT    the chroot (default build/debian13/root)
#   DEBIAN13_MIRROR  the Debian mirror (default http://deb.debian.org/debian)
#   DEBIAN13_SOURCE  "head" (default): a clone of the commit HEAD; "worktree": that clone with the
#                    working tree's uncommitted changes and new files copied over it; "tracked": the
#                    same without the untracked files
#   DEBIAN13_DEMO    0 to skip `make demo`
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
ROOT=${DEBIAN13_ROOT:-$REPO/build/debian13/root}
MIRROR=${DEBIAN13_MIRROR:-http://deb.debian.org/debian}
SOURCE=${DEBIAN13_SOURCE:-head}
CLONE=/root/reterr
STAMP=.reterr-debian13-ready

if [ "$(id -u)" -ne 0 ]; then
  echo "test-debian13 needs root (debootstrap, mount, chroot)." >&2
  exit 1
fi
mkdir -p "$(dirname "$ROOT")"
ROOT=$(cd "$(dirname "$ROOT")" && pwd -P)/$(basename "$ROOT")

mounts_under_root() {
  # Mount points at or below $ROOT, deepest first.
  findmnt -rn -o TARGET | awk -v r="$ROOT" 'index($0, r "/") == 1 || $0 == r' | sort -r
}

cleanup() {
  local status=$?
  set +e
  # Processes still running inside the chroot (a stray Xvfb, say) were started by this script.
  local pid
  for pid in $(ls /proc | grep -E '^[0-9]+$'); do
    if [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$ROOT" ]; then
      kill "$pid" 2>/dev/null
    fi
  done
  local target
  for target in $(mounts_under_root); do
    umount "$target" 2>/dev/null || umount -l "$target"
  done
  if [ -n "$(mounts_under_root)" ]; then
    echo "test-debian13: could not unmount: $(mounts_under_root | tr '\n' ' ')" >&2
    status=1
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "$(mounts_under_root)" ]; then
  echo "test-debian13: something is already mounted under $ROOT (another run?):" >&2
  mounts_under_root >&2
  trap - EXIT
  exit 1
fi

# 1. The chroot: debootstrap once (about ten minutes with the QGIS packages), then reused.
if [ ! -f "$ROOT/$STAMP" ]; then
  if ! command -v debootstrap >/dev/null 2>&1; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap
  fi
  if [ -e "$ROOT" ]; then
    echo "Removing an unfinished chroot: $ROOT"
    rm -rf --one-file-system "$ROOT"
  fi
  echo "Creating a Debian 13 chroot in $ROOT"
  debootstrap --variant=minbase trixie "$ROOT" "$MIRROR"
fi

# 2. Mounts (the kernel's file systems) and name resolution; below, the host's certificates and pip
#    configuration, without which pip inside cannot reach the package index.
mount -t proc proc "$ROOT/proc"
mount --rbind /dev "$ROOT/dev"
mount --make-rslave "$ROOT/dev"
mount --rbind /sys "$ROOT/sys"
mount --make-rslave "$ROOT/sys"
cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf"

CA_ENV=()
in_chroot() {
  chroot "$ROOT" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "${CA_ENV[@]}" bash -c "$1"
}

if [ ! -f "$ROOT/$STAMP" ]; then
  in_chroot 'apt-get update -q && apt-get install -y -q --no-install-recommends make git ca-certificates'
  touch "$ROOT/$STAMP"
fi
# Copied, not bound: packages installed inside write to /etc/ssl/certs (ssl-cert, with PostgreSQL).
# pip.conf may name the host's bundle (/etc/ssl/certs/ca-certificates.crt): pip, and tools using
# OpenSSL or requests, are pointed at a copy of it (environment variables win over pip.conf).
[ -f /etc/pip.conf ] && cp -L /etc/pip.conf "$ROOT/etc/pip.conf"
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  cp -L /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/reterr-host-ca.crt"
  CA_ENV=(PIP_CERT=/etc/reterr-host-ca.crt SSL_CERT_FILE=/etc/reterr-host-ca.crt
    REQUESTS_CA_BUNDLE=/etc/reterr-host-ca.crt)
fi
# A package left unconfigured by an earlier interrupted or failed run; the system's CA bundle
# (pip's vendored certifi reads it even to install pip's own wheel into a venv).
in_chroot 'dpkg --configure -a'
[ -s "$ROOT/etc/ssl/certs/ca-certificates.crt" ] || in_chroot 'update-ca-certificates --fresh >/dev/null'

# 3. A fresh clone of HEAD (plus, on request, the uncommitted changes of the working tree).
rm -rf --one-file-system "$ROOT$CLONE"
git clone -q --no-local "$REPO" "$ROOT$CLONE"
git -C "$ROOT$CLONE" checkout -q "$(git rev-parse HEAD)"
if [ "$SOURCE" != "head" ]; then
  others=(--others --exclude-standard)
  [ "$SOURCE" = "tracked" ] && others=()
  git ls-files -z --cached "${others[@]}" | while IFS= read -r -d '' f; do
    [ -e "$f" ] && printf '%s\0' "$f"
  done | tar --null -T - -cf - | tar -xf - -C "$ROOT$CLONE"
  git ls-files -z --deleted | (cd "$ROOT$CLONE" && xargs -0 -r rm -f --)
fi
echo "Debian 13 chroot: $(cat "$ROOT/etc/debian_version"), testing $(git rev-parse --short HEAD)" \
  "($SOURCE)"

# 4. The suite, then the demo, timed.
report=()
status=0
run_timed() {
  local name=$1 command=$2 start=$SECONDS rc=0
  in_chroot "cd $CLONE && $command" || rc=$?
  report+=("$name: $([ $rc -eq 0 ] && echo passed || echo "FAILED (exit $rc)") in $((SECONDS - start)) s")
  [ $rc -eq 0 ] || status=1
}
if [ $# -gt 0 ]; then
  run_timed "tests" "make setup-dev translations && scripts/run_tests.sh $(printf '%q ' "$@")"
else
  run_timed "make test" "make test"
  if [ "${DEBIAN13_DEMO:-1}" != 0 ]; then
    run_timed "make demo" "make demo"
  fi
fi
qgis_version=$(chroot "$ROOT" dpkg-query -W -f='${Version}' qgis 2>/dev/null || echo "?")
echo
echo "Debian 13 (QGIS $qgis_version):"
printf '  %s\n' "${report[@]}"
exit $status
