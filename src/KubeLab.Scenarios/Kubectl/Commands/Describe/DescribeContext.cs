using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Requests;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>
/// What a describer works with (kubectl's clientset and <c>DescriberSettings</c>): the typed clientset, lists in chunks
/// of <c>--chunk-size</c>, the events of an object, and the client's clock.
/// </summary>
internal sealed class DescribeContext(Invocation invocation)
{
    public Clientset Client { get; } = new(invocation);

    public bool ShowEvents => invocation.Flags.Bool("show-events");

    public long ChunkSize => invocation.Flags.Int("chunk-size");

    /// <summary>The client's clock: event ages and "Terminating (lasts …)" are computed with it.</summary>
    public DateTimeOffset Now => invocation.Environment.Cluster.Services.Clock.GetUtcNow();

    public Task<JsonObject> GetAsync(string path, string caller) => Client.GetAsync(path, caller);

    public Task<KubeResponse> TryGetAsync(string path, string caller) => Client.TryGetAsync(path, caller);

    /// <summary>A list in chunks of <c>--chunk-size</c>.</summary>
    public Task<List<JsonObject>> ListAsync(string path, string caller, string labelSelector = "", string fieldSelector = "") =>
        Client.ListAsync(path, caller, labelSelector, fieldSelector, ChunkSize);

    /// <summary>
    /// kubectl's <c>searchEvents</c>: the events whose involvedObject is the object, by name and namespace, and by kind
    /// and uid when the reference has them. Most describers ignore a failure to list (the result is then empty);
    /// with <paramref name="tolerateErrors"/> false it is thrown, as the config map describer returns it.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> EventsAsync(string kind, string ns, string name, string uid, bool tolerateErrors = true)
    {
        var selector = string.Join(',', new[]
        {
            kind.Length > 0 ? $"involvedObject.kind={kind}" : null,
            $"involvedObject.name={name}",
            $"involvedObject.namespace={ns}",
            uid.Length > 0 ? $"involvedObject.uid={uid}" : null,
        }.OfType<string>());
        var path = ns.Length == 0 ? "/api/v1/events" : $"/api/v1/namespaces/{ns}/events";
        try
        {
            return await ListAsync(path, "describe.go:5719", fieldSelector: selector);
        }
        catch (KubectlException) when (tolerateErrors)
        {
            return [];
        }
    }

    /// <summary>The events of an object a describer read, referenced by its kind, or null when <c>--show-events=false</c>.</summary>
    public async Task<IReadOnlyList<JsonObject>?> EventsOfAsync(JsonObject obj, string kind, bool tolerateErrors = true) =>
        ShowEvents ? await EventsAsync(kind, S(obj["metadata"]?["namespace"]), S(obj["metadata"]?["name"]), S(obj["metadata"]?["uid"]), tolerateErrors) : null;
}
