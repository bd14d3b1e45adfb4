using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Manifests;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Requests;
using KubeLab.Scenarios.Kubectl.Resources;

namespace KubeLab.Scenarios.Kubectl.Commands.Edit;

/// <summary>An object a command fetched to change it: where it lives and how it read.</summary>
internal sealed record FetchedObject(ApiResource Resource, string? Namespace, string Name, JsonObject Object)
{
    public string Path => Resource.Path(Namespace, Name);
}

/// <summary>
/// The builder with <c>Latest()</c>, as label, annotate, patch and scale use it: the named objects (or those a
/// selector or <c>--all</c> lists, or a file names), each fetched with a GET. Errors are collected per object.
/// </summary>
internal static class ObjectTargets
{
    public static async Task<List<FetchedObject>> FetchAsync(Invocation invocation, IReadOnlyList<string> args, List<KubectlError> errors,
        string selector = "", bool all = false, bool allNamespaces = false, string accept = KubeRequest.JsonAccept)
    {
        var fetched = new List<FetchedObject>();
        var client = invocation.Client;
        var filenames = invocation.Flags.Defines("filename") ? invocation.Flags.Strings("filename") : [];
        if (filenames.Count > 0)
        {
            await foreach (var info in new ManifestVisitor(invocation, verifyFieldValidation: false).VisitAsync(filenames, errors))
                await GetAsync(invocation, info.Resource, info.Namespace, info.Name, fetched, errors, accept);
            return fetched;
        }
        var selection = await ResourceArgs.ResolveAsync(invocation.Mapper, args, invocation.Cancellation);
        foreach (var target in selection.Targets)
        {
            var ns = target.Resource.Namespaced ? (allNamespaces ? null : invocation.Namespace) : null;
            if (target.Name is not null)
            {
                await GetAsync(invocation, target.Resource, ns, target.Name, fetched, errors, accept);
                continue;
            }
            if (!all && selector.Length == 0) throw KubectlException.Client("resource(s) were provided, but no name was specified");
            var list = await client.SendAsync(new KubeRequest(HttpMethod.Get, target.Resource.Path(ns))
            {
                Accept = accept,
                Query = new GoQuery().AddIf(selector.Length > 0, "labelSelector", selector).Encode(),
                Caller = "helper.go:113",
            }, invocation.Cancellation);
            if (!list.IsSuccess)
            {
                errors.Add(KubectlError.FromStatus(list.Status()));
                continue;
            }
            var listed = list.Json();
            foreach (var item in GenericDocument.ItemsOf(listed))
                fetched.Add(new FetchedObject(target.Resource, (string?)item["metadata"]?["namespace"] ?? ns, (string?)item["metadata"]?["name"] ?? "", item));
        }
        return fetched;
    }

    private static async Task GetAsync(Invocation invocation, ApiResource resource, string? ns, string name, List<FetchedObject> fetched, List<KubectlError> errors,
        string accept)
    {
        var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, resource.Path(ns, name)) { Accept = accept, Caller = "helper.go:105" },
            invocation.Cancellation);
        if (response.IsSuccess) fetched.Add(new FetchedObject(resource, ns, name, response.Json()));
        else errors.Add(KubectlError.FromStatus(response.Status()));
    }
}
