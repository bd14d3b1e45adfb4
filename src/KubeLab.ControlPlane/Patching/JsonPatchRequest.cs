using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Patching;

/// <summary>
/// Decodes a JSON patch body as the handler does before applying it: with strict field validation
/// the body is first decoded into the handler's <c>[]jsonPatchOp</c> (type errors fail with 400,
/// unknown and duplicate fields become strict errors), then into json-patch's own types.
/// </summary>
internal static class JsonPatchRequest
{
    private static readonly HashSet<string> OperationFields = ["op", "path", "from", "value"];
    private static readonly string[] StringFields = ["op", "path", "from"];

    public static PatchResult Apply(JsonObject current, ReadOnlySpan<byte> body, bool strict)
    {
        var strictErrors = new List<string>();
        JsonNode? node;
        if (strict)
        {
            var duplicates = new List<string>();
            node = PatchBody.ParseJson(body, "error decoding patch: ", duplicates);
            CheckOperations(node, strictErrors);
            strictErrors.AddRange(duplicates.Select(d => "json patch " + PatchBody.DuplicateField(d)));
        }
        else
        {
            node = PatchBody.ParseJson(body, "", null);
            if (node is not null and not JsonArray) throw PatchFailure.Bad(PatchBody.CannotUnmarshal(node, "jsonpatch.Patch"));
            foreach (var item in (JsonArray?)node ?? [])
                if (item is not null and not JsonObject) throw PatchFailure.Bad(PatchBody.CannotUnmarshal(item, "jsonpatch.Operation"));
        }
        var operations = node as JsonArray ?? [];
        if (operations.Count > JsonPatch.MaxOperations) throw PatchErrors.TooManyOperations(operations.Count);
        return new PatchResult(JsonPatch.Apply(current, operations), strictErrors);
    }

    /// <summary>The first type error fails the request; unknown fields are collected.</summary>
    private static void CheckOperations(JsonNode? node, List<string> strictErrors)
    {
        const string prefix = "error decoding patch: ";
        if (node is null) return;
        if (node is not JsonArray operations) throw PatchFailure.Bad(prefix + PatchBody.CannotUnmarshal(node, "[]handlers.jsonPatchOp"));
        for (var i = 0; i < operations.Count; i++)
        {
            var item = operations[i];
            if (item is null) continue;
            if (item is not JsonObject op) throw PatchFailure.Bad(prefix + PatchBody.CannotUnmarshal(item, "handlers.jsonPatchOp"));
            foreach (var (name, value) in op)
            {
                if (!OperationFields.Contains(name))
                    strictErrors.Add("json patch " + PatchBody.UnknownField($"[{i}].{name}"));
                else if (StringFields.Contains(name) && value is not null && value.GetValueKind() != JsonValueKind.String)
                    throw PatchFailure.Bad(prefix + PatchBody.CannotUnmarshalField(value, "jsonPatchOp", name, "string"));
            }
        }
    }
}
