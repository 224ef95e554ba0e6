#!/usr/bin/env bash
# Records the workload traces from real tools on this host, with strace -f, into bench/workloads/traces/*.trace.tsv
# (format: bench/Protocol/Trace/TraceFormat.cs). Deterministic inputs, no network except `apt-get download` of one
# pinned Debian package when it is not in /var/cache/apt/archives.
#
#   bench/workloads/record-traces.sh [OUT_DIR]      (needs strace git make gcc tar dpkg-deb, and the built host)
#
# Each tool runs in a fresh workspace directory; only its calls inside the workspace are kept, relative to it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="${1:-$here/traces}"
host_dll="$repo/bench/Host/bin/Release/net10.0/FsBench.Host.dll"
deb_package="manpages-dev"
deb_version="6.03-2"
git_files=3000          # files in the cloned repository (60 directories of 50)
edited_files=100        # files changed before the commit
build_sources=120       # C files of the parallel build

for tool in strace git make gcc tar dpkg-deb dotnet; do
  command -v "$tool" >/dev/null || { echo "record-traces: $tool is missing (./run-bench.sh setup installs it)" >&2; exit 2; }
done
[ -f "$host_dll" ] || { echo "record-traces: $host_dll missing: run ./run-bench.sh setup first" >&2; exit 2; }
mkdir -p "$out"
tmp="$(mktemp -d /tmp/fsbench-traces.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp/home" LC_ALL=C TZ=UTC
export GIT_AUTHOR_NAME=fsbench GIT_AUTHOR_EMAIL=fsbench@example.invalid GIT_COMMITTER_NAME=fsbench GIT_COMMITTER_EMAIL=fsbench@example.invalid
export GIT_AUTHOR_DATE="2026-01-01T00:00:00Z" GIT_COMMITTER_DATE="2026-01-01T00:00:00Z"
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global core.fsync none    # the default; recorded explicitly so the traces do not depend on the host's git config

# record NAME WORKSPACE CWD COMMAND...: strace the command, keep what it did inside WORKSPACE
record() {
  local name="$1" ws="$2" cwd="$3"; shift 3
  (cd "$cwd" && strace -f -qq -y -X raw -e signal=none -o "$tmp/$name.strace" \
      -e trace='%file,%desc,chdir,fchdir,clone,clone3,fork,vfork,execve' "$@" >/dev/null)
  dotnet "$host_dll" trace --strace "$tmp/$name.strace" --workspace "$ws" --cwd "$cwd" --out "$out/$name.trace.tsv" \
    --comment "workload=$name tool=\"$*\" $(uname -sm) $("$1" --version 2>/dev/null | head -1 || true)"
}

# --- git: a local repository of $git_files files, cloned over file:// (the pack protocol, as from a server) ----------
src="$tmp/src"
mkdir -p "$src"
awk -v n="$git_files" -v dir="$src" 'BEGIN {
  for (i = 0; i < n; i++) {
    d = sprintf("%s/pkg%02d", dir, int(i / 50)); f = i % 50
    if (f == 0) system("mkdir -p " d "/sub")
    p = (f % 5 == 0) ? sprintf("%s/sub/mod%02d.js", d, f) : sprintf("%s/mod%02d.js", d, f)
    pad = ""; for (k = 0; k < f * 3; k++) pad = pad "x"
    printf "export const id = \"%d\";\n// %s\n", i, pad > p; close(p)
  }
}'
git -C "$src" init -q && git -C "$src" add -A && git -C "$src" commit -q -m "fixture"
ws="$tmp/ws-git"; mkdir -p "$ws"
record git-clone "$ws" "$ws" git clone -q --no-hardlinks "file://$src" repo
# Let the clone's racily-clean entries age (git re-reads files as new as the index): status then only lstat()s, the
# same on every recording.
sleep 1 && git -C "$ws/repo" update-index -q --refresh && sleep 1
record git-status "$ws" "$ws/repo" git status --porcelain
record git-edit "$ws" "$ws/repo" sh -c "for f in \$(git ls-files | head -n $edited_files); do echo '// edited' >> \"\$f\"; done"
record git-commit "$ws" "$ws/repo" sh -c 'git add -A && git commit -q -m "edit 100 files"'

# --- tar: a Debian package's tree (standing in for npm install), then rm -rf of it ----------------------------------
deb="$(ls /var/cache/apt/archives/${deb_package}_${deb_version}_*.deb 2>/dev/null | head -1 || true)"
if [ -z "$deb" ]; then
  (cd "$tmp" && apt-get download -q "${deb_package}=${deb_version}" >/dev/null) || { echo "record-traces: cannot get ${deb_package}=${deb_version}" >&2; exit 1; }
  deb="$(ls "$tmp"/${deb_package}_*.deb | head -1)"
fi
dpkg-deb --fsys-tarfile "$deb" > "$tmp/pkg.tar"
ws="$tmp/ws-tar"; mkdir -p "$ws"
record tar-extract "$ws" "$ws" sh -c "mkdir node_modules && tar -xf '$tmp/pkg.tar' -C node_modules"
record rm-rf "$ws" "$ws" rm -rf node_modules

# --- a parallel build: objects written to a temporary name, renamed into place, stat'ed by make --------------------
ws="$tmp/ws-build"; mkdir -p "$ws"
record build-sources "$ws" "$ws" sh -c "mkdir -p src obj && for i in \$(seq -w 1 $build_sources); do printf 'int f%s(int x) { return x * %d; }\n' \$i \$(expr \$i + 0) > src/f\$i.c; done
printf 'SRC := \$(wildcard src/*.c)\nOBJ := \$(SRC:src/%%.c=obj/%%.o)\nall: \$(OBJ)\nobj/%%.o: src/%%.c\n\tgcc -O0 -c \$< -o \$@.tmp && mv \$@.tmp \$@\n' > Makefile"
record build "$ws" "$ws" make -s -j2 all
ls -la "$out"
