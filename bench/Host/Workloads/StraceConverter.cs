using FsBench.Protocol.Trace;

namespace FsBench.Host.Workloads;

/// <summary>
/// Turns `strace -f -y -X raw -qq` output of a real tool into trace calls (see <see cref="TraceFormat"/>): only calls on
/// paths inside the workspace are kept, made relative to it. Relative paths are resolved against the calling process's
/// working directory, which the converter follows through chdir/fchdir, fork and clone, and strace's own decoration of
/// AT_FDCWD. Descriptors become handles, followed through dup, fork and clone; calls on descriptors of files outside the
/// workspace are dropped.
/// </summary>
public sealed class StraceConverter(string workspace, string initialCwd)
{
    private const int AtFdCwd = -100, AtSymlinkNofollow = 0x100, AtRemoveDir = 0x200, AtEmptyPath = 0x1000;
    private const long CloneFs = 0x200, CloneFiles = 0x400, CloseOnExec = 0x80000;

    private readonly string _ws = workspace.TrimEnd('/');
    private readonly Dictionary<int, Proc> _procs = new();
    private readonly Dictionary<int, int> _tids = new();
    private int _nextHandle = 1;
    public List<TraceCall> Calls { get; } = [];
    /// <summary>System calls seen that the trace format does not hold, by name (for the record script's log).</summary>
    public SortedDictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);

    public void Add(StraceLine s)
    {
        var p = ProcOf(s.Pid);
        var a = s.Args;
        switch (s.Name)
        {
            case "open": Open(s, p, AtFdCwd, a[0], a[1], a.Count > 2 ? a[2] : null); break;
            case "openat": Open(s, p, a[0], a[1], a[2], a.Count > 3 ? a[3] : null); break;
            case "creat": Open(s, p, AtFdCwd, a[0], "0x241", a[1]); break;
            case "close": Close(s, p, a[0]); break;
            case "stat": PathCall(s, p, TraceOps.Stat, null, a[0]); break;
            case "lstat": PathCall(s, p, TraceOps.Lstat, null, a[0]); break;
            case "fstat": HandleCall(s, p, TraceOps.Fstat, a[0]); break;
            case "newfstatat": StatAt(s, p, a[0], a[1], (int)(StraceLine.Num(a[3]) ?? 0)); break;
            case "statx": StatAt(s, p, a[0], a[1], (int)(StraceLine.Num(a[2]) ?? 0)); break;
            case "access": PathCall(s, p, TraceOps.Access, null, a[0], mode: Mode(a[1])); break;
            case "faccessat" or "faccessat2": PathCall(s, p, TraceOps.Access, a[0], a[1], mode: Mode(a[2])); break;
            case "readlink": PathCall(s, p, TraceOps.Readlink, null, a[0]); break;
            case "readlinkat": PathCall(s, p, TraceOps.Readlink, a[0], a[1]); break;
            case "mkdir": PathCall(s, p, TraceOps.Mkdir, null, a[0], mode: Mode(a[1])); break;
            case "mkdirat": PathCall(s, p, TraceOps.Mkdir, a[0], a[1], mode: Mode(a[2])); break;
            case "rmdir": PathCall(s, p, TraceOps.Rmdir, null, a[0]); break;
            case "unlink": PathCall(s, p, TraceOps.Unlink, null, a[0]); break;
            case "unlinkat":
                PathCall(s, p, ((StraceLine.Num(a[2]) ?? 0) & AtRemoveDir) != 0 ? TraceOps.Rmdir : TraceOps.Unlink, a[0], a[1]); break;
            case "rename": TwoPaths(s, p, TraceOps.Rename, null, a[0], null, a[1]); break;
            case "renameat" or "renameat2": TwoPaths(s, p, TraceOps.Rename, a[0], a[1], a[2], a[3]); break;
            case "link": TwoPaths(s, p, TraceOps.Link, null, a[0], null, a[1]); break;
            case "linkat": TwoPaths(s, p, TraceOps.Link, a[0], a[1], a[2], a[3]); break;
            case "symlink": Symlink(s, p, StraceLine.Str(a[0]), null, a[1]); break;
            case "symlinkat": Symlink(s, p, StraceLine.Str(a[0]), a[1], a[2]); break;
            case "chmod": PathCall(s, p, TraceOps.Chmod, null, a[0], mode: Mode(a[1])); break;
            case "fchmodat": PathCall(s, p, TraceOps.Chmod, a[0], a[1], mode: Mode(a[2])); break;
            case "fchmod": HandleCall(s, p, TraceOps.Fchmod, a[0], mode: Mode(a[1])); break;
            case "utimensat":
                if (a[1] == "NULL") HandleCall(s, p, TraceOps.Utimens, a[0], asPath: true);
                else PathCall(s, p, TraceOps.Utimens, a[0], a[1], flags: ((StraceLine.Num(a[3]) ?? 0) & AtSymlinkNofollow) != 0 ? "NOFOLLOW" : null);
                break;
            case "read" or "pread64" or "readv" or "preadv" or "preadv2": HandleCall(s, p, TraceOps.Read, a[0], size: s.RetValue ?? 0); break;
            case "write" or "pwrite64" or "writev" or "pwritev" or "pwritev2": HandleCall(s, p, TraceOps.Write, a[0], size: s.RetValue ?? 0); break;
            case "getdents64" or "getdents": HandleCall(s, p, TraceOps.Getdents, a[0]); break;
            case "ftruncate": HandleCall(s, p, TraceOps.Ftruncate, a[0], size: StraceLine.Num(a[1])); break;
            case "truncate": PathCall(s, p, TraceOps.Truncate, null, a[0], size: StraceLine.Num(a[1])); break;
            case "fsync" or "fdatasync": HandleCall(s, p, TraceOps.Fsync, a[0]); break;
            case "chdir": if (s.Ok && Resolve(p, AtFdCwd, StraceLine.Str(a[0])) is { } d) p.Cwd.Path = d; break;
            case "fchdir": if (s.Ok && StraceLine.Fd(a[0]).Path is { } fd) p.Cwd.Path = fd; break;
            case "clone": Fork(s, p, a.FirstOrDefault(x => x.StartsWith("flags=", StringComparison.Ordinal)) is { } f ? StraceLine.Num(f[6..]) ?? 0 : 0); break;
            case "clone3": Fork(s, p, Clone3Flags(a[0])); break;
            case "fork" or "vfork": Fork(s, p, 0); break;
            case "dup" or "dup2" or "dup3": Dup(s, p, a[0]); break;
            case "fcntl" when a.Count > 1 && a[1] is "0x0" or "0" or "0x406" or "1030": Dup(s, p, a[0]); break;  // F_DUPFD, F_DUPFD_CLOEXEC
            case "execve" when s.Ok: p.Files.CloseOnExec(); break;
            default: Skipped[s.Name] = Skipped.GetValueOrDefault(s.Name) + 1; break;
        }
    }

    private void Open(StraceLine s, Proc p, object dirfd, string pathArg, string flagsArg, string? modeArg)
    {
        string? rel = Rel(p, dirfd, pathArg);
        if (rel is null)
        {
            if (s.RetValue is { } other) p.Files.Remove((int)other);   // a descriptor number reused for a file outside
            return;
        }
        int raw = (int)(StraceLine.Num(flagsArg) ?? 0);
        string flags = OpenFlags.NamesFromX64(raw);
        uint? mode = flags.Contains("CREAT") && modeArg is not null ? Mode(modeArg) : null;
        int? handle = null;
        if (s.Ok && s.RetValue is { } fd)
        {
            handle = _nextHandle++;
            p.Files.Put((int)fd, new Handle(handle.Value, (raw & CloseOnExec) != 0) { Path = rel });
        }
        Emit(s, TraceOps.Open, rel, null, flags, mode, null, handle);
    }

    private void Close(StraceLine s, Proc p, string fdArg)
    {
        var (fd, _) = StraceLine.Fd(fdArg);
        if (p.Files.Remove(fd) is not { } h) return;
        if (--h.Refs > 0) return;   // another process still holds it (fork, dup): its last close is the call
        Emit(s, TraceOps.Close, h.Path ?? ".", null, null, null, null, h.Id);
    }

    private void HandleCall(StraceLine s, Proc p, string op, string fdArg, long? size = null, uint? mode = null, bool asPath = false)
    {
        var (fd, fdPath) = StraceLine.Fd(fdArg);
        if (p.Files.Get(fd) is not { } h) return;
        string? rel = fdPath is not null ? Relative(fdPath) : h.Path;
        rel ??= h.Path;
        if (rel is null) return;
        h.Path = rel;
        Emit(s, op, rel, null, null, mode, size, asPath ? null : h.Id);
    }

    private void StatAt(StraceLine s, Proc p, string dirfdArg, string pathArg, int flags)
    {
        if ((flags & AtEmptyPath) != 0 && StraceLine.Str(pathArg) == "") { HandleCall(s, p, TraceOps.Fstat, dirfdArg); return; }
        PathCall(s, p, (flags & AtSymlinkNofollow) != 0 ? TraceOps.Lstat : TraceOps.Stat, dirfdArg, pathArg);
    }

    private void PathCall(StraceLine s, Proc p, string op, string? dirfdArg, string pathArg, uint? mode = null, long? size = null, string? flags = null)
    {
        string? rel = Rel(p, (object?)dirfdArg ?? AtFdCwd, pathArg);
        if (rel is not null) Emit(s, op, rel, null, flags, mode, size, null);
    }

    private void TwoPaths(StraceLine s, Proc p, string op, string? dir1, string path1, string? dir2, string path2)
    {
        string? a = Rel(p, (object?)dir1 ?? AtFdCwd, path1), b = Rel(p, (object?)dir2 ?? AtFdCwd, path2);
        if (a is not null && b is not null) Emit(s, op, a, b, null, null, null, null);
    }

    private void Symlink(StraceLine s, Proc p, string? target, string? dirfdArg, string linkArg)
    {
        string? rel = Rel(p, (object?)dirfdArg ?? AtFdCwd, linkArg);
        if (rel is not null && target is not null) Emit(s, TraceOps.Symlink, rel, target, null, null, null, null);
    }

    private void Fork(StraceLine s, Proc parent, long flags)
    {
        if (s.RetValue is not { } child || child <= 0) return;
        _procs[(int)child] = new Proc(
            (flags & CloneFs) != 0 ? parent.Cwd : new Cwd { Path = parent.Cwd.Path },
            (flags & CloneFiles) != 0 ? parent.Files : parent.Files.Copy());
    }

    private static long Clone3Flags(string arg)
    {
        int i = arg.IndexOf("flags=", StringComparison.Ordinal);
        if (i < 0) return 0;
        string rest = arg[(i + 6)..];
        int end = rest.IndexOfAny([',', '}']);
        return StraceLine.Num(end < 0 ? rest : rest[..end]) ?? 0;
    }

    private static void Dup(StraceLine s, Proc p, string fdArg)
    {
        if (s.RetValue is not { } newFd) return;
        var (fd, _) = StraceLine.Fd(fdArg);
        if (p.Files.Get(fd) is { } h) { h.Refs++; p.Files.Put((int)newFd, h); }
    }

    private void Emit(StraceLine s, string op, string path, string? path2, string? flags, uint? mode, long? size, int? handle)
    {
        if (!_tids.TryGetValue(s.Pid, out int tid)) _tids[s.Pid] = tid = _tids.Count + 1;
        Calls.Add(new TraceCall(tid, op, path, path2, flags, mode, size, handle, s.Result));
    }

    private Proc ProcOf(int pid)
    {
        if (!_procs.TryGetValue(pid, out var p)) _procs[pid] = p = new Proc(new Cwd { Path = initialCwd }, new FileTable());
        return p;
    }

    private string? Rel(Proc p, object dirfd, string pathArg) => Relative(Resolve(p, dirfd, StraceLine.Str(pathArg)));

    /// <summary>The absolute path a call names: absolute as given, or relative to its directory descriptor or the cwd.</summary>
    private static string? Resolve(Proc p, object dirfd, string? path)
    {
        if (path is null) return null;
        if (path.StartsWith('/')) return Normalize(path);
        string? dir;
        if (dirfd is int n && n == AtFdCwd) dir = p.Cwd.Path;
        else
        {
            var (fd, decorated) = StraceLine.Fd((string)dirfd);
            if (fd == AtFdCwd && decorated is not null) p.Cwd.Path = decorated;   // strace shows the cwd: trust it
            dir = fd == AtFdCwd ? p.Cwd.Path : decorated;
        }
        return dir is null ? null : Normalize(path.Length == 0 ? dir : dir + "/" + path);
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }

    /// <summary>The path relative to the workspace ("." for the workspace), or null when it lies outside.</summary>
    private string? Relative(string? abs)
    {
        if (abs is null) return null;
        if (abs == _ws) return ".";
        return abs.StartsWith(_ws + "/", StringComparison.Ordinal) ? abs[(_ws.Length + 1)..] : null;
    }

    private static uint? Mode(string arg) => StraceLine.Num(arg) is { } v ? (uint)v : null;

    private sealed record Proc(Cwd Cwd, FileTable Files);
    private sealed class Cwd { public string Path = "/"; }

    private sealed class Handle(int id, bool cloexec)
    {
        public int Id { get; } = id;
        public bool CloseOnExec { get; } = cloexec;
        public int Refs = 1;
        public string? Path;
    }

    private sealed class FileTable
    {
        private readonly Dictionary<int, Handle> _fds = new();
        public Handle? Get(int fd) => _fds.GetValueOrDefault(fd);
        public void Put(int fd, Handle h) => _fds[fd] = h;
        public Handle? Remove(int fd) => _fds.Remove(fd, out var h) ? h : null;
        public FileTable Copy()
        {
            var t = new FileTable();
            foreach (var (fd, h) in _fds) { h.Refs++; t._fds[fd] = h; }
            return t;
        }
        public void CloseOnExec()
        {
            foreach (var fd in _fds.Where(e => e.Value.CloseOnExec).Select(e => e.Key).ToList())
                if (_fds.Remove(fd, out var h)) h.Refs--;
        }
    }
}
