"""Reads the numbers the C# analysis printed: the case tables of appendix.md, the tables and the verdict-agreement line
of compare.md. Markdown is what the analysis publishes, so that is what is checked (three significant digits)."""
import re
from typing import NamedTuple

NUMBER = r"([0-9]+(?:\.[0-9]+)?)"
RATIO = re.compile(rf"^×{NUMBER}(?: \[×{NUMBER}, ×{NUMBER}\])?$")
TIME = re.compile(rf"^{NUMBER}(?: \[{NUMBER}, {NUMBER}\])? (ns|µs|ms|s)(?: \[not estimable\])?$")
UNIT_NS = {"ns": 1.0, "µs": 1e3, "ms": 1e6, "s": 1e9}
AGREEMENT = re.compile(r"agree in \*\*([0-9]+) of ([0-9]+) cases")
COVERAGE = re.compile(r"next-run intervals \(95% prediction\) cover it in \*\*([0-9]+) of ([0-9]+) .*?\*\*([0-9]+) of ([0-9]+) ")


class Printed(NamedTuple):
    """A printed number and half a unit of its last printed digit (how far rounding can have moved it)."""
    value: float
    half_unit: float

    @staticmethod
    def of(text, scale=1.0):
        decimals = len(text.split(".")[1]) if "." in text else 0
        return Printed(float(text) * scale, 0.5 * 10.0 ** -decimals * scale)


def _cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _tables(text):
    """Every markdown table as (section heading, header cells, rows of cells)."""
    heading, header, rows, tables = "", None, [], []
    for line in text.splitlines() + [""]:
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
        if line.startswith("|"):
            cells = _cells(line)
            if header is None:
                header = cells
            elif not all(set(c) <= set("-: ") for c in cells):
                rows.append(cells)
        elif header is not None:
            tables.append((heading, header, rows))
            header, rows = None, []
    return tables


def parse_ratio(text):
    """Printed (value, lower, upper) from "×4.98 [×4.55, ×5.45]"; bounds None when absent; None when not a ratio."""
    m = RATIO.match(text)
    if not m:
        return None
    return tuple(Printed.of(g) if g is not None else None for g in m.groups())


def parse_time(text):
    """Printed (value, lower, upper) in ns from "3.60 [2.28, 5.56] µs" or "155 ms [not estimable]"."""
    m = TIME.match(text)
    if not m:
        return None
    scale = UNIT_NS[m.group(4)]
    return tuple(Printed.of(g, scale) if g is not None else None for g in m.groups()[:3])


def appendix_cases(text):
    """{(provider, mount, op, workers): {"p50": (v, lo, hi), "ratio": (v, lo, hi) or None, "verdict": word}}."""
    cases = {}
    for heading, header, rows in _tables(text):
        if "verdict vs local" not in header or not heading.startswith("Operation"):
            continue
        op = heading.split("`")[1]
        col = {name: i for i, name in enumerate(header)}
        ratio_col = next(i for name, i in col.items() if name.startswith("latency vs local"))
        next_col = next((i for name, i in col.items() if name.startswith("next run")), None)
        for r in rows:
            key = (r[col["provider"]].strip("`"), r[col["mount"]], op, int(r[col["workers"]]))
            cases[key] = {
                "p50": parse_time(r[col["p50 [95% CI]"]]),
                "ratio": parse_ratio(r[ratio_col]),
                "next_run": parse_ratio(r[next_col]) if next_col is not None else None,
                "verdict": r[col["verdict vs local"]].strip("*"),
            }
    return cases


def compare_cases(text):
    """{key: {"base": ratio, "candidate": ratio, "change": ratio, "threshold": float, "verdict": word}} from compare.md."""
    cases = {}
    for heading, header, rows in _tables(text):
        if not header or header[0] != "case":
            continue
        col = {name: i for i, name in enumerate(header)}
        base_col = next(i for name, i in col.items() if name.startswith("base "))
        cand_col = next(i for name, i in col.items() if name.startswith("candidate ") and "failures" not in name)
        for r in rows:
            provider, mount, op, workers = r[0].strip("`").split("/")
            threshold = re.match(r"±([0-9.]+)%", r[col["threshold (noise band)"]])
            cases[(provider, mount, op, int(workers.lstrip("w")))] = {
                "base": parse_ratio(r[base_col]),
                "candidate": parse_ratio(r[cand_col]),
                "change": parse_ratio(r[col["change [95% CI]"]]),
                "threshold": float(threshold.group(1)) / 100 if threshold else None,
                "verdict": heading.lower(),
            }
    return cases


def compare_agreement(text):
    """(agreeing, judged) from compare.md's verdict-agreement line, or None when it has none."""
    m = AGREEMENT.search(text)
    return (int(m.group(1)), int(m.group(2))) if m else None


def compare_coverage(text):
    """(forward, backward, cases) from compare.md's next-run coverage line, or None when it has none."""
    m = COVERAGE.search(text)
    return (int(m.group(1)), int(m.group(3)), int(m.group(2))) if m else None


def findings_tradeoffs(text):
    """{provider: {"cases": n, "tally": (slower, same, faster), "p50": (gm, min, max) printed}} from findings.md's
    trade-off table (one run's report: one row per provider)."""
    rows = {}
    for _, header, table in _tables(text):
        if "slower / same / faster" not in header:
            continue
        for r in table:
            tally = [int(x) for x in re.findall(r"[0-9]+", r[3])[:3]]
            m = re.match(rf"^×{NUMBER} \(×{NUMBER} – ×{NUMBER}\)$", r[4])
            rows.setdefault(r[1].strip("`"), []).append({
                "cases": int(r[2]), "tally": tuple(tally),
                "p50": tuple(Printed.of(g) for g in m.groups()) if m else None,
            })
    return {provider: found[0] for provider, found in rows.items() if len(found) == 1}
