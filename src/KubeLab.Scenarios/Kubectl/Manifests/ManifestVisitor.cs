using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Resources;

namespace KubeLab.Scenarios.Kubectl.Manifests;

/// <summary>An object of a <c>-f</c> file, mapped to its resource and namespace (null for cluster-scoped kinds).</summary>
internal sealed record ManifestInfo(ManifestObject Manifest, ApiResource Resource, string? Namespace)
{
    public JsonObject Object => Manifest.Object;
    public string Name => Manifest.Name;
    public string Source => Manifest.Source;
}

/// <summary>
/// cli-runtime's builder over <c>-f</c> files, one document at a time as its stream visitor goes: the OpenAPI check
/// of field validation (when validating), the kind's mapping through discovery, the namespace filled in (and checked
/// against an explicit <c>-n</c>). Errors of one object are reported and the others go on (ContinueOnError).
/// </summary>
internal sealed class ManifestVisitor(Invocation invocation, bool verifyFieldValidation)
{
    public async IAsyncEnumerable<ManifestInfo> VisitAsync(IReadOnlyList<string> filenames, List<KubectlError> errors)
    {
        foreach (var (source, text) in ManifestReader.Files(invocation, filenames))
        {
            using var documents = ManifestReader.Objects(source, text).GetEnumerator();
            while (true)
            {
                // A document that does not parse, or fails validation, ends its file: the stream visitor stops there.
                try
                {
                    if (!documents.MoveNext()) break;
                }
                catch (KubectlException e) when (e.Errors.Count > 0)
                {
                    errors.AddRange(e.Errors);
                    break;
                }
                var manifest = documents.Current;
                if (!await ValidateAsync(manifest, errors)) break;
                var info = await MapAsync(manifest, errors);
                if (info is not null) yield return info;
            }
        }
    }

    private async Task<bool> ValidateAsync(ManifestObject manifest, List<KubectlError> errors)
    {
        if (!verifyFieldValidation || manifest.Kind.Length == 0 || manifest.ApiVersion.Length == 0) return true;
        if (await invocation.OpenApi.GroupVersionAsync(manifest.Group, manifest.Version, invocation.Cancellation) is not null) return true;
        if (await invocation.OpenApi.VerifyUnlistedAsync(invocation.Cancellation) is not { } failure) return true;
        errors.Add(KubectlError.Client($"error validating {GoValue.Quote(manifest.Source)}: error validating data: {failure.Status?.Message ?? failure.Message}; " +
            "if you choose to ignore these errors, turn validation off with --validate=false"));
        return false;
    }

    private async Task<ManifestInfo?> MapAsync(ManifestObject manifest, List<KubectlError> errors)
    {
        if (manifest.Kind.Length == 0 || manifest.ApiVersion.Length == 0)
        {
            var missing = new List<string>();
            if (manifest.ApiVersion.Length == 0) missing.Add("apiVersion not set");
            if (manifest.Kind.Length == 0) missing.Add("kind not set");
            errors.Add(KubectlError.Client(verifyFieldValidation
                ? $"error validating {GoValue.Quote(manifest.Source)}: error validating data: [{string.Join(", ", missing)}]; if you choose to ignore these errors, turn validation off with --validate=false"
                : $"Object 'Kind' is missing in '{manifest.Object.ToJsonString()}'"));
            return null;
        }
        var resource = await ResolveKindAsync(manifest);
        if (resource is null)
        {
            errors.Add(KubectlError.Client(
                $"resource mapping not found for name: {GoValue.Quote(manifest.Name)} namespace: {GoValue.Quote(manifest.Namespace)} from {GoValue.Quote(manifest.Source)}: " +
                $"no matches for kind {GoValue.Quote(manifest.Kind)} in version {GoValue.Quote(manifest.ApiVersion)}\nensure CRDs are installed first"));
            return null;
        }
        if (!resource.Namespaced) return new ManifestInfo(manifest, resource, null);
        var ns = manifest.Namespace;
        if (ns.Length == 0)
        {
            ns = invocation.Namespace;
            if (manifest.Object["metadata"] is not JsonObject metadata) manifest.Object["metadata"] = metadata = new JsonObject();
            metadata["namespace"] = ns;
        }
        else if (invocation.Config.NamespaceFromFlag && ns != invocation.Namespace)
        {
            errors.Add(KubectlError.Client(
                $"the namespace from the provided object {GoValue.Quote(ns)} does not match the namespace {GoValue.Quote(invocation.Namespace)}. You must pass '--namespace={ns}' to perform this operation."));
            return null;
        }
        return new ManifestInfo(manifest, resource, ns);
    }

    private async Task<ApiResource?> ResolveKindAsync(ManifestObject manifest)
    {
        static ApiResource? Find(ApiResourceCatalog catalog, ManifestObject m) => catalog.Resources.FirstOrDefault(r =>
            r.Kind == m.Kind && r.Group == m.Group && r.Version == m.Version && !r.Plural.Contains('/'));
        var found = Find(await invocation.Discovery.LoadAsync(invocation.Cancellation), manifest);
        return found ?? Find(await invocation.Discovery.RefreshAsync(invocation.Cancellation), manifest);
    }
}
