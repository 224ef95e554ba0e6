"""A run folder's cases as the check needs them: per-launch latencies decoded from the probe files' histograms, the
probe's own per-launch p50_ns, and summary.csv's p50 (the contract is results/README.md)."""
import csv
import glob
import json
import os
from dataclasses import dataclass

import hdr_histogram
from launch_stats import quantile7


class BadInput(Exception):
    def __init__(self, path, problem):
        super().__init__(f"{path}: {problem}")


@dataclass
class Case:
    key: tuple  # (provider, mount, op, workers)
    launches: dict  # repetition -> sorted latencies (ns), bucket midpoints, measured batches only
    probe_p50s: dict  # repetition -> the probe's own p50_ns of that launch
    probe_p50: float  # the probe's p50_ns over all measured operations (summary.csv's p50_ns)

    def hist_p50s(self):
        return {rep: quantile7(values, 0.5) for rep, values in self.launches.items() if len(values) >= 2}

    def pooled_p50(self):
        return quantile7(sorted(v for values in self.launches.values() for v in values), 0.5)


@dataclass
class Run:
    path: str
    run_id: str
    status: str
    cases: dict  # key -> Case

    def reference(self, key, provider="local"):
        """The reference provider's case at the same op and workers: same mount if it has one, else its first mount."""
        _, mount, op, workers = key
        if key[0] == provider:
            return None
        found = sorted((c for c in self.cases.values() if c.key[0] == provider and c.key[2] == op and c.key[3] == workers),
                       key=lambda c: (c.key[1] != mount, c.key[1]))
        return found[0] if found else None


def _read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        raise BadInput(path, f"cannot read JSON ({e})")


def _case(probe):
    key = (probe["provider"], probe["mount"], probe["op"], int(probe["workers"]))
    launches, p50s = {}, {}
    for launch in probe.get("launches") or []:
        if not launch.get("histogram"):
            continue
        launches[launch["repetition"]] = hdr_histogram.decode(launch["histogram"]).expand_midpoints()
        if int(launch.get("ops", 1)) > 0:  # a launch whose channel died before its measured batch has no p50 (p50_ns 0)
            p50s[launch["repetition"]] = float(launch["p50_ns"])
    return key, Case(key, launches, p50s, float(probe["p50_ns"]))


def load(path):
    manifest_path = os.path.join(path, "manifest.json")
    if not os.path.isfile(manifest_path):
        raise BadInput(path, "not a run folder (no manifest.json)")
    manifest = _read_json(manifest_path)
    cases = {}
    for probe_path in sorted(glob.glob(os.path.join(path, "probe", "*.json"))):
        try:
            key, case = _case(_read_json(probe_path))
        except (KeyError, TypeError, ValueError) as e:
            raise BadInput(probe_path, f"not a probe case file ({type(e).__name__}: {e})")
        cases[key] = case
    if not cases:
        raise BadInput(path, "no probe/*.json case files")
    return Run(path, manifest.get("run_id", os.path.basename(path.rstrip("/"))), manifest.get("status", "?"), cases)


def summary_p50s(path):
    """summary.csv's p50_ns per case (what compare's noise floor compares)."""
    csv_path = os.path.join(path, "summary.csv")
    with open(csv_path, newline="", encoding="utf-8") as f:
        return {(r["provider"], r["mount"], r["op"], int(r["workers"])): float(r["p50_ns"]) for r in csv.DictReader(f)}
