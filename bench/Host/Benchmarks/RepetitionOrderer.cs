using System.Collections.Immutable;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Running;
using FsBench.Host.Study;

namespace FsBench.Host.Benchmarks;

/// <summary>
/// Runs the cases repetition by repetition, each repetition segment by segment (<see cref="RepetitionPlan"/>), each
/// segment in BenchmarkDotNet's order of parameter sets (operation by operation) with the segment's providers back to
/// back in the repetition's order. One BenchmarkDotNet run holds every repetition, so the generated project is built once.
/// </summary>
public sealed class RepetitionOrderer(IReadOnlyList<Repetition> plan) : DefaultOrderer
{
    public override IEnumerable<BenchmarkCase> GetExecutionOrder(ImmutableArray<BenchmarkCase> benchmarksCase, IEnumerable<BenchmarkLogicalGroupRule>? order = null)
    {
        var byDefault = base.GetExecutionOrder(benchmarksCase, order).ToList();
        var groupIndex = new Dictionary<string, int>();
        foreach (var bc in byDefault) groupIndex.TryAdd(bc.Parameters.FolderInfo, groupIndex.Count);
        return byDefault
            .Select(bc => (Case: bc, Rank: Rank(bc)))
            .OrderBy(x => x.Rank.Repetition).ThenBy(x => x.Rank.Segment)
            .ThenBy(x => groupIndex[x.Case.Parameters.FolderInfo]).ThenBy(x => x.Rank.Provider)
            .Select(x => x.Case);
    }

    private (int Repetition, int Segment, int Provider) Rank(BenchmarkCase bc)
    {
        int r = StudyEnvironment.RepetitionOf(bc.Job);
        string provider = StudyEnvironment.ProviderOf(bc.Job);
        if (r >= plan.Count) return (r, int.MaxValue, int.MaxValue);
        var repetition = plan[r];
        int segment = repetition.Segments.ToList().FindIndex(s => s.Providers.Contains(provider));
        int rank = repetition.Order.ToList().IndexOf(provider);
        return (r, segment < 0 ? int.MaxValue : segment, rank < 0 ? int.MaxValue : rank);
    }
}
