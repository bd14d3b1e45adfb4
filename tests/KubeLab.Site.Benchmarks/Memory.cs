using System.Diagnostics;

namespace KubeLab.Site.Benchmarks;

/// <summary>
/// Memory at one moment. <see cref="Heap"/> is this process's managed heap after full blocking, compacting
/// collections (what the site's objects hold, plus Playwright's small client side). <see cref="Pinned"/> is the part of
/// it on the pinned object heap (I/O buffers: Kestrel's and SignalR's pools), kept apart so that a pool grown by
/// large render batches is not counted as sessions; <see cref="Objects"/> is the heap without it. <see cref="WorkingSet"/> is the
/// process's resident memory (it keeps heap segments the GC has freed, so it falls later than the heap); <see cref="Browser"/>
/// is the proportional set size (PSS, shared pages split between sharers) of the processes this one started: the
/// Playwright driver and Chromium (null where /proc cannot say).
/// </summary>
internal sealed record Memory(long Heap, long Pinned, long WorkingSet, long? Browser)
{
    private const int PinnedObjectHeap = 4; // GCMemoryInfo.GenerationInfo: gen0, gen1, gen2, large objects, pinned objects

    public long Objects => Heap - Pinned;

    public static Memory Read()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var pinned = GC.GetGCMemoryInfo(GCKind.FullBlocking).GenerationInfo[PinnedObjectHeap].SizeAfterBytes;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return new Memory(heap, pinned, self.WorkingSet64, DescendantsPss(self.Id));
    }

    private static long? DescendantsPss(int root)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so read after the last ')'.
            var stat = TryRead(Path.Combine(dir, "stat"));
            if (stat is null) continue;
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            parents[pid] = int.Parse(fields[1]);
        }
        long total = 0;
        foreach (var (pid, _) in parents)
        {
            if (pid == root || !DescendsFrom(pid, root, parents)) continue;
            var rollup = TryRead($"/proc/{pid}/smaps_rollup");
            var line = rollup?.Split('\n').FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
            if (line is not null) total += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        return total;
    }

    private static bool DescendsFrom(int pid, int root, Dictionary<int, int> parents)
    {
        for (var hops = 0; hops < 64 && parents.TryGetValue(pid, out var parent); hops++, pid = parent)
            if (parent == root) return true;
        return false;
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the process ended meanwhile
        }
    }
}
