# Shared by scripts/test_debian13.sh and scripts/test_user_install.sh (sourced, not run): a Debian
# chroot made with debootstrap, mounted for a run and always unmounted on exit, with the host's
# certificates and pip configuration copied in (without them pip inside cannot reach the package
# index). Needs root. The caller sets CHROOT_ROOT (absolute) and CHROOT_NAME (for messages).

chroot_require_root() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "$CHROOT_NAME needs root (debootstrap, mount, chroot)." >&2
    exit 1
  fi
}

chroot_mounts() {
  # Mount points at or below $CHROOT_ROOT, deepest first.
  findmnt -rn -o TARGET | awk -v r="$CHROOT_ROOT" 'index($0, r "/") == 1 || $0 == r' | sort -r
}

chroot_cleanup() {
  local status=$?
  set +e
  # Processes still running inside the chroot (a stray Xvfb, say) were started by this script.
  local pid
  for pid in $(ls /proc | grep -E '^[0-9]+$'); do
    if [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$CHROOT_ROOT" ]; then
      kill "$pid" 2>/dev/null
    fi
  done
  local target
  for target in $(chroot_mounts); do
    umount "$target" 2>/dev/null || umount -l "$target"
  done
  if [ -n "$(chroot_mounts)" ]; then
    echo "$CHROOT_NAME: could not unmount: $(chroot_mounts | tr '\n' ' ')" >&2
    status=1
  fi
  exit "$status"
}

# chroot_refuse_if_mounted: another run may be using the chroot.
chroot_refuse_if_mounted() {
  if [ -n "$(chroot_mounts)" ]; then
    echo "$CHROOT_NAME: something is already mounted under $CHROOT_ROOT (another run?):" >&2
    chroot_mounts >&2
    trap - EXIT
    exit 1
  fi
}

# chroot_debootstrap SUITE MIRROR: a minimal system in $CHROOT_ROOT (an unfinished one is removed).
chroot_debootstrap() {
  if ! command -v debootstrap >/dev/null 2>&1; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap
  fi
  if [ -e "$CHROOT_ROOT" ]; then
    echo "Removing an unfinished chroot: $CHROOT_ROOT"
    rm -rf --one-file-system "$CHROOT_ROOT"
  fi
  echo "Creating a Debian $1 chroot in $CHROOT_ROOT"
  mkdir -p "$(dirname "$CHROOT_ROOT")"
  debootstrap --variant=minbase "$1" "$CHROOT_ROOT" "$2"
}

# chroot_mount: the kernel's file systems and name resolution.
chroot_mount() {
  mount -t proc proc "$CHROOT_ROOT/proc"
  mount --rbind /dev "$CHROOT_ROOT/dev"
  mount --make-rslave "$CHROOT_ROOT/dev"
  mount --rbind /sys "$CHROOT_ROOT/sys"
  mount --make-rslave "$CHROOT_ROOT/sys"
  cp -L /etc/resolv.conf "$CHROOT_ROOT/etc/resolv.conf"
}

CHROOT_CA_ENV=()
# chroot_certificates: copied, not bound (packages installed inside write to /etc/ssl/certs). pip.conf
# may name the host's bundle: pip, and tools using OpenSSL or requests, are pointed at a copy of it
# (environment variables win over pip.conf).
chroot_certificates() {
  [ -f /etc/pip.conf ] && cp -L /etc/pip.conf "$CHROOT_ROOT/etc/pip.conf"
  if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    cp -L /etc/ssl/certs/ca-certificates.crt "$CHROOT_ROOT/etc/reterr-host-ca.crt"
    CHROOT_CA_ENV=(PIP_CERT=/etc/reterr-host-ca.crt SSL_CERT_FILE=/etc/reterr-host-ca.crt
      REQUESTS_CA_BUNDLE=/etc/reterr-host-ca.crt)
  fi
}

# in_chroot COMMAND: run a bash command inside, as root, with a clean environment.
in_chroot() {
  chroot "$CHROOT_ROOT" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    DEBIAN_FRONTEND=noninteractive PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    "${CHROOT_CA_ENV[@]}" bash -c "$1"
}
