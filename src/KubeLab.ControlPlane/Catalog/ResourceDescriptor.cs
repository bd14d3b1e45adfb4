using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Printers;
using KubeLab.ControlPlane.Registry;

namespace KubeLab.ControlPlane.Catalog;

public enum ResourceScope { Namespaced, Cluster }

/// <summary>A subresource as discovery lists it (<c>pods/log</c>, <c>deployments/scale</c>).</summary>
public sealed record SubresourceDescriptor(string Name, string Kind, string[] Verbs, string Group = "", string Version = "v1");

/// <summary>
/// Everything the generic machinery needs to serve one resource: its names, scope, verbs,
/// subresources, strategy and table columns. Adding a kind is one of these plus a strategy.
/// </summary>
public sealed record ResourceDescriptor
{
    public static readonly string[] AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public required string Group { get; init; }
    public required string Version { get; init; }
    public required string Kind { get; init; }
    public required string Plural { get; init; }
    public required ResourceScope Scope { get; init; }
    public required IResourceStrategy Strategy { get; init; }
    public string Singular => Kind.ToLowerInvariant();
    public string ListKind => Kind + "List";
    public string[] ShortNames { get; init; } = [];
    public string[] Categories { get; init; } = [];
    public string[] Verbs { get; init; } = AllVerbs;
    public SubresourceDescriptor[] Subresources { get; init; } = [];
    public ITableConvertor Table { get; init; } = DefaultTableConvertor.Instance;
    /// <summary>The etcd key segment: usually the plural, but e.g. <c>minions</c> for nodes.</summary>
    public string? StoragePrefix { get; init; }
    /// <summary>DELETE answers with the object (pods, namespaces…) rather than a Success Status.</summary>
    public bool ReturnDeletedObject { get; init; }

    public bool Namespaced => Scope == ResourceScope.Namespaced;
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";
    public GroupResource GroupResource => new(Group, Plural);
    public Type ObjectType => Strategy.ObjectType;

    public bool Supports(string verb) => Verbs.Contains(verb);
    public SubresourceDescriptor? Subresource(string name) => Subresources.FirstOrDefault(s => s.Name == name);

    /// <summary>The key etcd would hold the object under, e.g. <c>/registry/pods/default/nginx</c>.</summary>
    public string EtcdKey(string? ns, string name) =>
        $"/registry/{StoragePrefix ?? Plural}/" + (Namespaced ? $"{ns}/{name}" : name);
}
