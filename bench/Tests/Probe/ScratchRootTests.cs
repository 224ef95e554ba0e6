using FsBench.Probe.Session;
using FsBench.Probe.Ops;
using FsBench.Protocol;

namespace FsBench.Tests.Probe;

/// <summary>The probe stays inside its scratch root and removes only what it created.</summary>
public sealed class ScratchRootTests : IDisposable
{
    private readonly TempDir _tmp = new();
    private readonly TempDir _outside = new();
    public void Dispose() { _tmp.Dispose(); _outside.Dispose(); }

    [Theory]
    [InlineData("..")]
    [InlineData("../..")]
    [InlineData("a/../../x")]
    public void Paths_that_climb_out_are_refused(string dir)
    {
        Directory.CreateDirectory(Path.Combine(_tmp.Path, "a"));
        var e = Assert.Throws<ProbeException>(() => new ScratchRoot(_tmp.Path).Resolve(dir));
        Assert.Contains("outside the scratch root", e.Message);
    }

    [Fact]
    public void Absolute_paths_are_refused()
    {
        Assert.Throws<ProbeException>(() => new ScratchRoot(_tmp.Path).Resolve("/etc"));
    }

    [Fact]
    public void A_symlink_pointing_outside_is_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_tmp.Path, "escape"), _outside.Path);
        var e = Assert.Throws<ProbeException>(() => new ScratchRoot(_tmp.Path).Resolve("escape"));
        Assert.Contains("outside the scratch root", e.Message);
    }

    [Fact]
    public void A_batch_outside_the_root_gets_an_error_not_a_run()
    {
        var runner = new BatchRunner(new ScratchRoot(_tmp.Path));
        Assert.Throws<ProbeException>(() => runner.Run(new ProbeRequest { Cmd = "batch", Op = "mkdir", Count = 1, Dir = ".." }));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_outside.Path));
    }

    [Fact]
    public void Cleanup_removes_only_what_the_probe_created_and_never_follows_symlinks()
    {
        string keep = Path.Combine(_tmp.Path, "user-file");
        File.WriteAllText(keep, "mine");
        string outsideFile = Path.Combine(_outside.Path, "precious");
        File.WriteAllText(outsideFile, "precious");

        var scratch = new ScratchRoot(_tmp.Path);
        string session = scratch.CreateSessionDir(scratch.Root);
        Directory.CreateSymbolicLink(Path.Combine(session, "link-out"), _outside.Path);
        Directory.CreateDirectory(Path.Combine(session, "locked"));
        File.SetUnixFileMode(Path.Combine(session, "locked"), UnixFileMode.None);

        scratch.RemoveCreated();

        Assert.False(Directory.Exists(session));
        Assert.True(File.Exists(keep));
        Assert.True(File.Exists(outsideFile));
    }

    [Fact]
    public void A_missing_root_is_refused()
    {
        Assert.Throws<ProbeException>(() => new ScratchRoot(Path.Combine(_tmp.Path, "nope")));
    }
}
