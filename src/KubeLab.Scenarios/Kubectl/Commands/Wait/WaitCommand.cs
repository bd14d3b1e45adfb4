using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Commands.Delete;
using KubeLab.Scenarios.Kubectl.Commands.Edit;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Output.JsonPath;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Wait;

/// <summary>
/// <c>kubectl wait --for=delete|create|condition=C[=V]|jsonpath={…}[=V] TYPE/NAME</c>: each object read, then watched
/// (kubectl's informer) until the condition holds, printing <c>KIND/NAME condition met</c>.
/// </summary>
internal sealed class WaitCommand : CommandDefinition
{
    public override string Name => "wait";

    public override void AddFlags(FlagSet flags)
    {
        Printing.OutputFormat.AddFlags(flags);
        flags.Bool("all").Bool("all-namespaces", 'A').String("field-selector").Slice("filename", 'f').String("for").Bool("local")
            .Bool("recursive", 'R', true).String("selector", 'l').Duration("timeout", "30s");
    }

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        var spec = flags.String("for");
        var condition = Parse(spec);
        var errors = new List<KubectlError>();
        // One timeout for the whole wait, on the cluster's clock; negative means a week.
        var timeout = flags.Duration("timeout");
        var clock = invocation.Environment.Cluster.Services.Clock;
        var deadline = clock.GetUtcNow() + (timeout < TimeSpan.Zero ? TimeSpan.FromHours(168) : timeout);
        if (condition.Kind == "create")
        {
            // kubectl polls the builder until the objects exist, then visits them once more.
            while (true)
            {
                var polled = new List<KubectlError>();
                await ObjectTargets.FetchAsync(invocation, invocation.Args, polled, flags.String("selector"), flags.Bool("all"), flags.Bool("all-namespaces"));
                if (!polled.Any(e => e.Status?.Reason == "NotFound")) break;
                if (clock.GetUtcNow() >= deadline || !await invocation.Environment.AwaitProgress(invocation.Cancellation))
                    throw KubectlException.Client("timed out waiting for the condition");
            }
        }
        var targets = await ObjectTargets.FetchAsync(invocation, invocation.Args, errors, flags.String("selector"), flags.Bool("all"), flags.Bool("all-namespaces"));
        if (condition.Kind == "delete") errors.RemoveAll(e => e.Status?.Reason == "NotFound");
        if (errors.Count > 0) throw new KubectlException([.. errors]);
        if (targets.Count == 0 && condition.Kind != "delete") throw KubectlException.Client("no matching resources found");
        foreach (var target in targets)
        {
            var kind = target.Resource.Group.Length == 0 ? target.Resource.Kind.ToLowerInvariant() : $"{target.Resource.Kind.ToLowerInvariant()}.{target.Resource.Group}";
            var timedOut = KubectlException.Client($"timed out waiting for the condition on {target.Resource.QualifiedPlural}/{target.Name}");
            switch (condition.Kind)
            {
                case "delete":
                    if (!await new DeletionWait(invocation, deadline - clock.GetUtcNow()).WaitAsync(new DeletedObject(target.Resource, target.Namespace, target.Name, (string?)target.Object["metadata"]?["uid"])))
                        throw timedOut;
                    break;
                case "create":
                    break;
                default:
                    if (timeout == TimeSpan.Zero)
                    {
                        if (!condition.Holds(target.Object)) throw KubectlException.Client($"condition not met for {target.Resource.QualifiedPlural}/{target.Name}");
                        break;
                    }
                    var informer = new ObjectInformer(invocation);
                    var outcome = await informer.UntilAsync(target.Resource, target.Namespace, target.Name,
                        (type, obj) => type != "DELETED" && condition.Holds(obj), stopWhenAbsent: true, deadline);
                    if (outcome == InformerOutcome.Absent)
                        throw new KubectlException(KubectlError.FromStatus(new ControlPlane.Api.Meta.Status
                        {
                            Outcome = "Failure", Code = 404, Reason = "NotFound", Message = $"{target.Resource.QualifiedPlural} {GoValue.Quote(target.Name)} not found",
                        }));
                    if (outcome == InformerOutcome.TimedOut) throw timedOut;
                    break;
            }
            invocation.Out($"{kind}/{target.Name} condition met\n");
        }
        return 0;
    }

    private sealed record Condition(string Kind, string Name, string? Value)
    {
        public bool Holds(JsonObject obj)
        {
            if (Kind == "condition")
            {
                var generation = obj["metadata"]?["generation"]?.ToString();
                foreach (var c in obj["status"]?["conditions"]?.AsArray().OfType<JsonObject>() ?? [])
                {
                    if (!string.Equals((string?)c["type"], Name, StringComparison.OrdinalIgnoreCase)) continue;
                    if (c["observedGeneration"] is { } observed && generation is not null && observed.ToString() != generation) return false;
                    return string.Equals((string?)c["status"], Value ?? "true", StringComparison.OrdinalIgnoreCase);
                }
                return false;
            }
            try
            {
                var results = JsonPathTemplate.Parse(Name).FindResults(obj);
                var values = results.SelectMany(r => r).ToList();
                if (Value is null) return values.Count > 0;
                return values.Count == 1 && GoValue.Sprint(values[0]) == Value;
            }
            catch (JsonPathException)
            {
                return false;
            }
        }
    }

    private static Condition Parse(string spec)
    {
        var lower = spec.ToLowerInvariant();
        if (lower == "delete") return new Condition("delete", "", null);
        if (lower == "create") return new Condition("create", "", null);
        if (lower.StartsWith("condition=", StringComparison.Ordinal))
        {
            var rest = spec["condition=".Length..];
            var eq = rest.IndexOf('=');
            return eq < 0 ? new Condition("condition", rest, null) : new Condition("condition", rest[..eq], rest[(eq + 1)..]);
        }
        if (lower.StartsWith("jsonpath=", StringComparison.Ordinal))
        {
            var rest = spec["jsonpath=".Length..];
            var close = rest.LastIndexOf('}');
            var path = close < 0 ? rest : rest[..(close + 1)];
            string? value = close >= 0 && close + 1 < rest.Length && rest[close + 1] == '=' ? rest[(close + 2)..] : null;
            if (path.Length == 0) throw KubectlException.Client("jsonpath expression cannot be empty");
            return new Condition("jsonpath", CustomColumnsPrinter.RelaxedExpression(path.Trim('\'')), value);
        }
        throw KubectlException.Client($"unrecognized condition: {GoValue.Quote(spec)}");
    }
}
