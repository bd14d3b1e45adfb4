using KubeLab.ControlPlane.Http;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Authorization;

/// <summary>
/// What is being asked for, as authorizer.Attributes carries it: a user, a verb, and either a resource
/// (group, resource, subresource, namespace, name) or a non-resource path.
/// </summary>
public sealed record AuthorizationAttributes(UserInfo User, string Verb)
{
    public bool IsResourceRequest { get; init; }
    public string Path { get; init; } = "";
    public string ApiGroup { get; init; } = "";
    public string ApiVersion { get; init; } = "";
    public string Namespace { get; init; } = "";
    public string Resource { get; init; } = "";
    public string Subresource { get; init; } = "";
    public string Name { get; init; } = "";

    public static AuthorizationAttributes From(RequestInfo info, UserInfo user) => new(user, info.Verb)
    {
        IsResourceRequest = info.IsResourceRequest,
        Path = info.Path,
        ApiGroup = info.ApiGroup,
        ApiVersion = info.ApiVersion,
        Namespace = info.Namespace ?? "",
        Resource = info.Resource,
        Subresource = info.Subresource ?? "",
        Name = info.Name ?? "",
    };

    public static AuthorizationAttributes NonResource(UserInfo user, string verb, string path) => new(user, verb) { Path = path };

    /// <summary>The request in a learner's words: <c>list pods in namespace "default"</c>, <c>get path "/healthz"</c>.</summary>
    public string Describe()
    {
        if (!IsResourceRequest) return $"{Verb} path \"{Path}\"";
        var resource = Resource + (ApiGroup.Length > 0 ? "." + ApiGroup : "") + (Subresource.Length > 0 ? "/" + Subresource : "");
        var named = Name.Length > 0 ? $" \"{Name}\"" : "";
        var scope = Namespace.Length > 0 ? $" in namespace \"{Namespace}\"" : " cluster-wide";
        return $"{Verb} {resource}{named}{scope}";
    }
}

public enum Decision { NoOpinion, Allow, Deny }

/// <summary>An authorizer's answer and its reason, e.g. <c>RBAC: allowed by ClusterRoleBinding "x" of ClusterRole "y" to Group "z"</c>.</summary>
public sealed record AuthorizationResult(Decision Decision, string Reason)
{
    public bool Allowed => Decision == Decision.Allow;
}

/// <summary>One authorizer of the chain (apiserver's authorizer.Authorizer).</summary>
public interface IAuthorizer
{
    string Name { get; }
    AuthorizationResult Authorize(AuthorizationAttributes attributes);
}

/// <summary>The rules that apply to a user in a namespace, for SelfSubjectRulesReview (authorizer.RuleResolver).</summary>
public interface IRuleResolver
{
    RuleSet RulesFor(UserInfo user, string ns);
}

/// <summary>Rules as a rules review reports them, plus the errors met while finding them.</summary>
public sealed record RuleSet(IReadOnlyList<Api.Rbac.PolicyRule> Rules, IReadOnlyList<string> Errors);
