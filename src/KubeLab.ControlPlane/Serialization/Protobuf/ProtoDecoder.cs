using System.Text;
using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Serialization.Protobuf;

/// <summary>
/// Turns one protobuf message into the JSON object the Go client would have sent for the same value,
/// following a <see cref="ProtoMessage"/> field table. Unknown field numbers are skipped, as protobuf
/// requires, and listed in <see cref="UnknownFields"/> so a caller can warn.
/// </summary>
internal sealed class ProtoDecoder
{
    private readonly List<string> unknownFields = [];

    public IReadOnlyList<string> UnknownFields => unknownFields;

    /// <summary>Decodes into <paramref name="into"/> when given: repeated occurrences of a message merge, as in protobuf.</summary>
    public JsonObject DecodeMessage(ReadOnlySpan<byte> data, int offset, ProtoMessage message, string path, JsonObject? into = null)
    {
        var result = into ?? new JsonObject();
        var reader = new ProtoReader(data, offset);
        try
        {
            while (reader.TryReadKey(out var number, out var wireType))
            {
                if (!message.Fields.TryGetValue(number, out var field))
                {
                    reader.Skip(number, wireType);
                    unknownFields.Add($"{(path.Length == 0 ? "" : path + ": ")}unknown field {number} ({wireType.Describe()}) in {message.Name}");
                    continue;
                }
                var fieldPath = field.Inline ? path : Join(path, field.JsonName);
                try
                {
                    ReadField(ref reader, wireType, field, result, fieldPath);
                }
                catch (ProtobufFormatException e) when (e.Path is null)
                {
                    throw e.At(fieldPath);
                }
            }
        }
        catch (ProtobufFormatException e) when (e.Path is null && path.Length > 0)
        {
            throw e.At(path);
        }
        return result;
    }

    private void ReadField(ref ProtoReader reader, WireType wireType, ProtoField field, JsonObject parent, string path)
    {
        switch (field.Cardinality)
        {
            case ProtoCardinality.Map:
                Expect(ref reader, wireType, WireType.LengthDelimited, field.JsonName);
                var entry = reader.ReadLengthDelimited(out var entryStart);
                var map = Child(parent, field.JsonName, static () => new JsonObject());
                var (key, value) = ReadMapEntry(entry, entryStart, field, path);
                map[key] = value;
                break;
            case ProtoCardinality.Repeated:
                if (wireType == WireType.LengthDelimited && ProtoField.IsVarint(field.Kind))
                {
                    var packed = reader.ReadLengthDelimited(out var packedStart);
                    var values = new ProtoReader(packed, packedStart);
                    while (values.Offset < packedStart + packed.Length)
                        Child(parent, field.JsonName, static () => new JsonArray()).Add(VarintNode(field.Kind, values.ReadVarint()));
                }
                else
                {
                    var list = Child(parent, field.JsonName, static () => new JsonArray());
                    list.Add(ReadValue(ref reader, wireType, field, $"{path}[{list.Count}]", into: null).Node);
                }
                break;
            case ProtoCardinality.Single when field.Inline:
                ReadValue(ref reader, wireType, field, path, into: parent);
                break;
            case ProtoCardinality.Single when field.Kind == ProtoKind.Message:
                var existing = parent[field.JsonName] as JsonObject;
                var message = ReadValue(ref reader, wireType, field, path, existing).Node;
                if (existing is null) parent[field.JsonName] = message;
                break;
            default:
                var (node, isZero) = ReadValue(ref reader, wireType, field, path, into: null);
                if (isZero && !field.KeepZero) parent.Remove(field.JsonName);
                else parent[field.JsonName] = node;
                break;
        }
    }

    private (string Key, JsonNode? Value) ReadMapEntry(ReadOnlySpan<byte> entry, int offset, ProtoField field, string path)
    {
        var reader = new ProtoReader(entry, offset);
        var key = "";
        JsonNode? value = null;
        var hasValue = false;
        while (reader.TryReadKey(out var number, out var wireType))
        {
            switch (number)
            {
                case 1:
                    Expect(ref reader, wireType, WireType.LengthDelimited, "map key");
                    key = Encoding.UTF8.GetString(reader.ReadLengthDelimited(out _));
                    break;
                case 2:
                    value = ReadValue(ref reader, wireType, field, Join(path, key), into: value as JsonObject).Node;
                    hasValue = true;
                    break;
                default:
                    reader.Skip(number, wireType);
                    unknownFields.Add($"{path}: unknown field {number} ({wireType.Describe()}) in a map entry");
                    break;
            }
        }
        return (key, hasValue ? value : ZeroValue(field.Kind));
    }

    private (JsonNode? Node, bool IsZero) ReadValue(ref ProtoReader reader, WireType wireType, ProtoField field, string path, JsonObject? into)
    {
        if (ProtoField.IsVarint(field.Kind))
        {
            Expect(ref reader, wireType, WireType.Varint, field.JsonName);
            var raw = reader.ReadVarint();
            return (VarintNode(field.Kind, raw), raw == 0);
        }

        Expect(ref reader, wireType, WireType.LengthDelimited, field.JsonName);
        var bytes = reader.ReadLengthDelimited(out var start);
        switch (field.Kind)
        {
            case ProtoKind.String:
                return (JsonValue.Create(Encoding.UTF8.GetString(bytes)), bytes.IsEmpty);
            case ProtoKind.Bytes:
                return (JsonValue.Create(Convert.ToBase64String(bytes)), bytes.IsEmpty);
            case ProtoKind.Time:
            case ProtoKind.MicroTime:
                var time = ProtoWellKnown.ReadTime(bytes, start, micro: field.Kind == ProtoKind.MicroTime);
                return (time is null ? null : JsonValue.Create(time), time is null);
            case ProtoKind.Quantity:
                return (JsonValue.Create(ProtoWellKnown.ReadQuantity(bytes, start)), false);
            case ProtoKind.IntOrString:
                return (ProtoWellKnown.ReadIntOrString(bytes, start), false);
            case ProtoKind.RawJson:
                var json = ProtoWellKnown.ReadRawJson(bytes, start);
                return (json, json is null);
            default:
                var message = field.Message?.Message;
                if (message is not null) return (DecodeMessage(bytes, start, message, path, into), false);
                if (bytes.IsEmpty) return (into ?? new JsonObject(), false);
                throw new ProtobufFormatException(
                    $"cannot decode message {field.Message?.Name ?? "(unnamed)"}: the simulator has no protobuf field table for it yet; send this object as JSON",
                    start);
        }
    }

    private static JsonNode VarintNode(ProtoKind kind, ulong raw) => kind switch
    {
        ProtoKind.Bool => JsonValue.Create(raw != 0),
        // Go keeps the low 32 bits: a negative int32 arrives as a 10-byte sign-extended varint.
        ProtoKind.Int32 => JsonValue.Create(unchecked((int)raw)),
        _ => JsonValue.Create(unchecked((long)raw)),
    };

    private static JsonNode? ZeroValue(ProtoKind kind) => kind switch
    {
        ProtoKind.String or ProtoKind.Bytes => JsonValue.Create(""),
        ProtoKind.Bool => JsonValue.Create(false),
        ProtoKind.Int32 or ProtoKind.Int64 or ProtoKind.IntOrString => JsonValue.Create(0),
        ProtoKind.Quantity => JsonValue.Create("0"),
        ProtoKind.Message => new JsonObject(),
        _ => null,
    };

    private static void Expect(ref ProtoReader reader, WireType actual, WireType expected, string what)
    {
        if (actual != expected)
            throw new ProtobufFormatException($"wire type {actual.Describe()} where {what} needs {expected.Describe()}", reader.Offset);
    }

    private static T Child<T>(JsonObject parent, string name, Func<T> create) where T : JsonNode
    {
        if (parent[name] is T existing) return existing;
        var created = create();
        parent[name] = created;
        return created;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
