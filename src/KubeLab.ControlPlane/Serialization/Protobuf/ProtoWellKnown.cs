using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Serialization.Protobuf;

/// <summary>
/// apimachinery's hand-written protobuf types, decoded the way their Go Unmarshal methods do:
/// metav1.Time/MicroTime, resource.Quantity, intstr.IntOrString and metav1.FieldsV1.
/// </summary>
internal static class ProtoWellKnown
{
    /// <summary>
    /// Timestamp {1 int64 seconds, 2 int32 nanos}. Empty bytes are the zero time (null in JSON).
    /// Time drops the nanoseconds; MicroTime keeps them truncated to microseconds.
    /// </summary>
    public static string? ReadTime(ReadOnlySpan<byte> message, int offset, bool micro)
    {
        if (message.IsEmpty) return null;
        long seconds = 0, nanos = 0;
        var reader = new ProtoReader(message, offset);
        while (reader.TryReadKey(out var field, out var wireType))
        {
            if (field is 1 or 2 && wireType == WireType.Varint)
            {
                var value = reader.ReadVarint();
                if (field == 1) seconds = unchecked((long)value);
                else nanos = unchecked((int)value);
            }
            else if (field is 1 or 2)
            {
                throw new ProtobufFormatException($"Timestamp field {field} has wire type {wireType.Describe()}, expected varint (0)", reader.Offset);
            }
            else
            {
                reader.Skip(field, wireType);
            }
        }
        var ticks = micro ? (nanos - nanos % 1000) / 100 : 0;
        DateTimeOffset time;
        try
        {
            time = DateTimeOffset.UnixEpoch.AddSeconds(seconds).AddTicks(ticks);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new ProtobufFormatException($"timestamp {seconds}s is outside years 1 to 9999", offset);
        }
        if (time == DateTimeOffset.MinValue) return null;
        return micro ? MicroTimeConverter.Format(time) : Rfc3339Converter.Format(time);
    }

    /// <summary>Quantity {1 string}; an empty message is the zero quantity, "0".</summary>
    public static string ReadQuantity(ReadOnlySpan<byte> message, int offset)
    {
        var text = "0";
        var reader = new ProtoReader(message, offset);
        while (reader.TryReadKey(out var field, out var wireType))
        {
            if (field != 1)
            {
                reader.Skip(field, wireType);
                continue;
            }
            if (wireType != WireType.LengthDelimited)
                throw new ProtobufFormatException($"Quantity field 1 has wire type {wireType.Describe()}, expected length-delimited (2)", reader.Offset);
            text = Encoding.UTF8.GetString(reader.ReadLengthDelimited(out _));
        }
        return text;
    }

    /// <summary>IntOrString {1 int64 type (0 int, 1 string), 2 int32 intVal, 3 string strVal}.</summary>
    public static JsonNode ReadIntOrString(ReadOnlySpan<byte> message, int offset)
    {
        long type = 0;
        var intValue = 0;
        var stringValue = "";
        var reader = new ProtoReader(message, offset);
        while (reader.TryReadKey(out var field, out var wireType))
        {
            var expected = field == 3 ? WireType.LengthDelimited : WireType.Varint;
            if (field is < 1 or > 3)
            {
                reader.Skip(field, wireType);
                continue;
            }
            if (wireType != expected)
                throw new ProtobufFormatException($"IntOrString field {field} has wire type {wireType.Describe()}, expected {expected.Describe()}", reader.Offset);
            switch (field)
            {
                case 1: type = unchecked((long)reader.ReadVarint()); break;
                case 2: intValue = unchecked((int)reader.ReadVarint()); break;
                default: stringValue = Encoding.UTF8.GetString(reader.ReadLengthDelimited(out _)); break;
            }
        }
        return type switch
        {
            0 => JsonValue.Create(intValue),
            1 => JsonValue.Create(stringValue),
            _ => throw new ProtobufFormatException($"impossible IntOrString.Type {type}: expected 0 (int) or 1 (string)", offset),
        };
    }

    /// <summary>FieldsV1 {1 bytes raw}: the raw bytes are JSON. No bytes is null, as in Go.</summary>
    public static JsonNode? ReadRawJson(ReadOnlySpan<byte> message, int offset)
    {
        var raw = ReadOnlySpan<byte>.Empty;
        var rawOffset = offset;
        var reader = new ProtoReader(message, offset);
        while (reader.TryReadKey(out var field, out var wireType))
        {
            if (field != 1)
            {
                reader.Skip(field, wireType);
                continue;
            }
            if (wireType != WireType.LengthDelimited)
                throw new ProtobufFormatException($"FieldsV1 field 1 has wire type {wireType.Describe()}, expected length-delimited (2)", reader.Offset);
            raw = reader.ReadLengthDelimited(out rawOffset);
        }
        if (raw.IsEmpty) return null;
        try
        {
            return JsonTree.Parse(raw);
        }
        catch (JsonException e)
        {
            throw new ProtobufFormatException($"FieldsV1 does not hold valid JSON: {e.Message}", rawOffset);
        }
    }
}
