using KubeLab.ControlPlane.Errors;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Http.Handlers;

/// <summary>Reads a request body (chunked or not) up to the server's limit, as limitedReadBody does with maxRequestBodyBytes.</summary>
public static class RequestBody
{
    /// <summary>kube-apiserver's default --max-request-body-bytes.</summary>
    public const int Limit = 3 * 1024 * 1024;

    public static async Task<byte[]> ReadAsync(HttpContext http, long limit)
    {
        if (http.Request.ContentLength > limit) throw TooLarge(limit);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit) throw TooLarge(limit);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ApiException TooLarge(long limit) => StatusErrors.RequestEntityTooLarge($"limit is {limit}");
}
