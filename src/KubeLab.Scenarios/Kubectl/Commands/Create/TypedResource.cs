using KubeLab.ControlPlane.Api.Apps;
using KubeLab.ControlPlane.Api.Authentication;
using KubeLab.ControlPlane.Api.Authorization;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Rbac;

namespace KubeLab.Scenarios.Kubectl.Commands.Create;

/// <summary>
/// A built-in type as client-go's typed clientset knows it (no discovery needed): its path, its Go type for
/// protobuf, and the plural kubectl names it by.
/// </summary>
internal sealed record TypedResource(string Group, string Version, string Plural, string Kind, bool Namespaced, Type ClrType)
{
    public static readonly TypedResource Namespaces = new("", "v1", "namespaces", "Namespace", false, typeof(Namespace));
    public static readonly TypedResource ConfigMaps = new("", "v1", "configmaps", "ConfigMap", true, typeof(ConfigMap));
    public static readonly TypedResource Secrets = new("", "v1", "secrets", "Secret", true, typeof(Secret));
    public static readonly TypedResource ServiceAccounts = new("", "v1", "serviceaccounts", "ServiceAccount", true, typeof(ServiceAccount));
    public static readonly TypedResource Services = new("", "v1", "services", "Service", true, typeof(Service));
    public static readonly TypedResource Deployments = new("apps", "v1", "deployments", "Deployment", true, typeof(Deployment));
    public static readonly TypedResource Roles = new("rbac.authorization.k8s.io", "v1", "roles", "Role", true, typeof(Role));
    public static readonly TypedResource ClusterRoles = new("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false, typeof(ClusterRole));
    public static readonly TypedResource RoleBindings = new("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true, typeof(RoleBinding));
    public static readonly TypedResource ClusterRoleBindings = new("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false, typeof(ClusterRoleBinding));
    public static readonly TypedResource TokenRequests = new("authentication.k8s.io", "v1", "tokenrequests", "TokenRequest", true, typeof(TokenRequest));
    public static readonly TypedResource SelfSubjectAccessReviews = new("authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", false, typeof(SelfSubjectAccessReview));
    public static readonly TypedResource SelfSubjectReviews = new("authentication.k8s.io", "v1", "selfsubjectreviews", "SelfSubjectReview", false, typeof(SelfSubjectReview));

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string Path(string? ns, string? name = null, string? subresource = null)
    {
        var prefix = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        var path = Namespaced && ns is not null ? $"{prefix}/namespaces/{ns}/{Plural}" : $"{prefix}/{Plural}";
        if (name is not null) path += "/" + name;
        if (subresource is not null) path += "/" + subresource;
        return path;
    }
}
