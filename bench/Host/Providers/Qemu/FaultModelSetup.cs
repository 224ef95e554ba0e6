namespace FsBench.Host.Providers.Qemu;

/// <summary>
/// Puts a fault model into a virtiofsd about to start: copies the model file into the run folder (faultmodel/),
/// starts the injection log with its header, records model, file and hash in the provider's manifest settings,
/// and returns virtiofsd's environment (LD_PRELOAD of the library, the model file, the log).
/// </summary>
public static class FaultModelSetup
{
    public static Dictionary<string, string> Prepare(FaultModel model, ProviderContext ctx, string provider, Dictionary<string, string> settings)
    {
        string lib = FaultModel.Library() ?? throw new Study.StudyException($"the fault model library {FaultModel.LibraryName} is not built (./run-bench.sh setup)");
        string dir = FaultModel.RunDir(ctx);
        Directory.CreateDirectory(dir);
        string copy = Path.Combine(dir, provider + ".json");
        File.Copy(model.File, copy, overwrite: true);
        string log = FaultModel.InjectionLog(ctx, provider);
        if (!File.Exists(log)) File.WriteAllText(log, InjectionLogFormat.Header + "\n");   // a restarted provider appends
        string runDir = Path.GetDirectoryName(dir)!;

        settings["fault_model"] = $"{model.Name} (a FAULT MODEL inside virtiofsd: not a measurement of applehv or libkrun)";
        settings["fault_model_file"] = RepositoryRelative(model.File);
        settings["fault_model_sha256"] = model.Sha256();
        settings["fault_model_copy"] = Path.GetRelativePath(runDir, copy);
        settings["fault_model_injections"] = Path.GetRelativePath(runDir, log);
        settings["fault_model_library"] = lib;
        return new Dictionary<string, string>
        {
            ["LD_PRELOAD"] = lib,
            ["FSBENCH_FAULT_MODEL"] = copy,
            ["FSBENCH_FAULT_LOG"] = log,
        };
    }

    private static string RepositoryRelative(string file)
    {
        string? models = FaultModel.ModelsDir();
        string? root = models is null ? null : Path.GetFullPath(Path.Combine(models, "..", "..", ".."));
        return root is null ? file : Path.GetRelativePath(root, file);
    }
}
