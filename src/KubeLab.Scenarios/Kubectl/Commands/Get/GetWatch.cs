using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Requests;
using KubeLab.Scenarios.Kubectl.Resources;

namespace KubeLab.Scenarios.Kubectl.Commands.Get;

/// <summary>
/// <c>kubectl get -w</c> (kubectl's <c>GetOptions.watch</c>): the list (or the object) first, then a watch from the
/// list's resourceVersion (or from 0 for one object), one printed row per event until the server closes the
/// stream (exit 0) or the learner presses Ctrl-C (exit 1, kubectl's interrupt handler).
/// </summary>
internal sealed class GetWatch(Invocation invocation, GetOptions options)
{
    public async Task<int> RunAsync()
    {
        var selection = await ResourceArgs.ResolveAsync(invocation.Mapper, invocation.Args, invocation.Cancellation);
        if (selection.Targets.Select(t => t.Resource).Distinct().Count() > 1)
            throw KubectlException.Client("watch is only supported on individual resources and resource collections - more than 1 resource was found");
        if (selection.Targets.Count > 1) throw KubectlException.Client("you may only specify a single resource type");
        var target = selection.Targets[0];
        var resource = target.Resource;
        var ns = options.AllNamespaces ? null : options.Namespace;

        var initial = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, resource.Path(ns, target.Name))
        {
            Query = target.Name is null ? options.ListQuery().Encode() : "",
            Accept = options.Accept,
            Caller = target.Name is null ? "helper.go:113" : "helper.go:105",
        }, invocation.Cancellation);
        if (!initial.IsSuccess) throw new KubectlException(KubectlError.FromStatus(initial.Status()));

        var printer = new WatchEventPrinter(invocation, options, resource);
        var resourceVersion = target.Name is null ? (string?)initial.Json()["metadata"]?["resourceVersion"] ?? "" : "0";
        invocation.Out(printer.Initial(initial, singleObject: target.Name is not null, invocation.Flags.Bool("watch-only")));

        var query = new GoQuery();
        if (target.Name is not null) query.Add("fieldSelector", $"metadata.name={target.Name}");
        else if (options.FieldSelector.Length > 0) query.Add("fieldSelector", options.FieldSelector);
        query.AddIf(options.LabelSelector.Length > 0, "labelSelector", options.LabelSelector)
            .Add("resourceVersion", resourceVersion).Add("watch", "true");
        try
        {
            var request = new KubeRequest(HttpMethod.Get, resource.Path(ns))
            {
                Query = query.Encode(),
                Accept = options.Accept,
                Caller = "helper.go:202",
            };
            using var stream = await invocation.Client.OpenAsync(request, invocation.Cancellation);
            if (stream.StatusCode is < 200 or >= 300)
            {
                var body = await new StreamReader(stream.Body).ReadToEndAsync(invocation.Cancellation);
                throw new KubectlException(KubectlError.FromStatus(new KubeResponse(stream.StatusCode, stream.ContentType, System.Text.Encoding.UTF8.GetBytes(body)) { Request = request }.Status()));
            }
            using var reader = new StreamReader(stream.Body);
            while (await invocation.Output.WaitOn(reader.ReadLineAsync(invocation.Cancellation).AsTask()) is { } line)
            {
                if (line.Length == 0) continue;
                var change = JsonTree.Parse(System.Text.Encoding.UTF8.GetBytes(line)) as JsonObject;
                if (change is null) continue;
                invocation.Out(printer.Event((string?)change["type"] ?? "", change["object"] as JsonObject ?? new JsonObject()));
            }
            return 0;
        }
        catch (OperationCanceledException) when (invocation.Cancellation.IsCancellationRequested)
        {
            return 1;
        }
    }
}

/// <summary>How get -w prints: rows through the watch printer for tables, the generic printers otherwise.</summary>
internal sealed class WatchEventPrinter(Invocation invocation, GetOptions options, ApiResource resource)
{
    private readonly WatchPrinter tables = new(options.Table with { WithNamespace = options.AllNamespaces && resource.Namespaced },
        invocation.Flags.Bool("output-watch-events"));
    private bool skipNext;

    public string Initial(KubeResponse response, bool singleObject, bool watchOnly)
    {
        if (options.Format.IsHumanReadable) return tables.PrintInitial(response.Read<Table>(), singleObject, watchOnly);
        skipNext = singleObject;
        if (watchOnly) return "";
        var obj = response.Json();
        var items = obj["items"] is JsonArray ? GenericDocument.ItemsOf(obj) : [obj];
        return string.Concat(items.Select(Generic));
    }

    public string Event(string type, JsonObject obj)
    {
        if (type == "BOOKMARK") return "";
        if (options.Format.IsHumanReadable)
        {
            if (type == "ERROR") return tables.PrintError(obj.Deserialize<Status>(KubeJson.Options)!);
            return tables.PrintEvent(type, obj.Deserialize<Table>(KubeJson.Options)!);
        }
        if (skipNext)
        {
            skipNext = false;
            return "";
        }
        return Generic(obj);
    }

    private string Generic(JsonObject obj) => options.Format.Print(obj, invocation.Flags);
}
