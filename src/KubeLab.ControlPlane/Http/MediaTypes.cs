using Microsoft.Net.Http.Headers;

namespace KubeLab.ControlPlane.Http;

/// <summary>The media types the server reads and writes, and how it reads an Accept header.</summary>
public static class MediaTypes
{
    public const string Json = "application/json";
    public const string Yaml = "application/yaml";
    public const string Protobuf = "application/vnd.kubernetes.protobuf";
    public const string MergePatch = "application/merge-patch+json";
    public const string JsonPatch = "application/json-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";
    public const string AggregatedDiscovery = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    public static readonly string[] Bodies = [Json, Yaml, Protobuf];
    public static readonly string[] Patches = [JsonPatch, MergePatch, StrategicMergePatch, ApplyPatch];

    /// <summary>The media type of a Content-Type header without parameters, lower-cased.</summary>
    public static string Essence(string? contentType) =>
        string.IsNullOrWhiteSpace(contentType) ? "" :
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType.Value!.ToLowerInvariant() : contentType.Trim().ToLowerInvariant();

    /// <summary>Whether the Accept header asks for a meta.k8s.io Table (v1 or v1beta1).</summary>
    public static bool WantsTable(string? accept) => Accepts(accept).Any(a =>
        Param(a, "as") == "Table" && Param(a, "g") == "meta.k8s.io" && Param(a, "v") is "v1" or "v1beta1");

    /// <summary>Whether the Accept header asks for aggregated discovery (apidiscovery.k8s.io v2 or v2beta1).</summary>
    public static bool WantsAggregatedDiscovery(string? accept) => Accepts(accept).Any(a =>
        Param(a, "as") == "APIGroupDiscoveryList" && Param(a, "g") == "apidiscovery.k8s.io" && Param(a, "v") is "v2" or "v2beta1");

    /// <summary>Whether the client prefers YAML over JSON (<c>Accept: application/yaml</c>).</summary>
    public static bool WantsYaml(string? accept) =>
        Accepts(accept).FirstOrDefault(a => a.MediaType.Value is Json or Yaml or "*/*" or "application/*") is { } first
        && first.MediaType.Value == Yaml;

    /// <summary>False when the client accepts nothing we can write (JSON, YAML or a wildcard).</summary>
    public static bool AcceptsAnything(string? accept)
    {
        var ranges = Accepts(accept);
        return ranges.Count == 0 || ranges.Any(a => a.MediaType.Value is Json or Yaml or Protobuf or "*/*" or "application/*");
    }

    private static IList<MediaTypeHeaderValue> Accepts(string? accept) =>
        string.IsNullOrWhiteSpace(accept) || !MediaTypeHeaderValue.TryParseList([accept], out var list) ? [] : list;

    private static string? Param(MediaTypeHeaderValue value, string name) =>
        value.Parameters.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value.Value;
}
