using System.Diagnostics;

namespace KubeLab.Site.Tests.Hardening;

/// <summary>
/// What a long-running site could leak, read at one moment: the managed heap after full blocking, compacting
/// collections, the process's open handles (file descriptors on Linux: sockets, files), its threads, and the timers
/// scheduled in the runtime (every Task.Delay, PeriodicTimer and Timer that has not fired or been disposed).
/// </summary>
internal sealed record ProcessResources(long Heap, int Handles, int Threads, long Timers)
{
    public static async Task<ProcessResources> ReadAsync()
    {
        // Off the stack of whatever completed the caller's last await: its frames could still hold what they disposed.
        await Task.Yield();
        Collect();
        using var self = Process.GetCurrentProcess();
        return new ProcessResources(GC.GetTotalMemory(forceFullCollection: true), self.HandleCount, self.Threads.Count, Timer.ActiveCount);
    }

    public static void Collect()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
    }

    public override string ToString() => $"heap {Heap / 1e6:F1} MB, {Handles} handles, {Threads} threads, {Timers} timers";
}
