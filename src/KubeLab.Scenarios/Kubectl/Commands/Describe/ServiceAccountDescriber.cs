using System.Text.Json.Nodes;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>
/// kubectl's ServiceAccountDescriber: the secrets it names (marked "not found" when missing) and the legacy token
/// secrets bound to it, read from a list of the namespace's secrets (whose failure is tolerated), then its events.
/// </summary>
internal sealed class ServiceAccountDescriber : IDescriber
{
    // The headers share one column; Go sorts them, so "Image pull secrets" comes first.
    private const string Empty = "                   ";
    private static readonly string[] Headers = ["Image pull secrets:", "Mountable secrets: ", "Tokens:            "];

    public async Task<string> DescribeAsync(DescribeContext context, string? ns, string name)
    {
        var account = await context.GetAsync($"/api/v1/namespaces/{ns}/serviceaccounts/{name}", "describe.go:3431");
        var metadata = Obj(account["metadata"]);
        var pull = Objects(account["imagePullSecrets"]).Select(s => S(s["name"])).ToList();
        var mountable = Objects(account["secrets"]).Select(s => S(s["name"])).ToList();
        var tokens = new List<string>();
        var missing = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var secrets = await context.ListAsync($"/api/v1/namespaces/{ns}/secrets", "describe.go:3444");
            foreach (var secret in secrets)
            {
                var annotations = Obj(secret["metadata"]?["annotations"]);
                if (S(secret["type"]) == "kubernetes.io/service-account-token"
                    && S(annotations["kubernetes.io/service-account.name"]) == S(metadata["name"])
                    && S(annotations["kubernetes.io/service-account.uid"]) == S(metadata["uid"]))
                    tokens.Add(S(secret["metadata"]?["name"]));
            }
            var existing = secrets.Select(s => S(s["metadata"]?["name"])).ToHashSet(StringComparer.Ordinal);
            missing.UnionWith(mountable.Concat(pull).Where(n => !existing.Contains(n)));
        }
        catch (KubectlException)
        {
            // Secrets that cannot be listed are shown as the account names them.
        }
        var events = await context.EventsOfAsync(account, "ServiceAccount");

        var w = new PrefixWriter();
        Header(w, metadata);
        foreach (var (header, names) in Headers.Zip([pull, mountable, tokens]))
        {
            if (names.Count == 0)
            {
                w.Write(0, $"{header}\t<none>\n");
                continue;
            }
            var prefix = header;
            foreach (var secret in names)
            {
                w.Write(0, $"{prefix}\t{secret}{(missing.Contains(secret) ? " (not found)" : "")}\n");
                prefix = Empty;
            }
        }
        Events(w, events, context.Now);
        return w.ToString();
    }
}
