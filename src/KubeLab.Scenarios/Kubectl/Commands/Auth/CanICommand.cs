using System.Text;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Commands.Create;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Requests;
using KubeLab.Scenarios.Kubectl.Resources;

namespace KubeLab.Scenarios.Kubectl.Commands.Auth;

/// <summary>
/// <c>kubectl auth can-i VERB RESOURCE[/NAME]</c> (a SelfSubjectAccessReview: <c>yes</c>, exit 0, or <c>no</c>, exit 1)
/// and <c>--list</c> (a SelfSubjectRulesReview, printed as kubectl compacts and sorts the rules).
/// </summary>
internal sealed class CanICommand : CommandDefinition
{
    private static readonly string[] ResourceVerbs = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "use", "bind", "impersonate", "*", "approve", "sign", "escalate", "attest"];
    private static readonly string[] NonResourceVerbs = ["get", "put", "post", "head", "options", "delete", "patch", "*"];

    public override string Name => "can-i";

    public override void AddFlags(FlagSet flags) =>
        flags.Bool("all-namespaces", 'A').Bool("list").Bool("no-headers").Bool("quiet", 'q').String("subresource");

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        var args = invocation.Args;
        if (flags.Bool("list"))
        {
            if (args.Count != 0) throw KubectlException.Client("list option must be specified with no arguments");
            if (flags.Bool("quiet") || flags.Bool("all-namespaces") || flags.String("subresource").Length > 0)
                throw KubectlException.Client("list option can't be specified with neither quiet, all-namespaces nor subresource options");
            return await ListAsync(invocation);
        }
        if (args.Count != 2)
            throw KubectlException.Client("you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
        var verb = args[0];
        string? url = args[1].StartsWith('/') ? args[1] : null;
        (string Group, string Version, string Resource) gvr = ("", "", "");
        var name = "";
        if (url is null)
        {
            var tokens = args[1].Split('/', 2);
            gvr = await ResourceForAsync(invocation, tokens[0]);
            if (tokens.Length > 1) name = tokens[1];
        }
        var ns = flags.Bool("all-namespaces") ? "" : invocation.Namespace;
        var subresource = flags.String("subresource");

        if (url is not null)
        {
            if (subresource.Length > 0) throw KubectlException.Client("--subresource can not be used with NonResourceURL");
            if (!NonResourceVerbs.Contains(verb)) invocation.Err(OperationMessages.Warning($"verb '{verb}' is not a known verb\n"));
        }
        else if (gvr.Resource.Length > 0 && !flags.Bool("all-namespaces"))
        {
            if (gvr.Version.Length > 0 && await IsNamespacedAsync(invocation, gvr) == false)
                invocation.Err(OperationMessages.Warning(gvr.Group.Length == 0
                    ? $"resource '{gvr.Resource}' is not namespace scoped\n"
                    : $"resource '{gvr.Resource}' is not namespace scoped in group '{gvr.Group}'\n"));
            if (!ResourceVerbs.Contains(verb)) invocation.Err(OperationMessages.Warning($"verb '{verb}' is not a known verb\n"));
        }
        if (flags.Bool("no-headers")) throw KubectlException.Client("--no-headers cannot be set without --list specified");

        var spec = url is not null
            ? new JsonObject { ["nonResourceAttributes"] = new JsonObject { ["path"] = url, ["verb"] = verb } }
            : new JsonObject
            {
                ["resourceAttributes"] = new JsonObject
                {
                    ["namespace"] = ns, ["verb"] = verb, ["group"] = gvr.Group, ["resource"] = gvr.Resource,
                    ["subresource"] = subresource, ["name"] = name,
                },
            };
        var review = await AuthCommand.ReviewAsync(invocation, TypedResource.SelfSubjectAccessReviews, new JsonObject
        {
            ["kind"] = "SelfSubjectAccessReview",
            ["apiVersion"] = "authorization.k8s.io/v1",
            ["metadata"] = new JsonObject { ["creationTimestamp"] = null },
            ["spec"] = spec,
            ["status"] = new JsonObject { ["allowed"] = false },
        }, "type.go:252");
        var status = review["status"] as JsonObject ?? [];
        var allowed = status["allowed"] is JsonValue a && a.GetValueKind() == System.Text.Json.JsonValueKind.True;
        if (!flags.Bool("quiet"))
        {
            var line = new StringBuilder(allowed ? "yes" : "no");
            if (!allowed && (string?)status["reason"] is { Length: > 0 } reason) line.Append(" - ").Append(reason);
            if (!allowed && (string?)status["evaluationError"] is { Length: > 0 } evaluation) line.Append(" - ").Append(evaluation);
            invocation.Out(line.Append('\n').ToString());
        }
        return allowed ? 0 : 1;
    }

    /// <summary>can-i's resourceFor: the mapper's resource, or the word as given with a warning.</summary>
    private static async Task<(string Group, string Version, string Resource)> ResourceForAsync(Invocation invocation, string argument)
    {
        if (argument == "*") return ("", "", "*");
        var lower = argument.ToLowerInvariant();
        var dot = lower.IndexOf('.');
        var (resource, group) = dot < 0 ? (lower, "") : (lower[..dot], lower[(dot + 1)..]);
        var catalog = await invocation.Discovery.LoadAsync(invocation.Cancellation);
        var found = RestMapper.FindResource(catalog, resource, group);
        if (found is null)
        {
            catalog = await invocation.Discovery.RefreshAsync(invocation.Cancellation);
            found = RestMapper.FindResource(catalog, resource, group);
        }
        if (found is not null) return (found.Group, found.Version, found.Plural);
        invocation.Err(OperationMessages.Warning(group.Length == 0
            ? $"the server doesn't have a resource type '{resource}'\n"
            : $"the server doesn't have a resource type '{resource}' in group '{group}'\n"));
        return ("", "", argument);
    }

    /// <summary>isNamespaced: the group-version's resource list, fetched by the (uncached) typed discovery client.</summary>
    private static async Task<bool?> IsNamespacedAsync(Invocation invocation, (string Group, string Version, string Resource) gvr)
    {
        if (gvr.Resource == "*") return true;
        var path = gvr.Group.Length == 0 ? $"/api/{gvr.Version}" : $"/apis/{gvr.Group}/{gvr.Version}";
        var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, path) { Accept = KubeRequest.AnyAccept, Caller = "discovery_client.go:403" },
            invocation.Cancellation);
        if (!response.IsSuccess) return null;
        var entry = response.Json()["resources"]?.AsArray().OfType<JsonObject>().FirstOrDefault(r => (string?)r["name"] == gvr.Resource);
        return entry is null ? null : entry["namespaced"] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.True;
    }

    private static async Task<int> ListAsync(Invocation invocation)
    {
        var review = await AuthCommand.ReviewAsync(invocation, new TypedResource("authorization.k8s.io", "v1", "selfsubjectrulesreviews", "SelfSubjectRulesReview", false,
            typeof(ControlPlane.Api.Authorization.SelfSubjectRulesReview)), new JsonObject
        {
            ["kind"] = "SelfSubjectRulesReview",
            ["apiVersion"] = "authorization.k8s.io/v1",
            ["metadata"] = new JsonObject { ["creationTimestamp"] = null },
            ["spec"] = new JsonObject { ["namespace"] = invocation.Namespace },
            ["status"] = new JsonObject { ["resourceRules"] = null, ["nonResourceRules"] = null, ["incomplete"] = false },
        }, "type.go:252");
        var status = review["status"] as JsonObject ?? [];
        if (status["incomplete"] is JsonValue i && i.GetValueKind() == System.Text.Json.JsonValueKind.True)
            invocation.Err(OperationMessages.Warning($"the list may be incomplete: {(string?)status["evaluationError"]}"));
        var rules = AccessRules.Compact(status);
        var text = new StringBuilder();
        var writer = new TabWriter(text);
        if (!invocation.Flags.Bool("no-headers")) writer.Write("Resources\tNon-Resource URLs\tResource Names\tVerbs\n");
        foreach (var rule in rules) writer.Write(rule.Row() + "\n");
        writer.Flush();
        invocation.Out(text.ToString());
        return 0;
    }
}
