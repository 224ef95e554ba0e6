using FsBench.Host.Study;

namespace FsBench.Host.Providers.Qemu;

/// <summary>
/// KVM or TCG, decided by trying: /dev/kvm may exist and still fail (on our machines it is the software
/// kvm_pvm, on which a stock kernel crawls or dies), so a tiny boot with -accel kvm must reach the guest's
/// init within a short timeout; otherwise TCG. Decided once per process.
/// </summary>
public static class Acceleration
{
    public static readonly TimeSpan TrialTimeout = TimeSpan.FromSeconds(30);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (string Accel, string Why)? _decided;

    public static async Task<(string Accel, string Why)> DecideAsync(string qemu, GuestImage guest, string trialLog, CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try { return _decided ??= await TryKvmAsync(qemu, guest, trialLog, ct); }
        finally { Gate.Release(); }
    }

    private static async Task<(string, string)> TryKvmAsync(string qemu, GuestImage guest, string trialLog, CancellationToken ct)
    {
        if (Environment.GetEnvironmentVariable("FSBENCH_QEMU_ACCEL") is "tcg") return ("tcg", "FSBENCH_QEMU_ACCEL=tcg");
        if (!File.Exists("/dev/kvm")) return ("tcg", "no /dev/kvm");
        if (File.Exists(trialLog)) File.Delete(trialLog);
        try
        {
            var r = await Tool.RunAsync(qemu, QemuCommandLine.Trial("kvm", guest.Kernel, guest.Initrd, trialLog), ct, TrialTimeout);
            bool booted = File.Exists(trialLog) && File.ReadAllText(trialLog).Contains("FSBENCH-CHECK-OK");
            return booted ? ("kvm", "a KVM trial boot reached init")
                : ("tcg", $"the KVM trial boot failed (exit {r.ExitCode}: {Tool.LastLine(r.StandardError)})");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return ("tcg", $"the KVM trial boot did not reach init within {TrialTimeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is StudyException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return ("tcg", $"the KVM trial boot failed: {e.Message}");
        }
    }
}
