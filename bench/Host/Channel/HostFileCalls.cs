using System.Runtime.InteropServices;
using System.Text;

namespace FsBench.Host.Channel;

/// <summary>
/// The host's own calls on the share, through libc (Linux and macOS): create a file, set a user.* attribute.
/// Each returns 0 or the errno, never throws, so a failed fixture is counted, not fatal.
/// </summary>
internal static class HostFileCalls
{
    private const int OCreatExclWrLinux = 0x40 | 0x80 | 0x1, OCreatExclWrMac = 0x200 | 0x800 | 0x1;

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags, uint mode);
    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
    [DllImport("libc", EntryPoint = "lsetxattr", SetLastError = true)]
    private static extern int LSetXattrLinux(byte[] path, byte[] name, byte[] value, nuint size, int flags);
    [DllImport("libc", EntryPoint = "setxattr", SetLastError = true)]
    private static extern int SetXattrMac(byte[] path, byte[] name, byte[] value, nuint size, uint position, int options);
    private const int XattrNoFollowMac = 0x0001;

    public static int CreateFile(string path)
    {
        int fd = Open(CString(path), OperatingSystem.IsMacOS() ? OCreatExclWrMac : OCreatExclWrLinux, 0x1a4 /*0644*/);
        if (fd < 0) return Marshal.GetLastPInvokeError();
        Close(fd);
        return 0;
    }

    public static int SetXattr(string path, string name, string value)
    {
        byte[] v = Encoding.UTF8.GetBytes(value);
        int r = OperatingSystem.IsMacOS()
            ? SetXattrMac(CString(path), CString(name), v, (nuint)v.Length, 0, XattrNoFollowMac)
            : LSetXattrLinux(CString(path), CString(name), v, (nuint)v.Length, 0);
        return r == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>The errno's name for the errnos a fixture can meet (the numbers Linux and macOS share), else "E&lt;n&gt;".</summary>
    public static string ErrnoName(int errno) => errno switch
    {
        1 => "EPERM", 2 => "ENOENT", 5 => "EIO", 13 => "EACCES", 17 => "EEXIST", 20 => "ENOTDIR",
        22 => "EINVAL", 28 => "ENOSPC", 30 => "EROFS",
        95 when OperatingSystem.IsLinux() => "EOPNOTSUPP", 61 when OperatingSystem.IsLinux() => "ENODATA",
        45 when OperatingSystem.IsMacOS() => "ENOTSUP",
        _ => $"E{errno}",
    };

    private static byte[] CString(string s) => Encoding.UTF8.GetBytes(s + "\0");
}
