namespace KubeLab.ControlPlane.Controllers.Kubelet;

/// <summary>Plausible sizes of well-known images, in bytes, and how long pulling them takes on the simulated network.</summary>
public static class KnownImages
{
    private static readonly Dictionary<string, long> Sizes = new()
    {
        ["nginx"] = 72_223_946,
        ["busybox"] = 2_156_518,
        ["alpine"] = 3_653_068,
        ["redis"] = 52_714_208,
        ["httpd"] = 58_386_436,
        ["postgres"] = 158_604_221,
        ["ubuntu"] = 29_723_147,
        ["debian"] = 48_494_272,
        ["hello-world"] = 9_218,
        ["pause"] = 320_368,
        ["python"] = 412_308_210,
        ["node"] = 393_147_905,
    };

    /// <summary>First pulls download at about 60 MB/s; nginx takes about 1.2 s.</summary>
    private const double BytesPerSecond = 60_000_000;

    public static long? Size(string shortName) => Sizes.TryGetValue(shortName, out var size) ? size : null;

    /// <summary>A first pull downloads every layer; a re-pull (policy Always, image present) only checks the manifest.</summary>
    public static TimeSpan PullDuration(ImageReference image, bool present) => present
        ? TimeSpan.FromMilliseconds(380 + image.Size / 1_000_000 % 200)
        : TimeSpan.FromMilliseconds(Math.Max(150, Math.Round(image.Size / BytesPerSecond * 1000)));
}

/// <summary>Go's time.Duration.String for the durations an event prints: <c>512ms</c>, <c>1.203s</c>, <c>1m2.5s</c>.</summary>
public static class GoDuration
{
    public static string Format(TimeSpan duration)
    {
        var ms = (long)duration.TotalMilliseconds;
        if (ms == 0) return "0s";
        if (ms < 1000) return $"{ms}ms";
        var minutes = ms / 60_000;
        var seconds = ms % 60_000 / 1000.0;
        var secondsText = seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "s";
        return minutes == 0 ? secondsText : $"{minutes}m{secondsText}";
    }
}
