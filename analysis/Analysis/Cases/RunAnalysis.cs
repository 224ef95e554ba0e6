
namespace Analysis.Cases;

/// <summary>A run with every case analysed.</summary>
public sealed record RunAnalysis(Run Run, IReadOnlyList<CaseResult> Cases)
{
    public IEnumerable<string> Ops => Cases.Select(c => c.Key.Op).Distinct();
    public IEnumerable<int> Workers => Cases.Select(c => c.Key.Workers).Distinct().Order();
    public IEnumerable<string> Providers => Cases.Select(c => c.Key.Provider).Distinct();

    public bool Has(string provider) => Cases.Any(c => c.Key.Provider == provider);
}
