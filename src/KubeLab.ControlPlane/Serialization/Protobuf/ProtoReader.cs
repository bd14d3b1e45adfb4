using System.Buffers.Binary;

namespace KubeLab.ControlPlane.Serialization.Protobuf;

/// <summary>
/// Reads the protobuf wire format from a span: keys, varints, fixed 32/64-bit values and
/// length-delimited payloads. Every malformation becomes a <see cref="ProtobufFormatException"/>
/// carrying the absolute byte offset (<paramref name="offset"/> is where <paramref name="data"/> starts in the body).
/// </summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data, int offset)
{
    private const int MaxGroupDepth = 32;

    private readonly ReadOnlySpan<byte> data = data;
    private int position;

    /// <summary>Absolute offset of the next unread byte.</summary>
    public readonly int Offset => offset + position;

    /// <summary>Reads the next field key; false at the end of the data.</summary>
    public bool TryReadKey(out int field, out WireType wireType)
    {
        if (position >= data.Length)
        {
            field = 0;
            wireType = default;
            return false;
        }
        var start = Offset;
        var key = ReadVarint();
        field = (int)Math.Min(key >> 3, int.MaxValue);
        wireType = (WireType)(key & 7);
        if (key >> 3 is 0 or > (1 << 29) - 1)
            throw new ProtobufFormatException($"invalid field number {key >> 3} in key 0x{key:x}", start);
        if ((int)wireType > 5)
            throw new ProtobufFormatException($"invalid wire type {(int)wireType} for field {field}", start);
        return true;
    }

    public ulong ReadVarint()
    {
        var start = Offset;
        ulong value = 0;
        for (var i = 0; i < 10; i++)
        {
            if (position >= data.Length)
                throw new ProtobufFormatException("unexpected end of data inside a varint", start);
            var b = data[position++];
            if (i == 9 && b > 1) break;
            value |= (ulong)(b & 0x7f) << (7 * i);
            if (b < 0x80) return value;
        }
        // The tenth byte carries bit 63 only; anything more (or an eleventh byte) does not fit.
        throw new ProtobufFormatException("varint overflows 64 bits", start);
    }

    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, "a 64-bit value"));

    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, "a 32-bit value"));

    /// <summary>Reads a length-delimited payload; <paramref name="start"/> is its absolute offset.</summary>
    public ReadOnlySpan<byte> ReadLengthDelimited(out int start)
    {
        var lengthOffset = Offset;
        var length = ReadVarint();
        if (length > int.MaxValue)
            throw new ProtobufFormatException($"invalid length {length}", lengthOffset);
        start = Offset;
        return Take((int)length, $"a length-delimited value of {length} bytes");
    }

    /// <summary>Skips the value of a field whose key was just read (unknown fields are legal in protobuf).</summary>
    public void Skip(int field, WireType wireType) => Skip(field, wireType, 0);

    private void Skip(int field, WireType wireType, int depth)
    {
        switch (wireType)
        {
            case WireType.Varint: ReadVarint(); break;
            case WireType.Fixed64: Take(8, "a 64-bit value"); break;
            case WireType.Fixed32: Take(4, "a 32-bit value"); break;
            case WireType.LengthDelimited: ReadLengthDelimited(out _); break;
            case WireType.StartGroup:
                if (depth >= MaxGroupDepth) throw new ProtobufFormatException("groups nested too deeply", Offset);
                var start = Offset;
                while (true)
                {
                    if (!TryReadKey(out var inner, out var innerType))
                        throw new ProtobufFormatException($"unexpected end of data inside group {field}", start);
                    if (innerType == WireType.EndGroup)
                    {
                        if (inner != field) throw new ProtobufFormatException($"group {field} closed by end-group {inner}", Offset);
                        return;
                    }
                    Skip(inner, innerType, depth + 1);
                }
            case WireType.EndGroup:
                throw new ProtobufFormatException($"end-group {field} without a start-group", Offset);
        }
    }

    private ReadOnlySpan<byte> Take(int count, string what)
    {
        if (count > data.Length - position)
            throw new ProtobufFormatException($"unexpected end of data: {what} needs {count} bytes, {data.Length - position} remain", Offset);
        var slice = data.Slice(position, count);
        position += count;
        return slice;
    }
}
