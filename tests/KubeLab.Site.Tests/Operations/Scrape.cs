using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeLab.Site.Tests.Operations;

/// <summary>
/// A scrape read back as a scraper reads it, failing on what would make Prometheus refuse it: a sample before its
/// family's TYPE, a sample that is not its family's (counter: <c>_total</c>; histogram: <c>_bucket</c>, <c>_count</c>,
/// <c>_sum</c>), a bucket count that falls, buckets that do not end in <c>+Inf</c> equal to <c>_count</c>, and for
/// OpenMetrics anything but a final <c># EOF</c>.
/// </summary>
internal sealed partial class Scrape
{
    public sealed record Family(string Name, string Type, string? Help, List<(string Name, string Labels, double Value)> Samples);

    public Dictionary<string, Family> Families { get; } = new(StringComparer.Ordinal);

    public static Scrape Parse(string text, bool openMetrics)
    {
        var scrape = new Scrape();
        Assert.That(text, Does.EndWith("\n"));
        var lines = text[..^1].Split('\n');
        if (openMetrics)
        {
            Assert.That(lines[^1], Is.EqualTo("# EOF"));
            lines = lines[..^1];
        }
        else Assert.That(text, Does.Not.Contain("# EOF"));
        string? help = null;
        Family? current = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                help = line[7..];
                continue;
            }
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line[7..].Split(' ');
                Assert.That(scrape.Families.ContainsKey(parts[0]), Is.False, $"family {parts[0]} twice");
                Assert.That(help, Does.StartWith(parts[0] + " "), $"HELP of {parts[0]} right before its TYPE");
                current = scrape.Families[parts[0]] = new Family(parts[0], parts[1], help![(parts[0].Length + 1)..], []);
                help = null;
                continue;
            }
            var sample = SampleLine().Match(line);
            Assert.That(sample.Success, Is.True, $"not a sample line: {line}");
            Assert.That(current, Is.Not.Null, $"sample before any TYPE: {line}");
            var name = sample.Groups["name"].Value;
            var allowed = current!.Type switch
            {
                "counter" => openMetrics ? [current.Name + "_total"] : new[] { current.Name },
                "histogram" => [current.Name + "_bucket", current.Name + "_count", current.Name + "_sum"],
                _ => [current.Name],
            };
            Assert.That(allowed, Does.Contain(name), $"{line} in family {current.Name} ({current.Type})");
            if (current.Type == "counter" && !openMetrics) Assert.That(current.Name, Does.EndWith("_total"));
            current.Samples.Add((name, sample.Groups["labels"].Value, Value(sample.Groups["value"].Value)));
        }
        foreach (var histogram in scrape.Families.Values.Where(f => f.Type == "histogram")) CheckBuckets(histogram);
        return scrape;
    }

    private static void CheckBuckets(Family histogram)
    {
        var buckets = histogram.Samples.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).ToList();
        Assert.That(buckets, Is.Not.Empty, histogram.Name);
        var bounds = buckets.Select(b => Value(Regex.Match(b.Labels, "le=\"([^\"]+)\"").Groups[1].Value)).ToList();
        Assert.That(bounds, Is.Ordered.Ascending, "buckets by their upper bound");
        Assert.That(bounds[^1], Is.EqualTo(double.PositiveInfinity), "the last bucket is +Inf");
        Assert.That(buckets.Select(b => b.Value), Is.Ordered.Ascending, "bucket counts are cumulative");
        Assert.That(histogram.Samples.Single(s => s.Name.EndsWith("_count", StringComparison.Ordinal)).Value, Is.EqualTo(buckets[^1].Value));
        Assert.That(histogram.Samples.Count(s => s.Name.EndsWith("_sum", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    /// <summary>The value of the one sample of <paramref name="family"/> named <paramref name="sample"/> with exactly these labels.</summary>
    public double Value(string family, string sample, string labels = "") =>
        Families[family].Samples.Single(s => s.Name == sample && s.Labels == labels).Value;

    /// <summary>The sample's value, or 0 if the family has no such sample yet (a label set not used so far).</summary>
    public double ValueOrZero(string family, string sample, string labels = "") =>
        Families.TryGetValue(family, out var f) ? f.Samples.Where(s => s.Name == sample && s.Labels == labels).Select(s => s.Value).SingleOrDefault() : 0;

    private static double Value(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*)\})? (?<value>\S+)$""")]
    private static partial Regex SampleLine();
}
