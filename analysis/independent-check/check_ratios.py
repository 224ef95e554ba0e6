#!/usr/bin/env python3
"""check_ratios.py RUN [RUN2]: an independent recomputation (plain Python 3, no code shared with analysis/) of each
case's p50 ratio to local per repetition, their geometric mean, its 95% t interval and the verdict, held against what
the analysis printed in RUN/appendix.md (and the p50 [95% CI] column). With RUN2: the A/A criteria (verdict agreement,
interval coverage) and the analysis's RUN2/compare.md and calibration.json, when present.

Exit 0: every number and verdict matches; 1: some differ (listed in a table); 2: bad input."""
import math
import os
import sys
from dataclasses import dataclass

import aa_criteria
import analysis_tables
import run_data
from discrepancies import MATCH, PRINTED, Report, agreement, key_text, ratio_text, sig
from launch_stats import NOISE_NS, THRESHOLD, LogMean, launch_ratio, quantile_interval, verdict


@dataclass
class CaseCheck:
    ratio: LogMean  # log p50 ratios to local per repetition, from the decoded histograms (type-7 median)
    verdict: str
    probe_ratio: LogMean  # the same from the probe's own per-launch p50_ns (HdrHistogram's percentile)
    probe_verdict: str


def interval(log_mean):
    return bounds(log_mean.interval(0.95))


def next_run(log_mean):
    return bounds(log_mean.next_run(0.95))


def bounds(i):
    return i.value, i.lower, i.upper


def recompute(run):
    """{key: CaseCheck} for every case with a local reference and two shared repetitions."""
    checks, single = {}, []
    for key, case in sorted(run.cases.items()):
        ref = run.reference(key)
        if ref is None:
            continue
        ratio = launch_ratio(case.hist_p50s(), ref.hist_p50s())
        probe_ratio = launch_ratio(case.probe_p50s, ref.probe_p50s)
        if ratio is None or probe_ratio is None:
            single.append(key_text(key))
            continue
        checks[key] = CaseCheck(ratio, verdict(ratio, abs(case.pooled_p50() - ref.pooled_p50())),
                                probe_ratio, verdict(probe_ratio, abs(case.probe_p50 - ref.probe_p50)))
    if single:
        print(f"- {len(single)} cases have fewer than two repetitions shared with local, not rechecked (the analysis falls "
              f"back to Mann-Whitney over operations): {', '.join(single[:3])}{' ...' if len(single) > 3 else ''}")
    return checks


def second_source(run, checks):
    """How far the probe's own p50_ns (a bucket top, the lower median) gives the same ratios as the decoded histograms."""
    n = len(checks)
    points = sum(abs(math.exp(c.probe_ratio.mean - c.ratio.mean) - 1) <= 0.01 for c in checks.values())
    bounds = sum(agreement(interval(c.probe_ratio), [analysis_tables.Printed(x, 0.0) for x in interval(c.ratio)]) == MATCH
                 for c in checks.values())
    verdicts = sum(c.probe_verdict == c.verdict for c in checks.values())
    print(f"- second source, the probe's own per-launch p50_ns instead of the decoded histograms: point ratio within 1% "
          f"in {points} of {n} cases, ratio and both 95% bounds in {bounds} (two repetitions: t(0.975, 1) = 12.7 "
          f"multiplies small p50 differences in the bounds), verdict identical in {verdicts} of {n}")


def check_appendix(run, checks, report):
    path = os.path.join(run.path, "appendix.md")
    if not os.path.isfile(path):
        print(f"- {path}: missing (`./run-bench.sh report RUN` writes it): the analysis's numbers were not checked")
        return
    with open(path, encoding="utf-8") as f:
        printed = analysis_tables.appendix_cases(f.read())
    ratios = {MATCH: 0, PRINTED: 0}
    nexts, next_printed = {MATCH: 0, PRINTED: 0}, 0
    verdicts = 0
    for key, c in checks.items():
        theirs = printed.get(key)
        if theirs is None:
            report.add(run.run_id, key, "ratio to local", ratio_text(interval(c.ratio)), "case missing in appendix.md")
            continue
        result = agreement(interval(c.ratio), theirs["ratio"])
        if result in ratios:
            ratios[result] += 1
        else:
            report.add(run.run_id, key, "ratio to local [95% CI]", ratio_text(interval(c.ratio)), ratio_text(theirs["ratio"]))
        if theirs.get("next_run") is not None:
            next_printed += 1
            result = agreement(next_run(c.ratio), theirs["next_run"])
            if result in nexts:
                nexts[result] += 1
            else:
                report.add(run.run_id, key, "next run's ratio [95% PI]", ratio_text(next_run(c.ratio)),
                           ratio_text(theirs["next_run"]))
        if c.verdict == theirs["verdict"]:
            verdicts += 1
        else:
            report.add(run.run_id, key, "verdict vs local", c.verdict, theirs["verdict"])
    p50s, cases = {MATCH: 0, PRINTED: 0}, 0
    for key, case in sorted(run.cases.items()):
        theirs = printed.get(key)
        if theirs is None or theirs["p50"] is None or not case.launches:
            continue
        cases += 1
        i = quantile_interval([case.launches[r] for r in sorted(case.launches)])
        result = agreement((i.value, i.lower, i.upper), theirs["p50"])
        if result in p50s:
            p50s[result] += 1
        else:
            report.add(run.run_id, key, "p50 [95% CI] (ns)", " / ".join(sig(x) for x in (i.value, i.lower, i.upper)),
                       " / ".join(sig(x.value) if x else "—" for x in theirs["p50"]))
    n = len(checks)
    if n:
        print(f"- appendix.md, latency vs local [95% CI]: within 1% in {ratios[MATCH]} of {n} cases, within the printed "
              f"precision in {ratios[PRINTED]} more; verdict identical in {verdicts} of {n}")
        if next_printed:
            print(f"- appendix.md, next run's ratio [95% PI] (t·√2·se): within 1% in {nexts[MATCH]} of {next_printed} cases, "
                  f"within the printed precision in {nexts[PRINTED]} more")
    print(f"- appendix.md, p50 [95% CI] (order statistics ∪ per-launch t): within 1% in {p50s[MATCH]} of {cases} cases, "
          f"within the printed precision in {p50s[PRINTED]} more")


def check_findings(run, checks, report):
    """findings.md's trade-off row per provider: verdict tally and the geometric mean and range of the p50 ratios to
    local as summary.csv has them (the probe's own p50_ns over all operations, not the per-repetition ratio)."""
    path = os.path.join(run.path, "findings.md")
    if not os.path.isfile(path):
        return
    with open(path, encoding="utf-8") as f:
        printed = analysis_tables.findings_tradeoffs(f.read())
    for provider, theirs in sorted(printed.items()):
        keys = [k for k in checks if k[0] == provider]
        words = [checks[k].verdict for k in keys]
        tally = (words.count("slower"), words.count("no difference shown"), words.count("faster"))
        ratios = [run.cases[k].probe_p50 / run.reference(k).probe_p50 for k in keys]
        mine = (math.exp(sum(map(math.log, ratios)) / len(ratios)), min(ratios), max(ratios)) if ratios else (math.nan,) * 3
        same = len(keys) == theirs["cases"] and tally == theirs["tally"] and agreement(mine, theirs["p50"]) in (MATCH, PRINTED)
        print(f"- findings.md, {provider}: {len(keys)} cases, slower / no difference shown / faster {tally[0]} / {tally[1]} / "
              f"{tally[2]} (equivalent: {words.count('equivalent')}), p50 ratio geometric mean ×{sig(mine[0])} "
              f"(×{sig(mine[1])} – ×{sig(mine[2])}): {'as printed' if same else 'DIFFERS'}")
        if not same:
            report.add(run.run_id, provider, "findings.md trade-off row",
                       f"{len(keys)}, {tally}, {ratio_text(mine)}", f"{theirs['cases']}, {theirs['tally']}, {ratio_text(theirs['p50'])}")


def main(argv):
    if not 1 <= len(argv) <= 2 or any(a.startswith("-") for a in argv):
        print("usage: check_ratios.py RUN [RUN2]", file=sys.stderr)
        return 2
    try:
        runs = [run_data.load(path) for path in argv]
    except run_data.BadInput as e:
        print(f"check_ratios: {e}", file=sys.stderr)
        return 2
    report = Report()
    print(f"# Independent check (threshold {THRESHOLD:.0%}, noise floor {NOISE_NS:.0f} ns, tolerance 1%)")
    checks = []
    for run in runs:
        print(f"\n## {run.run_id} (status {run.status}, {len(run.cases)} cases)")
        checks.append(recompute(run))
        print(f"- {len(checks[-1])} cases with a local reference recomputed")
        if checks[-1]:
            second_source(run, checks[-1])
        check_appendix(run, checks[-1], report)
        check_findings(run, checks[-1], report)
    if len(runs) == 2:
        aa_criteria.check_pair(runs[0], checks[0], runs[1], checks[1], report)
    report.print()
    return 1 if report.rows else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
