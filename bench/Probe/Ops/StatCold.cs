namespace FsBench.Probe.Ops;

/// <summary>stat_cold: statx (lstat semantics) of a file the host made in the share just before the batch (see <see cref="ColdOperation"/>).</summary>
public sealed unsafe class StatCold : ColdOperation
{
    public override OpInfo Info { get; } = Cold("stat_cold");
    public override int Run(WorkerContext w, int i) => Stat.Call(w.Targets[i]);
}
