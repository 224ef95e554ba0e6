namespace FsBench.Host.Study;

/// <summary>One measured case: a provider, a mount mode, an operation and a number of workers.</summary>
public sealed record CaseKey(string Provider, string Mount, string Op, int Workers)
{
    public string FileName => $"{Provider}.{Mount}.{Op}.w{Workers}.json";
    public override string ToString() => $"{Provider}/{Mount}/{Op}/w{Workers}";
}
