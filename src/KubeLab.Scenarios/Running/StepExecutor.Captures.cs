using System.Text.Json.Nodes;
using Regex = System.Text.RegularExpressions.Regex;
using RegexOptions = System.Text.RegularExpressions.RegexOptions;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Running;

internal sealed partial class StepExecutor
{
    /// <summary>Reads each capture into the variables of later steps; returns why one could not be read, if so.</summary>
    private string? Capture(IReadOnlyList<Capture> list, StepOutcome outcome)
    {
        foreach (var capture in list)
        {
            string? value = capture.From switch
            {
                CaptureSource.Stdout or CaptureSource.Stderr => FromText(capture, capture.From == CaptureSource.Stdout ? outcome.Stdout : outcome.Stderr),
                CaptureSource.Response => FromResponse(capture, outcome),
                _ => FromObject(capture),
            };
            if (value is null) return $"capture '{capture.Name}' found nothing to keep";
            captures[capture.Name] = value;
        }
        return null;
    }

    private static string? FromText(Capture capture, string text)
    {
        if (capture.Matching is null) return text.Trim();
        var match = Regex.Match(text, capture.Matching, RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        return !match.Success ? null : match.Groups.Count > 1 ? match.Groups[1].Value : match.Value;
    }

    private static string? FromResponse(Capture capture, StepOutcome outcome)
    {
        var exchange = ExpectationChecker.Select(capture.Exchange, outcome.Exchanges);
        if (exchange is null) return null;
        if (capture.Header is { } header)
            return exchange.ResponseHeaders.FirstOrDefault(h => h.Key.Equals(header, StringComparison.OrdinalIgnoreCase)).Value;
        try
        {
            return capture.Path!.TryFind(JsonNode.Parse(exchange.ResponseText), out var value) ? ObjectPath.AsText(value) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private string? FromObject(Capture capture)
    {
        var (exists, json) = _objects.Read(capture.Ref!);
        if (!exists) return null;
        return capture.Path is null ? json?.ToJsonString() : capture.Path.TryFind(json, out var value) ? ObjectPath.AsText(value) : null;
    }

    /// <summary>The step's checks with <c>${name}</c> replaced in every expected text.</summary>
    private Expectation Substitute(Expectation expect) => expect with
    {
        Stdout = Substitute(expect.Stdout),
        Stderr = Substitute(expect.Stderr),
        Requests = expect.Requests.Select(Substitute).ToList(),
        Responses = expect.Responses.Select(r => r with
        {
            Exchange = r.Exchange with { Request = r.Exchange.Request is { } line ? Substitute(line) : null },
            Body = Substitute(r.Body),
            Headers = r.Headers.Select(h => h with { Value = Substitute(h.Value)! }).ToList(),
        }).ToList(),
        Objects = expect.Objects.Select(o => o with { Value = Substitute(o.Value)! }).ToList(),
    };

    private RequestLine Substitute(RequestLine line) => line with { Path = Substitute(line.Path), Query = line.Query is null ? null : Substitute(line.Query) };

    private ValueCheck? Substitute(ValueCheck? check) => check is null ? null : check with
    {
        EqualTo = check.EqualTo is { Value: JsonValue v } e && v.TryGetValue<string>(out var text) ? new Expected(JsonValue.Create(Substitute(text))) : check.EqualTo,
        Containing = check.Containing.Select(c => c is JsonValue v && v.TryGetValue<string>(out var t) ? JsonValue.Create(Substitute(t)) : c).ToList(),
        Matching = check.Matching is null ? null : Substitute(check.Matching),
    };
}
