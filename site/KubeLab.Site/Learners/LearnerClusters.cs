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
}

/// <summary>
/// The learners' clusters, one per learner id (<see cref="LearnerCookie"/>), each also found by its connect id.
/// A cluster is made on a learner's first page and kept until <see cref="DiscardIdleAsync"/> finds it idle.
/// </summary>
public sealed class LearnerClusters(SandboxSessions sessions, TimeProvider clock, IOptions<LearnerOptions> options, ILogger<LearnerClusters> log)
    : IAsyncDisposable
{
    private readonly Dictionary<string, LearnerCluster> _byLearner = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LearnerCluster> _byConnectId = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    public int Count
    {
        get { lock (_sync) return _byLearner.Count; }
    }

    /// <summary>The learner's cluster, started, made on first use; dispose the lease when the page that shows it goes.</summary>
    /// <exception cref="ArgumentException">Not an id the site gives.</exception>
    public async Task<LearnerLease> OpenAsync(string learner, CancellationToken cancellationToken = default)
    {
        if (!LearnerCookie.IsWellFormed(learner)) throw new ArgumentException("not a learner id", nameof(learner));
        LearnerLease lease;
        lock (_sync)
        {
            if (!_byLearner.TryGetValue(learner, out var cluster))
            {
                cluster = new LearnerCluster(sessions.Open(), clock, log);
                _byLearner[learner] = cluster;
                _byConnectId[cluster.Credentials.ConnectId] = cluster;
            }
            lease = cluster.Lease();
        }
        try
        {
            await lease.Cluster.StartAsync(cancellationToken);
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
