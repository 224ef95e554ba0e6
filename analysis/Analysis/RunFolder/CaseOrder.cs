namespace Analysis.RunFolder;

/// <summary>The order tables, figures and trends list cases in: by op, then provider (study order), mount and workers.</summary>
public sealed class CaseOrder : IComparer<CaseKey>
{
    public static readonly CaseOrder Instance = new();

    public int Compare(CaseKey? x, CaseKey? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int c = string.CompareOrdinal(x.Op, y.Op);
        if (c == 0) c = Providers.Order(x.Provider).CompareTo(Providers.Order(y.Provider));
        if (c == 0) c = string.CompareOrdinal(x.Provider, y.Provider);
        if (c == 0) c = string.CompareOrdinal(x.Mount, y.Mount);
        if (c == 0) c = x.Workers.CompareTo(y.Workers);
        return c;
    }
}
