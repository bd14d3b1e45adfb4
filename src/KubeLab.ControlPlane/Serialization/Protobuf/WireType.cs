namespace KubeLab.ControlPlane.Serialization.Protobuf;

/// <summary>The low three bits of a field key.</summary>
internal enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
}

internal static class WireTypeNames
{
    public static string Describe(this WireType type) => type switch
    {
        WireType.Varint => "varint (0)",
        WireType.Fixed64 => "64-bit (1)",
        WireType.LengthDelimited => "length-delimited (2)",
        WireType.StartGroup => "start-group (3)",
        WireType.EndGroup => "end-group (4)",
        WireType.Fixed32 => "32-bit (5)",
        _ => $"invalid ({(int)type})",
    };
}
