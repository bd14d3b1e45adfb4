using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Manifests;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Requests;
using KubeLab.Scenarios.Kubectl.Resources;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>
/// <c>kubectl describe TYPE [NAME]</c> (or <c>-f FILE</c>): the objects read by the builder (JSON), then each described by its kind's
/// describer (<see cref="Describers"/>), which reads again through the typed clientset. Errors are collected, each
/// message once, and printed after what could be described.
/// </summary>
internal sealed class DescribeCommand : CommandDefinition
{
    public override string Name => "describe";

    public override void AddFlags(FlagSet flags) =>
        flags.Bool("all-namespaces", 'A').Int("chunk-size", value: 500).Slice("filename", 'f').String("kustomize", 'k')
            .Bool("recursive", 'R').String("selector", 'l').Bool("show-events", value: true);

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        if (invocation.Args.Count == 0 && flags.Strings("filename").Count == 0)
            throw KubectlException.Raw("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n\n" +
                "error: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\n" +
                "See 'kubectl describe -h' for help and examples\n");
        var allNamespaces = flags.Bool("all-namespaces");
        var context = new DescribeContext(invocation);
        var errors = new List<KubectlError>();
        var objects = new List<(ApiResource Resource, JsonObject Object)>();
        // The objects a file names are described as the file has them: only the describers read the server.
        await foreach (var info in new ManifestVisitor(invocation, verifyFieldValidation: false).VisitAsync(flags.Strings("filename"), errors))
            objects.Add((info.Resource, info.Object));
        var selection = invocation.Args.Count == 0 ? new ResourceSelection([], SingleItemImplied: false) : await ResourceArgs.ResolveAsync(invocation.Mapper, invocation.Args, invocation.Cancellation);
        foreach (var target in selection.Targets)
        {
            var ns = target.Resource.Namespaced ? (allNamespaces ? null : invocation.Namespace) : null;
            if (target.Name is not null)
            {
                var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, target.Resource.Path(ns, target.Name)) { Caller = "helper.go:105" },
                    invocation.Cancellation);
                if (response.IsSuccess) objects.Add((target.Resource, response.Json()));
                // describe's DescribeMatchingResources: a name that is not found is tried as a prefix.
                else if (response.StatusCode == 404 && invocation.Args.Count == 2 && selection.Targets.Count == 1)
                    return await DescribeMatchingAsync(invocation, context, target.Resource, ns, target.Name, KubectlError.FromStatus(response.Status()));
                else errors.Add(KubectlError.FromStatus(response.Status()));
                continue;
            }
            var list = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, target.Resource.Path(ns))
            {
                Query = new GoQuery().AddIf(flags.String("selector").Length > 0, "labelSelector", flags.String("selector"))
                    .Add("limit", flags.Int("chunk-size").ToString(System.Globalization.CultureInfo.InvariantCulture)).Encode(),
                Caller = "helper.go:113",
            }, invocation.Cancellation);
            if (!list.IsSuccess) errors.Add(KubectlError.FromStatus(list.Status()));
            else objects.AddRange(GenericDocument.ItemsOf(list.Json()).Select(item => (target.Resource, item)));
        }
        var first = true;
        foreach (var (resource, obj) in objects)
        {
            try
            {
                var text = await DescribeAsync(context, resource, obj);
                invocation.Out(first ? text : "\n\n" + text);
                first = false;
            }
            catch (KubectlException e)
            {
                // The same error for several objects is reported once.
                foreach (var error in e.Errors)
                    if (!errors.Any(known => Message(known) == Message(error))) errors.Add(error);
            }
        }
        if (objects.Count == 0 && errors.Count == 0)
            invocation.Err(allNamespaces ? "No resources found\n" : $"No resources found in {invocation.Namespace} namespace.\n");
        if (errors.Count > 0) throw new KubectlException([.. errors]);
        return 0;
    }

    /// <summary>The objects of the type whose names start with the word, each described and followed by a newline; none: the original error.</summary>
    private static async Task<int> DescribeMatchingAsync(Invocation invocation, DescribeContext context, ApiResource resource, string? ns, string prefix, KubectlError notFound)
    {
        var list = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, resource.Path(ns))
        {
            Query = new GoQuery().Add("limit", invocation.Flags.Int("chunk-size").ToString(System.Globalization.CultureInfo.InvariantCulture)).Encode(),
            Caller = "helper.go:113",
        }, invocation.Cancellation);
        if (!list.IsSuccess) throw new KubectlException(KubectlError.FromStatus(list.Status()));
        var matches = GenericDocument.ItemsOf(list.Json()).Where(item => S(item["metadata"]?["name"]).StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (matches.Count == 0) throw new KubectlException(notFound);
        foreach (var match in matches) invocation.Out(await DescribeAsync(context, resource, match) + "\n");
        return 0;
    }

    private static Task<string> DescribeAsync(DescribeContext context, ApiResource resource, JsonObject listed)
    {
        var ns = S(listed["metadata"]?["namespace"]);
        return Describers.For(resource).DescribeAsync(context, ns.Length == 0 ? null : ns, S(listed["metadata"]?["name"]));
    }

    private static string Message(KubectlError error) => error.Status?.Message ?? error.Message ?? "";
}
