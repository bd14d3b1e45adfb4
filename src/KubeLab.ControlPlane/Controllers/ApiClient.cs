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

    public ApiClient(Cluster cluster, string serviceAccount, string component = "kube-controller-manager")
    {
        // As kube-controller-manager with --use-service-account-credentials: each controller authenticates with a
        // token of its own service account in kube-system (long-lived here, where the real one refreshes hourly).
        var account = cluster.Store.Get("serviceaccounts", $"kube-system/{serviceAccount}")?.Object as ServiceAccount
            ?? throw new InvalidOperationException($"the controller's service account kube-system/{serviceAccount} does not exist");
        var (token, _) = cluster.Authentication.ServiceAccountTokens.Issue(account, ServiceAccountTokens.ApiAudiences, uint.MaxValue);
        _http = new HttpClient(new InProcessHandler(cluster.Api)) { BaseAddress = new Uri("https://127.0.0.1:6443") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", $"{component}/v1.33.1 (linux/amd64) kubernetes/8adc0f0/system:serviceaccount:kube-system:{serviceAccount}");
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
    }

    /// <summary>GET an object; null when it does not exist.</summary>
    public async Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken) where T : class
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await Read<T>(response, cancellationToken);
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken) where T : class
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), KubeJson.Options), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request, cancellationToken);
        return await Read<T>(response, cancellationToken);
    }

    private static async Task<T> Read<T>(HttpResponseMessage response, CancellationToken cancellationToken) where T : class
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
