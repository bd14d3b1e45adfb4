using KubeLab.ControlPlane.Http;
using KubeLab.Site.Connect;
using KubeLab.Site.Sandbox;

namespace KubeLab.Site.Learners;

/// <summary>
/// One learner's cluster: their sandbox session, the credentials their own kubectl reaches it with, and how it is in
/// use — pages that show it (leases), connect requests under way, and when it was last used — so that an idle one
/// can be discarded (<see cref="TryRetire"/>) and never while anyone uses it.
/// </summary>
public sealed class LearnerCluster : IAsyncDisposable
{
    /// <summary>The user the connect token authenticates as: the sandbox kubeconfig's admin, a cluster admin as in kubeadm.</summary>
    public const string ConnectUser = "kubernetes-admin";
    public const string ConnectGroup = "kubeadm:cluster-admins";

    private readonly TimeProvider _clock;
    private readonly WallClockPump _pump;
    private readonly Lock _sync = new();
    /// <summary>The cluster's place in the site's session count, given back when it is discarded.</summary>
    private readonly IDisposable _ticket;
    private int _leases;
    private int _announced;
    private DateTimeOffset _lastUsed;
    private bool _retired;

    internal LearnerCluster(SandboxSession session, IDisposable ticket, TimeProvider clock, ILogger log)
    {
        Session = session;
        _ticket = ticket;
        _clock = clock;
        _pump = new WallClockPump(session, clock, log);
        _lastUsed = clock.GetUtcNow();
    }

    public SandboxSession Session { get; }

    public ConnectCredentials Credentials { get; } = ConnectCredentials.New();

    /// <summary>The cluster's API server (the cluster is started by the registry before anyone gets it).</summary>
    public ApiServer Api => (Session.LiveCluster ?? throw new InvalidOperationException("the learner's cluster has not started")).Api;

    /// <summary>Starts the sandbox (once) and declares the connect token as a user of its cluster; returns the cluster if this call started it.</summary>
    internal async Task<ControlPlane.Cluster?> StartAsync(CancellationToken cancellationToken)
    {
        await Session.StartAsync(cancellationToken);
        var cluster = Session.LiveCluster!;
        cluster.Authentication.AddTokenUser(Credentials.Token, ConnectUser, ConnectGroup);
        return Interlocked.Exchange(ref _announced, 1) == 0 ? cluster : null;
    }

    /// <summary>Runs a typed sandbox command; the cluster counts as used.</summary>
    public Task<SandboxEntry?> RunAsync(string line)
    {
        Touch();
        // Not cancelled when the page goes: the session outlives it, and a step half run would be in no transcript.
        return Session.RunAsync(line);
    }

    /// <summary>Presses Ctrl-C in a streaming command's terminal (<see cref="SandboxSession.StopAsync"/>); the cluster counts as used.</summary>
    public Task<bool> StopAsync(int? entry = null)
    {
        Touch();
        return Session.StopAsync(entry);
    }

    /// <summary>A page shows the cluster until it disposes the lease. Called under the registry's lock, so never on a retired cluster.</summary>
    internal LearnerLease Lease()
    {
        lock (_sync)
        {
            _leases++;
            _lastUsed = _clock.GetUtcNow();
        }
        return new LearnerLease(this);
    }

    internal void Release()
    {
        lock (_sync)
        {
            _leases--;
            _lastUsed = _clock.GetUtcNow();
        }
    }

    /// <summary>
    /// A connect request starts: false if the cluster is being discarded (the request then finds no cluster), else
    /// <paramref name="caughtUp"/> completes once the cluster's clock has caught up with the wall clock.
    /// </summary>
    internal bool TryBeginRequest(out Task caughtUp)
    {
        lock (_sync)
        {
            caughtUp = Task.CompletedTask;
            if (_retired) return false;
            _lastUsed = _clock.GetUtcNow();
            caughtUp = _pump.RequestStarted();
            return true;
        }
    }

    internal void EndRequest()
    {
        _pump.RequestEnded();
        Touch();
    }

    /// <summary>Marks the cluster retired if nothing uses it and it has not been used for <paramref name="idle"/>; a retired cluster takes no new use.</summary>
    internal bool TryRetire(DateTimeOffset now, TimeSpan idle)
    {
        lock (_sync)
        {
            if (_leases == 0 && _pump.UnderWay == 0 && now - _lastUsed >= idle) _retired = true;
            return _retired;
        }
    }

    private void Touch()
    {
        lock (_sync) _lastUsed = _clock.GetUtcNow();
    }

    /// <summary>Stops the wall-clock pump and the sandbox (its background terminals and streams).</summary>
    public async ValueTask DisposeAsync()
    {
        await _pump.DisposeAsync();
        await Session.DisposeAsync();
        _ticket.Dispose();
    }
}

/// <summary>A page's hold on a learner's cluster: while any is held, the cluster is not discarded.</summary>
public sealed class LearnerLease(LearnerCluster cluster) : IDisposable
{
    private int _released;

    public LearnerCluster Cluster => cluster;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) cluster.Release();
    }
}
