using System.CommandLine;
using System.Text.Json;
using FsBench.Host.Providers.Qemu;

namespace FsBench.Host.Commands;

/// <summary>
/// fsbench reconcile DIR [DIR...]: for every provider instance with a fault model in the run folders, the model's
/// injection log against what the study detected (InjectionReconciliation); writes DIR/faultmodel/reconciliation.json.
/// Exit 0 when every exact check agrees, 1 when one does not, 2 on a folder that is not a run folder.
/// </summary>
public static class ReconcileCommand
{
    public static Command Create()
    {
        var dirs = new Argument<string[]>("dirs") { Arity = ArgumentArity.OneOrMore, Description = "run folders (benchmark or soak)" };
        var cmd = new Command("reconcile", "Set a fault model's injection log against the failures the study detected") { dirs };
        cmd.SetAction(parse =>
        {
            bool agree = true;
            foreach (var dir in parse.GetValue(dirs)!)
            {
                var results = InjectionReconciliation.ForFolder(dir);
                if (results.Count == 0) { Console.WriteLine($"{dir}: no provider with a fault model"); continue; }
                Console.Write(InjectionReconciliation.Table(results));
                Directory.CreateDirectory(Path.Combine(dir, "faultmodel"));
                File.WriteAllText(Path.Combine(dir, "faultmodel", "reconciliation.json"), JsonSerializer.Serialize(
                    results.Select(r => new { r.Provider, r.Model, injected = r.InjectedByKind, r.Agrees,
                        checks = r.Checks.Select(c => new { c.Name, c.Injected, c.Detected, c.Exact, c.UpperBound, c.Agrees, c.Note }) }),
                    new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
                agree &= results.All(r => r.Agrees);
            }
            return agree ? 0 : 1;
        });
        return cmd;
    }
}
