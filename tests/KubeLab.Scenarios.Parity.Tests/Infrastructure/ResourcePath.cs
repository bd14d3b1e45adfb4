namespace KubeLab.Scenarios.Parity.Tests.Infrastructure;

/// <summary>A resource URL taken apart: <c>/apis/apps/v1/namespaces/ns/deployments/web</c>.</summary>
public sealed record ResourcePath(string Group, string Version, string? Namespace, string Resource, string? Name)
{
    public static ResourcePath Parse(string pathAndQuery)
    {
        var segments = pathAndQuery.Split('?')[0].Trim('/').Split('/');
        var (group, version, rest) = segments[0] == "api"
            ? ("", segments[1], segments[2..])
            : (segments[1], segments[2], segments[3..]);
        string? ns = null;
        if (rest.Length >= 3 && rest[0] == "namespaces")
        {
            ns = rest[1];
            rest = rest[2..];
        }
        return new ResourcePath(group, version, ns, rest[0], rest.Length > 1 ? rest[1] : null);
    }

    /// <summary>The discovery document that describes this resource.</summary>
    public string DiscoveryPath => Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
}
