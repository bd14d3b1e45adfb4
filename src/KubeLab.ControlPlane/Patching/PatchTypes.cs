namespace KubeLab.ControlPlane.Patching;

/// <summary>The Content-Type values a PATCH request may carry, in the order the apiserver lists them.</summary>
public static class PatchTypes
{
    public const string JsonPatch = "application/json-patch+json";
    public const string MergePatch = "application/merge-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyYaml = "application/apply-patch+yaml";

    public static readonly IReadOnlyList<string> All = [JsonPatch, MergePatch, StrategicMergePatch, ApplyYaml];

    /// <summary>The media type without parameters (<c>; charset=utf-8</c>), or null when it is not a patch type.</summary>
    public static string? Recognize(string? contentType)
    {
        if (contentType is null) return null;
        var semicolon = contentType.IndexOf(';');
        var mediaType = (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim();
        return All.FirstOrDefault(t => string.Equals(t, mediaType, StringComparison.Ordinal));
    }
}
