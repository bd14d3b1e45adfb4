using System.Text;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Commands.Create;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Printing;

namespace KubeLab.Scenarios.Kubectl.Commands.Auth;

/// <summary><c>kubectl auth whoami</c>: a SelfSubjectReview, printed as an ATTRIBUTE/VALUE table.</summary>
internal sealed class WhoAmICommand : CommandDefinition
{
    public override string Name => "whoami";

    public override void AddFlags(FlagSet flags) => OutputFormat.AddFlags(flags);

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var format = OutputFormat.Parse(invocation.Flags);
        var review = await AuthCommand.ReviewAsync(invocation, TypedResource.SelfSubjectReviews, new JsonObject
        {
            ["kind"] = "SelfSubjectReview",
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["metadata"] = new JsonObject { ["creationTimestamp"] = null },
            ["status"] = new JsonObject { ["userInfo"] = new JsonObject() },
        }, "type.go:252");
        if (!format.IsDefault)
        {
            invocation.Out(ResultPrinter.Print(invocation, review, "", typed: true));
            return 0;
        }
        var user = review["status"]?["userInfo"] as JsonObject ?? [];
        var text = new StringBuilder();
        var writer = new TabWriter(text);
        writer.Write("ATTRIBUTE\tVALUE\n");
        if ((string?)user["username"] is { Length: > 0 } name) writer.Write($"Username\t{name}\n");
        if ((string?)user["uid"] is { Length: > 0 } uid) writer.Write($"UID\t{uid}\n");
        if (user["groups"] is JsonArray { Count: > 0 } groups) writer.Write($"Groups\t{GoValue.Sprint(groups)}\n");
        if (user["extra"] is JsonObject extra)
            foreach (var (key, value) in extra.OrderBy(e => e.Key, StringComparer.Ordinal))
                writer.Write($"Extra: {key}\t{GoValue.Sprint(value)}\n");
        writer.Flush();
        invocation.Out(text.ToString());
        return 0;
    }
}
