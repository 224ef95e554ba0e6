"""Tests of the independent check (python3 -m unittest discover -s analysis/independent-check). The end-to-end tests
read the committed A/A pair results/20261201-222237-vm-aa1/-aa2 (local only: p50 intervals and compare --absolute)."""
import contextlib
import io
import json
import math
import os
import random
import shutil
import statistics
import tempfile
import unittest

import aa_criteria
import check_ratios
import hdr_histogram
import student_t
from analysis_tables import Printed, parse_ratio, parse_time
from discrepancies import DIFFERS, MATCH, PRINTED, agreement
from launch_stats import LogMean, order_statistic_ranks, quantile7, verdict, welch_change

RESULTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "results")
AA1 = os.path.join(RESULTS, "20261201-222237-vm-aa1")
AA2 = os.path.join(RESULTS, "20261201-222237-vm-aa2")


def run_main(*args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = check_ratios.main(list(args))
    return code, out.getvalue()


class StudentTTests(unittest.TestCase):
    def test_quantiles_match_the_printed_tables(self):
        for df, p, table in [(1, 0.975, 12.706), (2, 0.975, 4.303), (4, 0.975, 2.776), (1, 0.95, 6.314),
                             (10, 0.975, 2.228), (30, 0.995, 2.750), (math.inf, 0.975, 1.960)]:
            self.assertAlmostEqual(student_t.t_quantile(df, p), table, places=3, msg=f"t({p}, {df})")

    def test_one_degree_of_freedom_is_the_cauchy_quantile(self):
        self.assertAlmostEqual(student_t.t_quantile(1, 0.975), math.tan(math.pi * 0.475), places=9)

    def test_lower_quantile_is_the_mirror(self):
        self.assertAlmostEqual(student_t.t_quantile(3, 0.025), -student_t.t_quantile(3, 0.975), places=9)

    def test_incomplete_beta_symmetry(self):
        self.assertAlmostEqual(student_t.incomplete_beta(2.5, 2.5, 0.5), 0.5, places=12)
        self.assertAlmostEqual(student_t.incomplete_beta(2, 3, 0.3), 1 - student_t.incomplete_beta(3, 2, 0.7), places=12)


class QuantileTests(unittest.TestCase):
    def test_type7_matches_the_stdlib_inclusive_method(self):
        rng = random.Random(7)
        values = sorted(rng.lognormvariate(10, 1) for _ in range(513))
        quartiles = statistics.quantiles(values, n=4, method="inclusive")
        for p, expected in zip((0.25, 0.5, 0.75), quartiles):
            self.assertAlmostEqual(quantile7(values, p), expected, delta=1e-9 * expected)

    def test_median_of_an_even_sample_averages_the_middle_pair(self):
        self.assertEqual(quantile7([1.0, 2.0, 10.0, 20.0], 0.5), 6.0)

    def test_order_statistic_ranks(self):
        self.assertEqual(order_statistic_ranks(10, 0.5), (2, 9))  # coverage 97.9%, the textbook median interval
        self.assertIsNone(order_statistic_ranks(1024, 0.999))  # too few values beyond p99.9: not estimable


class VerdictTests(unittest.TestCase):
    def test_words(self):
        self.assertEqual(verdict(LogMean(math.log(2.0), 0.01, 1), 1e6), "slower")
        self.assertEqual(verdict(LogMean(math.log(0.5), 0.01, 1), 1e6), "faster")
        self.assertEqual(verdict(LogMean(0.0, 0.001, 1), 1e6), "equivalent")
        self.assertEqual(verdict(LogMean(math.log(2.0), 1.0, 1), 1e6), "no difference shown")

    def test_noise_floor_turns_a_tiny_gap_into_no_difference(self):
        self.assertEqual(verdict(LogMean(math.log(2.0), 0.01, 1), 50.0), "no difference shown")

    def test_welch_degrees_of_freedom(self):
        change = welch_change(LogMean(0.0, 0.1, 1), LogMean(0.2, 0.1, 1))
        self.assertAlmostEqual(change.df, 2.0)
        self.assertAlmostEqual(change.se, math.sqrt(0.02))
        self.assertAlmostEqual(change.mean, 0.2)


class ExpectedCoverageTests(unittest.TestCase):
    def test_two_repetitions_is_a_cauchy_probability(self):
        # with one degree of freedom the ratio of the two normal deviates is Cauchy
        expected = 2 / math.pi * math.atan(student_t.t_quantile(1, 0.975) / math.sqrt(2))
        self.assertAlmostEqual(aa_criteria.expected_coverage(1), expected, places=9)

    def test_many_repetitions_tend_to_the_normal_value(self):
        self.assertAlmostEqual(aa_criteria.expected_coverage(math.inf), 0.834, places=3)


class NextRunIntervalTests(unittest.TestCase):
    def test_it_is_the_t_interval_widened_by_root_two(self):
        m = LogMean(math.log(1.5), 0.1, 2)
        t = student_t.t_quantile(2, 0.975)   # 4.303
        i = m.next_run(0.95)
        self.assertAlmostEqual(i.lower, 1.5 * math.exp(-t * 0.1 * math.sqrt(2)), places=9)
        self.assertAlmostEqual(i.upper, 1.5 * math.exp(t * 0.1 * math.sqrt(2)), places=9)

    def test_it_covers_the_next_runs_estimate_at_its_level_in_simulation(self):
        import random
        rng = random.Random(7)
        covered, trials = 0, 4000
        for _ in range(trials):
            a = LogMean.of([rng.gauss(0.3, 0.2) for _ in range(3)])
            b = LogMean.of([rng.gauss(0.3, 0.2) for _ in range(3)])
            covered += a.next_run(0.95).covers(math.exp(b.mean))
        self.assertAlmostEqual(covered / trials, 0.95, delta=0.015)


class HistogramTests(unittest.TestCase):
    def test_varints_with_zigzag_and_zero_runs(self):
        # 3 -> 6; -2 (two empty buckets) -> 3; 300 -> 600 = 0xd8 0x04
        self.assertEqual(list(hdr_histogram._varints(bytes([6, 3, 0xD8, 0x04]))), [3, -2, 300])

    def test_bucket_arithmetic_of_three_significant_digits(self):
        h = hdr_histogram.Histogram(3, 1, [])
        self.assertEqual(h.half_count, 1024)
        self.assertEqual(h.bucket_width(2047), 1)
        self.assertEqual(h.bucket_width(1_095_679), 1024)
        self.assertEqual(h.value_at(2048), 2048)
        self.assertEqual(h.value_at(3072), 4096)

    def test_decoded_launches_give_the_probes_own_counts_and_percentiles(self):
        checked = 0
        for name in sorted(os.listdir(os.path.join(AA1, "probe"))):
            with open(os.path.join(AA1, "probe", name), encoding="utf-8") as f:
                probe = json.load(f)
            for launch in probe["launches"]:
                h = hdr_histogram.decode(launch["histogram"])
                self.assertEqual(h.total(), launch["ops"] - launch["failures"])
                self.assertEqual(h.percentile_top(50), launch["p50_ns"])
                self.assertEqual(h.percentile_top(99), launch["p99_ns"])
                checked += 1
        self.assertGreaterEqual(checked, 6)

    def test_not_a_histogram(self):
        for text in ("AAAAAAAAAAA=", "HISTFAAA", "not base64!"):
            with self.assertRaises(ValueError, msg=text):
                hdr_histogram.decode(text)


class PrintedNumberTests(unittest.TestCase):
    def test_parse(self):
        self.assertEqual([x.value for x in parse_ratio("×4.98 [×4.55, ×5.45]")], [4.98, 4.55, 5.45])
        self.assertAlmostEqual(parse_time("3.60 [2.28, 5.56] µs")[2].value, 5560.0)
        self.assertIsNone(parse_time("155 ms [not estimable]")[1])

    def test_agreement(self):
        printed = (Printed(1.0, 0.005), Printed(0.000000000000010, 0.5e-15), Printed(3.0, 0.005))
        self.assertEqual(agreement((1.004, 1e-14, 3.0), printed), MATCH)
        self.assertEqual(agreement((1.004, 9.71e-15, 3.0), printed), PRINTED)
        self.assertEqual(agreement((1.03, 1e-14, 3.0), printed), DIFFERS)


@unittest.skipUnless(os.path.isdir(AA1) and os.path.isdir(AA2), "the committed A/A pair results/20261201-222237-vm-aa* is absent")
class EndToEndTests(unittest.TestCase):
    def test_committed_pair_agrees_with_the_analysis(self):
        code, out = run_main(AA1, AA2)
        self.assertEqual(code, 0, out)
        self.assertIn("p50 [95% CI] (order statistics ∪ per-launch t): within 1% in 3 of 3 cases", out)
        self.assertIn("(--absolute: own p50s) change [95% CI] (Welch t on the log scale): within 1% in 3 of 3", out)

    def test_a_wrong_printed_number_is_reported(self):
        with tempfile.TemporaryDirectory() as tmp:
            run = os.path.join(tmp, "run")
            shutil.copytree(AA1, run, ignore=shutil.ignore_patterns("bdn", "figures", "state"))
            path = os.path.join(run, "appendix.md")
            with open(path, encoding="utf-8") as f:
                text = f.read()
            original = "| 2.90 [1.43, 5.84] µs |"  # local/bind/stat/w1's p50 [95% CI]
            self.assertIn(original, text)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text.replace(original, "| 2.99 [1.43, 5.84] µs |"))  # 3% off
            code, out = run_main(run)
        self.assertEqual(code, 1, out)
        self.assertIn("p50 [95% CI] (ns)", out)

    def test_bad_input_exits_2(self):
        self.assertEqual(run_main("--threshold")[0], 2)
        with tempfile.TemporaryDirectory() as tmp:
            code, out = run_main(tmp)
            self.assertEqual(code, 2)
            self.assertIn("no manifest.json", out)
            shutil.copy(os.path.join(AA1, "manifest.json"), tmp)
            os.mkdir(os.path.join(tmp, "probe"))
            with open(os.path.join(tmp, "probe", "local.bind.stat.w1.json"), "w", encoding="utf-8") as f:
                json.dump({"provider": "local", "mount": "bind", "op": "stat", "workers": 1, "p50_ns": 1,
                           "launches": [{"repetition": 0, "p50_ns": 1, "histogram": "bm90IGEgaGlzdG9ncmFt"}]}, f)
            code, out = run_main(tmp)
        self.assertEqual(code, 2)
        self.assertIn("local.bind.stat.w1.json: not a probe case file", out)
        self.assertEqual(len(out.strip().splitlines()), 1, out)


SMOKE1 = os.path.join(RESULTS, "20261207-090709-vm-aa1")
SMOKE2 = os.path.join(RESULTS, "20261207-090709-vm-aa2")


@unittest.skipUnless(os.path.isdir(SMOKE1) and os.path.isdir(SMOKE2), "the committed smoke A/A pair results/20261207-090709-vm-aa* is absent")
class LostLaunchTests(unittest.TestCase):
    def test_a_launch_whose_channel_died_before_its_measured_batch_is_left_out_as_the_analysis_leaves_it_out(self):
        with open(os.path.join(SMOKE2, "probe", "qemu-virtiofs.bind.unlink.w4.json"), encoding="utf-8") as f:
            lost = [l for l in json.load(f)["launches"] if l["ops"] == 0]
        self.assertEqual(len(lost), 1)  # repetition 3: "probe did not answer 'batch' within 60 s" (restarts.csv)
        code, out = run_main(SMOKE1, SMOKE2)
        self.assertEqual(code, 0, out)
        self.assertIn("No discrepancy", out)
        self.assertIn("verdicts against local agree (slower / faster / no difference found) in 36 of 36 cases", out)


if __name__ == "__main__":
    unittest.main()
