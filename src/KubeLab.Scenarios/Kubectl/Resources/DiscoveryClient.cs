using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Resources;

/// <summary>
/// kubectl's cached discovery (client-go's memcache over the disk cache): aggregated <c>/api</c> and <c>/apis</c>
/// on a cold cache, nothing on a warm one (six hours, as cli-runtime sets it). A failure is retried, and
/// reported as client-go's memcache reports it.
/// </summary>
internal sealed class DiscoveryClient(KubeClient client, ClientEnvironment environment)
{
    public const string Accept =
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(6);
    private ApiResourceCatalog? loaded;
    private bool fetchedThisRun;

    private string Key(string name) => $"discovery/{client.Config.HostPort.Replace(':', '_')}/{name}";

    public async Task<ApiResourceCatalog> LoadAsync(CancellationToken cancellationToken)
    {
        if (loaded is not null) return loaded;
        if (ReadCache() is { } cached) return loaded = cached;
        return await FetchAsync(cancellationToken);
    }

    /// <summary>Drops the cache and fetches again (kubectl does so for a type it does not know, and for api-resources).</summary>
    public async Task<ApiResourceCatalog> RefreshAsync(CancellationToken cancellationToken)
    {
        if (fetchedThisRun && loaded is not null) return loaded;
        return await FetchAsync(cancellationToken);
    }

    private async Task<ApiResourceCatalog> FetchAsync(CancellationToken cancellationToken)
    {
        byte[]? core = null;
        KubeResponse? failure = null;
        TransportException? unreachable = null;
        for (var attempt = 0; attempt < 5 && core is null; attempt++)
        {
            KubeResponse response;
            try
            {
                response = await client.SendAsync(Request("/api", "discovery_client.go:252"), cancellationToken);
            }
            catch (TransportException e)
            {
                unreachable = e;
                client.Klog.Error("memcache.go:265", "Unhandled Error", ("err", $"couldn't get current server API group list: {e.UrlError}"));
                continue;
            }
            if (response.IsSuccess) core = response.Body;
            else
            {
                failure = response;
                client.Klog.Error("memcache.go:265", "Unhandled Error", ("err", $"couldn't get current server API group list: {Describe(response)}"));
            }
        }
        if (core is null && failure is null && unreachable is not null) throw unreachable;
        if (core is null) throw new KubectlException(KubectlError.FromStatus(DiscoveryStatus(failure!)));
        var groups = await client.SendAsync(Request("/apis", "discovery_client.go:318"), cancellationToken);
        if (!groups.IsSuccess) throw new KubectlException(KubectlError.FromStatus(DiscoveryStatus(groups)));

        environment.DiscoveryCache[Key("api")] = core;
        environment.DiscoveryCache[Key("apis")] = groups.Body;
        environment.DiscoveryCache[Key("fetched")] = BitConverter.GetBytes(environment.Cluster.Services.Clock.GetUtcNow().UtcTicks);
        fetchedThisRun = true;
        return loaded = ApiResourceCatalog.Parse(core, groups.Body);
    }

    private ApiResourceCatalog? ReadCache()
    {
        var cache = environment.DiscoveryCache;
        if (!cache.TryGetValue(Key("api"), out var core) || !cache.TryGetValue(Key("apis"), out var groups)) return null;
        if (cache.TryGetValue(Key("fetched"), out var ticks)
            && environment.Cluster.Services.Clock.GetUtcNow().UtcTicks - BitConverter.ToInt64(ticks) > Lifetime.Ticks) return null;
        return ApiResourceCatalog.Parse(core, groups);
    }

    private static KubeRequest Request(string path, string caller) => new(HttpMethod.Get, path)
    {
        Query = "timeout=32s",
        Accept = Accept,
        Caller = caller,
    };

    /// <summary>A 401 on discovery is reported with client-go's own words, not the server's message.</summary>
    private static ControlPlane.Api.Meta.Status DiscoveryStatus(KubeResponse response)
    {
        var status = response.Status();
        if (response.StatusCode == 401)
            status = new ControlPlane.Api.Meta.Status { Outcome = "Failure", Code = 401, Reason = "Unauthorized", Message = "the server has asked for the client to provide credentials" };
        return status;
    }

    private static string Describe(KubeResponse response) => DiscoveryStatus(response).Message ?? "";
}

/// <summary>Every resource type the server serves, in discovery order (the core group first).</summary>
internal sealed class ApiResourceCatalog(IReadOnlyList<ApiResource> resources, IReadOnlyList<string> groupVersions)
{
    public IReadOnlyList<ApiResource> Resources { get; } = resources;

    /// <summary>Every group/version the server serves (preferred first within a group), as <c>api-versions</c> lists them.</summary>
    public IReadOnlyList<string> GroupVersions { get; } = groupVersions;

    public static ApiResourceCatalog Parse(byte[] core, byte[] groups)
    {
        var resources = new List<ApiResource>();
        var versions = new List<string>();
        foreach (var body in new[] { core, groups })
        {
            var list = JsonTree.Parse(body) as JsonObject;
            foreach (var group in list?["items"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                var groupName = (string?)group["metadata"]?["name"] ?? "";
                var first = true;
                foreach (var version in group["versions"]?.AsArray().OfType<JsonObject>() ?? [])
                {
                    var versionName = (string?)version["version"] ?? "";
                    versions.Add(groupName.Length == 0 ? versionName : $"{groupName}/{versionName}");
                    foreach (var r in version["resources"]?.AsArray().OfType<JsonObject>() ?? [])
                        resources.Add(Resource(groupName, versionName, r, first));
                    first = false;
                }
            }
        }
        return new ApiResourceCatalog(resources, versions);
    }

    private static ApiResource Resource(string group, string version, JsonObject r, bool preferred)
    {
        static IReadOnlyList<string> Strings(JsonNode? node) => node?.AsArray().Select(n => (string?)n ?? "").ToList() ?? [];
        var plural = (string?)r["resource"] ?? "";
        var kind = (string?)r["responseKind"]?["kind"] ?? "";
        return new ApiResource(group, version, plural, (string?)r["singularResource"] ?? kind.ToLowerInvariant(), kind,
            (string?)r["scope"] == "Namespaced", Strings(r["verbs"]), Strings(r["shortNames"]), Strings(r["categories"]),
            r["subresources"]?.AsArray().OfType<JsonObject>().Select(s => (string?)s["subresource"] ?? "").ToList() ?? [])
        {
            Preferred = preferred,
        };
    }
}
