using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Catalog;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Serialization;
using YamlDotNet.Core;

namespace KubeLab.ControlPlane.Http.Handlers;

/// <summary>
/// Turns a request body into a typed object of the endpoint's kind: JSON, YAML or protobuf in,
/// apiVersion/kind checked against the URL, unknown and duplicate fields handled as the
/// <c>fieldValidation</c> parameter asks (Strict: 400, Warn: a Warning header, Ignore).
/// </summary>
public static class ObjectDecoder
{
    public static KubeObject Decode(byte[] body, string? contentType, ResourceDescriptor resource, string? fieldValidation, ICollection<string> warnings, Type? asType = null, string? expectKind = null, string? expectApiVersion = null)
    {
        var type = asType ?? resource.ObjectType;
        var kind = expectKind ?? resource.Kind;
        var apiVersion = expectApiVersion ?? resource.ApiVersion;
        var duplicates = new List<string>();
        var node = ParseBody(body, contentType, type, kind, apiVersion, duplicates);
        if (node is not JsonObject obj)
            throw CannotHandle(kind, apiVersion, "Object 'Kind' is missing in '" + Truncate(Encoding.UTF8.GetString(body)) + "'");

        var bodyKind = (obj["kind"] as JsonValue)?.ToString();
        var bodyVersion = (obj["apiVersion"] as JsonValue)?.ToString();
        if (!string.IsNullOrEmpty(bodyVersion) && bodyVersion != apiVersion)
            throw StatusErrors.BadRequest($"the API version in the data ({bodyVersion}) does not match the expected API version ({apiVersion})");
        if (!string.IsNullOrEmpty(bodyKind) && bodyKind != kind)
            throw StatusErrors.BadRequest($"the kind in the data ({bodyKind}) does not match the expected kind ({kind})");

        var problems = duplicates.Select(d => $"duplicate field \"{d}\"")
            .Concat(StrictFields.FindUnknown(obj, type).Select(u => $"unknown field \"{u}\"")).ToList();
        switch (fieldValidation ?? "Warn")
        {
            case "Strict" when problems.Count > 0:
                throw CannotHandle(kind, apiVersion, "strict decoding error: " + string.Join(", ", problems));
            case "Warn" or "":
                foreach (var problem in problems) warnings.Add(problem);
                break;
            case "Strict" or "Ignore":
                break;
            default:
                throw StatusErrors.BadRequest($"fieldValidation must be one of \"Ignore\", \"Warn\", or \"Strict\"; got \"{fieldValidation}\"");
        }

        try
        {
            return (KubeObject)obj.Deserialize(type, KubeJson.Options)!;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            var path = (e as JsonException)?.Path?.TrimStart('$').TrimStart('.') ?? "";
            throw CannotHandle(kind, apiVersion, GoUnmarshalError.Describe(obj, type, path) ?? "json: " + e.Message.Split(" Path:")[0]);
        }
    }

    private static JsonNode? ParseBody(byte[] body, string? contentType, Type type, string kind, string apiVersion, List<string> duplicates)
    {
        var essence = MediaTypes.Essence(contentType);
        try
        {
            return essence switch
            {
                "" or MediaTypes.Json => JsonTree.Parse(body, duplicates),
                MediaTypes.Yaml => YamlToJson.Convert(Encoding.UTF8.GetString(body), duplicates),
                MediaTypes.Protobuf => ProtobufBodies.Decode(body, type, kind, apiVersion),
                _ => throw StatusErrors.UnsupportedMediaType(essence, MediaTypes.Bodies),
            };
        }
        catch (JsonException e)
        {
            throw CannotHandle(kind, apiVersion, "json: " + (e.Message.Split(" Path:")[0].Split(" LineNumber:")[0]));
        }
        catch (YamlException e)
        {
            throw CannotHandle(kind, apiVersion, $"yaml: line {e.Start.Line}: {e.Message}");
        }
    }

    public static ApiException CannotHandle(string kind, string apiVersion, string detail) =>
        StatusErrors.BadRequest($"{kind} in version \"{VersionOf(apiVersion)}\" cannot be handled as a {kind}: {detail}");

    private static string VersionOf(string apiVersion) => apiVersion.Contains('/') ? apiVersion[(apiVersion.IndexOf('/') + 1)..] : apiVersion;

    private static string Truncate(string text) => text.Length > 200 ? text[..200] : text;
}
