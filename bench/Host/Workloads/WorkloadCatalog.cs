namespace FsBench.Host.Workloads;

/// <summary>
/// The workloads a run can replay: each is a trace recorded from a real tool (bench/workloads/record-traces.sh), after
/// the untimed set-up traces that bring the workspace to the state the tool started from.
/// </summary>
public static class WorkloadCatalog
{
    public sealed record Workload(string Name, string Trace, string[] Setup, string What);

    public static readonly IReadOnlyList<Workload> All =
    [
        new("git-clone", "git-clone", [], "git clone (file://) of a repository of 3,000 files"),
        new("git-status", "git-status", ["git-clone"], "git status in the fresh clone"),
        new("git-commit", "git-commit", ["git-clone", "git-edit"], "git add -A and git commit of 100 changed files"),
        new("tar-extract", "tar-extract", [], "tar -x of a Debian package's tree (manpages-dev, 2,277 entries), standing in for npm install"),
        new("rm-rf", "rm-rf", ["tar-extract"], "rm -rf of that tree"),
        new("build", "build", ["build-sources"], "make -j2 over 120 C files: objects written to a temporary name, renamed into place, stat'ed"),
    ];

    public static string[] Names => All.Select(w => w.Name).ToArray();

    /// <summary>The workloads a profile runs when --workloads is not given: small ones for smoke.</summary>
    public static string[] ForProfile(string profile) => profile == "smoke" ? ["build"] : Names;

    public static Workload? Find(string name) => All.FirstOrDefault(w => w.Name == name);

    /// <summary>bench/workloads/traces/&lt;name&gt;.trace.tsv</summary>
    public static string TracePath(string dir, string trace) => Path.Combine(dir, trace + ".trace.tsv");

    /// <summary>
    /// The repository's committed traces (bench/workloads/traces), found above the host binaries so a run works from any
    /// working directory; the relative path when no such folder is above them.
    /// </summary>
    public static string DefaultTracesDir() =>
        RepositoryPath.Find(Path.Combine("bench", "workloads", "traces")) ?? Path.Combine("bench", "workloads", "traces");
}
