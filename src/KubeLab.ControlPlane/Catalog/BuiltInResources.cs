using KubeLab.ControlPlane.Printers;
using KubeLab.ControlPlane.Registry.Apps;
using KubeLab.ControlPlane.Registry.Authentication;
using KubeLab.ControlPlane.Registry.Authorization;
using KubeLab.ControlPlane.Registry.Autoscaling;
using KubeLab.ControlPlane.Registry.Core;
using KubeLab.ControlPlane.Registry.Networking;
using KubeLab.ControlPlane.Registry.Policy;
using KubeLab.ControlPlane.Registry.Rbac;

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
        Core("ServiceAccount", "serviceaccounts", ResourceScope.Namespaced, new ServiceAccountStrategy(), ServiceAccountTableConvertor.Instance, ["sa"]) with
        {
            Subresources = [new("token", "TokenRequest", ["create"], Group: "authentication.k8s.io")],
        },
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
        WithStatus("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", new HorizontalPodAutoscalerStrategy(),
            HorizontalPodAutoscalerTableConvertor.Instance, ["hpa"], ["all"]),
        WithStatus("networking.k8s.io", "v1", "Ingress", "ingresses", new IngressStrategy(), IngressTableConvertor.Instance, ["ing"]),
        WithStatus("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", new PodDisruptionBudgetStrategy(),
            PodDisruptionBudgetTableConvertor.Instance, ["pdb"]),
        Rbac("Role", "roles", ResourceScope.Namespaced, new RoleStrategy(), DefaultTableConvertor.Instance),
        Rbac("RoleBinding", "rolebindings", ResourceScope.Namespaced, new RoleBindingStrategy(), RoleBindingTableConvertor.Namespaced),
        Rbac("ClusterRole", "clusterroles", ResourceScope.Cluster, new ClusterRoleStrategy(), DefaultTableConvertor.Instance),
        Rbac("ClusterRoleBinding", "clusterrolebindings", ResourceScope.Cluster, new ClusterRoleBindingStrategy(), RoleBindingTableConvertor.Cluster),
        Review("authorization.k8s.io", "SelfSubjectAccessReview", "selfsubjectaccessreviews", new SelfSubjectAccessReviewStrategy()),
        Review("authorization.k8s.io", "SelfSubjectRulesReview", "selfsubjectrulesreviews", new SelfSubjectRulesReviewStrategy()),
        Review("authorization.k8s.io", "SubjectAccessReview", "subjectaccessreviews", new SubjectAccessReviewStrategy()),
        Review("authorization.k8s.io", "LocalSubjectAccessReview", "localsubjectaccessreviews", new LocalSubjectAccessReviewStrategy()) with
        {
            Scope = ResourceScope.Namespaced,
        },
        Review("authentication.k8s.io", "SelfSubjectReview", "selfsubjectreviews", new SelfSubjectReviewStrategy()),
        Review("authentication.k8s.io", "TokenReview", "tokenreviews", new TokenReviewStrategy()),
    ];

    private static ResourceDescriptor Rbac(string kind, string plural, ResourceScope scope, Registry.IResourceStrategy strategy, ITableConvertor table) => new()
    {
        Table = table,
        Group = "rbac.authorization.k8s.io",
        Version = "v1",
        Kind = kind,
        Plural = plural,
        Scope = scope,
        Strategy = strategy,
    };

    /// <summary>Review kinds: create-only, never stored.</summary>
    private static ResourceDescriptor Review(string group, string kind, string plural, Registry.IResourceStrategy strategy) => new()
    {
        Group = group,
        Version = "v1",
        Kind = kind,
        Plural = plural,
        Scope = ResourceScope.Cluster,
        Strategy = strategy,
        Verbs = ["create"],
    };

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

    /// <summary>A namespaced kind of a named group whose status is written through its <c>status</c> subresource.</summary>
    private static ResourceDescriptor WithStatus(string group, string version, string kind, string plural, Registry.IResourceStrategy strategy,
        ITableConvertor table, string[] shortNames, string[]? categories = null) => new()
    {
        Table = table,
        Group = group,
        Version = version,
        Kind = kind,
        Plural = plural,
        Scope = ResourceScope.Namespaced,
        Strategy = strategy,
        ShortNames = shortNames,
        Categories = categories ?? [],
        Subresources = [new("status", kind, GetPatchUpdate, Group: group, Version: version)],
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
