using FsBench.Probe.Soak;
using FsBench.Probe.Libc;
namespace FsBench.Probe.SoakActions;

/// <summary>readdir of the worker's directory to the end (ls, glob, a file watcher's rescan).</summary>
public sealed class ListDir : IMixAction
{
    public string Name => "readdir";
    public int Run(MixWorker w)
    {
        w.LastPath = w.Dir;
        nint d = Native.Opendir(w.Dir);
        if (d == 0) return Native.Errno;
        int errno;
        while (true)
        {
            System.Runtime.InteropServices.Marshal.SetLastPInvokeError(0);
            if (Native.Readdir(d) != 0) continue;
            errno = Native.Errno;   // NULL with errno 0 is the end of the directory
            break;
        }
        Native.Closedir(d);
        return errno;
    }
}
