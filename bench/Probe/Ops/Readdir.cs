using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>readdir: one op lists a whole directory of <see cref="Entries"/> files (opendir, readdir to the end, closedir).</summary>
public sealed class Readdir : IOperation
{
    public const int Entries = 64;
    public string Name => "readdir";
    public void Prepare(WorkerContext w)
    {
        w.One = w.Fixture("rd");
        Native.Mkdir(w.One, 0x1ed);
        w.A = new string[Entries];
        for (int i = 0; i < Entries; i++) w.A[i] = $"{w.One}/e{i}";
        Fs.CreateAll(w.A);
    }
    public int Run(WorkerContext w, int i) => Fs.ListToEnd(w.One);
    public void Cleanup(WorkerContext w) { Fs.UnlinkAll(w.A); Native.Rmdir(w.One); }
}
