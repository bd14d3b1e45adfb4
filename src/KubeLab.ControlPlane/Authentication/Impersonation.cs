using KubeLab.ControlPlane.Authorization;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Pipeline;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Authentication;

/// <summary>
/// <c>Impersonate-User</c>, <c>Impersonate-Group</c>, <c>Impersonate-Uid</c> and <c>Impersonate-Extra-*</c>
/// (kubectl <c>--as</c>, <c>--as-group</c>, <c>--as-uid</c>): each thing asked for needs the <c>impersonate</c>
/// verb on users, groups, serviceaccounts, uids or userextras; then the request continues as that user
/// (apiserver's WithImpersonation filter).
/// </summary>
public sealed class Impersonation(UnionAuthorizer authorizer)
{
    private const string UserHeader = "Impersonate-User";
    private const string GroupHeader = "Impersonate-Group";
    private const string UidHeader = "Impersonate-Uid";
    private const string ExtraPrefix = "Impersonate-Extra-";

    /// <summary>The user the request acts as: <paramref name="requestor"/> unless impersonation headers say otherwise.</summary>
    public UserInfo Apply(HttpContext http, UserInfo requestor, RequestTrace trace)
    {
        var headers = http.Request.Headers;
        var requestedUser = headers[UserHeader].ToString();
        var requestedGroups = headers[GroupHeader].Where(g => g is not null).Select(g => g!).ToList();
        var requestedUid = headers[UidHeader].ToString();
        var extras = headers.Where(h => h.Key.StartsWith(ExtraPrefix, StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value.Select(v => (Key: Uri.UnescapeDataString(h.Key[ExtraPrefix.Length..].ToLowerInvariant()), Value: v ?? "")))
            .ToList();
        if (requestedUser.Length == 0)
        {
            if (requestedGroups.Count == 0 && extras.Count == 0 && requestedUid.Length == 0) return requestor;
            throw StatusErrors.Internal($"requested impersonation of groups, extras or a uid without impersonating a user");
        }

        var checks = new List<AuthorizationAttributes>();
        var username = requestedUser;
        var groups = new List<string>();
        if (ServiceAccountNames.Split(requestedUser) is { } account)
        {
            checks.Add(Impersonate(requestor, "serviceaccounts", account.Name) with { Namespace = account.Namespace });
            if (requestedGroups.Count == 0) groups.AddRange(ServiceAccountNames.Groups(account.Namespace));
        }
        else checks.Add(Impersonate(requestor, "users", requestedUser));
        foreach (var group in requestedGroups)
        {
            checks.Add(Impersonate(requestor, "groups", group));
            groups.Add(group);
        }
        foreach (var (key, value) in extras) checks.Add(Impersonate(requestor, "userextras", value) with { Subresource = key });
        if (requestedUid.Length > 0) checks.Add(Impersonate(requestor, "uids", requestedUid));

        foreach (var check in checks)
        {
            var result = authorizer.Authorize(check, trace, TraceStage.Impersonation);
            if (!result.Allowed) throw StatusErrors.ForbiddenByAuthorizer(check, result.Reason);
        }

        if (username != UserInfo.AnonymousName)
        {
            if (!groups.Any(g => g is UserInfo.AllAuthenticated or UserInfo.AllUnauthenticated)) groups.Add(UserInfo.AllAuthenticated);
        }
        else if (!groups.Contains(UserInfo.AllUnauthenticated)) groups.Add(UserInfo.AllUnauthenticated);

        var impersonated = new UserInfo(username, groups, requestedUid.Length > 0 ? requestedUid : null)
        {
            Extra = extras.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(e => e.Value).ToList()),
        };
        trace.Add(new TraceEntry(TraceStage.Impersonation, "impersonation", "impersonating",
            $"{requestor} acts as user \"{impersonated.Name}\", groups [{string.Join(", ", impersonated.Groups)}]"));
        return impersonated;
    }

    private static AuthorizationAttributes Impersonate(UserInfo requestor, string resource, string name) =>
        new(requestor, "impersonate") { IsResourceRequest = true, Resource = resource, Name = name };
}
