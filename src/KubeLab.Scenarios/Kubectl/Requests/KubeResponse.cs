using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.Scenarios.Kubectl.Requests;

/// <summary>A whole response: status, headers and body.</summary>
internal sealed record KubeResponse(int StatusCode, string ContentType, byte[] Body)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>The request answered: an error made up from the status code names its verb, resource and name.</summary>
    public KubeRequest? Request { get; init; }

    public JsonObject Json() => JsonTree.Parse(Body) as JsonObject ?? throw new JsonException("the response is not a JSON object");

    public T Read<T>() => JsonSerializer.Deserialize<T>(Body, KubeJson.Options)!;

    /// <summary>
    /// The error a failed response means to kubectl: the Status it carries, or one made up from the
    /// HTTP status as client-go's <c>newUnstructuredResponseError</c> does.
    /// </summary>
    public Status Status()
    {
        try
        {
            if (JsonTree.Parse(Body) is JsonObject obj && (string?)obj["kind"] == "Status")
                return obj.Deserialize<Status>(KubeJson.Options)!;
        }
        catch (JsonException)
        {
            // Not JSON: described from the status code below.
        }
        var status = StatusFromCode(StatusCode, System.Text.Encoding.UTF8.GetString(Body));
        status.Message += Request?.ResourceSuffix() ?? "";
        return status;
    }

    private static Status StatusFromCode(int code, string body)
    {
        var (reason, message) = code switch
        {
            400 => ("BadRequest", "the server rejected our request for an unknown reason"),
            401 => ("Unauthorized", "the server has asked for the client to provide credentials"),
            403 => ("Forbidden", body.Trim()),
            404 => ("NotFound", "the server could not find the requested resource"),
            405 => ("MethodNotAllowed", "the server does not allow this method on the requested resource"),
            406 => ("NotAcceptable", "the server was unable to respond with a content type that the client supports"),
            409 => ("Conflict", "the server reported a conflict"),
            415 => ("UnsupportedMediaType", "the server was unable to respond with a content type that the client supports"),
            429 => ("TooManyRequests", "the server has received too many requests and has asked us to try again later"),
            500 => ("InternalError", "an error on the server (\"" + body.Trim() + "\") has prevented the request from succeeding"),
            503 => ("ServiceUnavailable", "the server is currently unable to handle the request"),
            504 => ("Timeout", "the server was unable to return a response in the time allotted, but may still be processing the request"),
            _ => ("", $"the server responded with the status code {code} but did not return more information"),
        };
        return new Status { Outcome = "Failure", Code = code, Reason = reason, Message = message };
    }
}

/// <summary>A response whose body is read as it arrives (watch, followed logs). Disposing it hangs up.</summary>
internal sealed class KubeStream(int statusCode, string contentType, Stream body, HttpResponseMessage message) : IDisposable
{
    public int StatusCode { get; } = statusCode;
    public string ContentType { get; } = contentType;
    public Stream Body { get; } = body;
    public HttpResponseHeaders Headers => message.Headers;

    public void Dispose()
    {
        Body.Dispose();
        message.Dispose();
    }
}
