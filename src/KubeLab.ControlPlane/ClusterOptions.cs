namespace KubeLab.ControlPlane;

/// <summary>How a cluster starts: its clock, its randomness and its simulated machines.</summary>
public sealed record ClusterOptions
{
    /// <summary>The wall clock when serving; a simulated clock for deterministic lesson runs.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
    /// <summary>Seeds uids and generated names so a run is reproducible; null for real randomness.</summary>
    public int? Seed { get; init; }
    public int NodeCount { get; init; } = 2;
    /// <summary>Changes a watch can still resume from.</summary>
    public int WatchHistory { get; init; } = 10_000;
    /// <summary>
    /// How long the namespace controller waits after a namespace changes (kube-controller-manager's
    /// namespaceDeletionGracePeriod, five seconds). Zero only for a cluster whose clock never moves.
    /// </summary>
    public TimeSpan NamespaceDeletionGracePeriod { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Bounds on what the cluster holds and serves (objects, body size, watches, request rate).</summary>
    public ClusterLimits Limits { get; init; } = ClusterLimits.Default;
}
