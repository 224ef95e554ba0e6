using FsBench.Protocol;

namespace FsBench.Probe.Recording;

/// <summary>
/// Failures of a batch's untimed preparation (worker directories, fixtures), counted by errno as the batch's
/// "prep" phase: a failed preparation never aborts the batch; the timed operations then meet what is there.
/// </summary>
public sealed class PrepTally(string op)
{
    public long[] Errnos { get; } = new long[256];
    public List<FailureRecord> FirstFailures { get; } = [];
    public long Failures { get; private set; }

    /// <summary>Counts <paramref name="errno"/> if it is a failure; returns it.</summary>
    public int Note(int errno, string path)
    {
        if (errno == 0) return 0;
        Failures++;
        Errnos[Math.Clamp(errno, 0, Errnos.Length - 1)]++;
        if (FirstFailures.Count < OpRecorder.FirstFailuresKept)
            FirstFailures.Add(new FailureRecord { Op = op, Phase = Phases.Prep, Path = path, Errno = errno, ErrnoName = ErrnoNames.Name(errno) });
        return errno;
    }

    /// <summary>A preparation step that threw (not a libc call): counted under the exception's name.</summary>
    public void Note(Exception e, string path)
    {
        Failures++;
        Errnos[0]++;
        if (FirstFailures.Count < OpRecorder.FirstFailuresKept)
            FirstFailures.Add(new FailureRecord { Op = op, Phase = Phases.Prep, Path = path, ErrnoName = e.GetType().Name });
    }
}
