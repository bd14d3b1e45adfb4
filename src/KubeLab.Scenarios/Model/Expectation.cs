namespace KubeLab.Scenarios.Model;

/// <summary>
/// What must hold after a step. For kubectl and curl steps a missing <see cref="Exit"/> means 0:
/// a command that fails unexpectedly fails the step, and a lesson that shows an error says so.
/// </summary>
public sealed record Expectation(
    int? Exit,
    ValueCheck? Stdout,
    ValueCheck? Stderr,
    IReadOnlyList<ResponseCheck> Responses,
    IReadOnlyList<RequestLine> Requests,
    IReadOnlyList<ObjectCheck> Objects)
{
    public static readonly Expectation None = new(null, null, null, [], [], []);

    public bool IsEmpty => Exit is null && Stdout is null && Stderr is null && Responses.Count == 0 && Requests.Count == 0 && Objects.Count == 0;
}

/// <summary>
/// An HTTP exchange of the step and what its response must show. Without <see cref="Exchange"/>
/// it is the step's main exchange: its first request that is not discovery or OpenAPI.
/// </summary>
public sealed record ResponseCheck(ExchangeSelector Exchange, int? Status, IReadOnlyList<HeaderCheck> Headers, ValueCheck? Body, SourcePosition At);

public sealed record HeaderCheck(string Name, ValueCheck Value);

/// <summary>
/// Which exchange of a step: the main one (both null), the <see cref="Nth"/> (1-based, in the order
/// sent), or the first whose method and path (query ignored unless given) match <see cref="Request"/>.
/// </summary>
public sealed record ExchangeSelector(int? Nth, RequestLine? Request)
{
    public static readonly ExchangeSelector Main = new(null, null);
}

/// <summary>
/// <c>METHOD /path[?query]</c>. In <see cref="Expectation.Requests"/> these must appear in this order
/// among the step's requests (others may come between); a query, when written, must match exactly.
/// </summary>
public sealed record RequestLine(string Method, string Path, string? Query, SourcePosition At)
{
    public override string ToString() => Query is null ? $"{Method} {Path}" : $"{Method} {Path}?{Query}";
}

/// <summary>An object's state in the cluster, read directly from the store (not through a command).</summary>
public sealed record ObjectCheck(ObjectRef Ref, ValueCheck Value, SourcePosition At);
