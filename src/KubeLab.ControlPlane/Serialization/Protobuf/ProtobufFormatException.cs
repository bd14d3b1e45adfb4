namespace KubeLab.ControlPlane.Serialization.Protobuf;

/// <summary>
/// A protobuf body that cannot be decoded: truncated, malformed, or carrying a value the target
/// type cannot hold. The message names the byte offset and, once known, the JSON path of the field.
/// </summary>
public sealed class ProtobufFormatException : Exception
{
    public ProtobufFormatException(string problem, int offset, string? path = null)
        : base(Describe(problem, offset, path))
    {
        Problem = problem;
        Offset = offset;
        Path = path;
    }

    /// <summary>What is wrong, without position.</summary>
    public string Problem { get; }

    /// <summary>Byte offset in the body (counting the 4-byte <c>k8s\0</c> prefix) where decoding stopped.</summary>
    public int Offset { get; }

    /// <summary>JSON path of the field being decoded (<c>spec.template.spec.containers[0].image</c>), if known.</summary>
    public string? Path { get; }

    internal ProtobufFormatException At(string path) => new(Problem, Offset, path);

    private static string Describe(string problem, int offset, string? path) =>
        path is null or "" ? $"protobuf: {problem} (at byte {offset})" : $"protobuf: {path}: {problem} (at byte {offset})";
}
