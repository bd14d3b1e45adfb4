using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Serialization;

/// <summary>
/// Parses a JSON body into a node tree, remembering duplicate keys (the last one wins, as in Go)
/// so strict field validation can report them.
/// </summary>
public static class JsonTree
{
    public const int MaxDepth = 64;

    public static JsonNode? Parse(ReadOnlySpan<byte> utf8, List<string>? duplicates = null)
    {
        // Go's decoder reads invalid UTF-8 in a string as U+FFFD; Utf8JsonReader would throw on reading it.
        if (!System.Text.Unicode.Utf8.IsValid(utf8)) utf8 = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(utf8));
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read()) throw new JsonException("unexpected end of JSON input");
        var node = ReadValue(ref reader, "", duplicates);
        if (reader.Read()) throw new JsonException("invalid character after top-level value");
        return node;
    }

    private static JsonNode? ReadValue(ref Utf8JsonReader reader, string path, List<string>? duplicates)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JsonObject();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    var childPath = path.Length == 0 ? name : path + "." + name;
                    var child = ReadValue(ref reader, childPath, duplicates);
                    if (obj.ContainsKey(name))
                    {
                        duplicates?.Add(childPath);
                        obj.Remove(name);
                    }
                    obj[name] = child;
                }
                return obj;
            case JsonTokenType.StartArray:
                var array = new JsonArray();
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    array.Add(ReadValue(ref reader, $"{path}[{index++}]", duplicates));
                return array;
            case JsonTokenType.String:
                return JsonValue.Create(reader.GetString());
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var l)) return JsonValue.Create(l);
                // A number beyond double (1e400) stays as written, for decoding to refuse as Go does, not as infinity.
                return reader.TryGetDouble(out var d) && double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(JsonElement.ParseValue(ref reader));
            case JsonTokenType.True:
                return JsonValue.Create(true);
            case JsonTokenType.False:
                return JsonValue.Create(false);
            case JsonTokenType.Null:
                return null;
            default:
                throw new JsonException($"unexpected token {reader.TokenType}");
        }
    }
}
