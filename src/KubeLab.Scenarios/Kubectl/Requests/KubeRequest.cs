namespace KubeLab.Scenarios.Kubectl.Requests;

/// <summary>
/// One request as kubectl's REST client builds it. <see cref="Caller"/> is the Go source location its
/// <c>-v=8</c> body lines name (<c>helper.go:113</c> for a resource GET, <c>discovery_client.go:252</c>…).
/// </summary>
internal sealed record KubeRequest(HttpMethod Method, string Path)
{
    public const string JsonAccept = "application/json";
    public const string AnyAccept = "application/json, */*";
    public const string ProtobufAccept = "application/vnd.kubernetes.protobuf,application/json";
    public const string ProtobufContentType = "application/vnd.kubernetes.protobuf";
    public const string TableAccept =
        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    /// <summary>The query, already encoded, without the leading <c>?</c>.</summary>
    public string Query { get; init; } = "";

    public string? Accept { get; init; } = JsonAccept;

    public string? ContentType { get; init; }

    public byte[]? Body { get; init; }

    /// <summary>Send the body with <c>Transfer-Encoding: chunked</c> (what <c>replace --raw -f</c> does).</summary>
    public bool Chunked { get; init; }

    public string Caller { get; init; } = "helper.go:113";

    /// <summary>False for requests read as a stream (<c>--raw</c>, logs), whose bodies client-go does not log.</summary>
    public bool LogResponseBody { get; init; } = true;

    /// <summary>Built from a whole path (client-go's AbsPath, as <c>--raw</c> does), not from a resource and a name.</summary>
    public bool AbsPath { get; init; }

    public string PathAndQuery => Query.Length == 0 ? Path : Path + "?" + Query;

    /// <summary>
    /// What NewGenericServerResponse appends to an error made up from a status code: <c> (get configmaps one)</c>,
    /// <c> (post deployments.apps)</c>; nothing for a request not built from a resource (discovery, <c>--raw</c>).
    /// </summary>
    public string ResourceSuffix()
    {
        var info = KubeLab.ControlPlane.Http.RequestInfo.Resolve(Method.Method, Path, null);
        if (AbsPath || !info.IsResourceRequest || info.Resource.Length == 0) return "";
        var resource = info.ApiGroup.Length == 0 ? info.Resource : $"{info.Resource}.{info.ApiGroup}";
        var verb = Method.Method.ToLowerInvariant();
        return string.IsNullOrEmpty(info.Name) ? $" ({verb} {resource})" : $" ({verb} {resource} {info.Name})";
    }

    public static KubeRequest Get(string path, GoQuery? query = null) => new(HttpMethod.Get, path) { Query = query?.Encode() ?? "" };
}
