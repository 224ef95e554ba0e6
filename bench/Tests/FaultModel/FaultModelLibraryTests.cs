using static FsBench.Tests.FaultModel.FaultModelDriver;

namespace FsBench.Tests.FaultModel;

/// <summary>
/// Each behaviour of the fault model library (bench/faultmodel), preloaded into a program that calls libc as virtiofsd
/// does: it fails where the model says, performs the operation where the published bug "fails but does it anyway",
/// logs every injection (kind, errno, path), and passes everything through when the behaviour is off.
/// </summary>
public sealed class FaultModelLibraryTests(FaultModelDriver driver) : TempDirTest, IClassFixture<FaultModelDriver>
{
    private string NewDir()
    {
        string d = Path.Combine(Tmp.Path, "d" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(d);
        return d;
    }

    [RequiresFact("faultmodel")]
    public void Mkdir_with_mode_0_answers_EACCES_and_creates_the_directory()
    {
        string d = NewDir();
        var (lines, log) = driver.Run(d, Model("mkdir_mode0", "\"rate\": 1.0"), "mkdir", "zero", "0", "mkdir", "normal", "755");
        Assert.Equal(["EACCES", "ok"], lines);
        Assert.True(Directory.Exists(Path.Combine(d, "zero")), "FB16008360: the directory is created anyway");
        var i = Assert.Single(log);
        Assert.Equal(("mkdir_mode0", 13), (i.Kind, i.Errno));
        Assert.EndsWith("/zero", i.Path);
    }

    [RequiresFact("faultmodel")]
    public void Exclusive_create_with_a_listed_mode_answers_EACCES_and_leaves_the_file()
    {
        string d = NewDir();
        var (lines, log) = driver.Run(d, Model("create_excl", "\"rate\": 1.0, \"modes\": [\"0000\", \"0444\"]"),
            "create", "a", "0", "create", "b", "444", "create", "c", "200", "create", "d", "644");
        Assert.Equal(["EACCES", "EACCES", "ok", "ok"], lines);
        foreach (var f in "abcd") Assert.True(File.Exists(Path.Combine(d, f.ToString())), $"{f} exists");
        Assert.Equal(["create_excl", "create_excl"], log.Select(l => l.Kind));
        Assert.All(log, l => Assert.Equal(13, l.Errno));
    }

    [RequiresFact("faultmodel")]
    public void After_link_the_link_count_reads_stale_for_the_configured_time()
    {
        string d = NewDir();
        File.WriteAllText(Path.Combine(d, "f"), "x");
        var (lines, log) = driver.Run(d, Model("nlink_stale_after_link", "\"rate\": 1.0, \"ms\": 1500"),
            "link", "f", "g", "nlink", "f", "nlink", "g", "sleep", "1700", "nlink", "f");
        Assert.Equal(["ok", "1", "1", "ok", "2"], lines);
        Assert.Equal(2, log.Count(l => l.Kind == "nlink_stale"));
    }

    [RequiresFact("faultmodel")]
    public void Opening_a_file_with_more_than_one_link_answers_EACCES()
    {
        string d = NewDir();
        File.WriteAllText(Path.Combine(d, "f"), "x");
        File.WriteAllText(Path.Combine(d, "single"), "x");
        var (lines, log) = driver.Run(d, Model("open_multilink", "\"rate\": 1.0"), "open", "f", "link", "f", "g", "open", "f", "open", "single");
        Assert.Equal(["ok", "ok", "EACCES", "ok"], lines);
        Assert.Equal("open_multilink", Assert.Single(log).Kind);
    }

    [RequiresFact("faultmodel")]
    public void A_hard_link_to_a_fresh_symlink_answers_EIO_and_is_created()
    {
        string d = NewDir();
        var (lines, log) = driver.Run(d, Model("link_fresh_symlink", "\"rate\": 1.0"), "symlink", "foo", "bar", "link", "bar", "baz");
        Assert.Equal(["ok", "EIO"], lines);
        Assert.Equal("foo", new FileInfo(Path.Combine(d, "baz")).LinkTarget);
        Assert.Equal(("link_fresh_symlink", 5), (Assert.Single(log).Kind, log[0].Errno));
    }

    [RequiresFact("faultmodel")]
    public void Setxattr_on_a_0444_file_answers_EPERM_and_on_0644_succeeds()
    {
        string d = NewDir();
        File.WriteAllText(Path.Combine(d, "ro"), "x");
        File.SetUnixFileMode(Path.Combine(d, "ro"), UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.WriteAllText(Path.Combine(d, "rw"), "x");
        var (lines, log) = driver.Run(d, Model("setxattr_readonly", "\"rate\": 1.0"), "setxattr", "ro", "setxattr", "rw");
        Assert.Equal("EPERM", lines[0]);
        Assert.NotEqual("EPERM", lines[1]);   // ok, or EOPNOTSUPP where /tmp has no user xattrs
        Assert.Equal("setxattr_readonly", Assert.Single(log).Kind);
    }

    [RequiresFact("faultmodel")]
    public void Unlink_of_a_0444_object_right_after_link_answers_EPERM_as_in_gits_object_write()
    {
        string d = NewDir();
        var (lines, log) = driver.Run(d, Model("unlink_readonly_after_link", "\"rate\": 1.0, \"ms\": 2000"),
            "create", "tmp_obj", "444", "link", "tmp_obj", "obj", "unlink", "tmp_obj", "create", "plain", "644", "unlink", "plain");
        Assert.Equal(["ok", "ok", "EPERM", "ok", "ok"], lines);
        Assert.True(File.Exists(Path.Combine(d, "tmp_obj")), "the temporary stays");
        Assert.Equal("unlink_readonly_after_link", Assert.Single(log).Kind);
    }

    [RequiresFact("faultmodel")]
    public void Spurious_ENOENT_on_open_follows_its_rate_and_the_seed_repeats_it()
    {
        string d = NewDir();
        File.WriteAllText(Path.Combine(d, "f"), "x");
        var opens = Enumerable.Repeat(new[] { "open", "f" }, 2000).SelectMany(x => x).ToArray();
        var (a, logA) = driver.Run(d, Model("spurious_enoent_open", "\"rate\": 0.05", seed: 11), opens);
        var (b, _) = driver.Run(d, Model("spurious_enoent_open", "\"rate\": 0.05", seed: 11), opens);
        int failed = a.Count(l => l == "ENOENT");
        Assert.InRange(failed, 60, 145);   // binomial(2000, 0.05): mean 100, sd 9.7; the bounds are > 4 sd
        Assert.Equal(failed, logA.Count(l => l.Kind == "spurious_enoent_open"));
        Assert.Equal(a, b);                 // one seed, one sequence (single-threaded)
        Assert.Equal(2000 - failed, a.Count(l => l == "ok"));
    }

    [RequiresFact("faultmodel")]
    public void One_descriptor_leaks_every_N_lookups_and_lookups_still_succeed()
    {
        string d = NewDir();
        File.WriteAllText(Path.Combine(d, "f"), "x");
        var (lines, log) = driver.Run(d, Model("fd_leak", "\"every\": 25"), "fds", "lookups", "500", "f", "fds");
        Assert.Equal("0", lines[1]);
        Assert.Equal(20, int.Parse(lines[2]) - int.Parse(lines[0]));
        Assert.Equal(20, log.Count(l => l.Kind == "fd_leak"));
    }

    [RequiresFact("faultmodel")]
    public void A_stall_holds_the_request_for_its_duration()
    {
        string d = NewDir();
        File.WriteAllText(Path.Combine(d, "f"), "x");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (lines, log) = driver.Run(d, Model("stall", "\"rate\": 1.0, \"ms\": 400"), "lookup", "f", "lookup", "f");
        Assert.Equal(["ok", "ok"], lines);
        Assert.True(clock.ElapsedMilliseconds >= 800, $"two held lookups took {clock.ElapsedMilliseconds} ms");
        Assert.Equal(2, log.Count(l => l.Kind == "stall"));
    }

    [RequiresFact("faultmodel")]
    public void After_a_freeze_longer_than_T_opens_fail_for_W_and_a_short_freeze_changes_nothing()
    {
        string d = NewDir();
        File.WriteAllText(Path.Combine(d, "f"), "x");
        var (lines, log) = driver.Run(d, Model("post_freeze", "\"rate\": 1.0, \"after_ms\": 500, \"ms\": 1000"),
            "raise", "usr1", "sleep", "100", "raise", "usr2", "open", "f",            // a 0.1 s freeze: nothing
            "raise", "usr1", "sleep", "700", "raise", "usr2", "lookup", "f", "open", "f", "xopen", "f",   // 0.7 s: opens fail
            "sleep", "1200", "open", "f");                                            // and succeed again after 1 s
        Assert.Equal(["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ENOENT", "ok", "ok", "ok"], lines);
        Assert.Equal("post_freeze_open", Assert.Single(log).Kind);   // lookups (retried by the guest) and xattr opens (absorbed by it) are left alone
    }

    [RequiresFact("faultmodel")]
    public void With_lookups_on_the_post_freeze_window_fails_lookups_too()
    {
        string d = NewDir();
        File.WriteAllText(Path.Combine(d, "f"), "x");
        var (lines, log) = driver.Run(d, Model("post_freeze", "\"rate\": 1.0, \"after_ms\": 500, \"ms\": 1000, \"lookups\": 1, \"errno\": 5"),
            "raise", "usr1", "sleep", "700", "raise", "usr2", "lookup", "f", "sleep", "1200", "lookup", "f");
        Assert.Equal(["ok", "ok", "ok", "EIO", "ok", "ok"], lines);
        Assert.Equal(("post_freeze_lookup", 5), (Assert.Single(log).Kind, log[0].Errno));
    }

    [RequiresFact("faultmodel")]
    public void Opens_for_xattr_requests_are_left_alone_as_the_guest_absorbs_their_failure()
    {
        string d = NewDir();
        File.WriteAllText(Path.Combine(d, "f"), "x");
        var (lines, log) = driver.Run(d, Model("spurious_enoent_open", "\"rate\": 1.0"), "xopen", "f", "open", "f");
        Assert.Equal(["ok", "ENOENT"], lines);
        Assert.Equal("spurious_enoent_open", Assert.Single(log).Kind);
    }

    [RequiresFact("faultmodel")]
    public void Chmod_of_the_share_root_answers_EPERM_and_elsewhere_succeeds()
    {
        string d = NewDir();
        File.WriteAllText(Path.Combine(d, "f"), "x");
        var (lines, log) = driver.Run(d, Model("chmod_share_root", "\"rate\": 1.0"), $"source={d}", "chmod", ".", "700", "chmod", "f", "600");
        Assert.Equal(["EPERM", "ok"], lines);
        Assert.Equal(("chmod_share_root", 1), (Assert.Single(log).Kind, log[0].Errno));
    }

    [RequiresFact("faultmodel")]
    public void The_none_model_passes_every_call_through()
    {
        string d = NewDir();
        File.WriteAllText(Path.Combine(d, "f"), "x");
        string none = File.ReadAllText(Path.Combine(Requirements.RepoRoot, "bench/faultmodel/models/none.json"));
        var (lines, log) = driver.Run(d, none, "mkdir", "z", "0", "create", "x", "444", "link", "f", "g", "nlink", "f", "open", "f",
            "symlink", "foo", "s", "link", "s", "h", "lookups", "300", "f");
        Assert.Equal(["ok", "ok", "ok", "2", "ok", "ok", "ok", "0"], lines);
        Assert.Empty(log);
    }
}
