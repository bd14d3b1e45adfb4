namespace KubeLab.ControlPlane.Pipeline;

/// <summary>
/// One HTTP request and its response as the API server saw them, with who asked and what each stage of the
/// pipeline decided. Response bodies are kept as the chunks the server wrote, so a watch or a followed log
/// keeps its events apart. A streamed exchange grows until <see cref="Completed"/> is set.
/// </summary>
public sealed class Exchange
{
    private readonly List<byte[]> _responseChunks = [];
    private readonly Lock _sync = new();

    public required long Sequence { get; init; }
    public required string AuditId { get; init; }
    public required DateTimeOffset Started { get; init; }
    public required string Method { get; init; }
    /// <summary>The path as requested, query included (<c>/api/v1/namespaces/default/pods?limit=500</c>).</summary>
    public required string Target { get; init; }
    public required string Protocol { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; }
    public byte[] RequestBody { get; internal set; } = [];
    public int StatusCode { get; internal set; }
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; internal set; } = [];
    /// <summary>Who asked, known once authentication has run (a stream still open already has it).</summary>
    public UserInfo User => _user?.Invoke() ?? UserInfo.Anonymous;

    private Func<UserInfo>? _user;

    internal void ReadUserFrom(Func<UserInfo> user) => _user = user;
    public required RequestTrace Trace { get; init; }
    public DateTimeOffset? Completed { get; internal set; }

    /// <summary>How long the server really took (not the cluster's clock, which a lesson simulates).</summary>
    public ExchangeTiming Timing { get { lock (_sync) return _timing; } }

    private ExchangeTiming _timing = ExchangeTiming.Unmeasured;

    internal void ResponseStartedAfter(TimeSpan elapsed)
    {
        lock (_sync) _timing = _timing with { UntilResponse = elapsed };
    }

    internal void EndedAfter(TimeSpan elapsed)
    {
        lock (_sync) _timing = _timing with { UntilEnd = elapsed, UntilResponse = _timing.UntilResponse ?? elapsed };
    }

    /// <summary>The path without the query, as requests are usually named.</summary>
    public string Path => Target.Split('?')[0];

    public IReadOnlyList<byte[]> ResponseChunks { get { lock (_sync) return _responseChunks.ToArray(); } }

    public byte[] ResponseBody { get { lock (_sync) return _responseChunks.SelectMany(c => c).ToArray(); } }

    /// <summary>The bytes this record holds, for the log's budget.</summary>
    internal long RecordedBytes { get { lock (_sync) return RequestBody.Length + _responseChunks.Sum(c => (long)c.Length); } }

    internal void AppendResponse(ReadOnlySpan<byte> chunk)
    {
        lock (_sync) _responseChunks.Add(chunk.ToArray());
    }
}
