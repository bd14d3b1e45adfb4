using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace KubeLab.Site.Operations;

/// <summary>
/// The site's instruments (<see cref="SiteMetrics.Meter"/>) as a scrape: the Prometheus text format 0.0.4, or OpenMetrics
/// 1.0 when the scraper asks for it. A <see cref="MeterListener"/> aggregates as measurements come: counters summed per
/// label set, histograms into cumulative buckets; observable instruments are read at each scrape. Instrument names
/// are the families' names; a counter's samples end in <c>_total</c>.
/// </summary>
public sealed class MetricsExposition : IDisposable
{
    public const string TextContentType = "text/plain; version=0.0.4; charset=utf-8";
    public const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, Family> _families = new();
    private readonly Lock _scrape = new();

    public MetricsExposition(SiteMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter != metrics.Meter) return;
            _families[instrument] = new Family(instrument);
            listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_families.TryGetValue(instrument, out var family)) family.Record(value, Labels(tags));
    }

    /// <summary>Whether an Accept header asks for OpenMetrics (as Prometheus does first, when it may).</summary>
    public static bool WantsOpenMetrics(string? accept) =>
        accept is not null && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParseList(accept.Split(','), out var types)
        && types.Any(t => t.MediaType.Equals("application/openmetrics-text", StringComparison.OrdinalIgnoreCase) && (t.Quality ?? 1) > 0);

    /// <summary>Every family of the site's meter, as of now.</summary>
    public string Scrape(bool openMetrics)
    {
        lock (_scrape)
        {
            _listener.RecordObservableInstruments();
            var text = new StringBuilder();
            foreach (var family in _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal)) family.Write(text, openMetrics);
            if (openMetrics) text.Append("# EOF\n");
            return text.ToString();
        }
    }

    public static IEndpointRouteBuilder MapMetrics(IEndpointRouteBuilder endpoints, string path)
    {
        endpoints.MapGet(path, (HttpContext http, MetricsExposition exposition) =>
        {
            var openMetrics = WantsOpenMetrics(http.Request.Headers.Accept.ToString());
            http.Response.Headers.CacheControl = "no-store";
            return Results.Text(exposition.Scrape(openMetrics), openMetrics ? OpenMetricsContentType : TextContentType);
        });
        return endpoints;
    }

    /// <summary>A label set as it is written between braces: <c>code="2xx"</c>, sorted by name; empty for none.</summary>
    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0) return "";
        var pairs = new List<string>(tags.Length);
        foreach (var (name, value) in tags) pairs.Add($"{name}=\"{Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", quote: true)}\"");
        pairs.Sort(StringComparer.Ordinal);
        return string.Join(",", pairs);
    }

    /// <summary>Backslash and newline escaped (HELP text), and the double quote too in a label value.</summary>
    private static string Escape(string text, bool quote) =>
        text.Replace("\\", @"\\").Replace("\n", @"\n") is var escaped && quote ? escaped.Replace("\"", "\\\"") : escaped;

    /// <summary>A number as both formats read it: shortest round-trip form, with a decimal point or exponent; <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>.</summary>
    internal static string Number(double value)
    {
        if (double.IsPositiveInfinity(value)) return "+Inf";
        if (double.IsNegativeInfinity(value)) return "-Inf";
        if (double.IsNaN(value)) return "NaN";
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>One instrument's samples, per label set.</summary>
    private sealed class Family
    {
        private readonly Instrument instrument;
        private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);
        private readonly double[] _bounds;

        public Family(Instrument instrument)
        {
            this.instrument = instrument;
            _bounds = (instrument as Histogram<double>)?.Advice?.HistogramBucketBoundaries?.ToArray() ?? [];
            // The site's histograms have no labels: all zero before the first measurement, rather than absent.
            if (instrument is Histogram<double>) _series[""] = new Series(_bounds.Length);
        }

        public string Name => instrument.Name;

        private string Type => instrument switch
        {
            Counter<long> or ObservableCounter<long> or ObservableCounter<double> or Counter<double> => "counter",
            Histogram<double> => "histogram",
            _ => "gauge",
        };

        /// <summary>Counters add up; an observable counter reports its total and an observable gauge its value, each replacing the last.</summary>
        private bool Cumulative => instrument is Counter<long> or Counter<double>;

        public void Record(double value, string labels)
        {
            var series = _series.GetOrAdd(labels, _ => new Series(_bounds.Length));
            lock (series)
            {
                if (instrument is Histogram<double>)
                {
                    var bucket = Array.FindIndex(_bounds, bound => value <= bound);
                    series.Buckets[bucket < 0 ? _bounds.Length : bucket]++;
                    series.Count++;
                }
                series.Value = Cumulative || instrument is Histogram<double> ? series.Value + value : value;
            }
        }

        public void Write(StringBuilder text, bool openMetrics)
        {
            var type = Type;
            // Prometheus text names the counter family by its samples (…_total); OpenMetrics by the name without it.
            var family = type == "counter" && !openMetrics ? Name + "_total" : Name;
            if (instrument.Description is { Length: > 0 } help) text.Append($"# HELP {family} {Escape(help, quote: false)}\n");
            text.Append($"# TYPE {family} {type}\n");
            foreach (var (labels, series) in _series.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                lock (series)
                {
                    if (type == "histogram") WriteHistogram(text, labels, series);
                    else text.Append($"{Name}{(type == "counter" ? "_total" : "")}{Braces(labels)} {Number(series.Value)}\n");
                }
            }
        }

        private void WriteHistogram(StringBuilder text, string labels, Series series)
        {
            long cumulative = 0;
            for (var i = 0; i <= _bounds.Length; i++)
            {
                cumulative += series.Buckets[i];
                var le = $"le=\"{Number(i < _bounds.Length ? _bounds[i] : double.PositiveInfinity)}\"";
                text.Append($"{Name}_bucket{Braces(labels.Length == 0 ? le : labels + "," + le)} {cumulative}\n");
            }
            text.Append($"{Name}_count{Braces(labels)} {series.Count}\n");
            text.Append($"{Name}_sum{Braces(labels)} {Number(series.Value)}\n");
        }

        private static string Braces(string labels) => labels.Length == 0 ? "" : "{" + labels + "}";
    }

    private sealed class Series(int bounds)
    {
        public readonly long[] Buckets = new long[bounds + 1];
        public long Count;
        public double Value;
    }
}
