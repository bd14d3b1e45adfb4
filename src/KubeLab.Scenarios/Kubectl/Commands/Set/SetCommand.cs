using System.Text;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Commands.Edit;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Printing;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Set;

/// <summary><c>kubectl set</c>: only <c>image</c> is simulated.</summary>
internal sealed class SetCommand : CommandDefinition
{
    public override string Name => "set";
    public override IReadOnlyList<CommandDefinition> Subcommands { get; } = [new SetImage()];

    public override Task<int> RunAsync(Invocation invocation) =>
        throw KubectlException.Raw("error: a set subcommand is required (only image is simulated)\n");
}

/// <summary>
/// <c>kubectl set image TYPE/NAME CONTAINER=IMAGE...</c>: the pod template's images changed and sent as the two-way
/// strategic merge patch between before and after; nothing at all when no image changes.
/// </summary>
internal sealed class SetImage : CommandDefinition
{
    public override string Name => "image";

    public override void AddFlags(FlagSet flags)
    {
        OutputFormat.AddFlags(flags);
        WriteFlags.AddDryRun(flags);
        WriteFlags.AddFieldManager(flags, "kubectl-set");
        flags.Bool("all").Slice("filename", 'f').String("kustomize", 'k').Bool("local").Bool("recursive", 'R').String("selector", 'l');
    }

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        var resources = invocation.Args.Where(a => !a.Contains('=')).ToList();
        var images = invocation.Args.Where(a => a.Contains('=')).Select(a => (a[..a.IndexOf('=')], a[(a.IndexOf('=') + 1)..])).ToList();
        if (images.Count == 0) throw WriteFlags.Usage(invocation, "at least one image update is required");
        var dryRun = WriteFlags.DryRunOf(flags);
        var errors = new List<KubectlError>();
        // set builds its objects with the typed scheme: its REST client accepts "application/json, */*".
        var targets = await ObjectTargets.FetchAsync(invocation, resources, errors, flags.String("selector"), flags.Bool("all"), accept: KubeRequest.AnyAccept);
        foreach (var target in targets)
        {
            var modified = (JsonObject)target.Object.DeepClone();
            var spec = target.Resource.Plural == "pods" ? modified["spec"] as JsonObject
                : target.Resource.Plural == "cronjobs" ? modified["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"] as JsonObject
                : modified["spec"]?["template"]?["spec"] as JsonObject;
            if (spec is null) throw KubectlException.Client($"error: {target.Resource.Kind.ToLowerInvariant()}s \"{target.Name}\" has no pod template");
            foreach (var (container, image) in images)
            {
                var found = false;
                foreach (var list in new[] { "initContainers", "containers" })
                    foreach (var c in spec[list]?.AsArray().OfType<JsonObject>() ?? [])
                        if (container == "*" || (string?)c["name"] == container)
                        {
                            c["image"] = image;
                            found = true;
                        }
                if (!found) throw KubectlException.Client($"unable to find container named {GoValue.Quote(container)}");
            }
            var patch = TwoWayPatch.Of(target, modified);
            if (patch.Count == 0) continue;
            if (dryRun == DryRun.Client)
            {
                invocation.Out(ResultPrinter.Print(invocation, modified, WriteFlags.Operation("image updated", dryRun)));
                continue;
            }
            var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Patch, target.Path)
            {
                Accept = KubeRequest.AnyAccept,
                Query = new GoQuery().AddIf(dryRun == DryRun.Server, "dryRun", "All").Add("fieldManager", flags.String("field-manager")).Encode(),
                ContentType = "application/strategic-merge-patch+json",
                Body = Encoding.UTF8.GetBytes(GoJson.Compact(patch)),
                Caller = "helper.go:269",
            }, invocation.Cancellation);
            if (!response.IsSuccess)
            {
                errors.Add(KubectlError.FromStatus(response.Status()));
                continue;
            }
            invocation.Out(ResultPrinter.Print(invocation, response.Json(), WriteFlags.Operation("image updated", dryRun)));
        }
        if (errors.Count > 0) throw new KubectlException([.. errors]);
        return 0;
    }
}
