using Microsoft.Extensions.Configuration;

namespace KubeLab.ControlPlane;

/// <summary>
/// How much one cluster may be asked to hold and serve, so a site can give every learner a cluster of their own
/// without one learner exhausting the server. Past a bound the request is refused as a real API server refuses it
/// (403 exceeded quota, 413, 429) and the store is left as it was. Null means unbounded; the default bounds only
/// the request body, at kube-apiserver's own 3 MiB.
/// </summary>
public sealed record ClusterLimits
{
    /// <summary>No bounds but the real API server's body limit: what lesson runs and <c>kubelab serve</c> use.</summary>
    public static ClusterLimits Default { get; } = new();

    /// <summary>The configuration section a host binds with <see cref="FromConfiguration"/>.</summary>
    public const string Section = "Learners:Limits";

    /// <summary>The largest request body read (kube-apiserver's --max-request-body-bytes, 3 MiB there).</summary>
    public long MaxRequestBodyBytes { get; init; } = Http.Handlers.RequestBody.Limit;

    /// <summary>Objects stored, of every kind, beyond those the cluster bootstrapped itself.</summary>
    public int? MaxObjects { get; init; }

    /// <summary>Watches and followed logs open at once.</summary>
    public int? MaxWatches { get; init; }

    /// <summary>Requests per second, refilled by the cluster's clock; null for no rate bound.</summary>
    public double? RequestsPerSecond { get; init; }

    /// <summary>Requests that may come at once after a quiet spell; defaults to one second's worth.</summary>
    public int? Burst { get; init; }

    /// <summary>
    /// The limits in a configuration section (<c>Learners:Limits</c> of appsettings.json or the environment), with
    /// what the section does not name left as in <paramref name="defaults"/> (<see cref="Default"/> when not given).
    /// Nonsense (a zero or negative bound) is refused here, when the host starts, rather than as a cluster that
    /// refuses everything.
    /// </summary>
    public static ClusterLimits FromConfiguration(IConfiguration configuration, ClusterLimits? defaults = null)
    {
        var limits = (defaults ?? Default) with { };
        configuration.GetSection(Section).Bind(limits);
        limits.Validate();
        return limits;
    }

    /// <summary>Throws when a bound could never be met; a cluster checks its limits when it is created.</summary>
    public void Validate()
    {
        Positive(MaxRequestBodyBytes, nameof(MaxRequestBodyBytes));
        if (MaxObjects is { } objects) Positive(objects, nameof(MaxObjects));
        if (MaxWatches is { } watches) Positive(watches, nameof(MaxWatches));
        if (RequestsPerSecond is { } rate && !(rate > 0 && double.IsFinite(rate)))
            throw new ArgumentOutOfRangeException(nameof(RequestsPerSecond), rate, $"{Section}:{nameof(RequestsPerSecond)} must be a positive number");
        if (Burst is { } burst)
        {
            Positive(burst, nameof(Burst));
            if (RequestsPerSecond is null)
                throw new ArgumentException($"{Section}:{nameof(Burst)} needs {Section}:{nameof(RequestsPerSecond)}", nameof(Burst));
        }
    }

    private static void Positive(long value, string name)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{Section}:{name} must be positive");
    }
}
