namespace FsBench.Host.Soak;

/// <summary>What a fault does to the provider under test.</summary>
public enum FaultType
{
    /// <summary>The whole VM is frozen (QMP stop / cont, SIGSTOP of the VMM): like a host sleep without the clock jump.</summary>
    Pause,
    /// <summary>The file server is frozen (SIGSTOP / SIGCONT of virtiofsd, both processes): the guest's requests wait.</summary>
    Stall,
    /// <summary>The file server is killed (SIGKILL of virtiofsd): the share is gone until the VM restarts.</summary>
    Kill,
}

/// <summary>
/// One clause of --faults: a kind and when. `at` is the first start (from the soak's start), `every` repeats it,
/// `count` caps the repetitions, `for` is how long it lasts (pause and stall need it; kill is instantaneous).
/// </summary>
public sealed record FaultSpec(FaultType Kind, TimeSpan? At, TimeSpan? Every, TimeSpan? For, int? Count)
{
    public string Name => Kind.ToString().ToLowerInvariant();

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
public sealed record FaultAction(FaultType Kind, int Number, TimeSpan Start, TimeSpan? Duration)
{
    public string Label => $"{Kind.ToString().ToLowerInvariant()}#{Number}";
}
