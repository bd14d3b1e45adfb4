using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Autoscaling;
using KubeLab.ControlPlane.Patching;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Http.Handlers;

/// <summary>
/// PATCH on <c>…/scale</c> (kubectl sends the merge patch <c>{"spec":{"replicas":3}}</c>): the patch applies
/// to the Scale view, like any patch to any object; the result is the desired replica count.
/// </summary>
internal static class ScalePatch
{
    public static int DesiredReplicas(byte[] body, string? contentType, Scale current)
    {
        var live = JsonSerializer.SerializeToNode(current, KubeJson.Options)!.AsObject();
        var patched = PatchApplier.Apply(contentType, live, body, typeof(Scale)).Object;
        try
        {
            return patched.Deserialize<Scale>(KubeJson.Options)!.Spec.Replicas ?? 0;
        }
        catch (JsonException e)
        {
            throw ObjectDecoder.CannotHandle("Scale", "autoscaling/v1", "json: " + e.Message.Split(" Path:")[0]);
        }
    }
}
