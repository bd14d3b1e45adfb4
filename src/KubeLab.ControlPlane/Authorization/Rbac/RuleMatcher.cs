using KubeLab.ControlPlane.Api.Rbac;

namespace KubeLab.ControlPlane.Authorization.Rbac;

/// <summary>
/// Whether one PolicyRule covers a request (rbac.RuleAllows and the rbac/v1 evaluation helpers):
/// <c>*</c> matches any verb, group, resource or path; <c>*/scale</c> any resource's scale subresource;
/// <c>pods/log</c> only that subresource; resourceNames limit a rule to named objects;
/// a non-resource URL ending in <c>*</c> matches every path with that prefix.
/// </summary>
public static class RuleMatcher
{
    public static bool Allows(PolicyRule rule, AuthorizationAttributes request)
    {
        if (!VerbMatches(rule, request.Verb)) return false;
        if (!request.IsResourceRequest) return NonResourceUrlMatches(rule, request.Path);
        var combined = request.Subresource.Length > 0 ? $"{request.Resource}/{request.Subresource}" : request.Resource;
        return ApiGroupMatches(rule, request.ApiGroup)
               && ResourceMatches(rule, combined, request.Subresource)
               && ResourceNameMatches(rule, request.Name);
    }

    public static bool VerbMatches(PolicyRule rule, string verb) =>
        rule.Verbs?.Any(v => v == "*" || v == verb) == true;

    public static bool ApiGroupMatches(PolicyRule rule, string group) =>
        rule.ApiGroups?.Any(g => g == "*" || g == group) == true;

    public static bool ResourceMatches(PolicyRule rule, string combinedResource, string subresource) =>
        rule.Resources?.Any(r =>
            r == "*" || r == combinedResource ||
            (subresource.Length > 0 && r.Length == subresource.Length + 2 && r.StartsWith("*/", StringComparison.Ordinal) && r.EndsWith(subresource, StringComparison.Ordinal))) == true;

    /// <summary>A rule without resourceNames covers every name, including requests with none (list, create).</summary>
    public static bool ResourceNameMatches(PolicyRule rule, string name) =>
        (rule.ResourceNames?.Count ?? 0) == 0 || rule.ResourceNames!.Contains(name);

    public static bool NonResourceUrlMatches(PolicyRule rule, string path) =>
        rule.NonResourceURLs?.Any(url =>
            url == "*" || url == path ||
            (url.EndsWith('*') && path.StartsWith(url.TrimEnd('*'), StringComparison.Ordinal))) == true;
}
