using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Catalog;
using KubeLab.ControlPlane.Patching;

namespace KubeLab.Scenarios.Kubectl.Commands.Edit;

/// <summary>set.CalculatePatch: the strategic merge patch from an object as read to the object as a command changed it.</summary>
internal static class TwoWayPatch
{
    /// <summary>The patch, with the kind's merge strategies (a kind KubeLab has no type for is patched as plain JSON); empty when nothing changed.</summary>
    public static JsonObject Of(FetchedObject target, JsonObject modified)
    {
        var type = ResourceCatalog.Default.Resources.FirstOrDefault(r => r.Group == target.Resource.Group && r.Plural == target.Resource.Plural)?.ObjectType
            ?? typeof(JsonObject);
        return StrategicMergePatch.CreateTwoWay(target.Object, modified, type);
    }
}
