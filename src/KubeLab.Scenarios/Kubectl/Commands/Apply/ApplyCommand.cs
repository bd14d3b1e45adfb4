using System.Text;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Catalog;
using KubeLab.ControlPlane.Patching;
using KubeLab.ControlPlane.Serialization;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Manifests;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Printing;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Apply;

/// <summary>
/// <c>kubectl apply -f</c>. Client-side (the default): GET the object; create it with the last-applied annotation, or
/// send the three-way strategic merge patch between the last applied configuration, the file and the live object,
/// nothing at all when that patch is empty (<c>unchanged</c>). <c>--server-side</c>: one apply PATCH per object.
/// </summary>
internal sealed class ApplyCommand : CommandDefinition
{
    public const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    public override string Name => "apply";

    public override void AddFlags(FlagSet flags)
    {
        OutputFormat.AddFlags(flags);
        WriteFlags.AddDryRun(flags);
        WriteFlags.AddFieldManager(flags, "kubectl-client-side-apply");
        WriteFlags.AddValidate(flags);
        flags.Bool("all").String("cascade", value: "background").Slice("filename", 'f').Bool("force").Bool("force-conflicts")
            .Int("grace-period", value: -1).String("kustomize", 'k').Bool("openapi-patch", value: true).Bool("overwrite", value: true)
            .Bool("prune").Slice("prune-allowlist").Bool("recursive", 'R').String("selector", 'l').Bool("server-side")
            .String("subresource").Duration("timeout").Bool("wait");
    }

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        if (flags.Strings("filename").Count == 0) throw KubectlException.Client("must specify one of -f and -k");
        var dryRun = WriteFlags.DryRunOf(flags);
        var validation = WriteFlags.ValidationOf(flags);
        OutputFormat.Parse(flags);
        var serverSide = flags.Bool("server-side");
        var manager = flags.Changed("field-manager") ? flags.String("field-manager") : serverSide ? "kubectl" : "kubectl-client-side-apply";
        var errors = new List<KubectlError>();
        var visitor = new ManifestVisitor(invocation, validation is "Strict" or "Warn");
        var applier = new ClientSideApply(invocation, manager, validation, dryRun);
        var count = 0;
        await foreach (var info in visitor.VisitAsync(flags.Strings("filename"), errors))
        {
            count++;
            try
            {
                var (obj, operation) = serverSide ? await ServerSideAsync(invocation, info, manager, validation, dryRun) : await applier.ApplyAsync(info);
                invocation.Out(ResultPrinter.Print(invocation, obj, WriteFlags.Operation(operation, dryRun)));
            }
            catch (KubectlException e) when (e.Errors.Count > 0)
            {
                errors.AddRange(e.Errors);
            }
        }
        if (errors.Count > 0) throw new KubectlException([.. errors]);
        if (count == 0) throw KubectlException.Client("no objects passed to apply");
        if (invocation.Log.V(4)) invocation.Log.Plain("apply.go:548", "Running apply post-processor function");
        return 0;
    }

    private static async Task<(JsonObject, string)> ServerSideAsync(Invocation invocation, ManifestInfo info, string manager, string validation, DryRun dryRun)
    {
        var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Patch, info.Resource.Path(info.Namespace, info.Name))
        {
            Query = new GoQuery().AddIf(dryRun == DryRun.Server, "dryRun", "All").Add("fieldManager", manager).Add("fieldValidation", validation)
                .Add("force", invocation.Flags.Bool("force-conflicts") ? "true" : "false").Encode(),
            ContentType = "application/apply-patch+yaml",
            Body = Encoding.UTF8.GetBytes(GoJson.Compact(info.Object) + "\n"),
            Caller = "helper.go:269",
        }, invocation.Cancellation);
        if (!response.IsSuccess) throw new KubectlException(KubectlError.FromStatus(response.Status()).WithSource("patching", info.Source));
        return (response.Json(), "serverside-applied");
    }
}

/// <summary>kubectl's client-side apply of one object (apply.go's applyOneObject and the Patcher).</summary>
internal sealed class ClientSideApply(Invocation invocation, string manager, string validation, DryRun dryRun)
{
    private bool openApiV2Fetched;

    public async Task<(JsonObject Object, string Operation)> ApplyAsync(ManifestInfo info)
    {
        var client = invocation.Client;
        var path = info.Resource.Path(info.Namespace, info.Name);
        var modified = Modified(info.Object);
        var current = await client.SendAsync(new KubeRequest(HttpMethod.Get, path) { Caller = "helper.go:105" }, invocation.Cancellation);
        if (current.StatusCode == 404)
        {
            var created = WithAnnotation(info.Object, modified);
            if (dryRun == DryRun.Client) return (created, "created");
            var response = await client.SendAsync(new KubeRequest(HttpMethod.Post, info.Resource.Path(info.Namespace))
            {
                Query = Query(),
                ContentType = "application/json",
                Body = Encoding.UTF8.GetBytes(GoJson.Compact(created) + "\n"),
                Caller = "helper.go:246",
            }, invocation.Cancellation);
            if (!response.IsSuccess) throw new KubectlException(KubectlError.FromStatus(response.Status()).WithSource("creating", info.Source));
            return (response.Json(), "created");
        }
        if (!current.IsSuccess)
            throw new KubectlException(KubectlError.FromStatus(current.Status()).WithSource("retrieving current configuration of:\nResource: \"" +
                $"{info.Resource.QualifiedPlural.Split('.')[0]}\", GroupVersionKind: \"{info.Manifest.ApiVersion}, Kind={info.Manifest.Kind}\"\nName: \"{info.Name}\", Namespace: \"{info.Namespace ?? ""}\"\nfrom server for", info.Source));

        var live = current.Json();
        var originalText = (string?)live["metadata"]?["annotations"]?[ApplyCommand.LastApplied];
        if (originalText is null)
            invocation.Err($"Warning: resource {info.Resource.Plural}/{info.Name} is missing the {ApplyCommand.LastApplied} annotation which is required by kubectl apply. " +
                "kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n");
        // The v3 document of the simulator carries no patch metadata: kubectl says so, then tries v2.
        if (invocation.Log.V(5))
            invocation.Log.Plain("patcher.go:156", $"warning: OpenAPI V3 path does not support strategic merge patch - group: {info.Resource.Group}, version {info.Resource.Version}, kind {info.Resource.Kind}\n");
        if (!openApiV2Fetched)
        {
            openApiV2Fetched = true;
            await client.SendAsync(new KubeRequest(HttpMethod.Get, "/openapi/v2")
            {
                Query = "timeout=32s",
                Accept = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf",
                Caller = "discovery_client.go:671",
            }, invocation.Cancellation);
        }
        var original = originalText is null ? null : JsonTree.Parse(Encoding.UTF8.GetBytes(originalText)) as JsonObject;
        var patch = StrategicMergePatch.CreateThreeWay(original, WithAnnotation(info.Object, modified), live, TypeOf(info));
        if (patch.Count == 0) return (live, "unchanged");
        if (dryRun == DryRun.Client) return (live, "configured");
        var patched = await client.SendAsync(new KubeRequest(HttpMethod.Patch, path)
        {
            Query = Query(),
            ContentType = "application/strategic-merge-patch+json",
            Body = Encoding.UTF8.GetBytes(GoJson.Compact(patch)),
            Caller = "helper.go:269",
        }, invocation.Cancellation);
        if (!patched.IsSuccess) throw new KubectlException(KubectlError.FromStatus(patched.Status()).WithSource("patching", info.Source));
        return (patched.Json(), "configured");
    }

    private string Query() => new GoQuery().AddIf(dryRun == DryRun.Server, "dryRun", "All").Add("fieldManager", manager).Add("fieldValidation", validation).Encode();

    /// <summary>util.GetModifiedConfiguration: the object without the annotation (keeping an empty annotations map), encoded.</summary>
    private static string Modified(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        if (copy["metadata"] is not JsonObject metadata) copy["metadata"] = metadata = new JsonObject();
        if (metadata["annotations"] is not JsonObject annotations) metadata["annotations"] = annotations = new JsonObject();
        annotations.Remove(ApplyCommand.LastApplied);
        return GoJson.Compact(copy) + "\n";
    }

    private static JsonObject WithAnnotation(JsonObject obj, string modified)
    {
        var copy = (JsonObject)obj.DeepClone();
        if (copy["metadata"] is not JsonObject metadata) copy["metadata"] = metadata = new JsonObject();
        if (metadata["annotations"] is not JsonObject annotations) metadata["annotations"] = annotations = new JsonObject();
        annotations[ApplyCommand.LastApplied] = modified;
        return copy;
    }

    /// <summary>kubectl's compiled-in Go type for the kind (its patch metadata), from the simulator's catalog.</summary>
    private static Type TypeOf(ManifestInfo info) =>
        ResourceCatalog.Default.Resources.FirstOrDefault(r => r.Group == info.Resource.Group && r.Kind == info.Resource.Kind)?.ObjectType
        ?? typeof(JsonObject);
}
