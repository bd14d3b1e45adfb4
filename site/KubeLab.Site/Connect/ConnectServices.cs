using System.Text;
using KubeLab.Site.Learners;
using KubeLab.Site.Operations;

namespace KubeLab.Site.Connect;

public static class ConnectServices
{
    public const string KubeconfigPath = "/connect/" + ConnectKubeconfig.FileName;

    /// <summary>The connect endpoint (configured by section <c>Connect</c>), started and stopped with the site.</summary>
    public static IServiceCollection AddConnect(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ConnectOptions>(configuration.GetSection(ConnectOptions.Section));
        services.AddSingleton<ConnectServer>();
        services.AddHostedService(provider => provider.GetRequiredService<ConnectServer>());
        return services;
    }

    /// <summary>The learner's kubeconfig as a file to save: only ever the cookie's own learner's; no learner, no file.</summary>
    public static IEndpointRouteBuilder MapKubeconfigDownload(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(KubeconfigPath, DownloadAsync);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, LearnerClusters learners, ConnectServer connect)
    {
        if (LearnerCookie.Of(http) is not { } learner || !connect.IsServing) return Results.NotFound();
        LearnerLease lease;
        try
        {
            lease = await learners.OpenAsync(learner, http.RequestAborted);
        }
        catch (SiteFullException full)
        {
            return SiteFullPage.Result(full);
        }
        using (lease)
        {
            // It holds the learner's token: no cache keeps it.
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(Encoding.UTF8.GetBytes(connect.Kubeconfig(lease.Cluster.Credentials)), "application/yaml", ConnectKubeconfig.FileName);
        }
    }
}
