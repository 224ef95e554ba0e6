namespace FsBench.Probe.Ops;

/// <summary>open_cold: open(O_RDONLY) + close of a file the host made in the share just before the batch (see <see cref="ColdOperation"/>).</summary>
public sealed unsafe class OpenCold : ColdOperation
{
    public override OpInfo Info { get; } = Cold("open_cold");
    public override int Run(WorkerContext w, int i) => OpenExisting.Call(w.Targets[i]);
}
