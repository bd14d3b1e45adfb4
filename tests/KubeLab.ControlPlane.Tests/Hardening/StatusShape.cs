using System.Text;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Http.FlowControl;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Tests.Hardening;

/// <summary>What an error response must be: a Status as kube-apiserver encodes one, or one of its documented exceptions.</summary>
public static class StatusShape
{
    /// <summary>Null when the error response is well formed; otherwise what is wrong with it.</summary>
    public static string? Problem(int code, string? contentType, byte[] body, bool head)
    {
        // HEAD answers carry the headers of a GET and no body.
        if (head) return body.Length == 0 ? null : "a HEAD response has a body";
        // APF's refusal is http.Error's plain text, not a Status (see PriorityAndFairness).
        if (code == 429 && contentType?.StartsWith("text/plain") == true)
            return Encoding.UTF8.GetString(body) == PriorityAndFairness.TooManyRequests + "\n" ? null : "a 429 without APF's text";
        JsonNode? status;
        try
        {
            var text = Encoding.UTF8.GetString(body);
            status = contentType?.StartsWith("application/yaml") == true ? YamlToJson.Convert(text) : JsonNode.Parse(text);
        }
        catch (Exception e)
        {
            return $"the body is not a Status ({contentType}): {e.Message}";
        }
        if (status is not JsonObject s) return "the body is not an object";
        var problems = new List<string>();
        if (Text(s, "kind") != "Status") problems.Add("kind is not Status");
        if (Text(s, "apiVersion") != "v1") problems.Add("apiVersion is not v1");
        if (Text(s, "status") != "Failure") problems.Add("status is not Failure");
        if (string.IsNullOrEmpty(Text(s, "reason"))) problems.Add("no reason");
        if (string.IsNullOrEmpty(Text(s, "message"))) problems.Add("no message");
        if ((s["code"] as JsonValue)?.GetValue<int>() != code) problems.Add($"code {s["code"]} is not the HTTP status {code}");
        return problems.Count == 0 ? null : string.Join("; ", problems) + ": " + s.ToJsonString();
    }

    private static string? Text(JsonObject obj, string key) => (obj[key] as JsonValue)?.ToString();
}
