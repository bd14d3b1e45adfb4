using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Serialization.Protobuf;

/// <summary>
/// Turns the JSON of an object into the protobuf bytes the Go client would send for the same value, as
/// gogo-protobuf's generated marshallers write them: fields in number order, every non-pointer field written
/// even when zero (an empty string, a 0, an empty nested struct), pointers and byte slices only when set,
/// list elements one by one, and map entries sorted by key.
/// </summary>
internal static class ProtoEncoder
{
    public static byte[] EncodeMessage(JsonObject? json, ProtoMessage message)
    {
        var writer = new ProtoWriter();
        foreach (var field in message.Fields.Values.OrderBy(f => f.Number))
        {
            if (field.Inline)
            {
                if (field.Message?.Message is { } inner) writer.BytesField(field.Number, EncodeMessage(json, inner));
                continue;
            }
            var value = json?[field.JsonName];
            switch (field.Cardinality)
            {
                case ProtoCardinality.Repeated:
                    foreach (var item in value as JsonArray ?? [])
                        WriteValue(writer, field, item);
                    break;
                case ProtoCardinality.Map:
                    foreach (var (key, item) in (value as JsonObject ?? []).OrderBy(p => p.Key, GoStringOrder.Instance))
                    {
                        var entry = new ProtoWriter();
                        entry.StringField(1, key);
                        WriteValue(entry, field, item, number: 2);
                        writer.BytesField(field.Number, entry.ToArray());
                    }
                    break;
                default:
                    if (value is null && field.Optional) break;
                    WriteValue(writer, field, value);
                    break;
            }
        }
        return writer.ToArray();
    }

    private static void WriteValue(ProtoWriter writer, ProtoField field, JsonNode? value, int? number = null)
    {
        var n = number ?? field.Number;
        switch (field.Kind)
        {
            case ProtoKind.String:
                writer.StringField(n, Text(value));
                break;
            case ProtoKind.Bytes:
                writer.BytesField(n, value is null ? [] : Convert.FromBase64String(Text(value)));
                break;
            case ProtoKind.Bool:
                writer.VarintField(n, value is JsonValue b && b.GetValueKind() == System.Text.Json.JsonValueKind.True ? 1UL : 0UL);
                break;
            case ProtoKind.Int32:
            case ProtoKind.Int64:
                writer.VarintField(n, unchecked((ulong)Integer(value)));
                break;
            case ProtoKind.Time:
            case ProtoKind.MicroTime:
                writer.BytesField(n, Time(value));
                break;
            case ProtoKind.Quantity:
                var quantity = new ProtoWriter();
                quantity.StringField(1, value is null ? "0" : Text(value));
                writer.BytesField(n, quantity.ToArray());
                break;
            case ProtoKind.IntOrString:
                writer.BytesField(n, IntOrString(value));
                break;
            case ProtoKind.RawJson:
                var raw = new ProtoWriter();
                if (value is not null) raw.BytesField(1, Encoding.UTF8.GetBytes(value.ToJsonString()));
                writer.BytesField(n, raw.ToArray());
                break;
            default:
                var message = field.Message?.Message
                    ?? (value is JsonObject { Count: > 0 }
                        ? throw new InvalidOperationException($"no protobuf field table for {field.Message?.Name}")
                        : new ProtoMessage(field.Message?.Name ?? "", new Dictionary<int, ProtoField>()));
                writer.BytesField(n, EncodeMessage(value as JsonObject, message));
                break;
        }
    }

    private static string Text(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToString() ?? "";

    private static long Integer(JsonNode? value)
    {
        if (value is not JsonValue v) return 0;
        if (v.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            var text = v.ToJsonString();
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? whole
                : (long)double.Parse(text, CultureInfo.InvariantCulture);
        }
        return v.TryGetValue<string>(out var s) && long.TryParse(s, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
    }

    // metav1.Time: the zero time is an empty message; otherwise Timestamp {1 seconds, 2 nanos}, both written.
    private static byte[] Time(JsonNode? value)
    {
        if (value is null || !DateTimeOffset.TryParse(Text(value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) return [];
        var writer = new ProtoWriter();
        writer.VarintField(1, unchecked((ulong)time.ToUnixTimeSeconds()));
        writer.VarintField(2, (ulong)(time.Ticks % TimeSpan.TicksPerSecond * 100));
        return writer.ToArray();
    }

    // intstr.IntOrString {1 type, 2 intVal, 3 strVal}, all three written.
    private static byte[] IntOrString(JsonNode? value)
    {
        var writer = new ProtoWriter();
        var isString = value is JsonValue v && v.TryGetValue<string>(out _);
        writer.VarintField(1, isString ? 1UL : 0UL);
        writer.VarintField(2, isString ? 0UL : unchecked((ulong)(int)Integer(value)));
        writer.StringField(3, isString ? Text(value) : "");
        return writer.ToArray();
    }
}
