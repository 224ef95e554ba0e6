using System.Diagnostics;
using FsBench.Host.Study;
using FsBench.Tests.Support;

namespace FsBench.Tests.Host;

/// <summary>A run's scratch goes at its end; a killed run's goes with the next run, and only directories provably a run's own.</summary>
public sealed class RunScratchTests : TempDirTest
{
    private string Root => Path.Combine(Tmp.Path, "scratch");

    /// <summary>A scratch directory as a run of the given process left it, with its files (a mode-0 directory among them).</summary>
    private string Left(string name, string ownerRunId, int pid, DateTime started)
    {
        string dir = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.Combine(dir, "qemu-virtiofs", "fsprobe-1-abc-0", "w0"));
        File.WriteAllText(Path.Combine(dir, "qemu-virtiofs", "fsprobe-1-abc-0", "w0", "f1"), "x");
        File.SetUnixFileMode(Path.Combine(dir, "qemu-virtiofs", "fsprobe-1-abc-0", "w0"), UnixFileMode.None);
        File.WriteAllText(Path.Combine(dir, RunScratch.OwnerFile),
            $$"""{"run_id":"{{ownerRunId}}","pid":{{pid}},"process_start_utc":"{{started:O}}"}""");
        return dir;
    }

    private static int DeadPid()
    {
        using var p = Process.Start(new ProcessStartInfo("true"))!;
        p.WaitForExit();
        return p.Id;
    }

    [Fact]
    public void A_run_removes_its_own_scratch_at_its_end_and_nothing_that_is_not_its_own()
    {
        string dir = RunScratch.Claim(Root, "20261201-230000-vm-smoke");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(dir, "local")).FullName, "f"), "");
        string unowned = Directory.CreateDirectory(Path.Combine(Root, "study")).FullName;

        RunScratch.Remove(Root, "20261201-230000-vm-smoke");
        RunScratch.Remove(Root, "study");

        Assert.False(Directory.Exists(dir));
        Assert.True(Directory.Exists(unowned));
    }

    [Fact]
    public void The_next_run_removes_only_scratch_of_runs_whose_process_is_gone()
    {
        using var self = Process.GetCurrentProcess();
        string outside = Directory.CreateDirectory(Path.Combine(Tmp.Path, "outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "keep"), "");
        string dead = Left("20261201-220000-vm-smoke", "20261201-220000-vm-smoke", DeadPid(), DateTime.UtcNow);
        File.CreateSymbolicLink(Path.Combine(dead, "link"), outside);
        string reused = Left("soak-a", "soak-a", self.Id, self.StartTime.ToUniversalTime().AddHours(-1));   // our PID, another process's start
        string live = RunScratch.Claim(Root, "running-now");
        string renamed = Left("copied", "someone-else", DeadPid(), DateTime.UtcNow);                        // the owner file names another dir
        string foreign = Directory.CreateDirectory(Path.Combine(Root, "20261201-210000-vm-smoke")).FullName;  // run-id-like name, no owner file

        var removed = RunScratch.RemoveLeftovers(Root);

        Assert.Equal(new[] { dead, reused }.Order(), removed.Order());
        Assert.False(Directory.Exists(dead));
        Assert.False(Directory.Exists(reused));
        Assert.True(File.Exists(Path.Combine(outside, "keep")));        // the symlink went, not what it points to
        Assert.True(Directory.Exists(live));
        Assert.True(Directory.Exists(renamed));
        Assert.True(Directory.Exists(foreign));
        File.SetUnixFileMode(Path.Combine(renamed, "qemu-virtiofs", "fsprobe-1-abc-0", "w0"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>
    /// Two rehearsals both name their study folder `study`: the second must not measure in the first's scratch, and the one
    /// that ends first must not remove the other's (that lost 16 cases of a rehearsal on 2026-12-02: "cannot create
    /// /mnt/share/fsprobe-338-97baf-0: ENOENT").
    /// </summary>
    [Fact]
    public void A_scratch_that_a_live_run_owns_is_neither_claimed_again_nor_removed_by_another_process()
    {
        using var sleeper = Process.Start(new ProcessStartInfo("sleep", ["60"]))!;
        try
        {
            string other = Left("study", "study", sleeper.Id, sleeper.StartTime.ToUniversalTime());

            var e = Assert.Throws<StudyException>(() => RunScratch.Claim(Root, "study"));
            Assert.Contains($"process {sleeper.Id}", e.Message);
            RunScratch.Remove(Root, "study");

            Assert.True(File.Exists(Path.Combine(other, RunScratch.OwnerFile)));
            Assert.Empty(RunScratch.RemoveLeftovers(Root));
        }
        finally
        {
            sleeper.Kill();
            sleeper.WaitForExit();
            File.SetUnixFileMode(Path.Combine(Root, "study", "qemu-virtiofs", "fsprobe-1-abc-0", "w0"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
