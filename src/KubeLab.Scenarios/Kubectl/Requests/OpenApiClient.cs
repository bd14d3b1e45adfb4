using System.Text.Json.Nodes;

namespace KubeLab.Scenarios.Kubectl.Requests;

/// <summary>
/// kubectl's OpenAPI v3 client: the root document once per run, then each group-version's document (at the root's
/// <c>serverRelativeURL</c>) once, as the field-validation check and <c>explain</c> need them.
/// </summary>
internal sealed class OpenApiClient(KubeClient client)
{
    private JsonObject? root;
    private readonly Dictionary<string, JsonObject?> documents = new(StringComparer.Ordinal);

    public async Task<JsonObject> RootAsync(CancellationToken cancellationToken)
    {
        if (root is not null) return root;
        var response = await client.SendAsync(new KubeRequest(HttpMethod.Get, "/openapi/v3")
        {
            Query = "timeout=32s",
            Accept = KubeRequest.AnyAccept,
            Caller = "client.go:46",
        }, cancellationToken);
        if (!response.IsSuccess) throw new KubectlException(Output.KubectlError.FromStatus(response.Status()));
        return root = response.Json();
    }

    /// <summary>
    /// The fallback of kubectl's field-validation check for a group-version the v3 root does not list: a look for
    /// CustomResourceDefinitions, then the v2 document. The simulator serves neither, so the check fails.
    /// </summary>
    public async Task<Output.KubectlError?> VerifyUnlistedAsync(CancellationToken cancellationToken)
    {
        if (unlistedFailure is not null) return unlistedFailure;
        await client.SendAsync(new KubeRequest(HttpMethod.Get, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions")
        {
            Caller = "crdfinder.go:111",
        }, cancellationToken);
        var v2 = await client.SendAsync(new KubeRequest(HttpMethod.Get, "/openapi/v2")
        {
            Query = "timeout=32s",
            Accept = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf",
            Caller = "discovery_client.go:671",
        }, cancellationToken);
        return unlistedFailure = v2.IsSuccess ? null : Output.KubectlError.FromStatus(v2.Status());
    }

    private Output.KubectlError? unlistedFailure;

    /// <summary>The document of <c>api/v1</c> or <c>apis/GROUP/VERSION</c>; null when the root does not list it.</summary>
    public async Task<JsonObject?> GroupVersionAsync(string group, string version, CancellationToken cancellationToken)
    {
        var key = group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";
        if (documents.TryGetValue(key, out var cached)) return cached;
        var rootDocument = await RootAsync(cancellationToken);
        if (rootDocument["paths"]?[key]?["serverRelativeURL"] is not JsonValue url) return documents[key] = null;
        var relative = (string)url!;
        var question = relative.IndexOf('?');
        var response = await client.SendAsync(new KubeRequest(HttpMethod.Get, question < 0 ? relative : relative[..question])
        {
            Query = (question < 0 ? "" : relative[(question + 1)..] + "&") + "timeout=32s",
            Accept = KubeRequest.JsonAccept,
            Caller = "groupversion.go:75",
        }, cancellationToken);
        if (!response.IsSuccess) throw new KubectlException(Output.KubectlError.FromStatus(response.Status()));
        return documents[key] = response.Json();
    }
}
