using System.Diagnostics;

namespace FsBench.Host.Study;

/// <summary>
/// cycles.csv: every start and stop of an exclusive provider around its cases in a repetition, and of a guest booted
/// anew for a repetition (--fresh-guest), timed (operational cost: what switching between one-at-a-time podman
/// machines, or a boot per repetition, costs). One row per action.
/// </summary>
public static class ProviderCycles
{
    public const string FileName = RunFolderLayout.CyclesFile;

    /// <summary>Runs <paramref name="action"/>, appends its row (also when it fails) and rethrows a failure.</summary>
    public static async Task TimeAsync(RunFolder folder, int repetition, string provider, string actionName, Func<Task> action)
    {
        string path = Path.Combine(folder.Dir, FileName);
        var clock = Stopwatch.StartNew();
        string? error = null;
        try { await action(); }
        catch (Exception e) { error = e.Message; throw; }
        finally
        {
            RunFormatCsv.Append(path, new CycleRow
            {
                Utc = DateTime.UtcNow.ToString("o"), Repetition = repetition + 1, Provider = provider, Action = actionName,
                Seconds = Math.Round(clock.Elapsed.TotalSeconds, 3), Ok = error is null, Error = error?.ReplaceLineEndings(" ") ?? "",
            });
        }
    }
}
