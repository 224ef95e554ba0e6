using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>statx (lstat semantics) of an existing file.</summary>
public sealed unsafe class Stat : IOperation
{
    public string Name => "stat";
    public void Prepare(WorkerContext w) { w.One = w.Fixture("stat"); Fs.CreateFile(w.One); }
    public int Run(WorkerContext w, int i)
    {
        StatxBuf buf;
        return Native.Check(Native.Statx(Native.AT_FDCWD, w.One, Native.AT_SYMLINK_NOFOLLOW, Native.STATX_BASIC_STATS, &buf));
    }
    public void Cleanup(WorkerContext w) => Native.Unlink(w.One);
}
