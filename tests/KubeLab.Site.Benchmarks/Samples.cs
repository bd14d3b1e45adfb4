namespace KubeLab.Site.Benchmarks;

/// <summary>Latencies of one kind of interaction, in milliseconds, in the order taken.</summary>
internal sealed class Samples
{
    private readonly List<double> _values = [];

    public int Count => _values.Count;

    public void Add(double milliseconds) => _values.Add(milliseconds);

    public double Median => Percentile(50);

    public double P95 => Percentile(95);

    /// <summary>Nearest rank: the smallest sample with at least <paramref name="percent"/>% of the samples at or below it.</summary>
    public double Percentile(double percent)
    {
        if (_values.Count == 0) return double.NaN;
        var sorted = _values.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
