namespace FsBench.Probe.KnownBugs;

/// <summary>setxattr on a 0444 file: macOS refuses it with EPERM (crc-org/vfkit#70, containers/podman#21269).</summary>
public sealed class SetXattrReadOnly() : KnownBugProbe("setxattr_readonly",
    "setxattr(user.*) on a 0444 file succeeds for its owner with CAP_FOWNER (root), as on Linux filesystems (vfkit#70, podman#21269)")
{
    public override string? Check(string dir)
    {
        string f = $"{dir}/ro";
        if (Fs.CreateFile(f, 0x124) is int e and not 0) return $"create: {ErrnoNames.Name(e)}";
        int r = Fs.SetXattr(f, "user.fsbench.ro", "x"u8);
        return r == 0 ? null : ErrnoNames.Name(r);
    }
}
