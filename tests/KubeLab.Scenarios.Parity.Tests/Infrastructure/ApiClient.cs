using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace KubeLab.Scenarios.Parity.Tests.Infrastructure;

/// <summary>One raw answer of the simulator: what kubectl's printers got to work with.</summary>
public sealed record RawResponse(string Path, int StatusCode, byte[] Body, IReadOnlyList<string> Warnings)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>Plain HTTP to the simulator with the admin token of its kubeconfig, as kubectl would send it.</summary>
public sealed partial class ApiClient : IDisposable
{
    /// <summary>What kubectl get sends when it prints a table (server-side printing).</summary>
    public const string TableAccept =
        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    public const string JsonAccept = "application/json";

    private readonly HttpClient http;

    public ApiClient(Uri baseUri, string kubeconfigPath, string? tokenOverride = null)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        var token = tokenOverride ?? TokenLine().Match(File.ReadAllText(kubeconfigPath)).Groups[1].Value;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task<RawResponse> GetAsync(string pathAndQuery, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Accept.ParseAdd(accept);
        return await SendAsync(request, pathAndQuery);
    }

    public async Task<RawResponse> PostAsync(string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(JsonAccept);
        return await SendAsync(request, path);
    }

    private async Task<RawResponse> SendAsync(HttpRequestMessage request, string path)
    {
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var warnings = response.Headers.TryGetValues("Warning", out var values) ? values.ToList() : [];
        return new RawResponse(path, (int)response.StatusCode, body, warnings);
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex(@"^\s*token:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex TokenLine();
}
