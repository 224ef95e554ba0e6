"""The study's statistics as its documentation states them (README "Repetitions, intervals and A/A calibration"),
recomputed from scratch: quantiles, per-repetition p50 ratios, t intervals, verdicts, Welch changes between runs."""
import functools
import itertools
import math
from dataclasses import dataclass

from student_t import t_quantile

THRESHOLD = 0.05
NOISE_NS = 100.0


def quantile7(sorted_values, p):
    """Hyndman-Fan type 7 (linear interpolation between order statistics)."""
    h = (len(sorted_values) - 1) * p
    low = math.floor(h)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (h - low) * (sorted_values[high] - sorted_values[low])


@dataclass
class Interval:
    value: float
    lower: float
    upper: float

    def covers(self, x):
        return self.lower <= x <= self.upper


@dataclass
class LogMean:
    """Mean, standard error and degrees of freedom of log values."""
    mean: float
    se: float
    df: float

    @staticmethod
    def of(logs):
        n = len(logs)
        mean = sum(logs) / n
        variance = sum((x - mean) ** 2 for x in logs) / (n - 1)
        return LogMean(mean, math.sqrt(variance / n), n - 1)

    def interval(self, level, spread=1.0):
        t = t_quantile(self.df, 1 - (1 - level) / 2)
        half = t * self.se * spread
        return Interval(math.exp(self.mean), math.exp(self.mean - half), math.exp(self.mean + half))

    def next_run(self, level=0.95):
        """Where another run with as many repetitions should find its estimate: the difference of two runs' means has
        standard error sqrt(2)*se, so the prediction interval is the t interval with sqrt(2)*se."""
        return self.interval(level, spread=math.sqrt(2))


def launch_ratio(candidate_p50s, reference_p50s):
    """Geometric mean of per-repetition ratios with its t statistics; None with fewer than two shared repetitions.
    Both arguments map repetition -> p50."""
    shared = sorted(set(candidate_p50s) & set(reference_p50s))
    if len(shared) < 2:
        return None
    return LogMean.of([math.log(candidate_p50s[r]) - math.log(reference_p50s[r]) for r in shared])


def verdict(ratio, p50_gap_ns, threshold=THRESHOLD, noise_ns=NOISE_NS):
    """slower / faster when the 95% interval lies wholly beyond the threshold (and the p50s differ by at least the
    noise floor); equivalent when the 90% interval lies inside it; else no difference shown."""
    up, down = 1 + threshold, 1 / (1 + threshold)
    i95, i90 = ratio.interval(0.95), ratio.interval(0.90)
    word = "no difference shown"
    if i95.lower > up:
        word = "slower"
    elif i95.upper < down:
        word = "faster"
    elif i90.lower >= down and i90.upper <= up:
        word = "equivalent"
    if word in ("slower", "faster") and p50_gap_ns < noise_ns:
        word = "no difference shown"
    return word


def verdict_class(word):
    """slower, faster, or no difference found (equivalent and no difference shown alike)."""
    return "no difference found" if word in ("equivalent", "no difference shown") else word


def welch_change(base, candidate):
    """log D = log ratio(candidate run) - log ratio(base run), se sqrt(se_b^2 + se_c^2), Welch-Satterthwaite df."""
    vb, vc = base.se ** 2, candidate.se ** 2
    v = vb + vc
    df = math.inf if v == 0 else v * v / (vb * vb / base.df + vc * vc / candidate.df)
    return LogMean(candidate.mean - base.mean, math.sqrt(v), df)


def _log_binomial_pmf(n, p):
    log_choose = [math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1) for k in range(n + 1)]
    return [c + k * math.log(p) + (n - k) * math.log1p(-p) for k, c in enumerate(log_choose)]


@functools.lru_cache(maxsize=None)
def order_statistic_ranks(n, p, level=0.95):
    """1-based ranks (l, u) with P(B <= l-1) <= alpha/2 and P(B >= u) <= alpha/2, B ~ Binomial(n, p), l as large and u
    as small as allowed; None when a side has no such rank inside the sample."""
    alpha = (1 - level) / 2
    pmf = [math.exp(x) for x in _log_binomial_pmf(n, p)]
    cdf = list(itertools.accumulate(pmf))  # P(B <= k)
    sf = list(itertools.accumulate(reversed(pmf)))[::-1]  # P(B >= k)
    lower = max((k for k in range(1, n + 1) if cdf[k - 1] <= alpha), default=0)
    upper = min((k for k in range(1, n + 1) if sf[k] <= alpha), default=0)
    return (lower, upper) if lower >= 1 and upper >= 1 and lower < upper else None


def quantile_interval(launches, p=0.5):
    """Pooled type-7 quantile; 95% interval = hull of the order-statistic interval and the t interval over the
    per-launch log quantiles. `launches` is a list of sorted value lists."""
    pooled = sorted(v for launch in launches for v in launch)
    point = quantile7(pooled, p)
    ranks = order_statistic_ranks(len(pooled), p)
    if ranks is None:
        return Interval(point, math.nan, math.nan)
    lower, upper = pooled[ranks[0] - 1], pooled[ranks[1] - 1]
    if len(launches) >= 2 and all(len(l) * min(p, 1 - p) >= 1 for l in launches):
        t = LogMean.of([math.log(quantile7(l, p)) for l in launches]).interval(0.95)
        lower, upper = min(lower, t.lower), max(upper, t.upper)
    return Interval(point, lower, upper)
