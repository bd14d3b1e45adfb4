using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Patching;

/// <summary>
/// JSON pointers (RFC 6901) resolved the way evanphx/json-patch v4 resolves them: every token but
/// the last must lead to an object or array; <c>~1</c> decodes to <c>/</c> and <c>~0</c> to <c>~</c>.
/// </summary>
internal static class JsonPointer
{
    /// <summary>The container that holds the last token, and that token decoded; null when the path does not lead there.</summary>
    public static (JsonNode? Container, string Key) Find(JsonNode root, string path)
    {
        var tokens = path.Split('/');
        if (tokens.Length < 2) return (null, "");
        var container = root;
        foreach (var token in tokens[1..^1])
        {
            JsonNode? next;
            try
            {
                next = Get(container, Decode(token), "");
            }
            catch (PatchFailure)
            {
                return (null, "");
            }
            if (next is not (JsonObject or JsonArray)) return (null, "");
            container = next;
        }
        return (container, Decode(tokens[^1]));
    }

    /// <summary>Reads a member; a missing object key reads as null, a bad array index fails.</summary>
    public static JsonNode? Get(JsonNode container, string key, string context)
    {
        if (container is JsonObject obj) return obj[key];
        var array = (JsonArray)container;
        var index = Index(key, context);
        if (index < 0)
        {
            if (index < -array.Count) throw InvalidIndex(index, context);
            index += array.Count;
        }
        if (index >= array.Count) throw InvalidIndex(index, context);
        return array[index];
    }

    public static void Add(JsonNode container, string key, JsonNode? value, string context)
    {
        if (container is JsonObject obj)
        {
            obj[key] = value;
            return;
        }
        var array = (JsonArray)container;
        if (key == "-")
        {
            array.Add(value);
            return;
        }
        if (!TryIndex(key, out var index)) throw JsonPatch.Fail($"{context}: value was not a proper array index: '{key}': {AtoiError(key)}");
        var size = array.Count + 1;
        if (index >= size) throw InvalidIndex(index, context);
        if (index < 0)
        {
            if (index < -size) throw InvalidIndex(index, context);
            index += size;
        }
        array.Insert(index, value);
    }

    public static void Remove(JsonNode container, string key, string context)
    {
        if (container is JsonObject obj)
        {
            if (!obj.Remove(key)) throw JsonPatch.Fail($"{context}: Unable to remove nonexistent key: {key}: missing value");
            return;
        }
        var array = (JsonArray)container;
        var index = Index(key, context);
        if (index >= array.Count) throw InvalidIndex(index, context);
        if (index < 0)
        {
            if (index < -array.Count) throw InvalidIndex(index, context);
            index += array.Count;
        }
        array.RemoveAt(index);
    }

    /// <summary>Replaces a member that <see cref="Get"/> has already found.</summary>
    public static void Set(JsonNode container, string key, JsonNode? value, string context)
    {
        if (container is JsonObject obj)
        {
            obj[key] = value;
            return;
        }
        var array = (JsonArray)container;
        var index = Index(key, context);
        if (index < 0) index += array.Count;
        array[index] = value;
    }

    private static string Decode(string token) => token.Replace("~1", "/").Replace("~0", "~");

    private static int Index(string key, string context) =>
        TryIndex(key, out var index) ? index : throw JsonPatch.Fail($"{context}: {AtoiError(key)}");

    /// <summary>strconv.Atoi: an optional sign and decimal digits, nothing else.</summary>
    private static bool TryIndex(string key, out int index) =>
        int.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out index);

    private static string AtoiError(string key) => $"strconv.Atoi: parsing \"{key}\": invalid syntax";

    private static PatchFailure InvalidIndex(int index, string context) =>
        JsonPatch.Fail($"{context}: Unable to access invalid index: {index}: invalid index referenced");
}
