#!/usr/bin/env bash
# build-guest.sh --probe FSPROBE [--out DIR]
#
# Builds the QEMU guest the qemu-virtiofs and qemu-9p providers boot: Debian's generic kernel (the cloud
# kernel has no 9p) as an uncompressed PVH vmlinux, and a busybox initramfs holding the virtio, 9p,
# virtio-fs, overlay and virtio-serial modules, glibc's loader/libc/libm, the NativeAOT probe and init.sh.
#
# Output (default <repo>/.cache/guest): vmlinux, initramfs.cpio.gz, upper.img (an empty ext4 image for the overlay's
# upper layer, on virtio-blk; QEMU boots it with snapshot=on), guest.env (what was built, from what).
# Rebuilt only when an input changes: these scripts, the kernel package version, the probe binary, busybox.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
probe="" out="$(cd "$here/../.." && pwd)/.cache/guest"
while [ $# -gt 0 ]; do
  case "$1" in
    --probe) probe="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: build-guest.sh --probe FSPROBE [--out DIR]" >&2; exit 2 ;;
  esac
done
say() { printf 'build-guest: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

[ -n "$probe" ] && [ -x "$probe" ] || die "the NativeAOT probe '$probe' is missing (dotnet publish bench/Probe -c Release -r linux-x64 -p:PublishAot=true -o .cache/probe/linux-x64)"
for tool in apt-get apt-cache dpkg-deb depmod cpio gzip xz zstd sha256sum flock mkfs.ext4; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install cpio kmod xz-utils zstd util-linux e2fsprogs)"
done
busybox="$(command -v busybox || true)"
[ -n "$busybox" ] && file -L "$busybox" | grep -q 'statically linked' || die "a static busybox is missing (apt-get install busybox-static)"

mkdir -p "$out"
exec 9>"$out/.lock"
flock 9   # two providers (or two test classes) may ask at once: the second waits, then finds the cache valid

# The kernel package behind linux-image-amd64 (e.g. linux-image-6.1.0-56-amd64, version 6.1.192-2).
kpkg="$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')"
[ -n "$kpkg" ] || die "apt-cache knows no linux-image-amd64 (run apt-get update)"
kver="$(apt-cache show --no-all-versions "$kpkg" | awk '/^Version:/ {print $2; exit}')"
krel="${kpkg#linux-image-}"

inputs="$( { cat "$here/build-guest.sh" "$here/extract-vmlinux.sh" "$here/init.sh"; echo "$kpkg $kver"; sha256sum < "$probe"; sha256sum < "$busybox"; } | sha256sum | cut -d' ' -f1)"
if [ -f "$out/vmlinux" ] && [ -f "$out/initramfs.cpio.gz" ] && [ -f "$out/upper.img" ] && grep -qx "INPUTS=$inputs" "$out/guest.env" 2>/dev/null; then
  say "up to date: $out"
  echo "$out"
  exit 0
fi

say "building the guest for $kpkg $kver in $out"
work="$out/work"
rm -rf "$work"
mkdir -p "$work/deb" "$out/dl"
deb="$(ls "$out/dl/${kpkg}_${kver}_"*.deb 2>/dev/null | head -1 || true)"
if [ -z "$deb" ]; then
  (cd "$out/dl" && apt-get download "$kpkg=$kver" >&2) || die "apt-get download $kpkg=$kver failed"
  deb="$(ls "$out/dl/${kpkg}_${kver}_"*.deb | head -1)"
fi
dpkg-deb -x "$deb" "$work/deb"
depmod -b "$work/deb" "$krel"   # the package ships no modules.dep (its postinst makes it)

bash "$here/extract-vmlinux.sh" "$work/deb/boot/vmlinuz-$krel" "$work/vmlinux"

# The initramfs tree.
root="$work/root"
mkdir -p "$root"/{bin,dev,proc,sys,mnt,run,tmp,etc,lib64,lib/x86_64-linux-gnu,lib/modules}
cp "$busybox" "$root/bin/busybox"
for applet in sh mount umount mkdir insmod cat echo sleep poweroff mknod ls grep sed printf uname dmesg; do
  ln -sf busybox "$root/bin/$applet"
done
cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"
cp -L /lib/x86_64-linux-gnu/libc.so.6 /lib/x86_64-linux-gnu/libm.so.6 "$root/lib/x86_64-linux-gnu/"
cp "$probe" "$root/bin/fsprobe"
cp "$here/init.sh" "$root/init"
chmod 755 "$root/init" "$root/bin/fsprobe"

# Modules, with their dependencies first (from modules.dep); built-in ones are skipped.
moddir="$work/deb/lib/modules/$krel"
# virtio_blk + ext4 (+ crc32c, which ext4's checksums ask the crypto API for; no modprobe in the guest): the overlay's upper disk
wanted=(virtio_pci virtio_console 9pnet_virtio 9p virtiofs overlay virtio_blk crc32c_generic ext4)
loaded=()
add_module() {
  local name="$1" line rel dep i l
  grep -q "/$name.ko" "$moddir/modules.builtin" && return 0
  line="$(grep -E "/$name\.ko(\.xz|\.zst)?:" "$moddir/modules.dep")" || die "module $name not found in $krel"
  rel="${line%%:*}"
  for l in "${loaded[@]}"; do [ "$l" = "$rel" ] && return 0; done
  local deps=(${line#*:})
  for ((i = ${#deps[@]} - 1; i >= 0; i--)); do   # modprobe loads the last dependency first
    dep="$(basename "${deps[$i]}")"
    add_module "${dep%%.ko*}"
  done
  loaded+=("$rel")
}
for m in "${wanted[@]}"; do add_module "$m"; done
: > "$root/etc/modules.load"
for rel in "${loaded[@]}"; do
  cp "$moddir/$rel" "$root/lib/modules/"
  echo "$(basename "$rel")" >> "$root/etc/modules.load"
done
say "modules: $(tr '\n' ' ' < "$root/etc/modules.load")"

(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -6) > "$work/initramfs.cpio.gz"

# The overlay's upper layer: an empty ext4 filesystem (user.* and trusted.* xattrs, like a podman machine's disk).
truncate -s 1G "$work/upper.img"
mkfs.ext4 -q -F -L fsbench-upper -E root_owner=0:0 "$work/upper.img"

mv "$work/upper.img" "$out/upper.img"
mv "$work/vmlinux" "$out/vmlinux"
mv "$work/initramfs.cpio.gz" "$out/initramfs.cpio.gz"
cat > "$out/guest.env" <<EOF
KERNEL_PACKAGE=$kpkg
KERNEL_VERSION=$kver
KERNEL_RELEASE=$krel
BUSYBOX=$("$busybox" 2>&1 | head -1 | awk '{print $2}')
MODULES=$(tr '\n' ' ' < "$root/etc/modules.load" | sed 's/ $//')
INPUTS=$inputs
EOF
rm -rf "$work"
say "built: $out ($(du -h "$out/initramfs.cpio.gz" | cut -f1) initramfs)"
echo "$out"
