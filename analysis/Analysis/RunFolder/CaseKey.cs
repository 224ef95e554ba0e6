namespace Analysis.RunFolder;

/// <summary>One measured case: what the benchmark ran, where. Cases are matched across runs by this key.</summary>
public sealed record CaseKey(string Provider, string Mount, string Op, int Workers) : IComparable<CaseKey>
{
    /// <summary>The probe file name used by the run folder, <c>provider.mount.op.wN.json</c>.</summary>
    public string ProbeFileName => $"{Provider}.{Mount}.{Op}.w{Workers}.json";

    public override string ToString() => $"{Provider}/{Mount}/{Op}/w{Workers}";

    public int CompareTo(CaseKey? other)
    {
        if (other is null) return 1;
        int c = string.CompareOrdinal(Op, other.Op);
        if (c == 0) c = Providers.Order(Provider).CompareTo(Providers.Order(other.Provider));
        if (c == 0) c = string.CompareOrdinal(Provider, other.Provider);
        if (c == 0) c = string.CompareOrdinal(Mount, other.Mount);
        if (c == 0) c = Workers.CompareTo(other.Workers);
        return c;
    }
}
