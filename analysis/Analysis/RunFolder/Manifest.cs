using System.Text.Json;

namespace Analysis.RunFolder;

/// <summary><c>manifest.json</c>: where, when, on what and with which settings a run ran (results/README.md).</summary>
public sealed record Manifest
{
    public string RunId { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTimeOffset? StartedUtc { get; init; }
    public DateTimeOffset? EndedUtc { get; init; }
    public string Profile { get; init; } = "";
    public RunSettings Settings { get; init; } = new();
    public HostInfo Host { get; init; } = new();
    public VirtualizationInfo Virtualization { get; init; } = new();
    public List<ProviderInfo> Providers { get; init; } = [];
    public Dictionary<string, JsonElement> Tools { get; init; } = [];
    public GitInfo? Git { get; init; }

    public bool IsComplete => Status == "complete";
}

public sealed record RunSettings
{
    public int? BatchSize { get; init; }
    public int? Warmup { get; init; }
    public int? Iterations { get; init; }
    public List<int> Workers { get; init; } = [];
    public List<string> Mounts { get; init; } = [];
    public List<string> Ops { get; init; } = [];
    public string? Layout { get; init; }
}

public sealed record HostInfo
{
    public string Hostname { get; init; } = "";
    public string? Os { get; init; }
    public string? Kernel { get; init; }
    public string? Arch { get; init; }
    public string? Cpu { get; init; }
    public int? Cores { get; init; }
    public long? MemoryBytes { get; init; }
}

public sealed record VirtualizationInfo
{
    public bool? HostIsVm { get; init; }
    public bool? HardwareVirt { get; init; }
    public string? Notes { get; init; }
}

public sealed record ProviderInfo
{
    public string Name { get; init; } = "";
    public bool Available { get; init; }
    public string? Reason { get; init; }
    public string? Acceleration { get; init; }
    public Dictionary<string, JsonElement> Versions { get; init; } = [];
    public Dictionary<string, JsonElement> Settings { get; init; } = [];
}

public sealed record GitInfo
{
    public string? Commit { get; init; }
    public bool? Dirty { get; init; }
}
