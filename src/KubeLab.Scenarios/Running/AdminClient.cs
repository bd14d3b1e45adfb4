using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Http.InProcess;

namespace KubeLab.Scenarios.Running;

/// <summary>
/// The lesson's own hand on the cluster (set-up objects, <c>apply:</c> steps): the cluster admin acting
/// through the API, so even changes behind the learner's back are exchanges with a trace.
/// </summary>
internal sealed class AdminClient(Cluster cluster, string token)
{
    public const string UserAgent = "kubelab-lesson";

    private readonly HttpClient _http = Create(cluster, token);

    private static HttpClient Create(Cluster cluster, string token)
    {
        var http = new HttpClient(new InProcessHandler(cluster.Api)) { BaseAddress = new Uri("https://127.0.0.1:6443") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
        return http;
    }

    /// <summary>Creates the object, or replaces it when it exists (keeping nothing of the old one but its identity).</summary>
    public async Task CreateOrReplaceAsync(JsonObject obj, string defaultNamespace)
    {
        var apiVersion = obj["apiVersion"]?.ToString() ?? "";
        var kind = obj["kind"]?.ToString() ?? "";
        var resource = cluster.Catalog.FindKind(apiVersion, kind)
            ?? throw new InvalidOperationException($"the cluster does not serve {kind} in {apiVersion}");
        var name = obj["metadata"]?["name"]?.ToString() ?? throw new InvalidOperationException($"a {kind} without a name");
        var ns = resource.Namespaced ? obj["metadata"]?["namespace"]?.ToString() ?? defaultNamespace : null;
        var collection = (resource.Group.Length == 0 ? $"/api/{resource.Version}" : $"/apis/{resource.Group}/{resource.Version}")
            + (ns is null ? "" : $"/namespaces/{ns}") + $"/{resource.Plural}";
        using var created = await _http.PostAsync(collection, Json(obj));
        if (created.StatusCode != HttpStatusCode.Conflict)
        {
            await EnsureSuccess(created);
            return;
        }
        using var replaced = await _http.PutAsync($"{collection}/{name}", Json(obj));
        await EnsureSuccess(replaced);
    }

    private static StringContent Json(JsonObject obj) => new(obj.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task EnsureSuccess(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode) return;
        throw new InvalidOperationException($"the cluster refused the lesson's object: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
