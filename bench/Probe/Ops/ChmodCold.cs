namespace FsBench.Probe.Ops;

/// <summary>chmod_cold: chmod to 0600 of a file the host made in the share just before the batch (see <see cref="ColdOperation"/>).</summary>
public sealed unsafe class ChmodCold : ColdOperation
{
    public override OpInfo Info { get; } = Cold("chmod_cold");
    public override int Run(WorkerContext w, int i) => Chmod.Call(w.Targets[i]);
}
