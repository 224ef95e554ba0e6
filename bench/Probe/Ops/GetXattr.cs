using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>getxattr of a user.* attribute that exists.</summary>
public sealed unsafe class GetXattr : IOperation
{
    public string Name => "getxattr";
    public void Prepare(WorkerContext w)
    {
        w.One = w.Fixture("gx");
        Fs.CreateFile(w.One);
        Fs.SetXattr(w.One, Xattrs.Name, Xattrs.Value);
    }
    public int Run(WorkerContext w, int i)
    {
        byte* buf = stackalloc byte[64];
        return Native.Check(Native.GetXattr(w.One, Xattrs.Name, buf, 64));
    }
    public void Cleanup(WorkerContext w) => Native.Unlink(w.One);
}

internal static class Xattrs
{
    public const string Name = "user.fsbench";
    public static ReadOnlySpan<byte> Value => "fsbench-value-16"u8;
    public static readonly string[] Names = ["user.fsbench.a", "user.fsbench.b", "user.fsbench.c", "user.fsbench.d"];
}
