using FsBench.Probe.Session;

namespace FsBench.Probe.Soak;

/// <summary>Picks actions at random in proportion to their weights.</summary>
public sealed class MixPicker
{
    private readonly IMixAction[] _actions;
    private readonly int[] _cumulative;

    public MixPicker(IReadOnlyDictionary<string, int> weights, Func<string, IMixAction?> find)
    {
        var chosen = weights.Where(w => w.Value > 0).OrderBy(w => w.Key, StringComparer.Ordinal).ToList();
        if (chosen.Count == 0) throw new ProbeException("the soak mix gives no action a positive weight");
        _actions = chosen.Select(w => find(w.Key) ?? throw new ProbeException(
            $"unknown soak action '{w.Key}' (known: {string.Join(",", MixCatalog.Names)})")).ToArray();
        _cumulative = new int[chosen.Count];
        int sum = 0;
        for (int i = 0; i < chosen.Count; i++) _cumulative[i] = sum += chosen[i].Value;
    }

    public IReadOnlyList<IMixAction> Actions => _actions;

    /// <summary>The index (into <see cref="Actions"/>) of the next action.</summary>
    public int Pick(Random random)
    {
        int r = random.Next(_cumulative[^1]);
        for (int i = 0; i < _cumulative.Length; i++) if (r < _cumulative[i]) return i;
        return _cumulative.Length - 1;
    }
}
