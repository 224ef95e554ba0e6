using FsBench.Host.Gpu;
using FsBench.Host.Study;

namespace FsBench.Tests.Gpu;

/// <summary>The GPU image's digest pin: written once by the first pull, then used as IMAGE@sha256 by every later run.</summary>
public sealed class GpuImagePinTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gpupin").FullName;
    private string Pin => Path.Combine(_dir, GpuImagePin.FileName);
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void An_image_without_a_pin_file_is_not_pinned()
    {
        Assert.Null(GpuImagePin.Pinned(GpuTarget.DefaultMachineImage, Pin));
    }

    [Fact]
    public void The_first_pull_writes_the_pin_and_later_runs_read_that_exact_digest()
    {
        Assert.Equal(Pin, GpuImagePin.PinIfAbsent(GpuTarget.DefaultMachineImage, Digest, Pin));
        Assert.Equal($"{GpuTarget.DefaultMachineImage}@{Digest}", GpuImagePin.Pinned(GpuTarget.DefaultMachineImage, Pin));
        Assert.Null(GpuImagePin.Pinned("quay.io/other/image", Pin));
    }

    [Fact]
    public void A_second_pull_with_another_digest_never_moves_the_pin()
    {
        GpuImagePin.PinIfAbsent(GpuTarget.DefaultMachineImage, Digest, Pin);
        Assert.Null(GpuImagePin.PinIfAbsent(GpuTarget.DefaultMachineImage, "sha256:" + new string('f', 64), Pin));
        Assert.Equal($"{GpuTarget.DefaultMachineImage}@{Digest}", GpuImagePin.Pinned(GpuTarget.DefaultMachineImage, Pin));
    }

    [Fact]
    public void A_digest_that_is_not_sha256_is_not_pinned()
    {
        Assert.Null(GpuImagePin.PinIfAbsent(GpuTarget.DefaultMachineImage, "", Pin));
        Assert.False(File.Exists(Pin));
    }

    [Fact]
    public void A_malformed_pin_line_is_a_one_line_error_naming_the_file()
    {
        File.WriteAllText(Pin, "# comment\nquay.io/slopezpa/fedora-vgpu-llama:latest\n");
        var e = Assert.Throws<StudyException>(() => GpuImagePin.Pinned(GpuTarget.DefaultMachineImage, Pin));
        Assert.Contains(Pin, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
