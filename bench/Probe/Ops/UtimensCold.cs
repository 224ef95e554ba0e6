namespace FsBench.Probe.Ops;

/// <summary>utimens_cold: utimensat to now of a file the host made in the share just before the batch (see <see cref="ColdOperation"/>).</summary>
public sealed unsafe class UtimensCold : ColdOperation
{
    public override OpInfo Info { get; } = Cold("utimens_cold");
    public override int Run(WorkerContext w, int i) => Utimens.Call(w.Targets[i]);
}
