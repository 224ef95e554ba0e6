using System.Text;
using FsBench.Protocol;

namespace FsBench.Host.Coherence;

/// <summary>
/// One change the host makes directly in the share, behind the guest's back: what the files look like before (the
/// guest's look warms its caches on that state), the change itself, and the state the guest must then show. Each trial
/// uses fresh names, so nothing the guest cached from another trial is involved.
/// </summary>
public sealed record CoherenceKind(
    string Name,
    string Description,
    Action<string, int> Prepare,
    Func<int, List<CoherenceCheck>> Before,
    Action<string, int> Change,
    Func<int, List<CoherenceCheck>> After)
{
    public static string FileName(string kind, int trial) => $"{kind}-{trial}";
    public static string RenamedName(string kind, int trial) => $"{kind}-{trial}.renamed";

    /// <summary>The old contents (size and first bytes) and the new, different in size and in their first bytes.</summary>
    public static (long Size, string Head) Old(string kind, int trial) => (100 + trial, $"{kind} {trial} old\n");
    public static (long Size, string Head) New(string kind, int trial) => (4096 + 7 * trial, $"{kind} {trial} NEW\n");

    public static readonly IReadOnlyList<CoherenceKind> All =
    [
        new("rewrite", "rewritten in place (O_TRUNC, then the new bytes: same inode, new size and contents)",
            (dir, t) => Write(Path.Combine(dir, FileName("rewrite", t)), Old("rewrite", t)),
            t => [Present("rewrite", t, existedBefore: true, Old("rewrite", t))],
            (dir, t) => Write(Path.Combine(dir, FileName("rewrite", t)), New("rewrite", t)),
            t => [Present("rewrite", t, existedBefore: true, New("rewrite", t))]),
        new("rewrite-unread", "rewritten in place where the guest had only stat'ed it, never read it: a read makes the Linux FUSE client's next stat " +
                              "ask the server (atime), so this kind is the one that shows the attribute cache",
            (dir, t) => Write(Path.Combine(dir, FileName("rewrite-unread", t)), Old("rewrite-unread", t)),
            t => [Present("rewrite-unread", t, existedBefore: true, Old("rewrite-unread", t)) with { Head = "" }],
            (dir, t) => Write(Path.Combine(dir, FileName("rewrite-unread", t)), New("rewrite-unread", t)),
            t => [Present("rewrite-unread", t, existedBefore: true, New("rewrite-unread", t))]),
        new("replace", "replaced: a new file written beside it and renamed over it (a new inode, as editors and agents save)",
            (dir, t) => Write(Path.Combine(dir, FileName("replace", t)), Old("replace", t)),
            t => [Present("replace", t, existedBefore: true, Old("replace", t))],
            (dir, t) =>
            {
                string tmp = Path.Combine(dir, FileName("replace", t) + ".tmp");
                Write(tmp, New("replace", t));
                File.Move(tmp, Path.Combine(dir, FileName("replace", t)), overwrite: true);
            },
            t => [Present("replace", t, existedBefore: true, New("replace", t))]),
        new("rename", "renamed to a new name (the old name must vanish, the new one appear with the same contents)",
            (dir, t) => Write(Path.Combine(dir, FileName("rename", t)), Old("rename", t)),
            t => [Present("rename", t, existedBefore: true, Old("rename", t)), Absent(RenamedName("rename", t), existedBefore: false)],
            (dir, t) => File.Move(Path.Combine(dir, FileName("rename", t)), Path.Combine(dir, RenamedName("rename", t))),
            t => [Absent(FileName("rename", t), existedBefore: true),
                  new CoherenceCheck { Path = RenamedName("rename", t), ExistedBefore = false, Exists = true, Size = Old("rename", t).Size, Head = Old("rename", t).Head }]),
        new("delete", "deleted (the name must vanish)",
            (dir, t) => Write(Path.Combine(dir, FileName("delete", t)), Old("delete", t)),
            t => [Present("delete", t, existedBefore: true, Old("delete", t))],
            (dir, t) => File.Delete(Path.Combine(dir, FileName("delete", t))),
            t => [Absent(FileName("delete", t), existedBefore: true)]),
        new("create", "created where the guest had just looked up the name and found nothing (its negative entry)",
            (_, _) => { },
            t => [Absent(FileName("create", t), existedBefore: false)],
            (dir, t) => Write(Path.Combine(dir, FileName("create", t)), New("create", t)),
            t => [Present("create", t, existedBefore: false, New("create", t))]),
    ];

    public static CoherenceKind? Find(string name) => All.FirstOrDefault(k => k.Name == name);

    private static CoherenceCheck Present(string kind, int trial, bool existedBefore, (long Size, string Head) content) =>
        new() { Path = FileName(kind, trial), ExistedBefore = existedBefore, Exists = true, Size = content.Size, Head = content.Head };

    private static CoherenceCheck Absent(string path, bool existedBefore) => new() { Path = path, ExistedBefore = existedBefore, Exists = false };

    /// <summary>Opens with O_TRUNC (creating when absent) and writes the head, then dots up to the size: an in-place rewrite keeps the inode.</summary>
    private static void Write(string path, (long Size, string Head) content)
    {
        var bytes = new byte[content.Size];
        Array.Fill(bytes, (byte)'.');
        Encoding.ASCII.GetBytes(content.Head).CopyTo(bytes, 0);
        using var f = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite);
        f.SetLength(0);
        f.Write(bytes);
    }
}
