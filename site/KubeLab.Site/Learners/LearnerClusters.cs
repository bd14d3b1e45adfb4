using KubeLab.Site.Operations;
using KubeLab.Site.Sandbox;
using Microsoft.Extensions.Options;

namespace KubeLab.Site.Learners;

/// <summary>What the site keeps for its learners (section <c>Learners</c> of the configuration).</summary>
public sealed class LearnerOptions
{
    public const string Section = "Learners";

    /// <summary>How long a learner's cluster is kept with no command, no connect request and no page open.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often idle clusters are looked for: a tenth of the timeout, between a second and a minute.</summary>
    public TimeSpan SweepInterval => TimeSpan.FromTicks(Math.Clamp(IdleTimeout.Ticks / 10, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));

    /// <summary>
    /// How many sessions (learners' clusters and lesson pages) one replica holds before it turns new learners away.
    /// docs/benchmarks.md measured 4.9 MB of working set per session on average (80 lesson pages, 20 sandboxes;
    /// a sandbox alone 11.2 MB) over about 230 MB for the idle site: 200 sessions come to about 1.2 GB.
    /// </summary>
    public int MaxSessions { get; set; } = 200;

    /// <summary>
    /// On SIGTERM, how long open pages may go on before the site stops (it stops earlier once none is connected);
    /// below a pod's 60 s termination grace period, leaving room for the stop itself (<see cref="StopTimeout"/>).
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>After the drain, how long the host waits for its services and connections to stop (HostOptions.ShutdownTimeout).</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);
}

/// <summary>
/// The learners' clusters, one per learner id (<see cref="LearnerCookie"/>), each also found by its connect id.
/// A cluster is made on a learner's first page and kept until <see cref="DiscardIdleAsync"/> finds it idle.
/// </summary>
public sealed class LearnerClusters(SandboxSessions sessions, SessionGate gate, TimeProvider clock, IOptions<LearnerOptions> options,
    ILogger<LearnerClusters> log) : IAsyncDisposable
{
    private readonly Dictionary<string, LearnerCluster> _byLearner = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LearnerCluster> _byConnectId = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    public int Count
    {
        get { lock (_sync) return _byLearner.Count; }
    }

    /// <summary>Each cluster as it starts, to observe its API server (metrics).</summary>
    public event Action<ControlPlane.Cluster>? Started;

    /// <summary>The learner's cluster, started, made on first use; dispose the lease when the page that shows it goes.</summary>
    /// <exception cref="ArgumentException">Not an id the site gives.</exception>
    /// <exception cref="SiteFullException">A new cluster, and the site admits no new learner (<see cref="SessionGate"/>).</exception>
    public async Task<LearnerLease> OpenAsync(string learner, CancellationToken cancellationToken = default)
    {
        if (!LearnerCookie.IsWellFormed(learner)) throw new ArgumentException("not a learner id", nameof(learner));
        LearnerLease lease;
        lock (_sync)
        {
            if (!_byLearner.TryGetValue(learner, out var cluster))
            {
                var ticket = gate.Open(learner, SessionKind.LearnerCluster);
                cluster = new LearnerCluster(sessions.Open(), ticket, clock, log);
                _byLearner[learner] = cluster;
                _byConnectId[cluster.Credentials.ConnectId] = cluster;
            }
            lease = cluster.Lease();
        }
        try
        {
            if (await lease.Cluster.StartAsync(cancellationToken) is { } started) Started?.Invoke(started);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
        return lease;
    }

    /// <summary>The started cluster a connect id names, or null.</summary>
    public LearnerCluster? FindByConnectId(string connectId)
    {
        lock (_sync)
            return _byConnectId.TryGetValue(connectId, out var cluster) && cluster.Session.LiveCluster is not null ? cluster : null;
    }

    /// <summary>Discards every cluster idle for the configured time (disposing it), and returns how many.</summary>
    public async Task<int> DiscardIdleAsync()
    {
        var now = clock.GetUtcNow();
        List<LearnerCluster> idle;
        lock (_sync)
        {
            idle = [];
            foreach (var (learner, cluster) in _byLearner.ToList())
            {
                if (!cluster.TryRetire(now, options.Value.IdleTimeout)) continue;
                _byLearner.Remove(learner);
                _byConnectId.Remove(cluster.Credentials.ConnectId);
                idle.Add(cluster);
            }
        }
        foreach (var cluster in idle) await cluster.DisposeAsync();
        if (idle.Count > 0) log.LogInformation("Discarded {Count} idle learner cluster(s)", idle.Count);
        return idle.Count;
    }

    public async ValueTask DisposeAsync()
    {
        List<LearnerCluster> all;
        lock (_sync)
        {
            all = [.. _byLearner.Values];
            _byLearner.Clear();
            _byConnectId.Clear();
        }
        foreach (var cluster in all) await cluster.DisposeAsync();
    }
}
