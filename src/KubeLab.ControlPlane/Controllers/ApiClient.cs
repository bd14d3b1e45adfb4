using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Http.InProcess;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Authentication;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Controllers;

/// <summary>
/// How a controller talks to its cluster: plain HTTP through the API server's full pipeline, with its
/// own identity and user agent, so every action it takes is an exchange like any client's.
/// </summary>
public sealed class ApiClient
{
    private readonly HttpClient _http;

    public ApiClient(Cluster cluster, string serviceAccount) : this(cluster, ControllerIdentity.ServiceAccount(serviceAccount)) { }

    public ApiClient(Cluster cluster, ControllerIdentity identity)
    {
        Identity = identity;
        string token;
        if (identity.ServiceAccountName is { } name)
        {
            // As kube-controller-manager with --use-service-account-credentials: each controller authenticates with a
            // token of its own service account in kube-system (long-lived here, where the real one refreshes hourly).
            var account = cluster.Store.Get("serviceaccounts", $"kube-system/{name}")?.Object as ServiceAccount
                ?? throw new InvalidOperationException($"the controller's service account kube-system/{name} does not exist");
            (token, _) = cluster.Authentication.ServiceAccountTokens.Issue(account, ServiceAccountTokens.ApiAudiences, uint.MaxValue);
        }
        else
        {
            // Kubelets and the scheduler present client certificates (CN = user, O = groups); an in-process client
            // has no TLS handshake, so a static token stands for the same user.
            token = "component-" + cluster.Services.Ids.NewUid();
            cluster.Authentication.Tokens.AddToken(token, identity.User);
        }
        _http = new HttpClient(new InProcessHandler(cluster.Api)) { BaseAddress = new Uri("https://127.0.0.1:6443") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", identity.UserAgent);
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
    }

    public ControllerIdentity Identity { get; }

    /// <summary>GET an object; null when it does not exist.</summary>
    public async Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken) where T : class
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await Read<T>(response, cancellationToken);
    }

    public Task<T> CreateAsync<T>(string path, T body, CancellationToken cancellationToken) where T : class =>
        SendAsync<T>(HttpMethod.Post, path, body, cancellationToken);

    public Task<T> UpdateAsync<T>(string path, T body, CancellationToken cancellationToken) where T : class =>
        SendAsync<T>(HttpMethod.Put, path, body, cancellationToken);

    /// <summary>PATCH with a document of the given type (strategic merge, JSON merge…), as controllers adopt, orphan and finalize.</summary>
    public async Task PatchAsync(string path, string patchType, string patch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = new StringContent(patch, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(patchType);
        using var response = await _http.SendAsync(request, cancellationToken);
        await Read<JsonElement?>(response, cancellationToken);
    }

    /// <summary>DELETE with options; false when the object was already gone.</summary>
    public async Task<bool> DeleteAsync(string path, DeleteOptions options, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Delete, path, options);
        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        await Read<JsonElement?>(response, cancellationToken);
        return true;
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken) where T : class
    {
        using var request = Request(method, path, body);
        using var response = await _http.SendAsync(request, cancellationToken);
        return await Read<T>(response, cancellationToken);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), KubeJson.Options), Encoding.UTF8, "application/json");
        return request;
    }

    private static async Task<T> Read<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new Errors.ApiException(JsonSerializer.Deserialize<Status>(bytes, KubeJson.Options) ?? new Status { Code = (int)response.StatusCode });
        return JsonSerializer.Deserialize<T>(bytes, KubeJson.Options)!;
    }
}

/// <summary>A list response whose items are read only for their metadata.</summary>
public sealed class PartialList
{
    public List<PartialItem> Items { get; set; } = [];
}

public sealed class PartialItem
{
    public ObjectMeta Metadata { get; set; } = new();
    public JsonElement? Spec { get; set; }
}
