using System.Text;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Manifests;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Requests;
using KubeLab.Scenarios.Kubectl.Resources;

namespace KubeLab.Scenarios.Kubectl.Commands.Delete;

/// <summary>
/// <c>kubectl delete</c> by name, <c>-f</c>, <c>-l</c>, <c>--field-selector</c> or <c>--all</c>: a DELETE per object with
/// <c>{"propagationPolicy":"Background"}</c> (and the grace period), its line printed at once, then the wait until
/// every deleted object is gone (<c>--wait=true</c>, the default).
/// </summary>
internal sealed class DeleteCommand : CommandDefinition
{
    public override string Name => "delete";

    public override void AddFlags(FlagSet flags)
    {
        WriteFlags.AddDryRun(flags);
        flags.Bool("all").Bool("all-namespaces", 'A').String("cascade", value: "background", noOptDefault: "background")
            .String("field-selector").Slice("filename", 'f').Bool("force").Int("grace-period", value: -1).Bool("ignore-not-found")
            .Bool("interactive", 'i').String("kustomize", 'k').Bool("now").String("output", 'o').String("raw").Bool("recursive", 'R')
            .String("selector", 'l').Duration("timeout").Bool("wait", value: true);
    }

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var options = DeleteOptions.From(invocation);
        var targets = await TargetsAsync(invocation, options);
        options.Validate(invocation);

        var deleted = new List<DeletedObject>();
        var errors = new List<KubectlError>(targets.Errors);
        var warnedClusterScope = false;
        foreach (var (resource, ns, name, source) in targets.Objects)
        {
            if (!resource.Namespaced && invocation.Config.NamespaceFromFlag && !options.AllNamespaces && !warnedClusterScope)
            {
                invocation.Err(OperationMessages.Warning("deleting cluster-scoped resources, not scoped to the provided namespace"));
                warnedClusterScope = true;
            }
            if (options.DryRun == DryRun.Client)
            {
                invocation.Out(options.Line(resource, name));
                deleted.Add(new DeletedObject(resource, ns, name, null));
                continue;
            }
            var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Delete, resource.Path(ns, name))
            {
                ContentType = "application/json",
                Body = Encoding.UTF8.GetBytes(options.Body() + "\n"),
                Caller = "helper.go:202",
            }, invocation.Cancellation);
            if (!response.IsSuccess)
            {
                var status = response.Status();
                if (!(options.IgnoreNotFound && status.Reason == "NotFound"))
                    errors.Add(source is null ? KubectlError.FromStatus(status) : KubectlError.FromStatus(status).WithSource("deleting", source));
                continue;
            }
            invocation.Out(options.Line(resource, name));
            deleted.Add(new DeletedObject(resource, ns, name, Uid(response.Json())));
        }
        if (errors.Count > 0) throw new KubectlException([.. errors]);
        if (deleted.Count == 0 && targets.Objects.Count == 0)
        {
            invocation.Out("No resources found\n");
            return 0;
        }
        if (!options.Wait || options.DryRun != DryRun.None) return 0;
        // kubectl's effectiveTimeout: --timeout, or a week when it is 0 (wait "forever").
        var timeout = invocation.Flags.Duration("timeout");
        var wait = new DeletionWait(invocation, timeout == TimeSpan.Zero ? TimeSpan.FromHours(168) : timeout);
        foreach (var item in deleted)
            if (!await wait.WaitAsync(item))
                throw KubectlException.Client($"timed out waiting for the condition on {item.Resource.QualifiedPlural}/{item.Name}");
        return 0;
    }

    /// <summary>The uid the DELETE answered: the object's, or the one in a Success Status's details.</summary>
    private static string? Uid(JsonObject response) =>
        (string?)response["kind"] == "Status" ? (string?)response["details"]?["uid"] : (string?)response["metadata"]?["uid"];

    private sealed record Targets(List<(ApiResource Resource, string? Namespace, string Name, string? Source)> Objects, List<KubectlError> Errors);

    private static async Task<Targets> TargetsAsync(Invocation invocation, DeleteOptions options)
    {
        var objects = new List<(ApiResource, string?, string, string?)>();
        var errors = new List<KubectlError>();
        var flags = invocation.Flags;
        if (flags.Strings("filename").Count > 0)
        {
            var visitor = new ManifestVisitor(invocation, verifyFieldValidation: false);
            await foreach (var info in visitor.VisitAsync(flags.Strings("filename"), errors))
                objects.Add((info.Resource, info.Namespace, info.Name, info.Source));
            return new Targets(objects, errors);
        }
        if (invocation.Args.Count == 0)
            throw KubectlException.Raw("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
        var selection = await ResourceArgs.ResolveAsync(invocation.Mapper, invocation.Args, invocation.Cancellation);
        if (options.All && (options.LabelSelector.Length > 0 || options.FieldSelector.Length > 0))
            throw KubectlException.Client("setting 'all' parameter but found a non empty selector. ");
        foreach (var target in selection.Targets)
        {
            var ns = target.Resource.Namespaced ? (options.AllNamespaces ? null : invocation.Namespace) : null;
            if (target.Name is not null)
            {
                objects.Add((target.Resource, ns, target.Name, null));
                continue;
            }
            if (!options.All && options.LabelSelector.Length == 0 && options.FieldSelector.Length == 0)
                throw KubectlException.Client("resource(s) were provided, but no name was specified");
            var list = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, target.Resource.Path(ns))
            {
                Query = new GoQuery().AddIf(options.FieldSelector.Length > 0, "fieldSelector", options.FieldSelector)
                    .AddIf(options.LabelSelector.Length > 0, "labelSelector", options.LabelSelector).Encode(),
                Caller = "helper.go:113",
            }, invocation.Cancellation);
            if (!list.IsSuccess)
            {
                errors.Add(KubectlError.FromStatus(list.Status()));
                continue;
            }
            foreach (var item in list.Json()["items"]?.AsArray().OfType<JsonObject>() ?? [])
                objects.Add((target.Resource, (string?)item["metadata"]?["namespace"] ?? ns, (string?)item["metadata"]?["name"] ?? "", null));
        }
        return new Targets(objects, errors);
    }
}
