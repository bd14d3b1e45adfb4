using System.Text;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Printing;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Edit;

/// <summary>
/// <c>kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]</c>: GET, then the PATCH as given (JSON as is,
/// YAML converted), <c>patched</c> or <c>patched (no change)</c> when the server's answer equals what it read.
/// </summary>
internal sealed class PatchCommand : CommandDefinition
{
    public override string Name => "patch";

    public override void AddFlags(FlagSet flags)
    {
        OutputFormat.AddFlags(flags);
        WriteFlags.AddDryRun(flags);
        WriteFlags.AddFieldManager(flags, "kubectl-patch");
        flags.Slice("filename", 'f').String("kustomize", 'k').Bool("local").String("patch", 'p').String("patch-file").Bool("recursive", 'R')
            .String("subresource").String("type", value: "strategic");
    }

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        var type = flags.String("type");
        var contentType = type switch
        {
            "strategic" => "application/strategic-merge-patch+json",
            "merge" => "application/merge-patch+json",
            "json" => "application/json-patch+json",
            _ => throw KubectlException.Client($"--type must be one of [json merge strategic], not {GoValue.Quote(type)}"),
        };
        string text;
        if (flags.String("patch-file") is { Length: > 0 } file)
            text = invocation.Environment.Files.TryGetValue(file, out var content) ? content : throw KubectlException.Client($"open {file}: no such file or directory");
        else text = flags.String("patch");
        if (text.Length == 0) throw KubectlException.Client("must specify --patch or --patch-file containing the contents of the patch");
        var body = ToJson(text);
        var dryRun = WriteFlags.DryRunOf(flags);
        var errors = new List<KubectlError>();
        var targets = await ObjectTargets.FetchAsync(invocation, invocation.Args, errors);
        foreach (var target in targets)
        {
            var subresource = flags.String("subresource");
            var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Patch, target.Resource.Path(target.Namespace, target.Name, subresource.Length > 0 ? subresource : null))
            {
                Query = new GoQuery().AddIf(dryRun == DryRun.Server, "dryRun", "All").Add("fieldManager", flags.String("field-manager")).Encode(),
                ContentType = contentType,
                Body = body,
                Caller = "helper.go:269",
            }, invocation.Cancellation);
            if (!response.IsSuccess)
            {
                errors.Add(KubectlError.FromStatus(response.Status()));
                continue;
            }
            var patched = response.Json();
            var changed = GoJson.Compact(patched) != GoJson.Compact(target.Object);
            invocation.Out(ResultPrinter.Print(invocation, patched, WriteFlags.Operation(changed ? "patched" : "patched (no change)", dryRun)));
        }
        if (errors.Count > 0) throw new KubectlException([.. errors]);
        return 0;
    }

    /// <summary>apimachinery's yaml.ToJSON: JSON is kept byte for byte, YAML becomes compact JSON.</summary>
    private static byte[] ToJson(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('[')) return Encoding.UTF8.GetBytes(text);
        try
        {
            return Encoding.UTF8.GetBytes(GoJson.Compact(YamlToJson.Convert(text)));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw KubectlException.Client($"unable to parse {GoValue.Quote(text)}: {e.Message}");
        }
    }
}
