using System.CommandLine;
using FsBench.Host.Study;

namespace FsBench.Host.Commands;

/// <summary>--scratch DIR, the host directory the providers work in (run, soak, coherence): one option, one default.</summary>
public static class ScratchOption
{
    public static Option<string> Create() => new("--scratch")
    {
        Description = $"host directory the providers work in ({ScratchPlace.WhyDefault})",
        DefaultValueFactory = _ => ScratchPlace.DefaultRoot(),
    };
}
