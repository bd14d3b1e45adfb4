namespace KubeLab.ControlPlane.Serialization.Protobuf;

/// <summary>How a field's value (or each element, or each map value) is encoded.</summary>
internal enum ProtoKind
{
    String,
    Bytes,
    Bool,
    Int32,
    Int64,
    /// <summary>metav1.Time: message {1 seconds, 2 nanos}, whole seconds in JSON.</summary>
    Time,
    /// <summary>metav1.MicroTime: as Time, with microseconds.</summary>
    MicroTime,
    /// <summary>resource.Quantity: message {1 string}.</summary>
    Quantity,
    /// <summary>intstr.IntOrString: message {1 type, 2 intVal, 3 strVal}.</summary>
    IntOrString,
    /// <summary>metav1.FieldsV1: message {1 raw JSON bytes}.</summary>
    RawJson,
    Message,
}

internal enum ProtoCardinality
{
    Single,
    Repeated,
    /// <summary>map&lt;string, V&gt;: repeated entries {1 key, 2 value}.</summary>
    Map,
}

/// <summary>
/// One field of a message. <see cref="KeepZero"/> says whether a zero value present on the wire is
/// written to JSON: true for Go pointers and fields without <c>omitempty</c>, false for the zero values
/// gogo-protobuf always writes (<c>generateName: ""</c>, <c>minReadySeconds: 0</c>) that Go's JSON leaves out.
/// <see cref="Inline"/> fields are embedded Go structs: their fields land in the parent JSON object.
/// <see cref="Optional"/> says whether the encoder writes the field only when set (Go pointers, byte slices): gogo-protobuf
/// writes every non-pointer field, zero or not, so an unset string still goes out as an empty one.
/// </summary>
internal sealed record ProtoField(int Number, string JsonName, ProtoKind Kind, ProtoCardinality Cardinality, bool KeepZero, bool Inline, ProtoMessageRef? Message, bool Optional = false)
{
    public static bool IsVarint(ProtoKind kind) => kind is ProtoKind.Bool or ProtoKind.Int32 or ProtoKind.Int64;
}

/// <summary>A message's fields by number; <see cref="Name"/> is the upstream message name, for errors.</summary>
internal sealed record ProtoMessage(string Name, IReadOnlyDictionary<int, ProtoField> Fields);

/// <summary>
/// A message named by a field, resolved when first needed (field tables refer to each other).
/// Resolves to null when no field table is known: the decoder then accepts only an empty message.
/// </summary>
internal sealed class ProtoMessageRef(string name, Func<ProtoMessage?> resolve)
{
    private readonly Lazy<ProtoMessage?> message = new(resolve);

    public string Name { get; } = name;

    public ProtoMessage? Message => message.Value;
}
