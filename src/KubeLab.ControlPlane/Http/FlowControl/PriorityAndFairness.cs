using KubeLab.ControlPlane.Pipeline;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Http.FlowControl;

/// <summary>
/// The cluster's rate and watch bounds (<see cref="ClusterLimits.RequestsPerSecond"/>, <see cref="ClusterLimits.MaxWatches"/>),
/// where kube-apiserver's priority-and-fairness filter sits: after impersonation, before authorization. A refusal is
/// APF's own answer, <c>429</c> with <c>Retry-After</c> and the plain-text body
/// <c>Too many requests, please try again later.</c> (http.Error, not a Status: client-go turns it into
/// <c>TooManyRequests</c> and retries). The cluster's components are exempt, as the system priority levels keep
/// controllers, scheduler and kubelets apart from a user's flood: a learner's burst never starves them. Unlike
/// APF, <c>system:masters</c> is not exempt, since a learner usually is one.
/// </summary>
public sealed class PriorityAndFairness(Cluster cluster)
{
    public const string TooManyRequests = "Too many requests, please try again later.";

    private readonly ClusterLimits _limits = cluster.Options.Limits;
    private readonly int _burst = BurstOf(cluster.Options.Limits);
    private readonly TokenBucket? _rate = cluster.Options.Limits.RequestsPerSecond is { } perSecond
        ? new TokenBucket(cluster.Services.Clock, perSecond, BurstOf(cluster.Options.Limits))
        : null;
    private readonly Lock _sync = new();
    private HashSet<string>? _components;
    private int _openWatches;

    /// <summary>Watches and followed logs open now, the cluster's components' not counted.</summary>
    public int OpenWatches { get { lock (_sync) return _openWatches; } }

    public RequestDelegate Wrap(RequestDelegate next)
    {
        if (_rate is null && _limits.MaxWatches is null) return next;
        return async http =>
        {
            var api = http.Api();
            if (IsComponent(api.Requester))
            {
                await next(http);
                return;
            }
            if (_rate is not null && !_rate.TryTake(out var retryAfter))
            {
                await Refuse(http, api.Trace, retryAfter, $"more than {_limits.RequestsPerSecond} requests per second (burst {_burst})");
                return;
            }
            if (!IsLongRunning(http, api.Info) || _limits.MaxWatches is not { } maxWatches)
            {
                await next(http);
                return;
            }
            bool admitted;
            lock (_sync)
            {
                admitted = _openWatches < maxWatches;
                if (admitted) _openWatches++;
            }
            if (!admitted)
            {
                await Refuse(http, api.Trace, 1, $"{_limits.MaxWatches} watches are open already");
                return;
            }
            try
            {
                await next(http);
            }
            finally
            {
                lock (_sync) _openWatches--;
            }
        };
    }

    /// <summary>The burst the bucket holds: as configured, or one second's worth.</summary>
    private static int BurstOf(ClusterLimits limits) => limits.Burst ?? (int)Math.Ceiling(limits.RequestsPerSecond ?? 0);

    /// <summary>A watch, or a followed log: a stream that stays open (kube-apiserver's long-running requests).</summary>
    private static bool IsLongRunning(HttpContext http, RequestInfo info) =>
        info.Verb == "watch" || (info.Subresource == "log" && RequestInfo.IsTrue(http.Request.Query["follow"]));

    /// <summary>
    /// The user the credentials prove, before any impersonation: a learner allowed to impersonate
    /// <c>system:kube-scheduler</c> does not get the scheduler's exemption with it.
    /// </summary>
    private bool IsComponent(UserInfo requester)
    {
        var components = _components;
        if (components is null)
        {
            // The controllers are made after the API server; until they are, nobody is one of them.
            if (cluster.Controllers is not { } controllers) return false;
            _components = components = controllers.Identities.Select(i => i.User.Name).ToHashSet(StringComparer.Ordinal);
        }
        return components.Contains(requester.Name);
    }

    /// <summary>What APF's tooManyRequests writes: Retry-After, then http.Error's text/plain body and nosniff.</summary>
    private static Task Refuse(HttpContext http, RequestTrace trace, int retryAfterSeconds, string why)
    {
        trace.Add(new TraceEntry(TraceStage.FlowControl, "priority-and-fairness", "rejected", $"{why}: 429, retry after {retryAfterSeconds}s"));
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ResponseWriter.WriteText(http, StatusCodes.Status429TooManyRequests, TooManyRequests + "\n");
    }
}
