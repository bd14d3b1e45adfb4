using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Patching;

/// <summary>
/// JSON patch (RFC 6902, <c>application/json-patch+json</c>) as evanphx/json-patch v4 applies it for
/// the apiserver, quirks included: <c>replace</c> of a missing object key adds it, <c>move</c> and
/// <c>copy</c> read a missing object key as null, negative array indexes count from the end, and
/// <c>add</c> at the root path fails. Failures carry the library's text; the server answers them with
/// a generic 422 (see <see cref="PatchErrors.Rejected"/>).
/// </summary>
public static class JsonPatch
{
    public const int MaxOperations = 10000;

    /// <summary>The apiserver's default JSONPatchMaxCopyBytes.</summary>
    public const long MaxCopyBytes = 3 * 1024 * 1024;

    /// <summary>Applies <paramref name="operations"/> in order to a copy of <paramref name="document"/>.</summary>
    public static JsonNode Apply(JsonNode document, JsonArray operations)
    {
        var root = document.DeepClone();
        long copied = 0;
        foreach (var item in operations)
        {
            var op = item as JsonObject;
            var kind = op?["op"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "unknown";
            switch (kind)
            {
                case "add": Add(root, op!); break;
                case "remove": Remove(root, op!); break;
                case "replace": root = Replace(root, op!); break;
                case "move": Move(root, op!); break;
                case "test": Test(root, op!); break;
                case "copy": copied += Copy(root, op!, copied); break;
                default: throw Fail($"Unexpected kind: {kind}");
            }
        }
        return root;
    }

    private static void Add(JsonNode root, JsonObject op)
    {
        var path = ReadString(op, "path") ?? throw Fail("add operation failed to decode path: missing value");
        var (container, key) = JsonPointer.Find(root, path);
        if (container is null) throw Fail($"add operation does not apply: doc is missing path: \"{path}\": missing value");
        JsonPointer.Add(container, key, Value(op), $"error in add for path: '{path}'");
    }

    private static void Remove(JsonNode root, JsonObject op)
    {
        var path = ReadString(op, "path") ?? throw Fail("remove operation failed to decode path: missing value");
        var (container, key) = JsonPointer.Find(root, path);
        if (container is null) throw Fail($"remove operation does not apply: doc is missing path: \"{path}\": missing value");
        JsonPointer.Remove(container, key, $"error in remove for path: '{path}'");
    }

    private static JsonNode Replace(JsonNode root, JsonObject op)
    {
        var path = ReadString(op, "path") ?? throw Fail("replace operation failed to decode path: operation missing path field: missing value");
        if (path.Length == 0)
            return Value(op) is JsonObject or JsonArray ? Value(op)! : throw Fail("replace operation value must be object or array");
        var (container, key) = JsonPointer.Find(root, path);
        if (container is null) throw Fail($"replace operation does not apply: doc is missing path: {path}: missing value");
        try
        {
            JsonPointer.Get(container, key, "");
        }
        catch (PatchFailure)
        {
            throw Fail($"replace operation does not apply: doc is missing key: {path}: missing value");
        }
        JsonPointer.Set(container, key, Value(op), $"error in remove for path: '{path}'");
        return root;
    }

    private static void Move(JsonNode root, JsonObject op)
    {
        var from = ReadString(op, "from") ?? throw Fail("move operation failed to decode from: operation, missing from field: missing value");
        var (source, sourceKey) = JsonPointer.Find(root, from);
        if (source is null) throw Fail($"move operation does not apply: doc is missing from path: {from}: missing value");
        var value = JsonPointer.Get(source, sourceKey, $"error in move for path: '{sourceKey}'");
        JsonPointer.Remove(source, sourceKey, $"error in move for path: '{sourceKey}'");
        var path = ReadString(op, "path") ?? throw Fail("move operation failed to decode path: operation missing path field: missing value");
        var (target, key) = JsonPointer.Find(root, path);
        if (target is null) throw Fail($"move operation does not apply: doc is missing destination path: {path}: missing value");
        JsonPointer.Add(target, key, value, $"error in move for path: '{path}'");
    }

    private static void Test(JsonNode root, JsonObject op)
    {
        var path = ReadString(op, "path") ?? throw Fail("test operation failed to decode path: operation missing path field: missing value");
        var hasValue = op.TryGetPropertyValue("value", out var expected);
        JsonNode? actual;
        if (path.Length == 0)
        {
            actual = root;
        }
        else
        {
            var (container, key) = JsonPointer.Find(root, path);
            if (container is null) throw Fail($"test operation does not apply: is missing path: {path}: missing value");
            actual = JsonPointer.Get(container, key, $"error in test for path: '{path}'");
        }
        if (hasValue && JsonNode.DeepEquals(actual, expected)) return;
        throw Fail($"testing value {path} failed: test failed");
    }

    private static long Copy(JsonNode root, JsonObject op, long copiedSoFar)
    {
        var from = ReadString(op, "from") ?? throw Fail("copy operation failed to decode from: operation, missing from field: missing value");
        var (source, sourceKey) = JsonPointer.Find(root, from);
        if (source is null) throw Fail($"copy operation does not apply: doc is missing from path: {from}: missing value");
        var value = JsonPointer.Get(source, sourceKey, $"error in copy for from: '{from}'");
        var path = ReadString(op, "path") ?? throw Fail("copy operation failed to decode path: missing value");
        var (target, key) = JsonPointer.Find(root, path);
        if (target is null) throw Fail($"copy operation does not apply: doc is missing destination path: {path}: missing value");
        var size = value?.ToJsonString().Length ?? 4;
        if (copiedSoFar + size > MaxCopyBytes)
            throw Fail($"Unable to complete the copy, the accumulated size increase of copy is {copiedSoFar + size}, exceeding the limit {MaxCopyBytes}");
        JsonPointer.Add(target, key, value?.DeepClone(), "error while adding value during copy");
        return size;
    }

    /// <summary>A string field of the operation; null when absent, null or not a string.</summary>
    private static string? ReadString(JsonObject op, string name) =>
        op[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static JsonNode? Value(JsonObject op) => op["value"]?.DeepClone();

    internal static PatchFailure Fail(string message) => PatchFailure.Rejected(message);
}
