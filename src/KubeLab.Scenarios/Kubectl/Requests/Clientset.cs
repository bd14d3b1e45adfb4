using System.Globalization;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Kubectl.Requests;

/// <summary>
/// Reads through client-go's typed clientset, as describers and rollout's helpers do: protobuf Accept (the server may
/// answer JSON), failures thrown as the server's error, lists followed through <c>continue</c> when chunked.
/// </summary>
internal sealed class Clientset(Invocation invocation)
{
    /// <summary>A GET; a failure is thrown as the server's error.</summary>
    public async Task<JsonObject> GetAsync(string path, string caller)
    {
        var response = await TryGetAsync(path, caller);
        return response.IsSuccess ? response.Json() : throw new KubectlException(KubectlError.FromStatus(response.Status()));
    }

    /// <param name="accept">The dynamic client's <c>application/json</c> where a describer reads through it.</param>
    public Task<KubeResponse> TryGetAsync(string path, string caller, string accept = KubeRequest.ProtobufAccept) =>
        invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, path) { Accept = accept, Caller = caller }, invocation.Cancellation);

    /// <summary>
    /// A list's items. With a <paramref name="limit"/> it is <c>runtimeresource.FollowContinue</c>: chunks of that size,
    /// the rest fetched with <c>continue</c>. A failure is thrown.
    /// </summary>
    public async Task<List<JsonObject>> ListAsync(string path, string caller, string labelSelector = "", string fieldSelector = "", long? limit = null)
    {
        var items = new List<JsonObject>();
        var next = "";
        do
        {
            var query = new GoQuery()
                .AddIf(next.Length > 0, "continue", next)
                .AddIf(fieldSelector.Length > 0, "fieldSelector", fieldSelector)
                .AddIf(labelSelector.Length > 0, "labelSelector", labelSelector)
                .AddIf(limit is not null, "limit", limit?.ToString(CultureInfo.InvariantCulture) ?? "");
            var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, path)
            {
                Query = query.Encode(),
                Accept = KubeRequest.ProtobufAccept,
                Caller = caller,
            }, invocation.Cancellation);
            if (!response.IsSuccess) throw new KubectlException(KubectlError.FromStatus(response.Status()));
            var list = response.Json();
            items.AddRange(list["items"] is JsonArray array ? array.OfType<JsonObject>() : []);
            next = limit is null ? "" : (string?)list["metadata"]?["continue"] ?? "";
        }
        while (next.Length > 0);
        return items;
    }
}
