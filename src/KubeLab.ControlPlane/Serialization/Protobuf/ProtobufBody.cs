using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Serialization.Protobuf;

/// <summary>
/// An object decoded from a protobuf body: TypeMeta from the envelope, and the object as the JSON the
/// Go client would have sent (<c>kind</c> and <c>apiVersion</c> included), ready for the normal JSON
/// decoding, defaulting and validation. <see cref="UnknownFields"/> lists skipped field numbers.
/// </summary>
public sealed record DecodedProtobuf(string ApiVersion, string Kind, JsonObject Object, IReadOnlyList<string> UnknownFields);

/// <summary>
/// Decodes <c>application/vnd.kubernetes.protobuf</c> request bodies generically, from the
/// <see cref="ProtoAttribute"/> field numbers of the C# wire type. The caller picks the type
/// (peek with <see cref="ProtobufEnvelope.Parse"/> to read apiVersion and kind first).
/// </summary>
public static class ProtobufBody
{
    /// <exception cref="ProtobufFormatException">The body is not a well-formed Kubernetes protobuf message.</exception>
    public static DecodedProtobuf Decode(ReadOnlySpan<byte> body, Type targetType) =>
        Decode(ProtobufEnvelope.Parse(body), targetType);

    /// <summary>
    /// The body a Go client sends for <paramref name="obj"/> (its JSON, <c>kind</c> and <c>apiVersion</c> included):
    /// the magic, then runtime.Unknown {typeMeta, raw = the object's own message, contentEncoding "", contentType ""}.
    /// </summary>
    public static byte[] Encode(JsonObject obj, Type type)
    {
        var typeMeta = new ProtoWriter();
        typeMeta.StringField(1, (string?)obj["apiVersion"] ?? "");
        typeMeta.StringField(2, (string?)obj["kind"] ?? "");
        var unknown = new ProtoWriter();
        unknown.BytesField(1, typeMeta.ToArray());
        unknown.BytesField(2, ProtoEncoder.EncodeMessage(obj, ProtoSchema.For(type)));
        unknown.StringField(3, "");
        unknown.StringField(4, "");
        return [.. ProtobufEnvelope.Magic, .. unknown.ToArray()];
    }

    /// <exception cref="ProtobufFormatException">The object is not a well-formed message of <paramref name="targetType"/>.</exception>
    public static DecodedProtobuf Decode(ProtobufEnvelope envelope, Type targetType)
    {
        var result = new JsonObject();
        if (envelope.Kind.Length > 0) result["kind"] = envelope.Kind;
        if (envelope.ApiVersion.Length > 0) result["apiVersion"] = envelope.ApiVersion;
        var decoder = new ProtoDecoder();
        decoder.DecodeMessage(envelope.Raw, envelope.RawOffset, ProtoSchema.For(targetType), "", result);
        return new DecodedProtobuf(envelope.ApiVersion, envelope.Kind, result, decoder.UnknownFields);
    }
}
