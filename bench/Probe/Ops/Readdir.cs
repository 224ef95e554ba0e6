using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>readdir: one op lists a whole directory of <see cref="Entries"/> files (opendir, readdir to the end, closedir).</summary>
public sealed unsafe class Readdir : IOperation
{
    public const int Entries = 64;
    public OpInfo Info { get; } = OpInfo.Of("readdir");
    public void Prepare(WorkerContext w)
    {
        w.Shared = w.One("rd");
        Fs.MkdirAll(w.Shared, w.Prep);
        var entries = new string[Entries];
        for (int i = 0; i < Entries; i++) entries[i] = $"{w.Shared.Text(0)}/e{i}";
        w.Fixtures = new Libc.EncodedPaths(entries);   // untimed: the directory's content
        Fs.CreateAll(w.Fixtures, w.Prep);
    }
    public int Run(WorkerContext w, int i) => TimedCalls.ListToEnd(w.Shared[0]);
    public void Cleanup(WorkerContext w) { Fs.UnlinkAll(w.Fixtures); Fs.RmdirAll(w.Shared); }
}
