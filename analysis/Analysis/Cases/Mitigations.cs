using Analysis.RunFolder;

namespace Analysis.Cases;

public enum MitigationVerdict { Removable, KeepAsDefenseInDepth, StillNeeded, NotEnoughEvidence }

/// <summary>A workaround the team runs today, and the cases that say whether libkrun makes it unnecessary.</summary>
public sealed record Mitigation(string Name, string GuardsAgainst, string Scope, Func<CaseKey, bool> Relevant, string? Caveat = null);

public sealed record MitigationAssessment(
    Mitigation Mitigation, MitigationVerdict Verdict, string Evidence, FailureEvidence? AppleHv, FailureEvidence? Libkrun);

/// <summary>
/// The mitigation table's rules. Evidence only counts from runs that measured applehv and libkrun side by side.
/// <list type="bullet">
/// <item>not enough evidence: no such run, no relevant cases, or applehv did not fail (the run could not see the problem);</item>
/// <item>still needed: libkrun failed in the relevant cases;</item>
/// <item>removable: libkrun had no failure and its 95% upper bound is below a tenth of applehv's 95% lower bound;</item>
/// <item>keep as defense-in-depth: libkrun had no failure, but too few operations to show that tenfold improvement.</item>
/// </list>
/// </summary>
public static class Mitigations
{
    public const double RequiredImprovement = 10;

    public const string NeededRun =
        "a Mac run (Apple silicon, Podman ≥ 5.2 with krunkit) with both the applehv and libkrun providers";

    public static readonly IReadOnlyList<Mitigation> All =
    [
        new("vfkit watchdog", "the applehv VM or its virtio-fs server stalling, or leaking host fds (ENFILE), under load",
            "all cases", _ => true,
            "it watches vfkit, which libkrun machines do not run; krunkit's own restarts (podman#29084) are not recorded by this run format"),
        new("sleep prevention", "mount failures after host sleep/wake",
            "sleep/wake cases (op name contains \"sleep\" or \"wake\")", k => IsSleepWake(k.Op)),
        new("overlay-volume placement", "overlayfs copy-up over a virtio-fs lower layer failing (EOPNOTSUPP, metacopy)",
            "mount overlay", k => k.Mount == "overlay"),
        new("named-volume mirroring of status files", "status files on the bind mount failing (EACCES from mkdirat/open, spurious ENOENT)",
            "mount bind", k => k.Mount == "bind"),
    ];

    public static bool IsSleepWake(string op) =>
        op.Contains("sleep", StringComparison.OrdinalIgnoreCase) || op.Contains("wake", StringComparison.OrdinalIgnoreCase);

    public static MitigationAssessment Assess(Mitigation m, IReadOnlyList<RunAnalysis> runs)
    {
        var sideBySide = runs.Where(r => r.Has(Providers.AppleHv) && r.Has(Providers.Libkrun)).ToList();
        if (sideBySide.Count == 0)
            return new(m, MitigationVerdict.NotEnoughEvidence,
                $"no run measured applehv and libkrun side by side ({string.Join(", ", runs.Select(r => r.Run.Label))}); needs {NeededRun}", null, null);

        var a = FailureEvidence.Of(sideBySide, Providers.AppleHv, m.Relevant);
        var k = FailureEvidence.Of(sideBySide, Providers.Libkrun, m.Relevant);
        string numbers = $"applehv {Memo.Format.Failures(a.Failures, a.Ops, a.Rate)}; libkrun {Memo.Format.Failures(k.Failures, k.Ops, k.Rate)}";
        string where = string.Join(", ", sideBySide.Select(r => r.Run.Label));

        if (a.Ops == 0 || k.Ops == 0)
            return new(m, MitigationVerdict.NotEnoughEvidence,
                $"{where} has no {m.Scope} for both providers; needs {NeededRun} that includes {m.Scope}", a, k);
        if (k.Failures > 0)
            return new(m, MitigationVerdict.StillNeeded, $"libkrun failed ({k.ErrnoList}): {numbers}", a, k);
        if (a.Failures == 0)
            return new(m, MitigationVerdict.NotEnoughEvidence,
                $"applehv did not fail either, so {where} did not reproduce the problem ({numbers}); needs a longer or more concurrent run", a, k);

        double target = a.Rate.Lower / RequiredImprovement;
        if (k.Rate.Upper < target)
            return new(m, MitigationVerdict.Removable,
                $"libkrun's 95% upper bound {Memo.Format.Percent(k.Rate.Upper)} < applehv's lower bound / {RequiredImprovement} = {Memo.Format.Percent(target)} ({numbers})", a, k);
        long opsNeeded = (long)Math.Ceiling(Math.Log(0.05) / Math.Log(1 - target));
        return new(m, MitigationVerdict.KeepAsDefenseInDepth,
            $"libkrun had no failure, but its 95% upper bound {Memo.Format.Percent(k.Rate.Upper)} is not below applehv's lower bound / {RequiredImprovement} = {Memo.Format.Percent(target)}; " +
            $"about {Memo.Format.Count(opsNeeded)} failure-free libkrun ops would show it ({numbers})", a, k);
    }
}
