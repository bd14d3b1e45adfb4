using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Pipeline;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Authentication;

/// <summary>
/// The authentication chain as kube-apiserver builds it: each request authenticator in order (client
/// certificates, then bearer tokens); the first that authenticates wins and the user gains the group
/// <c>system:authenticated</c>. If one failed and none succeeded the request is a 401 — a bad token is not
/// anonymous. Only when no credentials applied does the request become <c>system:anonymous</c>.
/// </summary>
public sealed class UnionAuthenticator(IReadOnlyList<IRequestAuthenticator> authenticators, bool allowAnonymous = true)
{
    public UserInfo Authenticate(HttpContext http, RequestTrace trace)
    {
        var failed = false;
        foreach (var authenticator in authenticators)
        {
            var result = authenticator.Authenticate(http);
            if (result.User is { } user)
            {
                user = WithAuthenticatedGroup(user);
                trace.Add(new TraceEntry(TraceStage.Authentication, authenticator.Name, "authenticated",
                    $"{result.Detail}: user \"{user.Name}\", groups [{string.Join(", ", user.Groups)}]"));
                return user;
            }
            trace.Add(new TraceEntry(TraceStage.Authentication, authenticator.Name, result.Error is null ? "not applicable" : "rejected", result.Detail));
            failed |= result.Error is not null;
        }
        if (failed || !allowAnonymous)
        {
            trace.Add(new TraceEntry(TraceStage.Authentication, "union", "rejected",
                failed ? "credentials were sent but none are valid: 401 Unauthorized (a bad credential is never treated as anonymous)"
                       : "no credentials, and anonymous requests are disabled: 401 Unauthorized"));
            throw StatusErrors.Unauthorized();
        }
        trace.Add(new TraceEntry(TraceStage.Authentication, "anonymous", "authenticated",
            $"no credentials: user \"{UserInfo.AnonymousName}\", groups [{UserInfo.AllUnauthenticated}]"));
        return UserInfo.Anonymous;
    }

    /// <summary>apiserver's AuthenticatedGroupAdder.</summary>
    public static UserInfo WithAuthenticatedGroup(UserInfo user) =>
        user.Name == UserInfo.AnonymousName || user.Groups.Any(g => g is UserInfo.AllAuthenticated or UserInfo.AllUnauthenticated)
            ? user
            : user with { Groups = [.. user.Groups, UserInfo.AllAuthenticated] };
}
