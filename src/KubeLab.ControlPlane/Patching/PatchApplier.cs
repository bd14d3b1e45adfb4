using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Patching.Apply;

namespace KubeLab.ControlPlane.Patching;

/// <summary>
/// The one entry point of the PATCH handler: decodes the body per Content-Type and applies it to the
/// live object (as JSON). Every failure is an <see cref="ApiException"/> shaped as the real server's.
/// Recording an <c>Update</c> managedFields entry for non-apply patches is left to the handler.
/// </summary>
public static class PatchApplier
{
    /// <param name="current">The live object; null only for server-side apply of an object that does not exist yet.</param>
    public static PatchResult Apply(string? contentType, JsonObject? current, ReadOnlySpan<byte> body, Type objectType, PatchOptions? options = null)
    {
        var patchType = PatchTypes.Recognize(contentType) ?? throw PatchErrors.UnsupportedPatchType();
        options ??= new PatchOptions();
        var strict = options.FieldValidation != "Ignore";
        try
        {
            if (patchType == PatchTypes.ApplyYaml)
                return new PatchResult(ServerSideApply.Apply(current, PatchBody.ParseApply(body), objectType, options), []);
            ArgumentNullException.ThrowIfNull(current);
            return patchType switch
            {
                PatchTypes.JsonPatch => JsonPatchRequest.Apply(current, body, strict),
                PatchTypes.MergePatch => MergePatch(current, body, strict),
                _ => StrategicPatch(current, body, objectType, strict),
            };
        }
        catch (PatchFailure failure)
        {
            throw failure.ToStatus();
        }
    }

    private static PatchResult MergePatch(JsonObject current, ReadOnlySpan<byte> body, bool strict)
    {
        const string invalid = "Invalid JSON Patch";
        var duplicates = new List<string>();
        JsonNode? patch;
        if (strict)
        {
            patch = PatchBody.ParseJson(body, "error decoding patch: ", duplicates);
            if (patch is not null and not JsonObject)
                throw PatchFailure.Bad("error decoding patch: " + PatchBody.CannotUnmarshal(patch, PatchBody.GoMap));
        }
        else
        {
            try { patch = PatchBody.ParseJson(body, "", null); }
            catch (PatchFailure) { throw PatchFailure.Bad(invalid); }
        }
        JsonNode result = patch switch
        {
            JsonObject obj => JsonMergePatch.Apply(current, obj),
            // Without strict decoding a top-level array replaces the whole document; decoding it then fails.
            JsonArray array => JsonMergePatch.ApplyArray(array),
            _ => throw PatchFailure.Bad(invalid),
        };
        return new PatchResult(result, duplicates.Select(PatchBody.DuplicateField).ToList());
    }

    private static PatchResult StrategicPatch(JsonObject current, ReadOnlySpan<byte> body, Type objectType, bool strict)
    {
        var duplicates = new List<string>();
        var patch = PatchBody.ParseJson(body, "", strict ? duplicates : null);
        if (patch is not null and not JsonObject) throw PatchFailure.Bad(PatchBody.CannotUnmarshal(patch, PatchBody.GoMap));
        var result = StrategicMergePatch.Apply(current, patch as JsonObject ?? [], objectType);
        return new PatchResult(result, duplicates.Select(PatchBody.DuplicateField).ToList());
    }
}
