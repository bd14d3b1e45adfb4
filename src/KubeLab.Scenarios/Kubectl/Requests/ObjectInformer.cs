using System.Globalization;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Resources;

namespace KubeLab.Scenarios.Kubectl.Requests;

/// <summary>How an informer wait ended.</summary>
internal enum InformerOutcome
{
    /// <summary>The condition held.</summary>
    Met,
    /// <summary>The list showed no such object (the precondition).</summary>
    Absent,
    /// <summary>Nothing more could happen: kubectl would wait out its timeout.</summary>
    TimedOut,
}

/// <summary>
/// client-go's <c>watchtools.UntilWithSync</c> on one object, as kubectl's waits run it: a list by
/// <c>metadata.name</c> from resourceVersion 0 (its items handed to the condition as ADDED events), then a watch with
/// bookmarks from the list's resourceVersion, read through <see cref="SettlingWatch"/> so a lesson's cluster moves on.
/// </summary>
internal sealed class ObjectInformer(Invocation invocation)
{
    private const string Reflector = "k8s.io/client-go/tools/watch/informerwatcher.go:162";

    public JsonObject? Last { get; private set; }

    /// <param name="condition">Sees each event (type and object); true ends the wait.</param>
    /// <param name="stopWhenAbsent">The precondition: an object missing from the list ends the wait.</param>
    /// <param name="deadline">When kubectl gives up (its <c>--timeout</c>), on the cluster's clock; null: only when nothing can happen.</param>
    public async Task<InformerOutcome> UntilAsync(ApiResource resource, string? ns, string name, Func<string, JsonObject, bool> condition, bool stopWhenAbsent,
        DateTimeOffset? deadline = null)
    {
        var client = invocation.Client;
        var cancel = invocation.Cancellation;
        var log = invocation.Log;
        if (log.V(3))
        {
            log.Info("reflector.go:357", "Starting reflector", ("type", "*unstructured.Unstructured"), ("resyncPeriod", "0s"), ("reflector", Reflector));
            log.Info("reflector.go:403", "Listing and watching", ("type", "*unstructured.Unstructured"), ("reflector", Reflector));
        }
        var selector = $"metadata.name={name}";
        var list = await client.SendAsync(new KubeRequest(HttpMethod.Get, resource.Path(ns))
        {
            Query = new GoQuery().Add("fieldSelector", selector).Add("limit", "500").Add("resourceVersion", "0").Encode(),
            Caller = "simple.go:280",
        }, cancel);
        if (!list.IsSuccess) throw new KubectlException(KubectlError.FromStatus(list.Status()));
        if (log.V(2)) log.Info("reflector.go:430", "Caches populated", ("type", "*unstructured.Unstructured"), ("reflector", Reflector));
        var listed = list.Json();
        var resourceVersion = (string?)listed["metadata"]?["resourceVersion"] ?? "0";
        var items = GenericDocument.ItemsOf(listed);

        // The reflector's watch goes out whatever the list showed.
        var timeout = 300 + invocation.Environment.Ids.NextProcessId() % 300;
        using var stream = await client.OpenAsync(new KubeRequest(HttpMethod.Get, resource.Path(ns))
        {
            Query = new GoQuery().Add("allowWatchBookmarks", "true").Add("fieldSelector", selector).Add("resourceVersion", resourceVersion)
                .Add("timeoutSeconds", timeout.ToString(CultureInfo.InvariantCulture)).Add("watch", "true").Encode(),
            Caller = "request.go:759",
        }, cancel);
        var outcome = await RunAsync(stream, resource, ns, name, items, resourceVersion, condition, stopWhenAbsent, deadline);
        if (log.V(3)) log.Info("reflector.go:363", "Stopping reflector", ("type", "*unstructured.Unstructured"), ("resyncPeriod", "0s"), ("reflector", Reflector));
        if (log.V(5))
        {
            var port = 40000 + invocation.Environment.Ids.NextProcessId() % 20000;
            log.Info("streamwatcher.go:123", "Unable to decode an event from the watch stream",
                ("err", $"read tcp 127.0.0.1:{port}->{client.Config.HostPort}: use of closed network connection"));
        }
        return outcome;
    }

    private async Task<InformerOutcome> RunAsync(KubeStream stream, ApiResource resource, string? ns, string name, IReadOnlyList<JsonObject> items,
        string resourceVersion, Func<string, JsonObject, bool> condition, bool stopWhenAbsent, DateTimeOffset? deadline)
    {
        if (items.Count == 0 && stopWhenAbsent) return InformerOutcome.Absent;
        foreach (var item in items)
        {
            Last = item;
            if (condition("ADDED", item)) return InformerOutcome.Met;
        }
        var key = ns is null ? name : $"{ns}/{name}";
        using var watch = new SettlingWatch(invocation.Environment, stream, resource.Plural, key, long.Parse(resourceVersion, CultureInfo.InvariantCulture), deadline);
        while (await watch.NextAsync(invocation.Cancellation) is { } change)
        {
            var type = (string?)change["type"] ?? "";
            if (type is "BOOKMARK" or "ERROR" || change["object"] is not JsonObject obj) continue;
            Last = obj;
            if (condition(type, obj)) return InformerOutcome.Met;
        }
        return InformerOutcome.TimedOut;
    }
}
