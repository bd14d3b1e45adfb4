using KubeLab.ControlPlane.Errors;
using Microsoft.AspNetCore.Http;

namespace KubeLab.ControlPlane.Http.Handlers;

/// <summary>Reads a request body (chunked or not) up to the server's limit, as maxRequestBodyBytes does.</summary>
public static class RequestBody
{
    public const int Limit = 3 * 1024 * 1024;

    public static async Task<byte[]> ReadAsync(HttpContext http)
    {
        if (http.Request.ContentLength > Limit) throw TooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > Limit) throw TooLarge();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ApiException TooLarge() => StatusErrors.RequestEntityTooLarge($"limit is {Limit}");
}
