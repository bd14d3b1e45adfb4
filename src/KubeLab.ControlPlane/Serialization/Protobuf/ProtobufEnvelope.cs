using System.Text;

namespace KubeLab.ControlPlane.Serialization.Protobuf;

/// <summary>
/// The frame of a <c>application/vnd.kubernetes.protobuf</c> body: the magic <c>k8s\0</c>, then a
/// runtime.Unknown message {1 typeMeta {1 apiVersion, 2 kind}, 2 raw, 3 contentEncoding, 4 contentType}.
/// <see cref="RawOffset"/> is where the object's own message starts in the body.
/// </summary>
public sealed record ProtobufEnvelope(string ApiVersion, string Kind, byte[] Raw, int RawOffset, string ContentEncoding, string ContentType)
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    /// <summary>The 4-byte prefix every Kubernetes protobuf body starts with.</summary>
    public static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    /// <summary>Reads the frame; the object inside is decoded by <see cref="ProtobufBody"/>.</summary>
    public static ProtobufEnvelope Parse(ReadOnlySpan<byte> body)
    {
        // Same checks and wording as apimachinery's protobuf Serializer.Decode.
        if (body.IsEmpty) throw new ProtobufFormatException("empty data", 0);
        if (!body.StartsWith(Magic))
            throw new ProtobufFormatException("provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]", 0);
        if (body.Length == Magic.Length) throw new ProtobufFormatException("empty body", Magic.Length);

        string apiVersion = "", kind = "", contentEncoding = "", contentType = "";
        var raw = ReadOnlySpan<byte>.Empty;
        var rawOffset = body.Length;
        var reader = new ProtoReader(body[Magic.Length..], Magic.Length);
        while (reader.TryReadKey(out var field, out var wireType))
        {
            if (field is < 1 or > 4)
            {
                reader.Skip(field, wireType);
                continue;
            }
            if (wireType != WireType.LengthDelimited)
                throw new ProtobufFormatException($"runtime.Unknown field {field} has wire type {wireType.Describe()}, expected length-delimited (2)", reader.Offset);
            var value = reader.ReadLengthDelimited(out var start);
            switch (field)
            {
                case 1: (apiVersion, kind) = ReadTypeMeta(value, start); break;
                case 2: raw = value; rawOffset = start; break;
                case 3: contentEncoding = Encoding.UTF8.GetString(value); break;
                case 4: contentType = Encoding.UTF8.GetString(value); break;
            }
        }
        return new ProtobufEnvelope(apiVersion, kind, raw.ToArray(), rawOffset, contentEncoding, contentType);
    }

    private static (string ApiVersion, string Kind) ReadTypeMeta(ReadOnlySpan<byte> message, int offset)
    {
        string apiVersion = "", kind = "";
        var reader = new ProtoReader(message, offset);
        while (reader.TryReadKey(out var field, out var wireType))
        {
            if (field is not (1 or 2))
            {
                reader.Skip(field, wireType);
                continue;
            }
            if (wireType != WireType.LengthDelimited)
                throw new ProtobufFormatException($"TypeMeta field {field} has wire type {wireType.Describe()}, expected length-delimited (2)", reader.Offset);
            var text = Encoding.UTF8.GetString(reader.ReadLengthDelimited(out _));
            if (field == 1) apiVersion = text;
            else kind = text;
        }
        return (apiVersion, kind);
    }
}
