namespace FsBench.Probe.Soak;

/// <summary>
/// One action of the soak's agent-like mix: what a coding agent's tools do to a workspace, possibly several
/// calls (write a file, save by rename, link an object as git does). Timed as a whole. Returns 0 or the errno
/// of the first call that failed; never throws. One file per action in Actions/, listed in <see cref="MixCatalog"/>.
/// </summary>
public interface IMixAction
{
    string Name { get; }
    int Run(MixWorker w);
}
