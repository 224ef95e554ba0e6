namespace FsBench.Host.Study;

/// <summary>
/// The order a run measures in. Every case is measured once per repetition (one BenchmarkDotNet launch each);
/// within a repetition the providers come in a seeded random order, drawn anew for every even repetition and
/// reversed in the odd one after it (A B, B A, ...), so each pair of repetitions is counterbalanced and slow drift of
/// the machine hits every provider alike. Providers that must run alone (<see cref="Providers.IProvider.ExclusiveActive"/>)
/// get a segment of their own, started before and stopped after it; the others share one segment in which
/// BenchmarkDotNet interleaves them case by case in the repetition's order.
/// </summary>
public static class RepetitionPlan
{
    public static IReadOnlyList<Repetition> Create(IReadOnlyList<string> providers, IReadOnlySet<string> exclusive, int count, int seed)
    {
        if (count < 1) throw new StudyException($"repetitions must be at least 1 (got {count})");
        var random = new Random(seed);
        var plan = new List<Repetition>();
        for (int r = 0; r < count; r++)
        {
            var order = r % 2 == 1 ? plan[r - 1].Order.Reverse().ToArray() : Shuffled(providers, random);
            plan.Add(new Repetition(r, order, Segments(order, exclusive)));
        }
        return plan;
    }

    private static string[] Shuffled(IReadOnlyList<string> providers, Random random)
    {
        var order = providers.ToArray();
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>The shared segment sits where its first provider falls in the order; each exclusive provider is its own.</summary>
    private static IReadOnlyList<RepetitionSegment> Segments(IReadOnlyList<string> order, IReadOnlySet<string> exclusive)
    {
        var shared = order.Where(p => !exclusive.Contains(p)).ToArray();
        var segments = new List<RepetitionSegment>();
        foreach (var p in order)
        {
            if (exclusive.Contains(p)) segments.Add(new RepetitionSegment([p], Exclusive: true));
            else if (p == shared[0]) segments.Add(new RepetitionSegment(shared, Exclusive: false));
        }
        return segments;
    }
}

/// <summary>One pass over every case: the providers' order and the segments that run them.</summary>
public sealed record Repetition(int Index, IReadOnlyList<string> Order, IReadOnlyList<RepetitionSegment> Segments);

/// <summary>Providers measured by one BenchmarkDotNet run; an exclusive segment holds one provider, started and stopped around it.</summary>
public sealed record RepetitionSegment(IReadOnlyList<string> Providers, bool Exclusive);
