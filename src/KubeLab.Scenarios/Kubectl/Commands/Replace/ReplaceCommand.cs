using System.Text;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Manifests;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Printing;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Replace;

/// <summary>
/// <c>kubectl replace -f FILE</c>: a PUT of each object (<c>?fieldManager=kubectl-replace&amp;fieldValidation=Strict</c>).
/// <c>replace --raw PATH -f FILE</c>: the file PUT as is, chunked and without a content type, the answer printed raw.
/// </summary>
internal sealed class ReplaceCommand : CommandDefinition
{
    public override string Name => "replace";

    public override void AddFlags(FlagSet flags)
    {
        OutputFormat.AddFlags(flags);
        WriteFlags.AddDryRun(flags);
        WriteFlags.AddFieldManager(flags, "kubectl-replace");
        WriteFlags.AddValidate(flags);
        flags.String("cascade", value: "background").Slice("filename", 'f').Bool("force").Int("grace-period", value: -1).String("kustomize", 'k')
            .String("raw").Bool("recursive", 'R').Bool("save-config").String("subresource").Duration("timeout").Bool("wait")
            .NotSimulated("force", "it deletes and creates the object again: delete it and create it in two steps");
    }

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        var files = flags.Strings("filename");
        if (files.Count == 0) throw KubectlException.Client("must specify one of -f and -k");
        if (flags.String("raw") is { Length: > 0 } raw)
        {
            RawHttp.ValidateWithFiles(invocation, raw, files, fileRequired: true);
            return await RawHttp.SendAsync(invocation, HttpMethod.Put, raw, files[0]);
        }
        var dryRun = WriteFlags.DryRunOf(flags);
        var validation = WriteFlags.ValidationOf(flags);
        OutputFormat.Parse(flags);
        var errors = new List<KubectlError>();
        await foreach (var info in new ManifestVisitor(invocation, validation is "Strict" or "Warn").VisitAsync(files, errors))
        {
            if (dryRun == DryRun.Client)
            {
                invocation.Out(ResultPrinter.Print(invocation, info.Object, WriteFlags.Operation("replaced", dryRun)));
                continue;
            }
            // Helper.Replace with overwrite: without a resourceVersion of its own, the object takes the live one.
            if (string.IsNullOrEmpty(info.Manifest.Object["metadata"]?["resourceVersion"]?.ToString()))
            {
                var live = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, info.Resource.Path(info.Namespace, info.Name)) { Caller = "helper.go:294" },
                    invocation.Cancellation);
                if (live.IsSuccess && live.Json()["metadata"]?["resourceVersion"] is { } version)
                    ((System.Text.Json.Nodes.JsonObject)info.Object["metadata"]!)["resourceVersion"] = version.DeepClone();
            }
            var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Put, info.Resource.Path(info.Namespace, info.Name))
            {
                Query = new GoQuery().AddIf(dryRun == DryRun.Server, "dryRun", "All").Add("fieldManager", flags.String("field-manager"))
                    .Add("fieldValidation", validation).Encode(),
                ContentType = "application/json",
                Body = Encoding.UTF8.GetBytes(GoJson.Compact(info.Object) + "\n"),
                Caller = "helper.go:319",
            }, invocation.Cancellation);
            if (!response.IsSuccess)
            {
                errors.Add(KubectlError.FromStatus(response.Status()).WithSource("replacing", info.Source));
                continue;
            }
            invocation.Out(ResultPrinter.Print(invocation, response.Json(), WriteFlags.Operation("replaced", dryRun)));
        }
        if (errors.Count > 0) throw new KubectlException([.. errors]);
        return 0;
    }
}
