using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Requests;
using KubeLab.Scenarios.Kubectl.Resources;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>
/// <c>kubectl describe TYPE [NAME]</c>: the object read by the builder, then by the kind's describer through the typed
/// clientset (protobuf Accept), with the events whose involvedObject is it. Pods and config maps are described.
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
        var selection = await ResourceArgs.ResolveAsync(invocation.Mapper, invocation.Args, invocation.Cancellation);
        var allNamespaces = flags.Bool("all-namespaces");
        var errors = new List<KubectlError>();
        var objects = new List<(ApiResource Resource, JsonObject Object)>();
        var byPrefix = false;
        foreach (var target in selection.Targets)
        {
            var ns = target.Resource.Namespaced ? (allNamespaces ? null : invocation.Namespace) : null;
            if (target.Name is not null)
            {
                var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, target.Resource.Path(ns, target.Name)) { Caller = "helper.go:105" },
                    invocation.Cancellation);
                if (response.IsSuccess) objects.Add((target.Resource, response.Json()));
                else if (response.StatusCode == 404 && invocation.Args.Count == 2 && selection.Targets.Count == 1)
                {
                    // describe's DescribeMatchingResources: a name that is not found is tried as a prefix.
                    var matches = await PrefixMatchesAsync(invocation, target.Resource, ns, target.Name);
                    byPrefix = matches.Count > 0;
                    if (matches.Count > 0) objects.AddRange(matches.Select(m => (target.Resource, m)));
                    else errors.Add(KubectlError.FromStatus(response.Status()));
                }
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
        if (objects.Count == 0 && errors.Count == 0)
        {
            invocation.Err(selection.Targets.Any(t => t.Resource.Namespaced) && !allNamespaces
                ? $"No resources found in {invocation.Namespace} namespace.\n" : "No resources found\n");
            return 0;
        }
        var first = true;
        foreach (var (resource, obj) in objects)
        {
            var text = await DescribeAsync(invocation, resource, obj);
            // Prefix matches are printed one after the other, each with a newline of its own.
            invocation.Out(byPrefix ? text + "\n" : first ? text : "\n\n" + text);
            first = false;
        }
        if (errors.Count > 0) throw new KubectlException([.. errors]);
        return 0;
    }

    private static async Task<List<JsonObject>> PrefixMatchesAsync(Invocation invocation, ApiResource resource, string? ns, string prefix)
    {
        var list = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, resource.Path(ns))
        {
            Query = new GoQuery().Add("limit", invocation.Flags.Int("chunk-size").ToString(System.Globalization.CultureInfo.InvariantCulture)).Encode(),
            Caller = "helper.go:113",
        }, invocation.Cancellation);
        if (!list.IsSuccess) return [];
        return GenericDocument.ItemsOf(list.Json()).Where(item => S(item["metadata"]?["name"]).StartsWith(prefix, StringComparison.Ordinal)).ToList();
    }

    private static async Task<string> DescribeAsync(Invocation invocation, ApiResource resource, JsonObject listed)
    {
        var ns = S(listed["metadata"]?["namespace"]);
        var name = S(listed["metadata"]?["name"]);
        var (kind, describe) = (resource.Group, resource.Plural) switch
        {
            ("", "pods") => ((string?)null, (Func<JsonObject, IReadOnlyList<JsonObject>?, DateTimeOffset, string>)PodDescriber.Describe),
            ("", "configmaps") => ("ConfigMap", ConfigMapDescriber.Describe),
            _ => throw KubectlException.Client($"describing {resource.QualifiedPlural} is not simulated: describe pods or configmaps"),
        };
        var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, resource.Path(ns.Length == 0 ? null : ns, name))
        {
            Accept = KubeRequest.ProtobufAccept,
            Caller = "describe.go:741",
        }, invocation.Cancellation);
        if (!response.IsSuccess) throw new KubectlException(KubectlError.FromStatus(response.Status()));
        var obj = response.Json();
        IReadOnlyList<JsonObject>? events = null;
        if (invocation.Flags.Bool("show-events"))
        {
            var selector = (kind is null ? "" : $"involvedObject.kind={kind},") +
                $"involvedObject.name={name},involvedObject.namespace={ns},involvedObject.uid={S(obj["metadata"]?["uid"])}";
            var eventList = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, $"/api/v1/namespaces/{ns}/events")
            {
                Query = new GoQuery().Add("fieldSelector", selector).Add("limit", invocation.Flags.Int("chunk-size").ToString(System.Globalization.CultureInfo.InvariantCulture)).Encode(),
                Accept = KubeRequest.ProtobufAccept,
                Caller = "describe.go:5719",
            }, invocation.Cancellation);
            events = eventList.IsSuccess ? Objects(eventList.Json()["items"]) : [];
        }
        return describe(obj, events, invocation.Environment.Cluster.Services.Clock.GetUtcNow());
    }
}

/// <summary>kubectl's ConfigMapDescriber.</summary>
internal static class ConfigMapDescriber
{
    public static string Describe(JsonObject configMap, IReadOnlyList<JsonObject>? events, DateTimeOffset now)
    {
        var w = new PrefixWriter();
        var metadata = configMap["metadata"] as JsonObject ?? [];
        w.Write(0, $"Name:\t{S(metadata["name"])}\n");
        w.Write(0, $"Namespace:\t{S(metadata["namespace"])}\n");
        Labels(w, "Labels", metadata["labels"] as JsonObject);
        Annotations(w, "Annotations", metadata["annotations"] as JsonObject);
        w.Write(0, "\nData\n====\n");
        // Go ranges over the map in random order; sorted is one of the orders it can print.
        foreach (var (key, value) in (configMap["data"] as JsonObject ?? []).OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            w.Write(0, $"{key}:\n----\n");
            w.Write(0, $"{S(value)}\n");
            w.Write(0, "\n");
        }
        w.Write(0, "\nBinaryData\n====\n");
        foreach (var (key, value) in (configMap["binaryData"] as JsonObject ?? []).OrderBy(d => d.Key, StringComparer.Ordinal))
            w.Write(0, $"{key}: {Convert.FromBase64String(S(value)).Length} bytes\n");
        w.Write(0, "\n");
        Events(w, events, now);
        return w.ToString();
    }
}
