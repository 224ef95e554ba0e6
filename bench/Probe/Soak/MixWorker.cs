
namespace FsBench.Probe.Soak;

/// <summary>
/// One soak worker's workspace, kept across windows: its directory, a ring of file slots it believes exist
/// (a file it created and did not remove: ENOENT on one is a real incoherence, not a test artefact), its random source.
/// </summary>
public sealed class MixWorker
{
    public const int Slots = 64;
    private static readonly byte[] Payload = Enumerable.Range(0, 4096).Select(i => (byte)('a' + i % 26)).ToArray();

    public MixWorker(string dir, int index, int seed)
    {
        Dir = dir;
        Index = index;
        Random = new Random(seed);
        Directory.CreateDirectory(dir);
        Directory.CreateDirectory(ObjectsDir);
    }

    public string Dir { get; }
    public int Index { get; }
    public Random Random { get; }
    public bool[] Exists { get; } = new bool[Slots];
    public string ObjectsDir => $"{Dir}/objects";
    /// <summary>The path the last action worked on (for failure records).</summary>
    public string LastPath { get; set; } = "";
    private long _counter;

    public string Slot(int s) => $"{Dir}/f{s}";
    public int RandomSlot() => Random.Next(Slots);
    public string NextTemp(string dir) => $"{dir}/.tmp-{Index}-{_counter++}";

    /// <summary>A slot whose file exists, or -1 when the worker has none yet.</summary>
    public int RandomExisting()
    {
        int start = Random.Next(Slots);
        for (int k = 0; k < Slots; k++)
            if (Exists[(start + k) % Slots]) return (start + k) % Slots;
        return -1;
    }

    /// <summary>
    /// The worker's steady state, made before the load: its <see cref="Slots"/> files, its objects and its 4×4×4 tree exist,
    /// as they would after a long soak. The guest then knows every inode of the working set before the first window, so
    /// the file server's table of them (virtiofsd holds one descriptor per inode the guest knows) is full before the load,
    /// and what grows during the load is not the working set filling up. Failures are counted by errno (the slot stays
    /// absent), never thrown.
    /// </summary>
    public (int Made, Dictionary<string, long> Failed) Prepare()
    {
        var failed = new Dictionary<string, long>();
        int made = 0;
        void Count(int errno)
        {
            if (errno == 0) made++;
            else failed[ErrnoNames.Name(errno)] = failed.GetValueOrDefault(ErrnoNames.Name(errno)) + 1;
        }
        for (int s = 0; s < Slots; s++)
        {
            int e = WriteFile(Slot(s), Native.O_CREAT | Native.O_TRUNC);
            if (e == 0) Exists[s] = true;
            Count(e);
            Count(WriteFile($"{ObjectsDir}/o{s}", Native.O_CREAT | Native.O_TRUNC));
        }
        foreach (string dir in TreeDirs()) Count(Native.Check(Native.Mkdir(dir, 0x1ed)) is var e && e == 17 ? 0 : e);   // EEXIST: already there
        return (made, failed);
    }

    /// <summary>The tree mkdir_p works in: tree, tree/aI, tree/aI/bJ, tree/aI/bJ/cK (I, J, K in 0..3), parents first.</summary>
    public IEnumerable<string> TreeDirs()
    {
        string tree = $"{Dir}/tree";
        yield return tree;
        for (int i = 0; i < 4; i++)
        {
            yield return $"{tree}/a{i}";
            for (int j = 0; j < 4; j++)
            {
                yield return $"{tree}/a{i}/b{j}";
                for (int k = 0; k < 4; k++) yield return $"{tree}/a{i}/b{j}/c{k}";
            }
        }
    }

    /// <summary>open(flags), write 512 B to 4 KiB, close: 0 or the errno of the first failing call.</summary>
    public unsafe int WriteFile(string path, int flags)
    {
        LastPath = path;
        int fd = Native.Open(path, flags | Native.O_WRONLY | Native.O_CLOEXEC, 0x1a4);
        if (fd < 0) return Native.Errno;
        int size = 512 * (1 + Random.Next(8));
        int errno = 0;
        fixed (byte* p = Payload)
            if (Native.Write(fd, p, (nuint)size) < 0) errno = Native.Errno;
        if (Native.Close(fd) != 0 && errno == 0) errno = Native.Errno;
        return errno;
    }
}
