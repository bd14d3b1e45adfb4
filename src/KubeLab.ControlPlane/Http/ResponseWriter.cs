using System.Text;
using System.Text.Json;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Serialization;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Http;

/// <summary>
/// Writes responses as kube-apiserver does: JSON followed by a newline (Go's json.Encoder), with the
/// headers every API response carries.
/// </summary>
public static class ResponseWriter
{
    private static readonly byte[] Newline = "\n"u8.ToArray();

    public static void StandardHeaders(HttpContext http, Cluster cluster, string auditId)
    {
        var headers = http.Response.Headers;
        headers["Audit-Id"] = auditId;
        headers.CacheControl = "no-cache, private";
        headers["X-Kubernetes-Pf-Flowschema-Uid"] = cluster.Identity.FlowSchemaUid;
        headers["X-Kubernetes-Pf-Prioritylevel-Uid"] = cluster.Identity.PriorityLevelUid;
        // From the cluster's clock, so a replayed lesson has the same bytes; Kestrel keeps a Date the app set.
        headers.Date = cluster.Services.Clock.GetUtcNow().ToString("r", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Status line, content type and the request's warnings; every writer starts here.</summary>
    public static void Begin(HttpContext http, int status, string contentType)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        foreach (var warning in http.Features.Get<ApiRequest>()?.Warnings ?? [])
            http.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"");
    }

    public static Task WriteJson(HttpContext http, int status, ReadOnlyMemory<byte> json, string contentType = MediaTypes.Json)
    {
        Begin(http, status, contentType);
        http.Response.ContentLength = json.Length + 1;
        return WriteBody(http, json);
    }

    public static Task WriteObject<T>(HttpContext http, int status, T value) =>
        WriteJson(http, status, KubeJson.Serialize(value));

    public static Task WriteStatus(HttpContext http, ApiException error) =>
        WriteStatus(http, error.Status);

    public static Task WriteStatus(HttpContext http, Status status)
    {
        if (status.Details?.RetryAfterSeconds is { } retry) http.Response.Headers.RetryAfter = retry.ToString();
        return WriteObject(http, status.Code ?? 200, status);
    }

    /// <summary>Text bodies (health checks): <c>text/plain; charset=utf-8</c>, no trailing newline.</summary>
    public static Task WriteText(HttpContext http, int status, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Begin(http, status, "text/plain; charset=utf-8");
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.ContentLength = bytes.Length;
        return http.Response.Body.WriteAsync(bytes).AsTask();
    }

    /// <summary>
    /// Indented JSON without a trailing newline, as the server writes /version and / (responsewriters.WriteRawJSON).
    /// </summary>
    public static Task WriteRawJson<T>(HttpContext http, T value)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, KubeJson.Indented);
        Begin(http, 200, MediaTypes.Json);
        http.Response.ContentLength = bytes.Length;
        return http.Response.Body.WriteAsync(bytes).AsTask();
    }

    private static async Task WriteBody(HttpContext http, ReadOnlyMemory<byte> json)
    {
        if (HttpMethods.IsHead(http.Request.Method)) return;
        await http.Response.Body.WriteAsync(json);
        await http.Response.Body.WriteAsync(Newline);
    }
}
