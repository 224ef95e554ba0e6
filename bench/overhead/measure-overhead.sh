#!/usr/bin/env bash
# Measures the probe's overhead against minimal native loops doing the same syscalls on tmpfs, one worker, same depth:
# a timed C loop (clock_gettime around each call, like the probe) and an untimed one (the calls alone).
#   bench/overhead/measure-overhead.sh [N] [REPEATS] [CPU]      (after ./run-bench.sh setup)
# Each repeat runs the three in turn (native timed, native untimed, probe; pinned to CPU with taskset), so a ratio
# compares runs made seconds apart; the table quotes medians of the per-repeat ratios (the machine may be shared).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n=${1:-20000}
repeats=${2:-9}
cpu=${3:-1}
probe="$here/.cache/probe/linux-x64/fsprobe"
native="$here/.cache/overhead/native-loop"
ops=(mkdir rmdir create stat)
[ -x "$probe" ] || { echo "measure-overhead: $probe missing: run ./run-bench.sh setup first" >&2; exit 2; }
[[ "$n" =~ ^[0-9]+$ && "$repeats" =~ ^[0-9]+$ && "$cpu" =~ ^[0-9]+$ ]] || { echo "measure-overhead: N, REPEATS and CPU must be numbers" >&2; exit 2; }
mkdir -p "$(dirname "$native")"
cc -O2 -o "$native" "$here/bench/overhead/native-loop.c"
tmpfs=$(mktemp -d /dev/shm/fsbench-overhead.XXXXXX)
results=$(mktemp)
trap 'rm -rf "$tmpfs" "$results"' EXIT
# the native loop works at the same depth as the probe's worker directories (<root>/fsprobe-<pid>-<nonce>-0/w0)
mkdir -p "$tmpfs/native/fsprobe-0-0-0/w0" "$tmpfs/probe"

probe_requests() {
  local op
  for op in "${ops[@]}"; do printf '{"cmd":"batch","op":"%s","count":%d,"workers":1,"sample":1}\n' "$op" $((n / 4)); done  # warmup
  for op in "${ops[@]}"; do printf '{"cmd":"batch","op":"%s","count":%d,"workers":1,"sample":1}\n' "$op" "$n"; done
}

for ((r = 1; r <= repeats; r++)); do
  taskset -c "$cpu" "$native" "$tmpfs/native/fsprobe-0-0-0/w0" "$n" timed | sed "s/^/$r timed /" >> "$results"
  taskset -c "$cpu" "$native" "$tmpfs/native/fsprobe-0-0-0/w0" "$n" untimed | sed "s/^/$r untimed /" >> "$results"
  probe_requests | taskset -c "$cpu" "$probe" --root "$tmpfs/probe" | tail -n "${#ops[@]}" |
    sed -n 's/.*"op":"\([a-z]*\)".*"ops":\([0-9]*\).*"wall_ns":\([0-9]*\),"p50_ns":\([0-9]*\).*/\1 \2 \3 \4/p' |
    awk -v r="$r" '{ printf "%s probe %s %.1f %s\n", r, $1, $2 / ($3 / 1e9), $4 }' >> "$results"
done

echo "| op | timed C loop ops/s | untimed C loop ops/s | probe ops/s | probe / timed C | probe / untimed C | C p50 | probe p50 |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for op in "${ops[@]}"; do
  awk -v op="$op" '
    function median(x, k,   i, j, t) { for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }; return k % 2 ? x[(k + 1) / 2] : (x[k / 2] + x[k / 2 + 1]) / 2 }
    $3 == op { rate[$2, $1] = $4; p50[$2, $1] = $5; seen[$1] = 1 }
    END {
      for (r in seen) if ((("timed", r) in rate) && (("untimed", r) in rate) && (("probe", r) in rate)) {
        k++; t[k] = rate["timed", r]; u[k] = rate["untimed", r]; p[k] = rate["probe", r]
        rt[k] = p[k] / t[k]; ru[k] = p[k] / u[k]; lt[k] = p50["timed", r]; lp[k] = p50["probe", r]
      }
      printf "| %s | %.0f | %.0f | %.0f | %.2f | %.2f | %d ns | %d ns |\n", op, median(t, k), median(u, k), median(p, k), median(rt, k), median(ru, k), median(lt, k), median(lp, k)
    }' "$results"
done
echo
echo "tmpfs, N=$n per op, $repeats paired repeats (ratios: median of the per-repeat ratios), one worker, pinned to CPU $cpu;"
echo "$(date -u +%Y-%m-%d), $(uname -r), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
