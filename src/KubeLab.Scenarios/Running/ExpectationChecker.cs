using System.Text.Json.Nodes;
using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Transcripts;

namespace KubeLab.Scenarios.Running;

/// <summary>What a step produced, as its checks see it.</summary>
internal sealed record StepOutcome(int? ExitCode, string Stdout, string Stderr, IReadOnlyList<ExchangeRecord> Exchanges, bool IsCommand);

/// <summary>Evaluates a step's <see cref="Expectation"/>; every check yields a result, passed or not.</summary>
internal sealed class ExpectationChecker(ObjectReader objects)
{
    public List<CheckResult> Check(Expectation expect, StepOutcome outcome)
    {
        var results = new List<CheckResult>();
        var exit = expect.Exit ?? (outcome.IsCommand ? 0 : null);
        if (exit is { } code)
            results.Add(Result($"exit code is {code}", outcome.ExitCode == code ? null : $"it was {outcome.ExitCode}"));
        if (expect.Stdout is { } stdout) results.Add(Result("stdout " + ValueMatcher.Describe(stdout), ValueMatcher.Text(stdout, outcome.Stdout)));
        if (expect.Stderr is { } stderr) results.Add(Result("stderr " + ValueMatcher.Describe(stderr), ValueMatcher.Text(stderr, outcome.Stderr)));
        if (expect.Requests.Count > 0) results.Add(CheckRequests(expect.Requests, outcome.Exchanges));
        foreach (var response in expect.Responses) results.AddRange(CheckResponse(response, outcome.Exchanges));
        foreach (var check in expect.Objects)
        {
            var (exists, json) = objects.Read(check.Ref);
            results.Add(Result($"{check.Ref} {ValueMatcher.Describe(check.Value)}", ValueMatcher.Json(check.Value, json, exists)));
        }
        return results;
    }

    /// <summary>The listed requests appear in this order among the step's requests; others may come between.</summary>
    private static CheckResult CheckRequests(IReadOnlyList<RequestLine> expected, IReadOnlyList<ExchangeRecord> exchanges)
    {
        var next = 0;
        foreach (var exchange in exchanges)
            if (next < expected.Count && Matches(expected[next], exchange)) next++;
        var description = "requests in order: " + string.Join(", ", expected);
        return Result(description, next == expected.Count ? null :
            $"{expected[next]} was not sent after the earlier ones; sent: {string.Join(", ", exchanges.Select(e => $"{e.Method} {e.Target}"))}");
    }

    private static IEnumerable<CheckResult> CheckResponse(ResponseCheck check, IReadOnlyList<ExchangeRecord> exchanges)
    {
        var exchange = Select(check.Exchange, exchanges);
        var which = check.Exchange.Request?.ToString() ?? (check.Exchange.Nth is { } n ? $"request {n}" : "the main request");
        if (exchange is null)
        {
            yield return Result($"{which} was sent", "no such request in this step");
            yield break;
        }
        if (check.Status is { } status)
            yield return Result($"{which} answered {status}", exchange.Status == status ? null : $"it answered {exchange.Status}");
        foreach (var header in check.Headers)
        {
            var value = exchange.ResponseHeaders.FirstOrDefault(h => h.Key.Equals(header.Name, StringComparison.OrdinalIgnoreCase)).Value;
            yield return Result($"{which} header {header.Name} {ValueMatcher.Describe(header.Value)}",
                value is null ? $"there is no {header.Name} header" : ValueMatcher.Text(header.Value, value));
        }
        if (check.Body is { } body)
        {
            JsonNode? json = null;
            try { json = JsonNode.Parse(exchange.ResponseText); } catch (System.Text.Json.JsonException) { }
            yield return Result($"{which} body {ValueMatcher.Describe(body)}",
                json is null && body.Path is null ? ValueMatcher.Text(body, exchange.ResponseText) : ValueMatcher.Json(body, json));
        }
    }

    /// <summary>The main exchange is the first that is not discovery or OpenAPI.</summary>
    public static ExchangeRecord? Select(ExchangeSelector selector, IReadOnlyList<ExchangeRecord> exchanges) =>
        selector.Nth is { } n ? exchanges.ElementAtOrDefault(n - 1)
        : selector.Request is { } line ? exchanges.FirstOrDefault(e => Matches(line, e))
        : exchanges.FirstOrDefault(e => !DiscoveryRequests.IsDiscovery(e.Path));

    private static bool Matches(RequestLine line, ExchangeRecord exchange) =>
        line.Method.Equals(exchange.Method, StringComparison.OrdinalIgnoreCase) && line.Path == exchange.Path
        && (line.Query is null || line.Query == exchange.Query);

    private static CheckResult Result(string description, string? failure) => new(description, failure is null, failure);
}
