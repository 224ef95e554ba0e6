using FsBench.Host.Commands;
using FsBench.Host.Study;
using FsBench.Tests.Support;
using Xunit;

namespace FsBench.Tests.Host;

/// <summary>The scratch root's default and the filesystem the manifest records under scratch_fs.</summary>
public sealed class ScratchPlaceTests
{
    private static readonly string[] Mounts = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "proc-mounts-debian-vm.txt"));

    [Theory]
    [InlineData("/dev/shm/fsbench/20261207-090000-vm-standard", "tmpfs", "/dev/shm")]
    [InlineData("/dev/shm", "tmpfs", "/dev/shm")]
    [InlineData("/var/tmp/fsbench", "ext4", "/")]
    [InlineData("/dev/shmx/fsbench", "devtmpfs", "/dev")]   // a sibling whose name starts like a mount point is not under it
    public void The_mount_holding_a_path_is_the_longest_mount_point_above_it(string path, string type, string point)
    {
        var m = ScratchPlace.FilesystemOf(path, Mounts)!;
        Assert.Equal(type, m.Type);
        Assert.Equal(point, m.Point);
    }

    [Fact]
    public void The_manifest_line_names_type_mount_point_and_options()
    {
        var m = ScratchPlace.FilesystemOf("/var/tmp/fsbench", Mounts)!;
        Assert.Equal("ext4 on / (rw,relatime,discard,resv_strict,resuid=65534,resgid=65534)", m.ToString());
    }

    [Fact]
    public void An_escaped_space_in_a_mount_point_is_read_as_a_space()
    {
        var m = ScratchPlace.FilesystemOf("/mnt/my disk/x", ["/dev/vda / ext4 rw 0 0", "/dev/vdb /mnt/my\\040disk xfs rw 0 0"])!;
        Assert.Equal(("xfs", "/mnt/my disk"), (m.Type, m.Point));
    }

    [RequiresFact("tmpfs-shm")]
    public void With_a_tmpfs_dev_shm_the_default_scratch_is_on_it_and_run_soak_and_coherence_share_it()
    {
        Assert.Equal(ScratchPlace.TmpfsRoot, ScratchPlace.DefaultRoot());
        Assert.Equal("tmpfs", ScratchPlace.FilesystemOf(ScratchPlace.DefaultRoot())!.Type);
        Assert.Equal(ScratchPlace.TmpfsRoot, ScratchOption.Create().GetDefaultValue());
    }

    [RequiresFact("tmpfs-shm")]
    public void The_manifest_says_which_filesystem_held_the_scratch()
    {
        var settings = new StudySettings { ScratchDir = Path.Combine(ScratchPlace.TmpfsRoot, "20261207-090000-vm-standard") }.ToManifest();
        Assert.StartsWith("tmpfs on /dev/shm (", settings.ScratchFs);
    }
}
