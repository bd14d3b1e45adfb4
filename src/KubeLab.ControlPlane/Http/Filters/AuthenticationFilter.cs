using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Pipeline;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Http.Filters;

/// <summary>
/// Bearer tokens the cluster knows map to users; no credentials make the request anonymous; a token that
/// matches nothing is a 401, as kube-apiserver's union authenticator answers.
/// </summary>
public sealed class TokenAuthenticator
{
    private readonly Dictionary<string, UserInfo> _tokens = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    public void AddToken(string token, UserInfo user)
    {
        lock (_sync) _tokens[token] = user;
    }

    public UserInfo Authenticate(HttpContext http, RequestTrace trace)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            trace.Add(new TraceEntry(TraceStage.Authentication, "anonymous", "anonymous",
                "no credentials were sent: the request is system:anonymous in group system:unauthenticated"));
            return UserInfo.Anonymous;
        }
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header[7..].Trim();
            UserInfo? user;
            lock (_sync) _tokens.TryGetValue(token, out user);
            if (user is not null)
            {
                trace.Add(new TraceEntry(TraceStage.Authentication, "token", "authenticated",
                    $"bearer token accepted: user {user.Name}, groups [{string.Join(", ", user.Groups)}]"));
                return user;
            }
            trace.Add(new TraceEntry(TraceStage.Authentication, "token", "rejected", "the bearer token matches no user"));
        }
        else
        {
            trace.Add(new TraceEntry(TraceStage.Authentication, "union", "rejected",
                $"unsupported Authorization scheme \"{header.Split(' ')[0]}\": basic authentication was removed from Kubernetes"));
        }
        throw StatusErrors.Unauthorized();
    }
}
