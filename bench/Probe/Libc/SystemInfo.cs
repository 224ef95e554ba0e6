namespace FsBench.Probe.Libc;

/// <summary>What the probe reports about where it runs: kernel, architecture, filesystem type.</summary>
internal static unsafe class SystemInfo
{
    private const int UtsField = 65;

    public static (string Release, string Machine) Uname()
    {
        byte* buf = stackalloc byte[UtsField * 6];
        if (Native.Uname(buf) != 0) return ("?", "?");
        return (Field(buf, 2), Field(buf, 4));
    }

    private static string Field(byte* buf, int index) =>
        System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)(buf + index * UtsField)) ?? "";

    public static string FsType(string path)
    {
        byte* buf = stackalloc byte[256];
        if (Native.Statfs(path, buf) != 0) return "unknown";
        long magic = *(long*)buf;   // f_type is the first field on x86_64 and arm64
        return magic switch
        {
            0xEF53 => "ext4",
            0x01021994 => "tmpfs",
            0x65735546 => "fuse", // virtiofs reports FUSE's magic
            0x01021997 => "9p",
            0x794c7630 => "overlay",
            0x9123683E => "btrfs",
            0x58465342 => "xfs",
            0x6969 => "nfs",
            _ => $"0x{magic:x}",
        };
    }
}
