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

CHROOT_NAME=test-debian13
# shellcheck source=scripts/chroot_lib.sh
. scripts/chroot_lib.sh
chroot_require_root
mkdir -p "$(dirname "$ROOT")"
ROOT=$(cd "$(dirname "$ROOT")" && pwd -P)/$(basename "$ROOT")
CHROOT_ROOT=$ROOT
trap chroot_cleanup EXIT
trap 'exit 130' INT TERM
chroot_refuse_if_mounted

# 1. The chroot: debootstrap once (about ten minutes with the QGIS packages), then reused.
[ -f "$ROOT/$STAMP" ] || chroot_debootstrap trixie "$MIRROR"

# 2. Mounts, name resolution, the host's certificates and pip configuration.
chroot_mount
if [ ! -f "$ROOT/$STAMP" ]; then
  in_chroot 'apt-get update -q && apt-get install -y -q --no-install-recommends make git ca-certificates'
  touch "$ROOT/$STAMP"
fi
chroot_certificates
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
