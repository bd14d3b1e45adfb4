namespace KubeLab.ControlPlane.Serialization.Protobuf;

/// <summary>Writes the protobuf wire format: keys, varints and length-delimited payloads.</summary>
internal sealed class ProtoWriter
{
    private readonly MemoryStream buffer = new();

    public byte[] ToArray() => buffer.ToArray();

    public void Key(int field, WireType type) => Varint(((ulong)field << 3) | (ulong)type);

    public void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        buffer.WriteByte((byte)value);
    }

    public void VarintField(int field, ulong value)
    {
        Key(field, WireType.Varint);
        Varint(value);
    }

    public void BytesField(int field, ReadOnlySpan<byte> bytes)
    {
        Key(field, WireType.LengthDelimited);
        Varint((ulong)bytes.Length);
        buffer.Write(bytes);
    }

    public void StringField(int field, string text) => BytesField(field, System.Text.Encoding.UTF8.GetBytes(text));
}
