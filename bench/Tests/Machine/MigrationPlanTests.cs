using FsBench.Host.Providers.Machine;

namespace FsBench.Tests.Machine;

/// <summary>The plan that moves a user's applehv machine to libkrun: what is carried over, and how.</summary>
public sealed class MigrationPlanTests
{
    private static readonly MachineListEntry Old = new("podman-machine-default", "applehv", Default: true, Running: true, Starting: false,
        Cpus: 4, MemoryBytes: 8L << 30, DiskBytes: 100L << 30);
    private static readonly MachineInventory Stuff = new(["docker.io/library/postgres:16", "localhost/app:dev"], ["pgdata"], Containers: 3);

    private static List<MigrationStep> Plan(string podman, MachineInventory? inv = null, MachineListEntry? m = null) =>
        MigrationPlan.ForMachine(m ?? Old, inv ?? Stuff, "libkrun", PodmanVersion.Parse(podman)!, "/Users/me/fsbench-migrate");

    private static List<string> Args(List<MigrationStep> plan, string why) => plan.First(s => s.Why.Contains(why)).Command!.Args;

    [Fact]
    public void Images_and_volumes_are_saved_from_the_old_machine_and_loaded_into_the_new()
    {
        var plan = Plan("5.4.0");
        Assert.Equal(["--connection", "podman-machine-default", "save", "-m", "-o", "/Users/me/fsbench-migrate/podman-machine-default-images.tar",
            "docker.io/library/postgres:16", "localhost/app:dev"], Args(plan, "save"));
        Assert.Equal(["--connection", "podman-machine-default", "volume", "export", "pgdata", "-o", "/Users/me/fsbench-migrate/podman-machine-default-volume-pgdata.tar"],
            Args(plan, "export volume"));
        Assert.Equal(["--connection", "podman-machine-default-libkrun", "load", "-i", "/Users/me/fsbench-migrate/podman-machine-default-images.tar"], Args(plan, "load"));
        Assert.Equal("import", Args(plan, "import volume pgdata")[3]);
        Assert.Contains(plan, s => s.Why.Contains("3 container(s) do not move"));
    }

    [Fact]
    public void The_new_machine_keeps_the_old_ones_size_and_becomes_the_default()
    {
        var plan = Plan("5.4.0");
        var init = plan.First(s => s.Why.StartsWith("create")).Command!;
        Assert.Equal(["machine", "init", "--cpus", "4", "--memory", "8192", "--disk-size", "100", "podman-machine-default-libkrun"], init.Args);
        Assert.Equal("libkrun", init.Env[MachineCommands.ProviderVar]);
        Assert.Equal(["system", "connection", "default", "podman-machine-default-libkrun"], Args(plan, "default connection"));
        var stopOld = plan.First(s => s.Why.StartsWith("stop the old")).Command!;
        Assert.Equal("applehv", stopOld.Env[MachineCommands.ProviderVar]);   // Podman 5 only sees a machine under its own provider
    }

    [Fact]
    public void On_podman_6_the_new_machine_is_made_with_the_provider_flag()
    {
        var init = Plan("6.0.2").First(s => s.Why.StartsWith("create")).Command!;
        Assert.Equal(["machine", "init", "--provider", "libkrun"], init.Args.Take(4));
    }

    [Fact]
    public void Removing_the_old_machine_is_the_last_step_and_marked_destructive()
    {
        var last = Plan("5.4.0")[^1];
        Assert.True(last.Destructive);
        Assert.Equal(["machine", "rm", "--force", "podman-machine-default"], last.Command!.Args);
        Assert.Single(Plan("5.4.0"), s => s.Destructive);
    }

    [Fact]
    public void A_stopped_machine_is_started_first_and_its_contents_listed_at_run_time()
    {
        var plan = MigrationPlan.ForMachine(Old with { Running = false }, null, "libkrun", PodmanVersion.Parse("5.4.0")!, "/tmp/m");
        Assert.Equal(["machine", "start", "--no-info", "podman-machine-default"], plan[0].Command!.Args);
        var save = plan.First(s => s.Why.StartsWith("save"));
        Assert.Null(save.Command);
        Assert.Contains("images --format", save.Display);
    }

    [Fact]
    public void A_rootful_machine_is_saved_from_its_root_connection_and_recreated_rootful()
    {
        // The inspect fixture is a real rootful applehv machine; the connection list is podman's documented one.
        var inspected = Assert.Single(MachineInspect.Parse(Support.Fixture.Read("podman-machine-inspect-applehv.json")));
        string? defaultConn = ConnectionList.DefaultName(Support.Fixture.Read("podman-system-connection-list-doc.json"));
        Assert.Equal("podman-machine-default", defaultConn);
        var m = Old with { Default = false };   // machine list's Default compares the name with the default connection
        var plan = MigrationPlan.ForMachine(m, Stuff, "libkrun", PodmanVersion.Parse("6.0.0")!, "/x", inspected.Rootful, "podman-machine-default-root");
        Assert.Equal("--connection", Args(plan, "save")[0]);
        Assert.Equal("podman-machine-default-root", Args(plan, "save")[1]);
        Assert.Equal("podman-machine-default-root", Args(plan, "export volume")[1]);
        var init = Args(plan, "create");
        Assert.Contains("--rootful", init);
        Assert.Equal("podman-machine-default-libkrun", init[^1]);
        Assert.Equal("podman-machine-default-libkrun-root", Args(plan, "load")[1]);
        Assert.Equal(["system", "connection", "default", "podman-machine-default-libkrun-root"], Args(plan, "default connection"));
    }

    [Fact]
    public void A_rootless_default_matched_by_connection_name_stays_rootless()
    {
        var plan = MigrationPlan.ForMachine(Old with { Default = false }, Stuff, "libkrun", PodmanVersion.Parse("5.4.0")!, "/x", false, "podman-machine-default");
        Assert.DoesNotContain("--rootful", Args(plan, "create"));
        Assert.Equal(["system", "connection", "default", "podman-machine-default-libkrun"], Args(plan, "default connection"));
    }

    [Theory]
    [InlineData("my-very-long-development-machine")]
    [InlineData("my-very-long-development-machine-2")]
    [InlineData("podman-machine-default-arm64")]
    public void Names_over_thirty_characters_are_shortened_to_valid_distinct_names(string name)
    {
        string fresh = MigrationPlan.NewName(name, "libkrun");
        Assert.True(fresh.Length <= MachineCommands.MaxNameLength, fresh);
        Assert.EndsWith("-libkrun", fresh);
        Assert.Matches("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$", fresh);
        Assert.NotEqual(MigrationPlan.NewName(name + "x", "libkrun"), fresh);
    }

    [Fact]
    public void Short_names_keep_the_plain_suffix()
        => Assert.Equal("podman-machine-default-libkrun", MigrationPlan.NewName("podman-machine-default", "libkrun"));
}
