using System.Text;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Catalog;
using KubeLab.ControlPlane.Patching;
using KubeLab.ControlPlane.Serialization;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Printing;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Edit;

/// <summary>
/// <c>kubectl edit TYPE/NAME</c> without a terminal: the editor is the command <c>KUBE_EDITOR</c> (or <c>EDITOR</c>) names,
/// as in <c>KUBE_EDITOR="cp edited.yaml" kubectl edit …</c>, which really works this way. <c>cp FILE</c> replaces the
/// buffer with a learner's file; <c>true</c> (or <c>:</c>) saves it unchanged. The change goes as a strategic merge patch
/// between the buffer and what was saved (after the OpenAPI check of field validation).
/// </summary>
internal sealed class EditCommand : CommandDefinition
{
    public override string Name => "edit";

    public override void AddFlags(FlagSet flags)
    {
        OutputFormat.AddFlags(flags);
        WriteFlags.AddFieldManager(flags, "kubectl-edit");
        WriteFlags.AddValidate(flags);
        flags.Slice("filename", 'f').String("kustomize", 'k').Bool("output-patch").Bool("recursive", 'R').Bool("save-config")
            .String("subresource").Bool("windows-line-endings");
    }

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var environment = invocation.Environment;
        var editor = environment.Variables.GetValueOrDefault("KUBE_EDITOR") ?? environment.Variables.GetValueOrDefault("EDITOR") ?? "";
        var words = editor.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is not (["cp", _] or ["true"] or [":"]))
            throw KubectlException.Client("kubectl edit needs an editor a lesson can run: set KUBE_EDITOR to \"cp FILE\" (the edited object) or \"true\" (no change)");
        var validation = WriteFlags.ValidationOf(invocation.Flags);
        var errors = new List<KubectlError>();
        var targets = await ObjectTargets.FetchAsync(invocation, invocation.Args, errors);
        if (errors.Count > 0) throw new KubectlException([.. errors]);
        foreach (var target in targets)
        {
            var original = GenericDocument.WithoutManagedFields(target.Object);
            JsonObject edited;
            if (words[0] == "cp")
            {
                if (!environment.Files.TryGetValue(words[1], out var saved))
                    throw KubectlException.Client($"error: there was a problem with the editor \"{editor}\": exit status 1");
                edited = YamlToJson.Convert(saved) as JsonObject ?? throw KubectlException.Client("Edit cancelled, saved file was empty.");
            }
            else edited = original;
            if (validation is "Strict" or "Warn")
            {
                var apiVersion = (string?)edited["apiVersion"] ?? "";
                var slash = apiVersion.IndexOf('/');
                await invocation.OpenApi.GroupVersionAsync(slash < 0 ? "" : apiVersion[..slash], slash < 0 ? apiVersion : apiVersion[(slash + 1)..], invocation.Cancellation);
            }
            var type = ResourceCatalog.Default.Resources.FirstOrDefault(r => r.Group == target.Resource.Group && r.Plural == target.Resource.Plural)?.ObjectType ?? typeof(JsonObject);
            var patch = StrategicMergePatch.CreateTwoWay(original, edited, type);
            if (patch.Count == 0)
            {
                invocation.Err("Edit cancelled, no changes made.\n");
                continue;
            }
            var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Patch, target.Path)
            {
                Query = new GoQuery().Add("fieldManager", invocation.Flags.String("field-manager")).Add("fieldValidation", validation).Encode(),
                ContentType = "application/strategic-merge-patch+json",
                Body = Encoding.UTF8.GetBytes(GoJson.Compact(patch)),
                Caller = "helper.go:269",
            }, invocation.Cancellation);
            if (!response.IsSuccess)
            {
                var status = response.Status();
                throw KubectlException.Raw($"error: {target.Resource.QualifiedPlural} {GoValue.Quote(target.Name)} could not be patched: {status.Message}\n" +
                    $"You can run `kubectl replace -f /tmp/kubectl-edit-{invocation.Environment.Ids.NextProcessId()}.yaml` to try this update again.\n");
            }
            invocation.Out(ResultPrinter.Print(invocation, response.Json(), "edited"));
        }
        return 0;
    }
}
