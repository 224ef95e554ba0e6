using System.Globalization;

namespace FsBench.Host.Providers.Machine;

/// <summary>One freeze of a machine's VMM (SIGSTOP to SIGCONT), as recorded.</summary>
public sealed record FreezeWindow(string Machine, DateTime StartUtc, DateTime EndUtc)
{
    public FreezeWindowRow ToRow() => new()
    {
        Machine = Machine, StartUtc = StartUtc.ToString("o", CultureInfo.InvariantCulture), EndUtc = EndUtc.ToString("o", CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Freezes of a podman machine, shared by every process of the study through its workspace: a marker file while a
/// freeze lasts, and freeze-windows.csv with each window once it ends. A frozen krunkit (or AVF VM service) stalls
/// more than the VM: podman's HTTP client to the VMM has no timeout, so `podman machine list/inspect/stop` hang until
/// SIGCONT, and gvproxy's retries stall the ssh/API tunnel that carries the probe channel. So no `podman machine`
/// command starts while a marker exists, and a channel failure inside a window (plus a grace) is the freeze's.
/// </summary>
public static class FreezeLedger
{
    public static string CsvPath(string dir) => Path.Combine(dir, RunFolderLayout.FreezeWindowsFile);
    private static string Marker(string dir, string machine) => Path.Combine(dir, $".freeze-{machine}");

    /// <summary>Written before the SIGSTOP, so no machine command can start between the two.</summary>
    public static void Begin(string dir, string machine)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Marker(dir, machine), DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture));
    }

    /// <summary>After the SIGCONT: the window goes to freeze-windows.csv and the marker is removed.</summary>
    public static FreezeWindow? End(string dir, string machine)
    {
        string marker = Marker(dir, machine);
        if (!File.Exists(marker)) return null;
        var start = DateTime.Parse(File.ReadAllText(marker).Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var w = new FreezeWindow(machine, start, DateTime.UtcNow);
        RunFormatCsv.Append(CsvPath(dir), w.ToRow());
        File.Delete(marker);
        return w;
    }

    /// <summary>The freeze did not happen (the signal failed): the marker goes, no window is recorded.</summary>
    public static void Abandon(string dir, string machine) => File.Delete(Marker(dir, machine));

    /// <summary>The machines frozen now.</summary>
    public static List<string> Frozen(string dir) =>
        Directory.Exists(dir) ? Directory.GetFiles(dir, ".freeze-*").Select(f => Path.GetFileName(f)[".freeze-".Length..]).ToList() : [];

    /// <summary>Waits until no machine is frozen (at most <paramref name="limit"/>), saying once what it waits for.</summary>
    public static async Task WaitUntilThawedAsync(string dir, TimeSpan limit, Action<string>? say, CancellationToken ct)
    {
        var until = DateTime.UtcNow + limit;
        bool said = false;
        while (Frozen(dir) is { Count: > 0 } frozen)
        {
            if (!said) say?.Invoke($"waiting for the freeze of {string.Join(",", frozen)} to end before any podman machine command (it would hang until SIGCONT)");
            said = true;
            if (DateTime.UtcNow > until)
                throw new Study.StudyException($"{string.Join(",", frozen)} still frozen after {limit.TotalMinutes:0} min ({dir}/.freeze-*): thaw it (fault command) or remove the marker");
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }

    public static List<FreezeWindow> Read(string dir)
    {
        return RunFormatCsv.ReadIfPresent<FreezeWindowRow>(CsvPath(dir)).Select(r => new FreezeWindow(r.Machine, Parse(r.StartUtc), Parse(r.EndUtc))).ToList();
    }

    /// <summary>The window a failure at <paramref name="utc"/> belongs to (inside it, or within the grace after the thaw), or null.</summary>
    public static FreezeWindow? Covering(IEnumerable<FreezeWindow> windows, DateTime utc, TimeSpan grace) =>
        windows.FirstOrDefault(w => utc >= w.StartUtc && utc <= w.EndUtc + grace);

    private static DateTime Parse(string s) => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
