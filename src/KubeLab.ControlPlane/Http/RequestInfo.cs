namespace KubeLab.ControlPlane.Http;

/// <summary>
/// What a request is about, read from its method, path and query the way kube-apiserver's
/// RequestInfoFactory reads them: a resource request (<c>/api/v1/namespaces/x/pods/y/log</c>) or a
/// non-resource path (<c>/healthz</c>).
/// </summary>
public sealed record RequestInfo
{
    public required string Path { get; init; }
    public required string Verb { get; init; }
    public bool IsResourceRequest { get; init; }
    public string ApiPrefix { get; init; } = "";
    public string ApiGroup { get; init; } = "";
    public string ApiVersion { get; init; } = "";
    public string? Namespace { get; init; }
    public string Resource { get; init; } = "";
    public string? Subresource { get; init; }
    public string? Name { get; init; }

    private static readonly HashSet<string> NamespaceSubresources = ["status", "finalize"];

    /// <summary>A boolean query parameter as Go's strconv.ParseBool reads it (<c>watch=1</c>, <c>watch=true</c>, <c>watch=T</c>…).</summary>
    public static bool IsTrue(string? value) => value is "1" or "t" or "T" or "true" or "TRUE" or "True";

    public static RequestInfo Resolve(string method, string path, string? watchQuery)
    {
        var verb = method.ToLowerInvariant() switch
        {
            "post" => "create",
            "get" or "head" => "get",
            "put" => "update",
            "patch" => "patch",
            "delete" => "delete",
            _ => method.ToLowerInvariant(),
        };
        // Non-resource requests keep the HTTP method as their verb (get, head, post…), as RequestInfoFactory does.
        var nonResource = new RequestInfo { Path = path, Verb = method.ToLowerInvariant() };
        var parts = path.Trim('/').Split('/', StringSplitOptions.None);
        if (parts.Length < 2 || parts[0] is not ("api" or "apis")) return nonResource;

        var prefix = parts[0];
        string group, version;
        int rest;
        if (prefix == "api")
        {
            (group, version, rest) = ("", parts[1], 2);
        }
        else
        {
            if (parts.Length < 3) return nonResource;
            (group, version, rest) = (parts[1], parts[2], 3);
        }
        var current = parts[rest..];
        if (current.Length == 0 || current[0].Length == 0) return nonResource;

        if (current[0] == "watch")
        {
            verb = "watch";
            current = current[1..];
            if (current.Length == 0) return nonResource;
        }

        string? ns = null;
        if (current[0] == "namespaces" && current.Length > 1)
        {
            ns = current[1];
            if (current.Length > 2 && !NamespaceSubresources.Contains(current[2])) current = current[2..];
        }

        var info = new RequestInfo
        {
            Path = path,
            Verb = verb,
            IsResourceRequest = true,
            ApiPrefix = prefix,
            ApiGroup = group,
            ApiVersion = version,
            Namespace = ns,
            Resource = current[0],
            Name = current.Length > 1 ? current[1] : null,
            Subresource = current.Length > 2 ? current[2] : null,
        };
        if (current.Length > 3) return info with { IsResourceRequest = false };

        var isWatch = IsTrue(watchQuery);
        if (info.Name is null && info.Verb == "get") return info with { Verb = isWatch ? "watch" : "list" };
        if (info.Name is null && info.Verb == "delete") return info with { Verb = "deletecollection" };
        if (info.Verb == "watch" && info.Name is not null)
            return info with { Name = null, Subresource = null };
        return info;
    }
}
