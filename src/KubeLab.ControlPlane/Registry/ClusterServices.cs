using KubeLab.ControlPlane.Admission;

namespace KubeLab.ControlPlane.Registry;

/// <summary>What every registry of one cluster shares: its clock, its id source, its admission plugins.</summary>
public sealed class ClusterServices(TimeProvider clock, IdSource ids, IReadOnlyList<IAdmissionPlugin> admission)
{
    public TimeProvider Clock { get; } = clock;
    public IdSource Ids { get; } = ids;
    public IReadOnlyList<IAdmissionPlugin> Admission { get; } = admission;

    /// <summary>Object timestamps have whole seconds, as metav1.Time does on the wire.</summary>
    public DateTimeOffset Now()
    {
        var now = Clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    public StrategyContext StrategyContext() => new(Now(), Ids);
}
