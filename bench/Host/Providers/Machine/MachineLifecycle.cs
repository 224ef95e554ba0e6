namespace FsBench.Host.Providers.Machine;

/// <summary>
/// Brings the study's machine up and measures what it costs: `init` (which downloads the machine image the
/// first time), the first start (first boot, Ignition), a stop and a warm start. Returns the timings, in seconds.
/// </summary>
public static class MachineLifecycle
{
    public static async Task<Dictionary<string, string>> BringUpAsync(PodmanCli cli, MachineCommands cmds, MachineSettings s, CancellationToken ct)
    {
        var cost = new Dictionary<string, string>();
        var (inspect, _) = await cli.RunAsync(cmds.Inspect(), ct, TimeSpan.FromMinutes(1));
        bool exists = inspect.IsSuccess && MachineInspect.Parse(inspect.StandardOutput).Count > 0;
        bool running = exists && MachineInspect.Parse(inspect.StandardOutput)[0].Running;

        if (s.Managed)
        {
            if (!running) throw new Study.StudyException($"{cmds.Machine} is not running: under mac-study the study starts it (run ./run-bench.sh mac-study)");
            cost["start"] = "by mac-study (timed in its opcost.csv)";
            return cost;
        }
        if (exists && s.Reuse)
        {
            cost[StartupCosts.MachineInit.SettingKey] = "reused";
            if (running) cost[StartupCosts.Stop.SettingKey] = S((await cli.OutputAsync(cmds.Stop(), ct, TimeSpan.FromMinutes(5))).Took);
            cost[StartupCosts.WarmStart.SettingKey] = S((await cli.OutputAsync(cmds.Start(), ct, TimeSpan.FromMinutes(15))).Took);
            return cost;
        }
        if (exists) await cli.OutputAsync(cmds.Remove(), ct, TimeSpan.FromMinutes(5));   // the study's own machine, by its name
        cost[StartupCosts.MachineInit.SettingKey] = S((await cli.OutputAsync(cmds.Init(s), ct, TimeSpan.FromMinutes(30))).Took);
        cost[StartupCosts.FirstStart.SettingKey] = S((await cli.OutputAsync(cmds.Start(), ct, TimeSpan.FromMinutes(15))).Took);
        cost[StartupCosts.Stop.SettingKey] = S((await cli.OutputAsync(cmds.Stop(), ct, TimeSpan.FromMinutes(5))).Took);
        cost[StartupCosts.WarmStart.SettingKey] = S((await cli.OutputAsync(cmds.Start(), ct, TimeSpan.FromMinutes(15))).Took);
        return cost;
    }

    private static string S(TimeSpan t) => PodmanMachineProvider.Seconds(t);
}
