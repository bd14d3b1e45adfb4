namespace KubeLab.ControlPlane.Registry;

/// <summary>
/// Makes uids and generated name suffixes. Seeded, it yields the same sequence on every run,
/// so a replayed lesson produces identical bytes; unseeded it is random as on a real cluster.
/// </summary>
public sealed class IdSource(int? seed = null)
{
    private const string SuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";
    private readonly Random _random = seed is { } s ? new Random(s) : new Random();
    private readonly Lock _sync = new();

    /// <summary>Whether ids repeat from run to run (a lesson replay) rather than being truly random (serving).</summary>
    public bool Reproducible { get; } = seed is not null;

    public string NewUid()
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (_sync) _random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    /// <summary>Lowercase hex digits, as container runtimes print container ids (64 for containerd).</summary>
    public string NewHex(int length = 64)
    {
        var bytes = new byte[(length + 1) / 2];
        lock (_sync) _random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes)[..length];
    }

    /// <summary>A suffix as apiserver's names.SimpleNameGenerator makes for generateName (5 characters).</summary>
    public string NewSuffix(int length = 5)
    {
        var chars = new char[length];
        lock (_sync)
            for (var i = 0; i < length; i++) chars[i] = SuffixAlphabet[_random.Next(SuffixAlphabet.Length)];
        return new string(chars);
    }
}
