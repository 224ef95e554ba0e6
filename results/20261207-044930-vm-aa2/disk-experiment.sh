#!/bin/bash
# local metadata latency on the root disk (ext4, discard) vs tmpfs, quiet and with a concurrent delete load
set -u
H=/work/main/bench/Host/bin/Release/net10.0/FsBench.Host.dll
P=/work/main/.cache/probe/linux-x64/fsprobe
out=/tmp/diskexp; rm -rf $out; mkdir -p $out
run() { # name scratch
  dotnet $H run --probe $P --profile standard --providers local --ops mkdir,create,symlink,stat --workers 1 --workloads none --coherence-trials 0 --scratch "$2" --out $out/$1 > $out/$1.log 2>&1
  python3 - "$out/$1" <<'PY'
import json,glob,sys
r={}
for f in sorted(glob.glob(sys.argv[1]+'/probe/*.json')):
    d=json.load(open(f)); r[d['op']]=[round(l['p50_ns']/1000,1) for l in d['launches']]
print(sys.argv[1].split('/')[-1], r)
PY
}
load_on() { ( while [ ! -e /tmp/diskexp-stop ]; do dd if=/dev/zero of=/var/tmp/diskexp-load bs=1M count=256 conv=fsync status=none; rm -f /var/tmp/diskexp-load; done ) >/dev/null 2>&1 & echo $!; }
rm -f /tmp/diskexp-stop
mkdir -p /var/tmp/fsbench-exp /dev/shm/fsbench-exp
for i in 1 2; do
  run disk-quiet-$i /var/tmp/fsbench-exp
  run tmpfs-quiet-$i /dev/shm/fsbench-exp
  pid=$(load_on)
  run disk-load-$i /var/tmp/fsbench-exp
  run tmpfs-load-$i /dev/shm/fsbench-exp
  touch /tmp/diskexp-stop; wait $pid 2>/dev/null; sleep 1; rm -f /tmp/diskexp-stop /var/tmp/diskexp-load
done
