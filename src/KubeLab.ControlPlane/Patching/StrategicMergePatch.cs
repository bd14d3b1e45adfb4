using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Patching.Strategic;

namespace KubeLab.ControlPlane.Patching;

/// <summary>
/// Strategic merge patch (<c>application/strategic-merge-patch+json</c>), driven by the wire type's
/// patch metadata (<c>[PatchMergeKey]</c>, <c>[PatchStrategy]</c>). Free-form JSON parts of a type
/// merge like a JSON merge patch. Throws <see cref="PatchFailure"/> worded as upstream.
/// </summary>
public static class StrategicMergePatch
{
    /// <summary>Applies <paramref name="patch"/> to a copy of <paramref name="document"/>, an object of <paramref name="objectType"/>.</summary>
    public static JsonObject Apply(JsonObject document, JsonObject patch, Type objectType) =>
        StrategicMerge.MergeMap((JsonObject)document.DeepClone(), (JsonObject)patch.DeepClone(), PatchSchema.For(objectType));

    /// <summary>
    /// The patch <c>kubectl apply</c> sends (apimachinery's CreateThreeWayMergePatch): what turns <paramref name="current"/>
    /// into <paramref name="modified"/>, deleting what <paramref name="original"/> (the last applied configuration) had
    /// and <paramref name="modified"/> dropped. An empty object means there is nothing to change.
    /// </summary>
    /// <summary>apimachinery's CreateTwoWayMergePatch: what turns <paramref name="original"/> into <paramref name="modified"/>.</summary>
    public static JsonObject CreateTwoWay(JsonObject original, JsonObject modified, Type objectType) =>
        StrategicDiff.TwoWay(original, modified, PatchSchema.For(objectType));

    public static JsonObject CreateThreeWay(JsonObject? original, JsonObject modified, JsonObject current, Type objectType) =>
        StrategicDiff.ThreeWay(original, modified, current, PatchSchema.For(objectType));
}
