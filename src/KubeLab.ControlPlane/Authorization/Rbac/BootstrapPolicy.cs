using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Api.Rbac;
using static KubeLab.ControlPlane.Authorization.Rbac.PolicyRuleBuilder;

namespace KubeLab.ControlPlane.Authorization.Rbac;

/// <summary>
/// The roles and bindings kube-apiserver v1.33 creates at start (plugin/pkg/auth/authorizer/rbac/bootstrappolicy:
/// policy.go and controller_policy.go), for what KubeLab simulates: the user-facing roles (cluster-admin,
/// admin/edit/view with their aggregation labels), discovery, basic-user, public-info-viewer, monitoring,
/// service-account issuer discovery, and the roles of the components that run here: the controllers,
/// kube-scheduler, and system:node (which the Node authorizer applies to kubelets). Roles for components
/// KubeLab does not run (kube-proxy, the other controllers) are left out.
/// </summary>
public static class BootstrapPolicy
{
    public const string AggregateToAdmin = "rbac.authorization.k8s.io/aggregate-to-admin";
    public const string AggregateToEdit = "rbac.authorization.k8s.io/aggregate-to-edit";
    public const string AggregateToView = "rbac.authorization.k8s.io/aggregate-to-view";
    private const string ControllerPrefix = "system:controller:";

    private static readonly string[] Read = ["get", "list", "watch"];
    private static readonly string[] Write = ["create", "update", "patch", "delete", "deletecollection"];
    private static readonly string[] ReadWrite = [.. Read, .. Write];

    /// <summary>The controllers KubeLab runs, each with a service account in kube-system.</summary>
    public static readonly string[] Controllers =
    [
        "clusterrole-aggregation-controller", "deployment-controller", "generic-garbage-collector", "namespace-controller", "replicaset-controller",
    ];

    /// <summary>The user kube-scheduler authenticates as.</summary>
    public const string KubeScheduler = "system:kube-scheduler";

    public static IEnumerable<ClusterRole> ClusterRoles() =>
    [
        Role("cluster-admin", null, Rule("*").Groups("*").Resources("*"), Rule("*").Urls("*")),
        Role("system:discovery", null, Rule("get").Urls("/livez", "/readyz", "/healthz", "/version", "/version/", "/openapi", "/openapi/*", "/api", "/api/*", "/apis", "/apis/*")),
        Role("system:monitoring", null, Rule("get").Urls("/metrics", "/metrics/slis", "/livez", "/readyz", "/healthz", "/livez/*", "/readyz/*", "/healthz/*")),
        Role("system:basic-user", null,
            Rule("create").Groups("authorization.k8s.io").Resources("selfsubjectaccessreviews", "selfsubjectrulesreviews"),
            Rule("create").Groups("authentication.k8s.io").Resources("selfsubjectreviews")),
        Role("system:public-info-viewer", null, Rule("get").Urls("/livez", "/readyz", "/healthz", "/version", "/version/")),
        Aggregated("admin", null, AggregateToAdmin),
        Aggregated("edit", AggregateToAdmin, AggregateToEdit),
        Aggregated("view", AggregateToEdit, AggregateToView),
        Role("system:aggregate-to-admin", AggregateToAdmin,
            Rule("create").Groups("authorization.k8s.io").Resources("localsubjectaccessreviews"),
            Rule(ReadWrite).Groups("rbac.authorization.k8s.io").Resources("roles", "rolebindings")),
        Role("system:aggregate-to-edit", AggregateToEdit, EditRules()),
        Role("system:aggregate-to-view", AggregateToView, ViewRules()),
        Role("system:auth-delegator", null,
            Rule("create").Groups("authentication.k8s.io").Resources("tokenreviews"),
            Rule("create").Groups("authorization.k8s.io").Resources("subjectaccessreviews")),
        Role("system:service-account-issuer-discovery", null,
            Rule("get").Urls("/.well-known/openid-configuration", "/.well-known/openid-configuration/", "/openid/v1/jwks", "/openid/v1/jwks/")),
        Role(ControllerPrefix + "clusterrole-aggregation-controller", null,
            Rule("escalate", "get", "list", "watch", "update", "patch").Groups("rbac.authorization.k8s.io").Resources("clusterroles")),
        Role(ControllerPrefix + "namespace-controller", null,
            Rule("get", "list", "watch", "delete").Groups("").Resources("namespaces"),
            Rule("update").Groups("").Resources("namespaces/finalize", "namespaces/status"),
            Rule("get", "list", "watch", "delete", "deletecollection").Groups("*").Resources("*")),
        Role(ControllerPrefix + "deployment-controller", null,
            Rule("get", "list", "watch", "update").Groups("apps", "extensions").Resources("deployments"),
            Rule("update").Groups("apps", "extensions").Resources("deployments/status"),
            Rule("update").Groups("apps", "extensions").Resources("deployments/finalizers"),
            Rule("get", "list", "watch", "create", "update", "patch", "delete").Groups("apps", "extensions").Resources("replicasets"),
            Rule("get", "list", "watch", "update").Groups("").Resources("pods"),
            EventsRule()),
        Role(ControllerPrefix + "replicaset-controller", null,
            Rule("get", "list", "watch", "update").Groups("apps", "extensions").Resources("replicasets"),
            Rule("update").Groups("apps", "extensions").Resources("replicasets/status"),
            Rule("update").Groups("apps", "extensions").Resources("replicasets/finalizers"),
            Rule("list", "watch", "patch", "create", "delete").Groups("").Resources("pods"),
            EventsRule()),
        Role(ControllerPrefix + "generic-garbage-collector", null,
            Rule("get", "list", "watch", "patch", "update", "delete").Groups("*").Resources("*")),
        Role(KubeScheduler, null,
            EventsRule(),
            Rule("create").Groups("coordination.k8s.io").Resources("leases"),
            Rule("get", "update").Groups("coordination.k8s.io").Resources("leases").Names("kube-scheduler"),
            Rule(Read).Groups("").Resources("nodes"),
            Rule("get", "list", "watch", "delete").Groups("").Resources("pods"),
            Rule("create").Groups("").Resources("pods/binding", "bindings"),
            Rule("patch", "update").Groups("").Resources("pods/status"),
            Rule(Read).Groups("").Resources("services", "replicationcontrollers"),
            Rule(Read).Groups("apps", "extensions").Resources("replicasets"),
            Rule(Read).Groups("apps").Resources("statefulsets"),
            Rule(Read).Groups("policy").Resources("poddisruptionbudgets"),
            Rule(Read).Groups("").Resources("persistentvolumeclaims", "persistentvolumes"),
            Rule("create").Groups("authentication.k8s.io").Resources("tokenreviews"),
            Rule("create").Groups("authorization.k8s.io").Resources("subjectaccessreviews"),
            Rule(Read).Groups("storage.k8s.io").Resources("csinodes"),
            Rule(Read).Groups("").Resources("namespaces"),
            Rule(Read).Groups("storage.k8s.io").Resources("csidrivers"),
            Rule(Read).Groups("storage.k8s.io").Resources("csistoragecapacities")),
        Role("system:node", null, NodeRules()),
    ];

    /// <summary>What a kubelet may do (bootstrappolicy.NodeRules); the Node authorizer grants these to node identities.</summary>
    public static List<PolicyRule> NodeRules() =>
    [
        Rule("create").Groups("authentication.k8s.io").Resources("tokenreviews"),
        Rule("create").Groups("authorization.k8s.io").Resources("subjectaccessreviews", "localsubjectaccessreviews"),
        Rule(Read).Groups("").Resources("services"),
        Rule("create", "get", "list", "watch").Groups("").Resources("nodes"),
        Rule("update", "patch").Groups("").Resources("nodes/status"),
        Rule("update", "patch").Groups("").Resources("nodes"),
        Rule("create", "update", "patch").Groups("").Resources("events"),
        Rule(Read).Groups("").Resources("pods"),
        Rule("create", "delete").Groups("").Resources("pods"),
        Rule("update", "patch").Groups("").Resources("pods/status"),
        Rule("create").Groups("").Resources("pods/eviction"),
        Rule("get", "list", "watch").Groups("").Resources("secrets", "configmaps"),
        Rule("get").Groups("").Resources("persistentvolumeclaims", "persistentvolumes"),
        Rule("get").Groups("").Resources("endpoints"),
        Rule("create", "get", "list", "watch").Groups("certificates.k8s.io").Resources("certificatesigningrequests"),
        Rule("get", "create", "update", "patch", "delete").Groups("coordination.k8s.io").Resources("leases"),
        Rule("get").Groups("storage.k8s.io").Resources("volumeattachments"),
        Rule("create").Groups("").Resources("serviceaccounts/token"),
    ];

    /// <summary>Recording events, in both event APIs (bootstrappolicy's eventsRule).</summary>
    private static PolicyRule EventsRule() => Rule("create", "update", "patch").Groups("", "events.k8s.io").Resources("events");

    public static IEnumerable<ClusterRoleBinding> ClusterRoleBindings() =>
    [
        Binding("cluster-admin", Group("system:masters")),
        Binding("system:monitoring", Group("system:monitoring")),
        Binding("system:discovery", Group("system:authenticated")),
        Binding("system:basic-user", Group("system:authenticated")),
        Binding("system:public-info-viewer", Group("system:authenticated"), Group("system:unauthenticated")),
        Binding("system:service-account-issuer-discovery", Group("system:serviceaccounts")),
        .. Controllers.Select(c => Binding(ControllerPrefix + c, new Subject { Kind = "ServiceAccount", Name = c, Namespace = "kube-system" })),
        Binding(KubeScheduler, new Subject { Kind = "User", ApiGroup = "rbac.authorization.k8s.io", Name = KubeScheduler }),
        // Kept with no subjects since v1.8: kubelets are authorized by the Node authorizer instead.
        Binding("system:node"),
    ];

    /// <summary>What kubeadm adds: its admin group (the admin.conf user's organization) is cluster-admin.</summary>
    public static ClusterRoleBinding KubeadmClusterAdmins() => new()
    {
        Metadata = new ObjectMeta { Name = "kubeadm:cluster-admins" },
        RoleRef = new RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "cluster-admin" },
        Subjects = [Group("kubeadm:cluster-admins")],
    };

    private static List<PolicyRule> ViewRules() =>
    [
        Rule(Read).Groups("").Resources("pods", "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts",
            "services", "services/status", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "configmaps"),
        Rule(Read).Groups("").Resources("limitranges", "resourcequotas", "bindings", "events",
            "pods/status", "resourcequotas/status", "namespaces/status", "replicationcontrollers/status", "pods/log"),
        Rule(Read).Groups("").Resources("namespaces"),
        Rule(Read).Groups("discovery.k8s.io").Resources("endpointslices"),
        Rule(Read).Groups("apps").Resources("controllerrevisions", "statefulsets", "statefulsets/status", "statefulsets/scale",
            "daemonsets", "daemonsets/status", "deployments", "deployments/status", "deployments/scale",
            "replicasets", "replicasets/status", "replicasets/scale"),
        Rule(Read).Groups("autoscaling").Resources("horizontalpodautoscalers", "horizontalpodautoscalers/status"),
        Rule(Read).Groups("batch").Resources("jobs", "cronjobs", "cronjobs/status", "jobs/status"),
        Rule(Read).Groups("extensions").Resources("daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status",
            "ingresses", "ingresses/status", "replicasets", "replicasets/scale", "replicasets/status", "replicationcontrollers/scale", "networkpolicies"),
        Rule(Read).Groups("policy").Resources("poddisruptionbudgets", "poddisruptionbudgets/status"),
        Rule(Read).Groups("networking.k8s.io").Resources("networkpolicies", "ingresses", "ingresses/status"),
    ];

    private static List<PolicyRule> EditRules() =>
    [
        Rule(Read).Groups("").Resources("pods/attach", "pods/proxy", "pods/exec", "pods/portforward", "secrets", "services/proxy"),
        Rule("impersonate").Groups("").Resources("serviceaccounts"),
        Rule(Write).Groups("").Resources("pods", "pods/attach", "pods/proxy", "pods/exec", "pods/portforward"),
        Rule("create").Groups("").Resources("pods/eviction"),
        Rule(Write).Groups("").Resources("replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts",
            "services", "services/proxy", "persistentvolumeclaims", "configmaps", "secrets", "events"),
        Rule("create").Groups("").Resources("serviceaccounts/token"),
        Rule(Write).Groups("apps").Resources("statefulsets", "statefulsets/scale", "daemonsets", "deployments", "deployments/scale",
            "deployments/rollback", "replicasets", "replicasets/scale"),
        Rule(Write).Groups("autoscaling").Resources("horizontalpodautoscalers"),
        Rule(Write).Groups("batch").Resources("jobs", "cronjobs"),
        Rule(Write).Groups("extensions").Resources("daemonsets", "deployments", "deployments/scale", "deployments/rollback", "ingresses",
            "replicasets", "replicasets/scale", "replicationcontrollers/scale", "networkpolicies"),
        Rule(Write).Groups("policy").Resources("poddisruptionbudgets"),
        Rule(Write).Groups("networking.k8s.io").Resources("networkpolicies", "ingresses"),
        Rule(ReadWrite).Groups("coordination.k8s.io").Resources("leases"),
    ];

    private static ClusterRole Role(string name, string? aggregateTo, params IEnumerable<PolicyRule> rules) => new()
    {
        Metadata = Metadata(name, aggregateTo),
        Rules = rules.ToList(),
    };

    /// <summary>A role whose rules the aggregation controller fills in from the roles labelled <paramref name="selector"/>.</summary>
    private static ClusterRole Aggregated(string name, string? aggregateTo, string selector) => new()
    {
        Metadata = Metadata(name, aggregateTo),
        AggregationRule = new AggregationRule { ClusterRoleSelectors = [new LabelSelector { MatchLabels = new() { [selector] = "true" } }] },
    };

    private static ObjectMeta Metadata(string name, string? aggregateTo)
    {
        var labels = new Dictionary<string, string> { ["kubernetes.io/bootstrapping"] = "rbac-defaults" };
        if (aggregateTo is not null) labels[aggregateTo] = "true";
        return new ObjectMeta
        {
            Name = name,
            Labels = labels,
            Annotations = new() { ["rbac.authorization.kubernetes.io/autoupdate"] = "true" },
        };
    }

    private static ClusterRoleBinding Binding(string role, params Subject[] subjects) => new()
    {
        Metadata = Metadata(role, null),
        RoleRef = new RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = role },
        Subjects = [.. subjects],
    };

    private static Subject Group(string name) => new() { Kind = "Group", ApiGroup = "rbac.authorization.k8s.io", Name = name };
}
