namespace FsBench.RunFormat;

/// <summary>
/// One measured case: a provider, a mount mode, an operation and a number of workers. Owns the name of the case's
/// probe file; cases are matched across runs by this key.
/// </summary>
public sealed record CaseKey(string Provider, string Mount, string Op, int Workers)
{
    /// <summary>probe/&lt;provider&gt;.&lt;mount&gt;.&lt;op&gt;.w&lt;workers&gt;.json</summary>
    public string ProbeFileName => $"{Provider}.{Mount}.{Op}.w{Workers}.json";

    /// <summary>The key a probe file name stands for, or null when the name is not one.</summary>
    public static CaseKey? FromProbeFileName(string fileName)
    {
        var parts = fileName.Split('.');
        if (parts.Length != 5 || parts[4] != "json" || !parts[3].StartsWith('w') || !int.TryParse(parts[3][1..], out int workers))
            return null;
        return new CaseKey(parts[0], parts[1], parts[2], workers);
    }

    public override string ToString() => $"{Provider}/{Mount}/{Op}/w{Workers}";
}
