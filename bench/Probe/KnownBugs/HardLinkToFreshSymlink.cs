namespace FsBench.Probe.KnownBugs;

/// <summary>ln -s foo bar; cp -al bar baz: a hard link to a new symlink; AVF returns EIO but creates it (docker/for-mac#7700).</summary>
public sealed class HardLinkToFreshSymlink() : KnownBugProbe("hardlink_to_fresh_symlink",
    "link(symlink, new) succeeds (docker/for-mac#7700)")
{
    public override string? Check(string dir)
    {
        string s = $"{dir}/bar", h = $"{dir}/baz";
        if (Native.Symlink("foo", s) != 0) return $"symlink: {Observe.Err()}";
        return Native.Link(s, h) == 0 ? null : Observe.FailedButLeft(Observe.Err(), h);
    }
}
