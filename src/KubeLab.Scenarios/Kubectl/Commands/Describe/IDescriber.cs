using KubeLab.Scenarios.Kubectl.Resources;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>
/// One kind's describer (kubectl's <c>ResourceDescriber</c>): it reads the object and what belongs with it through
/// the typed clientset, and returns the text. A failure is thrown as a <see cref="KubectlException"/>.
/// </summary>
internal interface IDescriber
{
    Task<string> DescribeAsync(DescribeContext context, string? ns, string name);
}

/// <summary>kubectl's <c>describerMap</c> for the kinds KubeLab serves; any other kind gets the generic describer.</summary>
internal static class Describers
{
    private static readonly Dictionary<(string Group, string Kind), IDescriber> ByKind = new()
    {
        [("", "Pod")] = new PodDescriber(),
        [("", "Secret")] = new SecretDescriber(),
        [("", "Service")] = new ServiceDescriber(),
        [("", "ServiceAccount")] = new ServiceAccountDescriber(),
        [("", "Node")] = new NodeDescriber(),
        [("", "LimitRange")] = new LimitRangeDescriber(),
        [("", "ResourceQuota")] = new ResourceQuotaDescriber(),
        [("", "Namespace")] = new NamespaceDescriber(),
        [("", "Endpoints")] = new EndpointsDescriber(),
        [("", "ConfigMap")] = new ConfigMapDescriber(),
        [("apps", "Deployment")] = new DeploymentDescriber(),
        [("apps", "ReplicaSet")] = new ReplicaSetDescriber(),
        [("rbac.authorization.k8s.io", "Role")] = new RoleDescriber(cluster: false),
        [("rbac.authorization.k8s.io", "ClusterRole")] = new RoleDescriber(cluster: true),
        [("rbac.authorization.k8s.io", "RoleBinding")] = new RoleBindingDescriber(cluster: false),
        [("rbac.authorization.k8s.io", "ClusterRoleBinding")] = new RoleBindingDescriber(cluster: true),
    };

    public static IDescriber For(ApiResource resource) =>
        ByKind.TryGetValue((resource.Group, resource.Kind), out var describer) ? describer : new GenericDescriber(resource);
}
