using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Catalog;

namespace KubeLab.ControlPlane.Http.Discovery;

/// <summary>Builds the discovery documents from the catalog; they never change for a cluster, so they are made once.</summary>
public sealed class DiscoveryDocuments(ResourceCatalog catalog)
{
    public const string ServerAddress = "172.18.0.2:6443";

    public APIGroupDiscoveryList Aggregated(bool core) => new(core
        ? [new APIGroupDiscovery(new ObjectMeta(), [Version("", "v1")])]
        : catalog.Groups.Select(g => new APIGroupDiscovery(new ObjectMeta { Name = g.Group }, g.Versions.Select(v => Version(g.Group, v)).ToList())).ToList());

    private APIVersionDiscovery Version(string group, string version) => new(version,
        catalog.InGroupVersion(group, version).Select(r => new APIResourceDiscovery(
            r.Plural,
            new GroupVersionKind(r.Group, r.Version, r.Kind),
            r.Namespaced ? "Namespaced" : "Cluster",
            r.Singular,
            r.Verbs,
            r.ShortNames,
            r.Categories,
            r.Subresources.Select(s => new APISubresourceDiscovery(s.Name, new GroupVersionKind(s.Group.Length > 0 ? s.Group : r.Group, s.Version, s.Kind), s.Verbs)).ToList()))
        .ToList(), "Current");

    public APIVersions CoreVersions() => new(["v1"], [new ServerAddressByClientCIDR("0.0.0.0/0", ServerAddress)]);

    public APIGroupList Groups() => new(catalog.Groups.Select(g => Group(g.Group, g.Versions)).ToList());

    public APIGroup? Group(string name) =>
        catalog.Groups.Where(g => g.Group == name).Select(g => Group(g.Group, g.Versions) with { Kind = "APIGroup", ApiVersion = "v1" }).FirstOrDefault();

    private static APIGroup Group(string name, IReadOnlyList<string> versions)
    {
        var list = versions.Select(v => new GroupVersionForDiscovery($"{name}/{v}", v)).ToList();
        return new APIGroup(name, list, list[0]);
    }

    public APIResourceList? Resources(string group, string version)
    {
        var resources = catalog.InGroupVersion(group, version).ToList();
        if (resources.Count == 0) return null;
        var entries = new List<APIResource>();
        foreach (var r in resources)
        {
            entries.Add(new APIResource(r.Plural, r.Singular, r.Namespaced, null, null, r.Kind, r.Verbs,
                r.ShortNames.Length > 0 ? r.ShortNames : null, r.Categories.Length > 0 ? r.Categories : null,
                ResourceCatalog.StorageVersionHash(r)));
            foreach (var s in r.Subresources)
            {
                var foreign = s.Group.Length > 0 && s.Group != r.Group;
                entries.Add(new APIResource($"{r.Plural}/{s.Name}", "", r.Namespaced, foreign ? s.Group : null, foreign ? s.Version : null, s.Kind, s.Verbs, null, null, null));
            }
        }
        var gv = group.Length == 0 ? version : $"{group}/{version}";
        return new APIResourceList(gv, entries.OrderBy(e => e.Name, StringComparer.Ordinal).ToList()) { ApiVersion = group.Length == 0 ? null : "v1" };
    }
}
