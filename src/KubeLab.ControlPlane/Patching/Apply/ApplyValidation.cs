using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Patching.Apply;

/// <summary>
/// The checks an applied configuration passes before it is merged, worded as the apiserver's field
/// manager words them: the version must be the request's, managedFields must be absent, and the
/// configuration must fit the type's schema (structured-merge-diff's validation errors).
/// </summary>
internal static class ApplyValidation
{
    public static void Check(JsonObject config, Type objectType, string groupVersion)
    {
        var apiVersion = Text(config["apiVersion"]);
        if (apiVersion != groupVersion)
            throw PatchFailure.Bad($"Incorrect version specified in apply patch. Specified patch version: {apiVersion}, expected: {groupVersion}");
        if (config["metadata"] is JsonObject meta && meta["managedFields"] is not null)
            throw PatchFailure.Bad("metadata.managedFields must be nil");

        var kind = Text(config["kind"]);
        var slash = apiVersion.LastIndexOf('/');
        var gvk = $"{(slash < 0 ? "" : apiVersion[..slash])}/{apiVersion[(slash + 1)..]}, Kind={kind}";
        var errors = kind == objectType.Name ? Validate(config, ApplyShape.Of(objectType), "") : [$"no corresponding type for {gvk}"];
        if (errors.Count == 0) return;
        var metadata = config["metadata"] as JsonObject;
        var detail = errors.Count == 1 ? errors[0] : "errors:\n" + string.Join("\n", errors.Select(e => "  " + e));
        throw PatchFailure.Unexpected($"failed to create typed patch object ({Text(metadata?["namespace"])}/{Text(metadata?["name"])}; {gvk}): {detail}");
    }

    private static List<string> Validate(JsonNode? node, ApplyShape shape, string path)
    {
        var errors = new List<string>();
        switch (node)
        {
            case JsonObject obj when shape.Type is not null:
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    var childPath = path + "." + key;
                    if (!shape.Accepts(key))
                    {
                        errors.Add($"{childPath}: field not declared in schema");
                        break;
                    }
                    errors.AddRange(Validate(value, shape.Child(key), childPath));
                }
                break;
            case JsonArray array when shape.Type is not null:
                var seen = new HashSet<PathElement>();
                for (var i = 0; i < array.Count; i++)
                {
                    if (shape.ItemError(array[i]) is { } itemError)
                    {
                        errors.Add($"{path}: element {i}: {itemError}");
                        return errors;
                    }
                    var element = shape.ItemElement(array[i], i)!.Value;
                    if (shape.List != ListKind.Atomic && !seen.Add(element))
                        errors.Add($"{path}: duplicate entries for key {element}");
                    errors.AddRange(Validate(array[i], shape.Item, path + element));
                }
                break;
        }
        return errors;
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
