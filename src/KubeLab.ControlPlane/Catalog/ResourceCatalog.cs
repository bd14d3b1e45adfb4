using System.Security.Cryptography;
using System.Text;

namespace KubeLab.ControlPlane.Catalog;

/// <summary>The resources a cluster serves, looked up the ways requests and bodies name them.</summary>
public sealed class ResourceCatalog
{
    /// <summary>Group order as kube-apiserver lists them in /apis (by its group priorities).</summary>
    private static readonly string[] GroupPriority = ["", "apps", "authentication.k8s.io", "authorization.k8s.io", "autoscaling", "networking.k8s.io", "policy", "rbac.authorization.k8s.io"];

    private readonly Dictionary<(string Group, string Version, string Plural), ResourceDescriptor> _byResource;
    private readonly Dictionary<(string ApiVersion, string Kind), ResourceDescriptor> _byKind;

    public ResourceCatalog(IEnumerable<ResourceDescriptor> resources)
    {
        Resources = resources.OrderBy(r => GroupOrder(r.Group)).ThenBy(r => r.Group, StringComparer.Ordinal)
            .ThenBy(r => r.Plural, StringComparer.Ordinal).ToList();
        _byResource = Resources.ToDictionary(r => (r.Group, r.Version, r.Plural));
        _byKind = Resources.ToDictionary(r => (r.ApiVersion, r.Kind));
    }

    public static ResourceCatalog Default { get; } = new(BuiltInResources.All);

    public IReadOnlyList<ResourceDescriptor> Resources { get; }

    /// <summary>API groups other than core, in discovery order, each with its versions (preferred first).</summary>
    public IEnumerable<(string Group, IReadOnlyList<string> Versions)> Groups =>
        Resources.Where(r => r.Group.Length > 0).GroupBy(r => r.Group)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(r => r.Version).Distinct().ToList()));

    public ResourceDescriptor? Find(string group, string version, string plural) =>
        _byResource.GetValueOrDefault((group, version, plural));

    public ResourceDescriptor? FindKind(string apiVersion, string kind) => _byKind.GetValueOrDefault((apiVersion, kind));

    public IEnumerable<ResourceDescriptor> InGroupVersion(string group, string version) =>
        Resources.Where(r => r.Group == group && r.Version == version);

    /// <summary>The storageVersionHash discovery shows: the first 8 bytes of sha256("group/version/Kind"), base64.</summary>
    public static string StorageVersionHash(ResourceDescriptor resource) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{resource.Group}/{resource.Version}/{resource.Kind}"))[..8]);

    private static int GroupOrder(string group)
    {
        var index = Array.IndexOf(GroupPriority, group);
        return index < 0 ? GroupPriority.Length : index;
    }
}
