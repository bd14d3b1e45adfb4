using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Running;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KubeLab.Site.Sandbox;

/// <summary>Opens a learner's sandbox: a cluster of its own, driven by the emulated clients lessons use.</summary>
public sealed class SandboxSessions(TimeProvider wallClock)
{
    /// <summary>A session whose cluster's clock starts at the present (in whole seconds, as Kubernetes timestamps are).</summary>
    public SandboxSession Open() =>
        new(new ScenarioRunner(EmulatedClients.Create()) { Start = DateTimeOffset.FromUnixTimeSeconds(wallClock.GetUtcNow().ToUnixTimeSeconds()) }, wallClock);
}

public static class SandboxServices
{
    public static IServiceCollection AddSandbox(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SandboxSessions>();
        return services;
    }
}
