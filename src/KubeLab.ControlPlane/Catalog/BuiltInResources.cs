using KubeLab.ControlPlane.Printers;
using KubeLab.ControlPlane.Registry.Apps;
using KubeLab.ControlPlane.Registry.Core;

namespace KubeLab.ControlPlane.Catalog;

/// <summary>The kinds a v1.33 cluster serves that KubeLab simulates, named as discovery names them.</summary>
public static class BuiltInResources
{
    private static readonly string[] GetPatchUpdate = ["get", "patch", "update"];

    public static IReadOnlyList<ResourceDescriptor> All { get; } =
    [
        Core("Namespace", "namespaces", ResourceScope.Cluster, new NamespaceStrategy(), NamespaceTableConvertor.Instance, ["ns"]) with
        {
            Verbs = ["create", "delete", "get", "list", "patch", "update", "watch"],
            Subresources = [new("finalize", "Namespace", ["update"]), new("status", "Namespace", GetPatchUpdate)],
            ReturnDeletedObject = true,
        },
        Core("Pod", "pods", ResourceScope.Namespaced, new PodStrategy(), PodTableConvertor.Instance, ["po"], ["all"]) with
        {
            Subresources = [new("binding", "Binding", ["create"]), new("log", "Pod", ["get"]), new("status", "Pod", GetPatchUpdate)],
            ReturnDeletedObject = true,
        },
        Core("Service", "services", ResourceScope.Namespaced, new ServiceStrategy(), ServiceTableConvertor.Instance, ["svc"], ["all"]) with
        {
            Subresources = [new("status", "Service", GetPatchUpdate)],
            StoragePrefix = "services/specs",
            ReturnDeletedObject = true,
        },
        Core("ConfigMap", "configmaps", ResourceScope.Namespaced, new ConfigMapStrategy(), ConfigMapTableConvertor.Instance, ["cm"]),
        Core("Secret", "secrets", ResourceScope.Namespaced, new SecretStrategy(), SecretTableConvertor.Instance),
        Core("ServiceAccount", "serviceaccounts", ResourceScope.Namespaced, new ServiceAccountStrategy(), ServiceAccountTableConvertor.Instance, ["sa"]),
        Core("Event", "events", ResourceScope.Namespaced, new EventStrategy(), EventTableConvertor.Instance, ["ev"]),
        Core("Node", "nodes", ResourceScope.Cluster, new NodeStrategy(), NodeTableConvertor.Instance, ["no"]) with
        {
            Subresources = [new("status", "Node", GetPatchUpdate)],
            StoragePrefix = "minions",
        },
        Core("Endpoints", "endpoints", ResourceScope.Namespaced, new EndpointsStrategy(), EndpointsTableConvertor.Instance, ["ep"]) with
        {
            StoragePrefix = "services/endpoints",
        },
        Core("ResourceQuota", "resourcequotas", ResourceScope.Namespaced, new ResourceQuotaStrategy(), ResourceQuotaTableConvertor.Instance, ["quota"]) with
        {
            Subresources = [new("status", "ResourceQuota", GetPatchUpdate)],
        },
        Core("LimitRange", "limitranges", ResourceScope.Namespaced, new LimitRangeStrategy(), DefaultTableConvertor.Instance, ["limits"]),
        Apps("Deployment", "deployments", new DeploymentStrategy(), DeploymentTableConvertor.Instance, ["deploy"]),
        Apps("ReplicaSet", "replicasets", new ReplicaSetStrategy(), ReplicaSetTableConvertor.Instance, ["rs"]),
    ];

    private static ResourceDescriptor Core(string kind, string plural, ResourceScope scope, Registry.IResourceStrategy strategy,
        ITableConvertor table, string[]? shortNames = null, string[]? categories = null) => new()
    {
        Table = table,
        Group = "",
        Version = "v1",
        Kind = kind,
        Plural = plural,
        Scope = scope,
        Strategy = strategy,
        ShortNames = shortNames ?? [],
        Categories = categories ?? [],
    };

    private static ResourceDescriptor Apps(string kind, string plural, Registry.IResourceStrategy strategy, ITableConvertor table, string[] shortNames) => new()
    {
        Table = table,
        Group = "apps",
        Version = "v1",
        Kind = kind,
        Plural = plural,
        Scope = ResourceScope.Namespaced,
        Strategy = strategy,
        ShortNames = shortNames,
        Categories = ["all"],
        Subresources =
        [
            new("scale", "Scale", GetPatchUpdate, Group: "autoscaling", Version: "v1"),
            new("status", kind, GetPatchUpdate, Group: "apps"),
        ],
    };
}
