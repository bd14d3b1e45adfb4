using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Patching.Apply;

/// <summary>
/// The apiserver's upgrade path from client-side to server-side apply (fieldmanager's lastAppliedManager):
/// when the manager <c>kubectl</c> conflicts only on fields whose live value is still the one recorded in
/// the <c>kubectl.kubernetes.io/last-applied-configuration</c> annotation, the apply is forced.
/// </summary>
internal static class LastAppliedUpgrade
{
    public const string Annotation = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>The conflicts that remain once those the annotation explains are set aside.</summary>
    public static List<ApplyConflict> Remaining(List<ApplyConflict> conflicts, string manager, JsonObject live, ApplyShape shape, string groupVersion)
    {
        if (manager != "kubectl" || Allowed(live, shape, groupVersion) is not { } allowed) return conflicts;
        return conflicts.Where(c => !allowed.Has(c.Path)).ToList();
    }

    /// <summary>The fields of the last applied configuration whose live value still matches it; null without a usable annotation.</summary>
    private static FieldSet? Allowed(JsonObject live, ApplyShape shape, string groupVersion)
    {
        if (live["metadata"]?["annotations"]?[Annotation] is not JsonValue value || !value.TryGetValue<string>(out var text) || text.Length == 0)
            return null;
        JsonObject? lastApplied;
        try
        {
            lastApplied = JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        if (lastApplied is null || (lastApplied["apiVersion"] as JsonValue)?.ToString() != groupVersion) return null;
        var fields = AppliedFields.Of(lastApplied, shape, subresource: null);
        return fields.Where(path =>
        {
            var inLive = FieldLocator.Find(live, shape, path);
            return inLive is not null && !FieldLocator.Changed(FieldLocator.Find(lastApplied, shape, path), inLive);
        });
    }
}
