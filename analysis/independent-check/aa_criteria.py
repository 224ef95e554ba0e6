"""An A/A pair (the same study run twice): how far the two runs' verdicts against local agree, how often one run's 95%
interval covers the other's ratio, and the analysis's run-to-run numbers (compare.md, calibration.json) rechecked."""
import json
import math
import os

import analysis_tables
import run_data
from analysis_tables import Printed
from discrepancies import MATCH, PRINTED, agreement, ratio_text, sig
from launch_stats import THRESHOLD, LogMean, verdict, verdict_class, welch_change
from student_t import normal_cdf, t_cdf, t_quantile


def check_pair(run1, res1, run2, res2, report):
    """res1/res2: {key: CaseCheck} of each run. Prints the A/A criteria, then checks compare.md and calibration.json."""
    shared = sorted(set(res1) & set(res2))
    print(f"\n## A/A pair {run1.run_id} → {run2.run_id}: {len(shared)} cases judged against local in both runs")
    calibration = _calibration(run1, run2)
    agreed = _criteria(res1, res2, shared) if shared else None
    if calibration[1] is not None and calibration[1].get("reference") is None:
        _check_calibration(calibration, _absolute_changes(run1, run2), report)
    else:
        _check_calibration(calibration, {k: welch_change(res1[k].ratio, res2[k].ratio) for k in shared}, report)
    _check_compare(run1, run2, res1, res2, calibration, agreed, report)


def _criteria(res1, res2, shared):
    """Prints the A/A criteria; returns (cases whose verdict classes agree, cases judged in both)."""
    n = len(shared)
    agree = sum(verdict_class(res1[k].verdict) == verdict_class(res2[k].verdict) for k in shared)
    strict = sum(res1[k].verdict == res2[k].verdict for k in shared)
    cover12 = sum(res1[k].ratio.interval(0.95).covers(math.exp(res2[k].ratio.mean)) for k in shared)
    cover21 = sum(res2[k].ratio.interval(0.95).covers(math.exp(res1[k].ratio.mean)) for k in shared)
    print(f"- verdicts against local agree (slower / faster / no difference found) in {agree} of {n} cases "
          f"({agree / n:.1%}); word for word in {strict}")
    for word in ("slower", "faster", "no difference found"):
        print(f"  - {word}: run 1 {sum(verdict_class(res1[k].verdict) == word for k in shared)}, "
              f"run 2 {sum(verdict_class(res2[k].verdict) == word for k in shared)}")
    print(f"- run 1's 95% interval of the ratio to local covers run 2's point estimate in {cover12} of {n} cases "
          f"({cover12 / n:.1%}); run 2's covers run 1's in {cover21} of {n} ({cover21 / n:.1%}); expected if the runs "
          f"differ only by launch-to-launch noise: {sum(expected_coverage(res1[k].ratio.df) for k in shared) / n:.1%}")
    next12 = sum(res1[k].ratio.next_run(0.95).covers(math.exp(res2[k].ratio.mean)) for k in shared)
    next21 = sum(res2[k].ratio.next_run(0.95).covers(math.exp(res1[k].ratio.mean)) for k in shared)
    print(f"- run 1's next-run interval (95% prediction, t·√2·se) covers run 2's point estimate in {next12} of {n} cases "
          f"({next12 / n:.1%}); run 2's covers run 1's in {next21} of {n} ({next21 / n:.1%}); expected: 95%")
    narrow = [k for k in shared if res1[k].ratio.interval(0.95).upper / res1[k].ratio.interval(0.95).lower < 2]
    if narrow:
        covered = sum(res1[k].ratio.interval(0.95).covers(math.exp(res2[k].ratio.mean)) for k in narrow)
        print(f"  - among the {len(narrow)} cases whose run-1 interval is narrower than a factor 2: {covered} covered "
              f"({covered / len(narrow):.1%})")
    changes = {k: welch_change(res1[k].ratio, res2[k].ratio) for k in shared}
    rms = math.sqrt(sum(c.mean ** 2 for c in changes.values()) / n)
    print(f"- change of the ratio to local between the runs: RMS of log D {rms:.3f}, i.e. a band exp(2·RMS) − 1 = "
          f"{math.exp(2 * rms) - 1:.0%} over all cases; median |D − 1| "
          f"{sorted(abs(math.exp(c.mean) - 1) for c in changes.values())[n // 2]:.0%}")
    return agree, n, (next12, next21, n)


def expected_coverage(df, level=0.95):
    """P(another run's estimate falls in this run's interval) when both runs' log ratios come from the same normal
    launch-to-launch distribution with df + 1 repetitions each: the difference of the means over this run's standard
    error is t(df)·√2, so the coverage is 2·F_t(t_crit / √2) − 1 (92.9% for two repetitions, 83.4% for many)."""
    t = t_quantile(df, 1 - (1 - level) / 2)
    return 2 * (normal_cdf(t / math.sqrt(2)) if math.isinf(df) else t_cdf(t / math.sqrt(2), df)) - 1


def _calibration(run1, run2):
    """(path, parsed calibration.json): the base run's, else the candidate's (as compare looks), or (None, None)."""
    for run in (run1, run2):
        path = os.path.join(run.path, "calibration.json")
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                return path, json.load(f)
    return None, None


def _band(calibration, provider, op):
    bands = (calibration or {}).get("bands") or []
    exact = [b["band"] for b in bands if b["provider"] == provider and b["op"] == op and b["cases"] >= 3]
    fallback = [b["band"] for b in bands if b["provider"] == provider and b["op"] == "*"]
    return (exact or fallback or [None])[0]


def _check_calibration(calibration, changes, report):
    path, data = calibration
    if data is None:
        print("- calibration.json: in neither run (bands not checked)")
        return
    groups = {}
    for key, change in changes.items():
        groups.setdefault((key[0], "*"), []).append(change.mean)
        groups.setdefault((key[0], key[2]), []).append(change.mean)
    bands = data.get("bands") or []
    ok = 0
    for band in bands:
        logs = groups.get((band["provider"], band["op"]), [])
        mine = math.exp(2 * math.sqrt(sum(x * x for x in logs) / len(logs))) - 1 if logs else math.nan
        if len(logs) == band["cases"] and agreement([mine], [Printed(band["band"], 0.0)]) == MATCH:
            ok += 1
        else:
            report.add("calibration.json", f"{band['provider']}/{band['op']}", "noise band",
                       f"{sig(mine)} ({len(logs)} cases)", f"{sig(band['band'])} ({band['cases']} cases)", path)
    print(f"- {path}: {ok} of {len(bands)} noise bands (exp(2·RMS log D) − 1) within 1%")


def _absolute_changes(run1, run2):
    """Each shared case's change of its own p50: per-launch log p50s, Welch between the runs (compare --absolute)."""
    changes = {}
    for key in sorted(set(run1.cases) & set(run2.cases)):
        p1, p2 = run1.cases[key].hist_p50s(), run2.cases[key].hist_p50s()
        if len(p1) >= 2 and len(p2) >= 2:
            changes[key] = welch_change(LogMean.of([math.log(v) for v in p1.values()]),
                                        LogMean.of([math.log(v) for v in p2.values()]))
    return changes


def _check_compare(run1, run2, res1, res2, calibration, agreed, report):
    path = os.path.join(run2.path, "compare.md")
    if not os.path.isfile(path):
        print(f"- {path}: missing (`./run-bench.sh compare RUN RUN2` writes it): not checked")
        return
    with open(path, encoding="utf-8") as f:
        text = f.read()
    absolute = "(`--absolute`)" in text
    if absolute:
        changes = _absolute_changes(run1, run2)
    else:
        changes = {k: welch_change(res1[k].ratio, res2[k].ratio) for k in sorted(set(res1) & set(res2))}
    printed = analysis_tables.compare_cases(text)
    p50_1, p50_2 = run_data.summary_p50s(run1.path), run_data.summary_p50s(run2.path)
    counts = {MATCH: 0, PRINTED: 0}
    verdicts = 0
    for key, change in sorted(changes.items()):
        theirs = printed.get(key)
        threshold = max(THRESHOLD, _band(calibration[1], key[0], key[2]) or 0)
        word = verdict(change, abs(p50_2[key] - p50_1[key]), threshold=threshold)
        i = change.interval(0.95)
        mine = (i.value, i.lower, i.upper)
        if theirs is None:
            report.add("compare.md", key, "change", ratio_text(mine), "case missing")
            continue
        result = agreement(mine, theirs["change"])
        if result in counts:
            counts[result] += 1
        else:
            report.add("compare.md", key, "change [95% CI]", ratio_text(mine), ratio_text(theirs["change"]))
        if word == theirs["verdict"]:
            verdicts += 1
        else:
            report.add("compare.md", key, "verdict of the change", f"{word} (threshold {threshold:.1%})",
                       f"{theirs['verdict']} (threshold {sig((theirs['threshold'] or math.nan) * 100)}%)")
    n = len(changes)
    print(f"- compare.md ({'--absolute: own p50s' if absolute else 'ratios to local'}) change [95% CI] (Welch t on the log scale): within 1% in {counts[MATCH]} of {n} cases, within the "
          f"printed precision in {counts[PRINTED]} more; verdict identical in {verdicts} of {n}")
    line = analysis_tables.compare_agreement(text)
    if line:
        print(f"- compare.md's verdict-agreement line says {line[0]} of {line[1]}")
        if agreed is not None and tuple(line) != tuple(agreed[:2]):
            report.add("compare.md", "all cases", "verdicts against local agree in", f"{agreed[0]} of {agreed[1]}",
                       f"{line[0]} of {line[1]}")
    coverage = analysis_tables.compare_coverage(text)
    if coverage:
        print(f"- compare.md's next-run coverage line says {coverage[0]} and {coverage[1]} of {coverage[2]}")
        if agreed is not None and tuple(coverage) != tuple(agreed[2]):
            report.add("compare.md", "all cases", "next-run intervals cover the other run's ratio in",
                       "{} and {} of {}".format(*agreed[2]), "{} and {} of {}".format(*coverage))
