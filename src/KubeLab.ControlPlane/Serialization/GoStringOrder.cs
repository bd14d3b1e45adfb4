namespace KubeLab.ControlPlane.Serialization;

/// <summary>
/// Go's order of strings, byte by byte over their UTF-8: how encoding/json and gogo-protobuf's
/// <c>sortkeys.Strings</c> order map keys. It differs from <see cref="StringComparer.Ordinal"/> (UTF-16 code
/// units) only where a character above U+FFFF meets one in U+E000–U+FFFF.
/// </summary>
public sealed class GoStringOrder : IComparer<string>
{
    public static readonly GoStringOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null) return x is null ? (y is null ? 0 : -1) : 1;
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
            if (x[i] != y[i]) return Utf8Rank(x[i]).CompareTo(Utf8Rank(y[i]));
        return x.Length.CompareTo(y.Length);
    }

    /// <summary>Moves surrogates (code points above U+FFFF, four UTF-8 bytes) after U+E000–U+FFFF (three bytes).</summary>
    private static int Utf8Rank(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
