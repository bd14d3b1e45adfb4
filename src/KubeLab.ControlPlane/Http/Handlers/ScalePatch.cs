using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Autoscaling;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Http.Handlers;

/// <summary>
/// PATCH on <c>…/scale</c>: kubectl sends a merge patch <c>{"spec":{"replicas":3}}</c>; the result is the
/// desired replica count.
/// </summary>
internal static class ScalePatch
{
    public static int DesiredReplicas(byte[] body, string? contentType, Scale current)
    {
        if (MediaTypes.Essence(contentType) is not (MediaTypes.MergePatch or MediaTypes.StrategicMergePatch))
            throw StatusErrors.UnsupportedMediaType(MediaTypes.Essence(contentType), MediaTypes.Patches);
        JsonNode? patch;
        try
        {
            patch = JsonTree.Parse(body);
        }
        catch (JsonException e)
        {
            throw StatusErrors.BadRequest("error decoding patch: " + e.Message.Split(" Path:")[0]);
        }
        var replicas = patch?["spec"]?["replicas"];
        if (replicas is null) return current.Spec.Replicas ?? 0;
        return replicas is JsonValue v && v.TryGetValue<long>(out var n) && n is >= 0 and <= int.MaxValue
            ? (int)n
            : throw StatusErrors.BadRequest("spec.replicas must be a non-negative integer");
    }
}
