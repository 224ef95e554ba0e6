
namespace Analysis.Decision;

/// <summary>Where the two roles come from: the Mac question, a rehearsal on the fault model, or the command line.</summary>
public enum RoleSource { Mac, Rehearsal, Named }

/// <summary>
/// The two providers the decision compares: the <see cref="Incumbent"/> (today's provider, whose failures the
/// mitigations work around) and the <see cref="Candidate"/> (the one that might make them unnecessary).
/// </summary>
public sealed record Roles(string Incumbent, string Candidate, RoleSource Source)
{
    public const string ModelMarker = "-model";

    public bool IsRehearsal => Source == RoleSource.Rehearsal;

    public string Of(string provider) => provider == Incumbent ? "incumbent" : provider == Candidate ? "candidate" : "other";

    /// <summary>One sentence for the memo's first lines.</summary>
    public string Sentence => Source switch
    {
        RoleSource.Mac => $"Incumbent `{Incumbent}` (Apple's virtio-fs via vfkit), candidate `{Candidate}` (krunkit's own virtio-fs).",
        RoleSource.Rehearsal =>
            $"**Rehearsal, not a measurement of applehv or libkrun:** the fault model `{Incumbent}` stands in for applehv (incumbent) and " +
            $"`{Candidate}` for libkrun (candidate). Every number below is of a real QEMU guest and virtiofsd with a fault model in the server.",
        _ => $"Incumbent `{Incumbent}`, candidate `{Candidate}` (named by `report --incumbent {Incumbent} --candidate {Candidate}`): " +
             "the same migration question, decided on the providers measured here.",
    };

    /// <summary>
    /// The roles for these folders: <c>--incumbent</c>/<c>--candidate</c> when given (both, and each must appear in a
    /// folder); else applehv/libkrun when a folder has either; else a rehearsal when a folder has an AVF fault model
    /// (<c>P+avf…-model</c>) and the clean server beside it; else the Mac question, with nothing measured for it yet.
    /// </summary>
    public static Roles Resolve(string? incumbent, string? candidate, IReadOnlyCollection<string> providers)
    {
        if (incumbent is not null || candidate is not null)
        {
            if (incumbent is null || candidate is null)
                throw new BadInputException(incumbent is null ? "--candidate" : "--incumbent", "--incumbent and --candidate go together");
            if (incumbent == candidate) throw new BadInputException("--candidate", $"'{candidate}' is also the incumbent");
            foreach (var (flag, name) in new[] { ("--incumbent", incumbent), ("--candidate", candidate) })
                if (!providers.Contains(name))
                    throw new BadInputException(flag, $"'{name}' is in none of the folders (they have: {string.Join(", ", providers.Order(StringComparer.Ordinal))})");
            return new Roles(incumbent, candidate, RoleSource.Named);
        }
        if (providers.Contains(RunFolder.Providers.AppleHv) || providers.Contains(RunFolder.Providers.Libkrun))
            return Mac;
        var model = providers.Where(IsAvfModel).Order(StringComparer.Ordinal).FirstOrDefault();
        if (model is not null)
        {
            string server = model[..model.IndexOf('+')];
            string? clean = new[] { $"{server}+none{ModelMarker}", server }.FirstOrDefault(providers.Contains)
                            ?? providers.Where(p => p.StartsWith(server + "+libkrun", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();
            if (clean is not null) return new Roles(model, clean, RoleSource.Rehearsal);
        }
        return Mac;
    }

    public static readonly Roles Mac = new(RunFolder.Providers.AppleHv, RunFolder.Providers.Libkrun, RoleSource.Mac);

    /// <summary>A provider instance running the AVF fault model, e.g. <c>qemu-virtiofs+avf-model</c>.</summary>
    public static bool IsAvfModel(string provider) =>
        provider.Contains('+') && provider.EndsWith(ModelMarker, StringComparison.Ordinal) &&
        provider[(provider.IndexOf('+') + 1)..].StartsWith("avf", StringComparison.Ordinal);
}
