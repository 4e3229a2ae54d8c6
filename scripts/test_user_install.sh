#!/usr/bin/env bash
# The plugin ZIP as planners get it, on fresh Debian 12 (QGIS 3.22) and Debian 13 (QGIS 3.40) systems:
# chroots made from a Debian 12 machine, where only `apt install --no-install-recommends qgis` was
# typed (plus xvfb and xauth to run the desktop without a screen): the leanest QGIS apt installs.
# USER_INSTALL_RECOMMENDS=1 tests `apt install qgis` with its recommended packages (apt's default).
# (Both bring Debian's scipy on Debian 12, through python3-qgis-common → matplotlib → fonttools; a
# QGIS without scipy is covered by tests/qgis/plugin/test_dependencies_i12.py, which hides it.)
#
# For each release, in a throw-away overlay of that system (the base stays as apt left it):
#   1. apt packages only: scripts/user_install_check.py installs the ZIP from QGIS's own "Install
#      from ZIP" into a fresh profile, starts QGIS again, runs qgis_process; the message bar must name
#      exactly what the plugin finds missing, and what can run must run;
#   2. the plugin's own instructions for that system, typed as it prints them ("sudo apt install …"
#      as root, "pip install --user …" for the user), then the same check: everything must run.
# Needs root. Not part of CI (about ten minutes per release the first time, the QGIS packages are large).
#
# Usage: scripts/test_user_install.sh [12] [13]     (default: both)
# Environment: USER_INSTALL_DIR (default build/user-install), DEBIAN_MIRROR (default deb.debian.org),
#   USER_INSTALL_RECOMMENDS (1: `apt install qgis` with its recommended packages)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
BASE_DIR=${USER_INSTALL_DIR:-$REPO/build/user-install}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
STAMP=.reterr-user-install-ready

if [ $# -eq 0 ]; then set -- 12 13; fi
if [ $# -gt 1 ]; then
  status=0
  for release in "$@"; do "$0" "$release" || status=1; done
  exit $status
fi
case "$1" in
  12) SUITE=bookworm ;;
  13) SUITE=trixie ;;
  *) echo "usage: $0 [12] [13]" >&2; exit 2 ;;
esac
RELEASE=$1

CHROOT_NAME="test-user-install (Debian $RELEASE)"
# shellcheck source=scripts/chroot_lib.sh
. scripts/chroot_lib.sh
chroot_require_root
mkdir -p "$BASE_DIR/debian$RELEASE"
DIR=$(cd "$BASE_DIR/debian$RELEASE" && pwd -P)
APT_OPTIONS=--no-install-recommends
BASE=$DIR/base
if [ "${USER_INSTALL_RECOMMENDS:-0}" = 1 ]; then APT_OPTIONS=; BASE=$DIR/base-recommends; fi

# 1. The system as `apt install qgis` leaves it: made once, then only read (the runs use an overlay).
if [ ! -f "$BASE/$STAMP" ]; then
  CHROOT_ROOT=$BASE
  trap chroot_cleanup EXIT
  chroot_refuse_if_mounted
  chroot_debootstrap "$SUITE" "$MIRROR"
  chroot_mount
  in_chroot "apt-get update -q && apt-get install -y -q $APT_OPTIONS ca-certificates qgis xvfb xauth \
    && apt-get clean"
  trap - EXIT
  (chroot_cleanup) || exit 1
  touch "$BASE/$STAMP"
fi

# 2. A throw-away overlay of it for this run.
RUN=$DIR/run
CHROOT_ROOT=$RUN/merged
trap chroot_cleanup EXIT
trap 'exit 130' INT TERM
chroot_refuse_if_mounted
rm -rf --one-file-system "$RUN"
mkdir -p "$RUN/upper" "$RUN/work" "$RUN/merged"
mount -t overlay overlay -o "lowerdir=$BASE,upperdir=$RUN/upper,workdir=$RUN/work" "$RUN/merged"
chroot_mount
chroot_certificates

# 3. The ZIP of this checkout (built on the host: it is the same file for every system) and the check.
make -s zip >/dev/null
ZIP=$(ls -t dist/reterr_qgis-*.zip | head -n 1)
mkdir -p "$CHROOT_ROOT/root/check"
cp "$ZIP" "$CHROOT_ROOT/root/check/reterr_qgis.zip"
cp scripts/user_install_check.py "$CHROOT_ROOT/root/check/"
qgis_version=$(chroot "$CHROOT_ROOT" dpkg-query -W -f='${Version}' qgis)
echo "Debian $RELEASE ($(cat "$CHROOT_ROOT/etc/debian_version")), QGIS $qgis_version" \
  "(apt install ${APT_OPTIONS:+$APT_OPTIONS }qgis), $(basename "$ZIP")"

CHECK="python3 /root/check/user_install_check.py /root/check/reterr_qgis.zip"
report=()
status=0
run_setup() {
  local name=$1 command=$2 start=$SECONDS rc=0
  echo
  echo "== Debian $RELEASE: $name"
  in_chroot "cd /root/check && $command" || rc=$?
  report+=("$name: $([ $rc -eq 0 ] && echo passed || echo "FAILED (exit $rc)") in $((SECONDS - start)) s")
  [ $rc -eq 0 ] || status=1
}

run_setup "apt packages only" \
  "$CHECK /root/check/user --expect-missing auto --expect-complete auto --report /root/check/apt.json"

# The plugin's own instructions for this system, as it prints them; typed as root for the
# "sudo apt install" lines (a planner with sudo), as the user (HOME of the check) for the others.
instructions=$(in_chroot "$CHECK /root/check/user --print-instructions")
echo
echo "The plugin's instructions here:"
printf '%s\n' "$instructions" | sed 's/^/  | /'
typed=0
while IFS= read -r line; do
  case "$line" in
    "sudo apt install "*)
      in_chroot "apt-get install -y -q $APT_OPTIONS ${line#sudo apt install }" >/dev/null
      typed=$((typed + 1))
      ;;
    "pip install "* | "pip uninstall "*)
      in_chroot "HOME=/root/check/user/home $line" | tail -n 2
      typed=$((typed + 1))
      ;;
  esac
done <<<"$instructions"
if [ -n "$instructions" ] && [ "$typed" -eq 0 ]; then
  echo "No command recognised in the instructions." >&2
  status=1
fi

run_setup "after the plugin's instructions ($typed commands)" \
  "$CHECK /root/check/user --keep-home --expect-missing '' --expect-complete auto --report /root/check/instructions.json"
# After the instructions every sample run must complete (auto gives those the plugin can run).
if ! in_chroot "python3 -c \"import json,sys; r=json.load(open('/root/check/instructions.json')); \
sys.exit(0 if r['expected']['complete'] and len(r['expected']['complete']) == len(r['qgis_process']['runs']) else 1)\""; then
  report+=("after the instructions some sample runs still cannot run: FAILED")
  status=1
fi
mkdir -p "$REPO/out/user-install"
name=debian$RELEASE
[ -n "$APT_OPTIONS" ] || name=$name-recommends
cp "$CHROOT_ROOT/root/check/apt.json" "$REPO/out/user-install/$name-apt.json" 2>/dev/null || true
cp "$CHROOT_ROOT/root/check/instructions.json" "$REPO/out/user-install/$name-instructions.json" \
  2>/dev/null || true

echo
echo "Debian $RELEASE (QGIS $qgis_version), the plugin installed from its ZIP:"
printf '  %s\n' "${report[@]}"
exit $status
