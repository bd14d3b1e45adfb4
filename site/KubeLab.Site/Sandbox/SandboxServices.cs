using KubeLab.ControlPlane;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Running;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KubeLab.Site.Sandbox;

/// <summary>
/// Opens a learner's sandbox: a cluster of its own, driven by the emulated clients lessons use, bounded by
/// <paramref name="limits"/> (what the learner types or sends through the connect endpoint has no author to keep it small).
/// </summary>
public sealed class SandboxSessions(TimeProvider wallClock, ClusterLimits limits)
{
    /// <summary>A session whose cluster's clock starts at the present (in whole seconds, as Kubernetes timestamps are).</summary>
    public SandboxSession Open() =>
        new(new ScenarioRunner(EmulatedClients.Create(), limits) { Start = DateTimeOffset.FromUnixTimeSeconds(wallClock.GetUtcNow().ToUnixTimeSeconds()) }, wallClock);
}

public static class SandboxServices
{
    /// <summary>
    /// A learner's cluster unless <c>Learners:Limits</c> says otherwise: far more objects than any lesson makes
    /// (tens), a body any manifest fits in, room for several <c>-w</c> terminals and followed logs, and a rate above
    /// kubectl's own client-side limit (5 per second, burst 10) and a cold discovery, that stops a scripted flood.
    /// </summary>
    public static readonly ClusterLimits LearnerLimits = new()
    {
        MaxObjects = 500, MaxRequestBodyBytes = 1024 * 1024, MaxWatches = 20, RequestsPerSecond = 20, Burst = 40,
    };

    public static IServiceCollection AddSandbox(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Read when first needed, so settings a host adds after Program's first lines (a test host) count too.
        services.AddSingleton(provider => ClusterLimits.FromConfiguration(provider.GetRequiredService<IConfiguration>(), LearnerLimits));
        services.AddSingleton<SandboxSessions>();
        return services;
    }
}
