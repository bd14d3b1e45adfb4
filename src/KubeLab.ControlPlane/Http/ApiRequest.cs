using KubeLab.ControlPlane.Pipeline;
using KubeLab.ControlPlane.Registry;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Http;

/// <summary>What the pipeline has learned about one request so far; carried on the HttpContext.</summary>
public sealed class ApiRequest(RequestInfo info, string auditId)
{
    public RequestInfo Info { get; } = info;
    public string AuditId { get; } = auditId;
    public RequestTrace Trace { get; } = new();
    public UserInfo User { get; set; } = UserInfo.Anonymous;

    /// <summary>The user the credentials prove, before impersonation (<see cref="User"/> is whom the request acts as).</summary>
    public UserInfo Requester { get; set; } = UserInfo.Anonymous;

    /// <summary>Warnings sent back as <c>Warning: 299 - "…"</c> headers (kubectl prints them on stderr).</summary>
    public List<string> Warnings { get; } = [];

    public RequestContext RegistryContext(HttpContext http) => new(User, Trace)
    {
        DryRun = http.Request.Query["dryRun"] == "All",
        FieldManager = FieldManager(http),
    };

    /// <summary>The fieldManager query parameter, else the user agent's product name, as the real server defaults it.</summary>
    private static string? FieldManager(HttpContext http)
    {
        var explicitManager = http.Request.Query["fieldManager"].ToString();
        if (explicitManager.Length > 0) return explicitManager;
        var agent = http.Request.Headers.UserAgent.ToString();
        var slash = agent.IndexOf('/');
        var name = slash < 0 ? agent : agent[..slash];
        return name.Length == 0 ? "unknown" : name.Length > 128 ? name[..128] : name;
    }
}

public static class ApiRequestExtensions
{
    public static ApiRequest Api(this HttpContext http) =>
        http.Features.Get<ApiRequest>() ?? throw new InvalidOperationException("the request did not pass the request-info filter");
}
