using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>statx (lstat semantics) of an existing file: a different file each time, as mdtest's stat phase.</summary>
public sealed unsafe class Stat() : ExistingFileOperation("st")
{
    public override OpInfo Info { get; } = OpInfo.Of("stat");
    public override int Run(WorkerContext w, int i) => Call(w.Targets[i]);

    /// <summary>The timed call: 0 or errno.</summary>
    public static int Call(byte* path)
    {
        StatxBuf buf;
        return TimedCalls.Check(TimedCalls.Statx(Native.AT_FDCWD, path, Native.AT_SYMLINK_NOFOLLOW, Native.STATX_BASIC_STATS, &buf));
    }
}
