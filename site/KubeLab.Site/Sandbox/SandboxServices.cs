using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Running;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KubeLab.Site.Sandbox;

/// <summary>Opens a learner's sandbox: a cluster of its own, driven by the emulated clients lessons use.</summary>
public sealed class SandboxSessions(TimeProvider wallClock)
{
    public SandboxSession Open() => new(new ScenarioRunner(EmulatedClients.Create()), wallClock);
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
