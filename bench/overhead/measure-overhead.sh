#!/usr/bin/env bash
# Measures the probe's overhead against a minimal native loop doing the same syscalls, on tmpfs.
#   bench/overhead/measure-overhead.sh [N] [REPEATS]      (after ./run-bench.sh setup)
# Prints a markdown table: throughput and median latency, probe vs native, and their ratio.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n=${1:-20000}
repeats=${2:-5}
probe="$here/.cache/probe/linux-x64/fsprobe"
native="$here/.cache/overhead/native-loop"
[ -x "$probe" ] || { echo "measure-overhead: $probe missing: run ./run-bench.sh setup first" >&2; exit 2; }
mkdir -p "$(dirname "$native")"
cc -O2 -o "$native" "$here/bench/overhead/native-loop.c"
tmpfs=$(mktemp -d /dev/shm/fsbench-overhead.XXXXXX)
trap 'rm -rf "$tmpfs"' EXIT
# the native loop works at the same depth as the probe's worker directories (<root>/fsprobe-<pid>-0/w0)
mkdir -p "$tmpfs/native/fsprobe-0-0/w0" "$tmpfs/probe"

results=$(mktemp)
for ((r = 0; r < repeats; r++)); do
  "$native" "$tmpfs/native/fsprobe-0-0/w0" "$n" | sed 's/^/native /' >> "$results"
  printf '{"cmd":"batch","op":"%s","count":%d,"workers":1,"sample":1}\n' mkdir "$n" rmdir "$n" stat "$n" |
    "$probe" --root "$tmpfs/probe" |
    sed -n 's/.*"op":"\([a-z]*\)".*"ops":\([0-9]*\).*"wall_ns":\([0-9]*\),"p50_ns":\([0-9]*\).*/probe \1 \2 \3 \4/p' |
    awk '{ printf "%s %s %.1f %s\n", $1, $2, $3 / ($4 / 1e9), $5 }' >> "$results"
done

echo "| op | native ops/s | probe ops/s | probe/native throughput | native p50 | probe p50 |"
echo "|---|---:|---:|---:|---:|---:|"
for op in mkdir rmdir stat; do
  awk -v op="$op" '
    $2 == op && $1 == "native" { nt[++a] = $3; nl[a] = $4 }
    $2 == op && $1 == "probe"  { pt[++b] = $3; pl[b] = $4 }
    function median(x, k,   i, j, t) { for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }; return x[int((k + 1) / 2)] }
    END { n1 = median(nt, a); p1 = median(pt, b); printf "| %s | %.0f | %.0f | %.0f%% | %d ns | %d ns |\n", op, n1, p1, 100 * p1 / n1, median(nl, a), median(pl, b) }' "$results"
done
rm -f "$results"
echo
echo "tmpfs, N=$n per op, median of $repeats runs, one worker; $(uname -r), $(nproc) cores"
