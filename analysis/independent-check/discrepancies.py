"""How this check's numbers are held against the analysis's printed ones, and the table of those that differ."""
import math

TOLERANCE = 0.01  # relative; the analysis prints three significant digits (at most 0.5% rounding)

MATCH, PRINTED, DIFFERS = "within 1%", "within the printed precision", "differs"


def agreement(mine, theirs):
    """MATCH when every one of (value, lower, upper) is within 1% of the printed number; PRINTED when some is not but
    lies within half a unit of the last printed digit (the analysis prints at most 15 decimals, so a bound of 9.7e-15
    reads 0.000000000000010); else DIFFERS. Printed bounds that are absent ("not estimable") are not compared."""
    if theirs is None:
        return DIFFERS
    result = MATCH
    for a, printed in zip(mine, theirs):
        if printed is None:
            continue
        if not math.isfinite(a):
            return DIFFERS
        if abs(a - printed.value) <= TOLERANCE * abs(printed.value):
            continue
        if abs(a - printed.value) <= printed.half_unit * (1 + 1e-9):
            result = PRINTED
        else:
            return DIFFERS
    return result


def sig(x):
    return "—" if x is None or not math.isfinite(x) else f"{x:.3g}"


def ratio_text(values):
    """"×4.98 [×4.55, ×5.45]" from floats or printed numbers."""
    if values is None:
        return "—"
    v = [x.value if hasattr(x, "value") else x for x in values]
    return f"×{sig(v[0])} [×{sig(v[1])}, ×{sig(v[2])}]" if v[1] is not None else f"×{sig(v[0])}"


def key_text(key):
    return f"{key[0]}/{key[1]}/{key[2]}/w{key[3]}"


class Report:
    """Rows where this check and the analysis differ, printed as one markdown table at the end."""

    def __init__(self):
        self.rows = []

    def add(self, source, key, what, mine, theirs, note=""):
        self.rows.append((source, key if isinstance(key, str) else key_text(key), what, mine, theirs, note))

    def print(self):
        if not self.rows:
            print("\nNo discrepancy between this recomputation and the analysis (beyond 1% or the printed precision).")
            return
        print(f"\n{len(self.rows)} discrepancies:\n\n| source | case | what | this check | analysis | note |\n"
              "| --- | --- | --- | --- | --- | --- |")
        for row in self.rows:
            print("| " + " | ".join(row) + " |")
