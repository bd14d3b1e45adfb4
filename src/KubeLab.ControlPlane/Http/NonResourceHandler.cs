using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Http.Discovery;
using KubeLab.ControlPlane.OpenApi;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Http;

/// <summary>Paths that are not resources: discovery, OpenAPI, health, version and the root listing.</summary>
public sealed class NonResourceHandler(Cluster cluster)
{
    private readonly DiscoveryDocuments _discovery = new(cluster.Catalog);
    private readonly HealthChecks _health = new();
    private readonly OpenApiDocuments _openApi = OpenApiDocuments.For(cluster.Catalog);

    public Task Handle(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            throw StatusErrors.NotFoundPath();
        var accept = http.Request.Headers.Accept.ToString();
        var parts = path.Trim('/').Split('/');
        return parts switch
        {
            [""] => ResponseWriter.WriteRawJson(http, new RootPaths(RootPaths.For(cluster.Catalog, _health))),
            ["version"] => ResponseWriter.WriteRawJson(http, ServerVersion.Current),
            ["healthz" or "livez" or "readyz", ..] => _health.Handle(http, parts),
            ["api"] when MediaTypes.WantsAggregatedDiscovery(accept) =>
                ResponseWriter.WriteJson(http, 200, Serialization.KubeJson.Serialize(_discovery.Aggregated(core: true)), MediaTypes.AggregatedDiscovery),
            ["api"] => ResponseWriter.WriteObject(http, 200, _discovery.CoreVersions()),
            ["apis"] when MediaTypes.WantsAggregatedDiscovery(accept) =>
                ResponseWriter.WriteJson(http, 200, Serialization.KubeJson.Serialize(_discovery.Aggregated(core: false)), MediaTypes.AggregatedDiscovery),
            ["apis"] => ResponseWriter.WriteObject(http, 200, _discovery.Groups()),
            ["api", var v] => Found(http, _discovery.Resources("", v)),
            ["apis", var g] => Found(http, _discovery.Group(g)),
            ["apis", var g, var v] => Found(http, _discovery.Resources(g, v)),
            ["openapi", "v3"] => ResponseWriter.WriteJson(http, 200, _openApi.Root),
            ["openapi", "v3", .. var gv] => Found(http, _openApi.Document(string.Join('/', gv))),
            _ => throw StatusErrors.NotFoundPath(),
        };
    }

    private static Task Found<T>(HttpContext http, T? document) where T : class =>
        document is null ? throw StatusErrors.NotFoundPath() : ResponseWriter.WriteObject(http, 200, document);

    private static Task Found(HttpContext http, byte[]? document) =>
        document is null ? throw StatusErrors.NotFoundPath() : ResponseWriter.WriteJson(http, 200, document);
}

/// <summary>The body of <c>GET /</c>: every path the server serves, sorted.</summary>
public sealed record RootPaths(List<string> Paths)
{
    public static List<string> For(Catalog.ResourceCatalog catalog, HealthChecks health)
    {
        var paths = new List<string> { "/api", "/api/v1", "/apis", "/apis/", "/openapi/v3", "/openapi/v3/", "/version" };
        foreach (var (group, versions) in catalog.Groups)
        {
            paths.Add($"/apis/{group}");
            paths.AddRange(versions.Select(v => $"/apis/{group}/{v}"));
        }
        paths.AddRange(health.Paths);
        paths.Sort(StringComparer.Ordinal);
        return paths;
    }
}

/// <summary>The version this simulator answers as: a v1.33.1 kube-apiserver.</summary>
public sealed record ServerVersion(
    string Major, string Minor, string EmulationMajor, string EmulationMinor, string MinCompatibilityMajor, string MinCompatibilityMinor,
    string GitVersion, string GitCommit, string GitTreeState, string BuildDate, string GoVersion, string Compiler, string Platform)
{
    public static readonly ServerVersion Current = new("1", "33", "1", "33", "1", "32", "v1.33.1",
        "8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828", "clean", "2025-05-15T08:19:07Z", "go1.24.2", "gc", "linux/amd64");
}
