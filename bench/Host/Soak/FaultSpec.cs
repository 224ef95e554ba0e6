using FsBench.Host.Providers.Faults;

namespace FsBench.Host.Soak;

/// <summary>
/// One clause of --faults: a kind and when. `at` is the first start (from the soak's start), `every` repeats it,
/// `count` caps the repetitions, `for` is how long it lasts (every fault but kill needs it; kill is instantaneous).
/// </summary>
public sealed record FaultSpec(Fault Kind, TimeSpan? At, TimeSpan? Every, TimeSpan? For, int? Count)
{
    public string Name => Kind.Name();

    public override string ToString()
    {
        var parts = new List<string>();
        if (At is { } a) parts.Add($"at={DurationText.Format(a)}");
        if (Every is { } e) parts.Add($"every={DurationText.Format(e)}");
        if (For is { } f) parts.Add($"for={DurationText.Format(f)}");
        if (Count is { } c) parts.Add($"count={c}");
        return $"{Name}:{string.Join(",", parts)}";
    }
}

/// <summary>One planned injection: the n-th of its kind ("pause#2"), when it starts and how long it lasts.</summary>
public sealed record FaultAction(Fault Kind, int Number, TimeSpan Start, TimeSpan? Duration)
{
    public string Label => $"{Kind.Name()}#{Number}";
}
