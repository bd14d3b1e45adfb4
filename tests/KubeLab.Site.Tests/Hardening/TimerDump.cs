using System.Reflection;

namespace KubeLab.Site.Tests.Hardening;

/// <summary>
/// The runtime's scheduled timers, counted by callback, due time and state type (read by reflection from
/// System.Threading.TimerQueue: a diagnosis aid, not an API; it says so when the runtime's fields change).
/// </summary>
internal static class TimerDump
{
    public static string Dump()
    {
        try
        {
            return Read();
        }
        catch (Exception e) when (e is NullReferenceException or InvalidCastException)
        {
            return "(the runtime's timer queues could not be read)";
        }
    }

    private static string Read()
    {
        var queueType = typeof(Timer).Assembly.GetType("System.Threading.TimerQueue")!;
        var instances = (Array)queueType.GetProperty("Instances", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!.GetValue(null)!;
        var counts = new Dictionary<string, int>();
        foreach (var queue in instances)
        {
            foreach (var listName in new[] { "_shortTimers", "_longTimers" })
            {
                var timer = queueType.GetField(listName, BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(queue);
                while (timer is not null)
                {
                    var t = timer.GetType();
                    var callback = (Delegate?)t.GetField("_timerCallback", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(timer);
                    var state = t.GetField("_state", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(timer);
                    var due = t.GetField("_dueTime", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(timer);
                    var period = t.GetField("_period", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(timer);
                    var key = $"{callback?.Method.DeclaringType?.FullName}.{callback?.Method.Name} state={state?.GetType().FullName} due={due} period={period}";
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                    timer = t.GetField("_next", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(timer);
                }
            }
        }
        return string.Join("\n", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Value} × {c.Key}"));
    }
}
