using System.Text;
using KubeLab.ControlPlane.Errors;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Http;

/// <summary>
/// <c>/healthz</c>, <c>/livez</c>, <c>/readyz</c> with <c>?verbose</c>, <c>?exclude=</c> and one path per check,
/// named as kube-apiserver names them. The simulated store and controllers are in-process, so every check passes.
/// </summary>
public sealed class HealthChecks
{
    private static readonly string[] Common =
    [
        "ping", "log", "etcd",
        "poststarthook/start-apiserver-admission-initializer",
        "poststarthook/generic-apiserver-start-informers",
        "poststarthook/priority-and-fairness-config-consumer",
        "poststarthook/priority-and-fairness-filter",
        "poststarthook/storage-object-count-tracker-hook",
        "poststarthook/start-system-namespaces-controller",
        "poststarthook/start-cluster-authentication-info-controller",
        "poststarthook/start-legacy-token-tracking-controller",
        "poststarthook/start-service-ip-repair-controllers",
        "poststarthook/rbac/bootstrap-roles",
        "poststarthook/scheduling/bootstrap-system-priority-classes",
        "poststarthook/priority-and-fairness-config-producer",
        "poststarthook/bootstrap-controller",
        "poststarthook/start-kubernetes-service-cidr-controller",
    ];

    private static readonly Dictionary<string, string[]> Checks = new()
    {
        ["healthz"] = Common,
        ["livez"] = Common,
        ["readyz"] = [Common[0], Common[1], Common[2], "etcd-readiness", "informer-sync", .. Common[3..], "shutdown"],
    };

    public IEnumerable<string> Paths =>
        Checks.SelectMany(kv => kv.Value.Select(check => $"/{kv.Key}/{check}").Prepend($"/{kv.Key}"));

    public Task Handle(HttpContext http, string[] parts)
    {
        var endpoint = parts[0];
        var checks = Checks[endpoint];
        if (parts.Length > 1)
        {
            var single = string.Join('/', parts[1..]);
            if (!checks.Contains(single)) throw StatusErrors.NotFoundPath();
            return ResponseWriter.WriteText(http, 200, "ok");
        }
        var query = http.Request.Query;
        if (!query.ContainsKey("verbose")) return ResponseWriter.WriteText(http, 200, "ok");

        var excluded = query["exclude"].Where(e => !string.IsNullOrEmpty(e)).Select(e => e!).ToHashSet();
        var text = new StringBuilder();
        foreach (var check in checks)
            text.Append(excluded.Remove(check) ? $"[+]{check} excluded: ok\n" : $"[+]{check} ok\n");
        if (excluded.Count > 0)
            text.Append($"warn: some health checks cannot be excluded: no matches for {string.Join(",", excluded.Order().Select(e => $"\"{e}\""))}\n");
        text.Append($"{endpoint} check passed\n");
        return ResponseWriter.WriteText(http, 200, text.ToString());
    }
}
