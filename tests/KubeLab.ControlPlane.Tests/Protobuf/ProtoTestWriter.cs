using System.Text;

namespace KubeLab.ControlPlane.Tests.Protobuf;

/// <summary>A minimal protobuf writer for building test bodies field by field.</summary>
internal sealed class ProtoTestWriter
{
    private readonly List<byte> bytes = [];

    public ProtoTestWriter Varint(int field, ulong value) => Key(field, 0).Raw(Encode(value));

    public ProtoTestWriter Int32(int field, int value) => Varint(field, unchecked((ulong)(long)value));

    public ProtoTestWriter Int64(int field, long value) => Varint(field, unchecked((ulong)value));

    public ProtoTestWriter Bool(int field, bool value) => Varint(field, value ? 1UL : 0UL);

    public ProtoTestWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoTestWriter Bytes(int field, byte[] value) => Key(field, 2).Raw(Encode((ulong)value.Length)).Raw(value);

    public ProtoTestWriter Message(int field, Action<ProtoTestWriter> build)
    {
        var inner = new ProtoTestWriter();
        build(inner);
        return Bytes(field, inner.ToArray());
    }

    /// <summary>A map entry {1 key, 2 value}.</summary>
    public ProtoTestWriter Entry(int field, string key, string value) => Message(field, e => e.String(1, key).String(2, value));

    public ProtoTestWriter Packed(int field, params long[] values) =>
        Bytes(field, values.SelectMany(v => Encode(unchecked((ulong)v))).ToArray());

    public ProtoTestWriter Fixed32(int field, uint value) => Key(field, 5).Raw(BitConverter.GetBytes(value));

    public ProtoTestWriter Fixed64(int field, ulong value) => Key(field, 1).Raw(BitConverter.GetBytes(value));

    public ProtoTestWriter Raw(IEnumerable<byte> raw)
    {
        bytes.AddRange(raw);
        return this;
    }

    public byte[] ToArray() => [.. bytes];

    /// <summary>A complete body: <c>k8s\0</c> and runtime.Unknown around the object.</summary>
    public static byte[] Body(string apiVersion, string kind, Action<ProtoTestWriter> build)
    {
        var unknown = new ProtoTestWriter()
            .Message(1, t => t.String(1, apiVersion).String(2, kind))
            .Message(2, build)
            .String(3, "")
            .String(4, "");
        return [.. "k8s\0"u8.ToArray(), .. unknown.ToArray()];
    }

    private ProtoTestWriter Key(int field, int wireType) => Raw(Encode((ulong)(field << 3 | wireType)));

    private static byte[] Encode(ulong value)
    {
        var result = new List<byte>();
        while (value >= 0x80)
        {
            result.Add((byte)(value | 0x80));
            value >>= 7;
        }
        result.Add((byte)value);
        return [.. result];
    }
}
