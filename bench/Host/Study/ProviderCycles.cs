using System.Diagnostics;
using System.Globalization;

namespace FsBench.Host.Study;

/// <summary>
/// cycles.csv: every start and stop of an exclusive provider around its cases in a repetition, timed (operational
/// cost: what switching between one-at-a-time podman machines costs). One row per action.
/// </summary>
public static class ProviderCycles
{
    public const string FileName = "cycles.csv";
    public const string Header = "utc,repetition,provider,action,seconds,ok,error";

    /// <summary>Runs <paramref name="action"/>, appends its row (also when it fails) and rethrows a failure.</summary>
    public static async Task TimeAsync(RunFolder folder, int repetition, string provider, string actionName, Func<Task> action)
    {
        string path = Path.Combine(folder.Dir, FileName);
        if (!File.Exists(path)) await File.WriteAllTextAsync(path, Header + "\n");
        var clock = Stopwatch.StartNew();
        string? error = null;
        try { await action(); }
        catch (Exception e) { error = e.Message; throw; }
        finally
        {
            string row = string.Join(",", DateTime.UtcNow.ToString("o"), (repetition + 1).ToString(CultureInfo.InvariantCulture), provider, actionName,
                clock.Elapsed.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture), error is null ? "true" : "false",
                error is null ? "" : $"\"{error.Replace("\"", "'").ReplaceLineEndings(" ")}\"");
            await File.AppendAllTextAsync(path, row + "\n");
        }
    }
}
