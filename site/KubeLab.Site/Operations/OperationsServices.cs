using KubeLab.Site.Learners;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KubeLab.Site.Operations;

/// <summary>What running the site in production takes: probes, graceful shutdown, the session cap, metrics.</summary>
public static class OperationsServices
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SessionGate>();
        services.AddSingleton<CircuitCount>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitCount.Handler>());
        services.AddSingleton<SiteMetrics>();
        services.AddSingleton<MetricsExposition>();
        services.AddHealthEndpoints();

        services.AddSingleton<GracefulShutdown>();
        services.AddSingleton<IHostLifetime, GracefulShutdown.Lifetime>();
        // The drain (Learners:ShutdownTimeout) comes before the host stops; this bounds the stop itself.
        services.Configure<HostOptions>(host => host.ShutdownTimeout = LearnerOptions.StopTimeout);

        // Keys only in memory, per replica: nothing is written (the image's root filesystem is read-only), and nothing
        // is lost, since what they protect (a page's circuit descriptors and its learner parameter) is only of use to
        // the circuit on this replica, whose state dies with the process anyway. The learner cookie is not protected.
        services.AddDataProtection();
        services.Configure<KeyManagementOptions>(keys => keys.XmlRepository = new InMemoryKeyRepository());
        return services;
    }

    /// <summary>Counts the site's requests; first in the pipeline, so it sees every status, the error page's 500 too.</summary>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app)
    {
        // Made now, not on the first scrape: it must hear every cluster from the first.
        var metrics = app.ApplicationServices.GetRequiredService<SiteMetrics>();
        app.ApplicationServices.GetRequiredService<MetricsExposition>();
        return app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            finally
            {
                // Probes and scrapes would drown the learners' traffic.
                if (!http.Request.Path.StartsWithSegments(MetricsPath) && !http.Request.Path.StartsWithSegments("/healthz")) metrics.HttpRequest(http.Response.StatusCode);
            }
        });
    }

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthEndpoints();
        MetricsExposition.MapMetrics(endpoints, MetricsPath);
        return endpoints;
    }
}
