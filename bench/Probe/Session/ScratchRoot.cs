
namespace FsBench.Probe.Session;

/// <summary>
/// The probe's confinement: every path it touches lies under its scratch root, and it removes only
/// the directories it created itself ("fsprobe-&lt;pid&gt;-&lt;nonce&gt;-&lt;n&gt;": a guest booted again reuses its PIDs).
/// </summary>
public sealed class ScratchRoot
{
    private readonly List<string> _created = [];
    private readonly Dictionary<string, string> _sessionDirs = new();
    private readonly string _nonce = Random.Shared.Next(0x10000, 0xfffff).ToString("x");
    public string Root { get; }

    public ScratchRoot(string root)
    {
        Root = NativePaths.Real(root) ?? throw new ProbeException($"scratch root {root} does not exist");
        if (!Directory.Exists(Root)) throw new ProbeException($"scratch root {root} is not a directory");
    }

    /// <summary>A directory under the root, given relative to it; refused if it resolves outside.</summary>
    public string Resolve(string relative)
    {
        if (Path.IsPathRooted(relative)) throw new ProbeException($"path {relative} must be relative to the scratch root");
        string full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!IsInside(full)) throw new ProbeException($"path {relative} lies outside the scratch root {Root}");
        string real = NativePaths.Real(full) ?? throw new ProbeException($"path {relative} does not exist under the scratch root");
        if (!IsInside(real)) throw new ProbeException($"path {relative} resolves outside the scratch root {Root}");
        return real;
    }

    public bool IsInside(string path) => path == Root || path.StartsWith(Root.TrimEnd('/') + "/", StringComparison.Ordinal);

    /// <summary>A fresh directory, created by this probe, under <paramref name="parent"/>.</summary>
    public string CreateSessionDir(string parent, string kind = "fsprobe")
    {
        string dir = Path.Combine(parent, $"{kind}-{Environment.ProcessId}-{_nonce}-{_created.Count}");
        if (Native.Mkdir(dir, 0x1ed) != 0) throw new ProbeException($"cannot create {dir}: {ErrnoNames.Name(Native.Errno)}");
        _created.Add(dir);
        return dir;
    }

    /// <summary>This session's own directory under <paramref name="relative"/>: created on first use, then reused.</summary>
    public string SessionDir(string relative, string kind = "fsprobe")
    {
        string parent = Resolve(relative);
        string key = $"{kind}:{parent}";
        if (!_sessionDirs.TryGetValue(key, out var session))
            _sessionDirs[key] = session = CreateSessionDir(parent, kind);
        return session;
    }

    /// <summary>Removes what this probe created, and nothing else. Symlinks are removed, never followed.</summary>
    public void RemoveCreated()
    {
        foreach (var dir in _created) RemoveTree(dir);
        _created.Clear();
        _sessionDirs.Clear();
    }

    /// <summary>Removes a directory under the root and all in it, modes notwithstanding; symlinks are removed, never followed.</summary>
    public void RemoveTree(string dir)
    {
        if (!IsInside(dir)) return;
        var info = new DirectoryInfo(dir);
        if (!info.Exists) return;
        Native.Chmod(dir, 0x1c0); // 0700: a mode-0 directory left by an operation must still be emptied
        foreach (var entry in info.EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo d && d.LinkTarget is null) RemoveTree(d.FullName);
            else Native.Unlink(entry.FullName);
        }
        Native.Rmdir(dir);
    }
}

/// <summary>A request the probe refuses or cannot serve; it becomes an "error" reply, never a crash.</summary>
public sealed class ProbeException(string message) : Exception(message);
