#!/usr/bin/env bash
# extract-vmlinux.sh VMLINUZ OUT
# Finds the compressed kernel inside a bzImage (xz, zstd or gzip magic), decompresses it and keeps the
# first candidate that is an ELF file: the uncompressed vmlinux, whose PVH entry QEMU boots directly.
set -euo pipefail
in="$1" out="$2"

try_at() {   # try_at OFFSET DECOMPRESSOR...
  local offset="$1"; shift
  tail -c "+$((offset + 1))" "$in" | "$@" > "$out.tmp" 2>/dev/null || true   # trailing data is expected
  if [ "$(head -c 4 "$out.tmp" | od -An -tx1 | tr -d ' \n')" = "7f454c46" ]; then
    mv "$out.tmp" "$out"
    return 0
  fi
  return 1
}

try_magic() {   # try_magic HEX-PATTERN DECOMPRESSOR...
  local pattern="$1"; shift
  local offset
  for offset in $(LC_ALL=C grep -obUaP "$pattern" "$in" | cut -d: -f1); do
    try_at "$offset" "$@" && return 0
  done
  return 1
}

try_magic '\xFD7zXZ\x00' xz -dc ||
  try_magic '\x28\xB5\x2F\xFD' zstd -dc ||
  try_magic '\x1F\x8B\x08' gzip -dc || {
    rm -f "$out.tmp"
    echo "extract-vmlinux: no xz, zstd or gzip payload in $in decompresses to an ELF vmlinux" >&2
    exit 1
  }
