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
#   ./run-bench.sh setup                    only install and build
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

APT_PACKAGES=(qemu-system-x86 busybox-static clang lld podman runc fio attr cpio kmod uidmap fonts-dejavu-core zlib1g-dev)
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

build() {
  command -v dotnet >/dev/null || die "the .NET 10 SDK is not installed (https://dot.net); dotnet must be on PATH"
  say "building (Release)"
  dotnet build "$here/Bench.sln" -c Release --nologo -v quiet -clp:ErrorsOnly >&2 || die "build failed"
  local stamp="$here/.cache/probe/$PROBE_RID/.inputs"
  local inputs
  inputs="$(cat bench/Probe/*.csproj bench/Probe/*.cs bench/Probe/*/*.cs bench/Protocol/*.cs bench/Protocol/*.csproj Directory.*.props | sha256sum | cut -d' ' -f1)"
  if [ ! -x "$PROBE" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$inputs" ]; then
    say "publishing the probe ($PROBE_RID)"
    if [ "$PROBE_RID" = linux-x64 ]; then
      dotnet publish bench/Probe -c Release -r linux-x64 -p:PublishAot=true -o "$(dirname "$PROBE")" --nologo -v quiet -clp:ErrorsOnly >&2 \
        || die "probe publish failed (NativeAOT needs clang and lld: apt-get install clang lld)"
    else
      dotnet publish bench/Probe -c Release -r "$PROBE_RID" -p:PublishAot=false --self-contained -p:PublishSingleFile=true \
        -o "$(dirname "$PROBE")" --nologo -v quiet -clp:ErrorsOnly >&2 || die "probe publish failed"
    fi
    echo "$inputs" > "$stamp"
  fi
}

setup() { install_packages; build; }

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

case "${1:-}" in
  test)
    shift
    setup
    say "running the tests"
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
  providers|doctor|migrate|gpu|fault)
    [ -f "$HOST_DLL" ] || setup
    dotnet "$HOST_DLL" "$@"
    ;;
  setup)
    setup
    ;;
  -h|--help|help)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    ;;
  ""|--*)
    check_out "$@"
    setup
    run_study "$@"
    ;;
  *)
    die "unknown command '$1' (run, test, report, compare, trend, providers, doctor, migrate, gpu, soak, fault, setup; see ./run-bench.sh --help)"
    ;;
esac
