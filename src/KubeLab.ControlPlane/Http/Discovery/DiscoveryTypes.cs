using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Http.Discovery;

// Aggregated discovery, apidiscovery.k8s.io/v2.
public sealed record APIGroupDiscoveryList(List<APIGroupDiscovery> Items)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-3)] public string Kind => "APIGroupDiscoveryList";
    [System.Text.Json.Serialization.JsonPropertyOrder(-2)] public string ApiVersion => "apidiscovery.k8s.io/v2";
    [EmitEmpty, System.Text.Json.Serialization.JsonPropertyOrder(-1)] public ListMeta Metadata { get; } = new();
    [EmitEmpty] public List<APIGroupDiscovery> Items { get; } = Items;
}

public sealed record APIGroupDiscovery([property: EmitEmpty] ObjectMeta Metadata, List<APIVersionDiscovery> Versions);

public sealed record APIVersionDiscovery(string Version, List<APIResourceDiscovery> Resources, string Freshness);

public sealed record APIResourceDiscovery(
    string Resource,
    GroupVersionKind ResponseKind,
    string Scope,
    string SingularResource,
    string[] Verbs,
    string[] ShortNames,
    string[] Categories,
    List<APISubresourceDiscovery> Subresources);

public sealed record APISubresourceDiscovery(string Subresource, GroupVersionKind ResponseKind, string[] Verbs);

public sealed record GroupVersionKind([property: EmitEmpty] string Group, [property: EmitEmpty] string Version, [property: EmitEmpty] string Kind);

// Legacy discovery documents.
public sealed record APIVersions(string[] Versions, List<ServerAddressByClientCIDR> ServerAddressByClientCIDRs)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-3)] public string Kind => "APIVersions";
}

public sealed record ServerAddressByClientCIDR(
    [property: System.Text.Json.Serialization.JsonPropertyName("clientCIDR")] string ClientCidr,
    string ServerAddress);

public sealed record APIGroupList(List<APIGroup> Groups)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-3)] public string Kind => "APIGroupList";
    [System.Text.Json.Serialization.JsonPropertyOrder(-2)] public string ApiVersion => "v1";
    [EmitEmpty] public List<APIGroup> Groups { get; } = Groups;
}

public sealed record APIGroup(string Name, List<GroupVersionForDiscovery> Versions, GroupVersionForDiscovery PreferredVersion)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-3)] public string? Kind { get; init; }
    [System.Text.Json.Serialization.JsonPropertyOrder(-2)] public string? ApiVersion { get; init; }
}

public sealed record GroupVersionForDiscovery(string GroupVersion, string Version);

public sealed record APIResourceList(string GroupVersion, List<APIResource> Resources)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-3)] public string Kind => "APIResourceList";
    [System.Text.Json.Serialization.JsonPropertyOrder(-2)] public string? ApiVersion { get; init; }
}

public sealed record APIResource(
    [property: EmitEmpty] string Name,
    [property: EmitEmpty] string SingularName,
    [property: EmitEmpty] bool Namespaced,
    string? Group,
    string? Version,
    [property: EmitEmpty] string Kind,
    [property: EmitEmpty] string[] Verbs,
    string[]? ShortNames,
    string[]? Categories,
    string? StorageVersionHash);
