#!/bin/sh
# /init of the fsbench guest (busybox initramfs, no network, no udev).
#
# Kernel command line:
#   fsbench.fs=virtiofs|9p   which share to mount at /mnt/share (tag fsbench.tag, default "share")
#   fsbench.cache=MODE       9p only: cache=none|loose|mmap (virtio-fs caching is virtiofsd's -o cache)
#   fsbench.upper=vda        the overlay's upper layer is the ext4 disk /dev/vda (else a tmpfs)
#   fsbench.check=1          print FSBENCH-CHECK-OK and power off (the acceleration trial)
#
# Then: an overlay at /mnt/ovl (upper on the ext4 disk /dev/vda, tmpfs if the guest has no disk; the share as lower;
# metacopy=on if the kernel allows),
# the line "FSBENCH-READY ..." on the console, and the probe served on the virtio-serial port named
# "fsbench", one probe per host connection, forever: fsprobe --root /mnt, so batch dirs are share and ovl.
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev

say() { echo "fsbench-guest: $*" > /dev/console; }
fail() { say "FSBENCH-FAILED $*"; sleep 1; poweroff -f; }
arg() {
  for a in $(cat /proc/cmdline); do
    case "$a" in "$1="*) echo "${a#*=}"; return ;; esac
  done
  echo "$2"
}

if [ "$(arg fsbench.check 0)" = 1 ]; then
  say "FSBENCH-CHECK-OK uptime=$(cut -d' ' -f1 /proc/uptime)"
  poweroff -f
fi

for m in $(cat /etc/modules.load); do
  insmod "/lib/modules/$m" || fail "insmod $m"
done

fs="$(arg fsbench.fs virtiofs)"
tag="$(arg fsbench.tag share)"
cache="$(arg fsbench.cache none)"
mkdir -p /mnt/share /mnt/ovl
case "$fs" in
  9p) mount -t 9p -o "trans=virtio,version=9p2000.L,msize=524288,cache=$cache" "$tag" /mnt/share || fail "mount 9p $tag" ;;
  virtiofs) mount -t virtiofs "$tag" /mnt/share || fail "mount virtiofs $tag" ;;
  *) fail "unknown fsbench.fs=$fs" ;;
esac

# The overlay: upper and work on the ext4 disk (a real disk filesystem, with user.* xattrs), lower = the share.
# metacopy=on when the kernel takes it.
disk="$(arg fsbench.upper "")"
if [ -n "$disk" ]; then
  i=0
  while [ ! -b "/dev/$disk" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done   # the disk appears after its driver probes
  [ -b "/dev/$disk" ] || fail "no /dev/$disk (the overlay's upper disk): $(ls /dev | tr '\n' ' ')"
  mount -t ext4 "/dev/$disk" /run || fail "mount ext4 /dev/$disk (the overlay's upper disk)"
  upper=ext4
else
  mount -t tmpfs -o mode=0755 upper /run
  upper=tmpfs
fi
mkdir -p /run/upper /run/work
lower="lowerdir=/mnt/share,upperdir=/run/upper,workdir=/run/work"
if mount -t overlay overlay -o "$lower,metacopy=on" /mnt/ovl 2>/dev/null; then
  grep " /mnt/ovl overlay " /proc/mounts | grep -q "metacopy=on" && overlay=metacopy || overlay=plain
elif mount -t overlay overlay -o "$lower" /mnt/ovl; then
  overlay=plain-fallback
else
  overlay=none
fi

# The virtio-serial port named "fsbench" (devtmpfs makes the node; mknod if it did not).
port=""
for p in /sys/class/virtio-ports/*; do
  [ "$(cat "$p/name" 2>/dev/null)" = fsbench ] && port="/dev/${p##*/}"
done
[ -n "$port" ] || fail "no virtio-serial port named fsbench"
if [ ! -c "$port" ]; then
  dev="$(cat "/sys/class/virtio-ports/${port##*/}/dev")"
  mknod "$port" c "${dev%%:*}" "${dev##*:}"
fi

say "FSBENCH-READY fs=$fs cache=$cache overlay=$overlay upper=$upper port=$port kernel=$(uname -r) uptime=$(cut -d' ' -f1 /proc/uptime)"

# One probe per host connection. The port is opened once and never closed: closing a virtio-serial port
# discards what the host already sent. The marker write blocks until a host is connected (no busy loop);
# the host skips the marker line.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
exec 3<>"$port"
while :; do
  echo "fsbench-port-ready" >&3
  /bin/fsprobe --root /mnt <&3 >&3 2>/dev/console
done
