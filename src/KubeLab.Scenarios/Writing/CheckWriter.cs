using System.Text.Json.Nodes;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Writing;

/// <summary>Writes expectations and captures; a check that is only <c>equals</c> text is written as that text.</summary>
internal static class CheckWriter
{
    public static void Expectation(YamlOutput yaml, Expectation expect)
    {
        yaml.BeginMap();
        if (expect.Exit is { } exit) yaml.Field("exit", exit.ToString());
        if (expect.Stdout is { } stdout) { yaml.Key("stdout"); Value(yaml, stdout); }
        if (expect.Stderr is { } stderr) { yaml.Key("stderr"); Value(yaml, stderr); }
        if (expect.Responses.Count > 0) { yaml.Key("response"); List(yaml, expect.Responses, Response); }
        if (expect.Requests.Count > 0) { yaml.Key("requests"); ScenarioWriter.Texts(yaml, expect.Requests.Select(r => r.ToString())); }
        if (expect.Objects.Count > 0) { yaml.Key("object"); List(yaml, expect.Objects, Object); }
        yaml.EndMap();
    }

    public static void Object(YamlOutput yaml, ObjectCheck check)
    {
        yaml.BeginMap();
        yaml.Field("ref", $"{check.Ref.Resource}/{check.Ref.Name}");
        yaml.Field("namespace", check.Ref.Namespace);
        Comparisons(yaml, check.Value);
        yaml.EndMap();
    }

    public static void Capture(YamlOutput yaml, Capture capture)
    {
        yaml.BeginMap();
        yaml.Field("from", capture.From.ToString().ToLowerInvariant());
        if (capture.Ref is { } reference) { yaml.Field("ref", $"{reference.Resource}/{reference.Name}"); yaml.Field("namespace", reference.Namespace); }
        yaml.Field("path", capture.Path?.Text);
        Selector(yaml, capture.Exchange);
        yaml.Field("header", capture.Header);
        yaml.Field("matches", capture.Matching);
        yaml.EndMap();
    }

    private static void Response(YamlOutput yaml, ResponseCheck check)
    {
        yaml.BeginMap();
        Selector(yaml, check.Exchange);
        if (check.Status is { } status) yaml.Field("status", status.ToString());
        if (check.Headers.Count > 0)
        {
            yaml.Key("headers");
            yaml.BeginMap();
            foreach (var header in check.Headers) { yaml.Key(header.Name); Value(yaml, header.Value); }
            yaml.EndMap();
        }
        if (check.Body is { } body) { yaml.Key("body"); Value(yaml, body); }
        yaml.EndMap();
    }

    private static void Selector(YamlOutput yaml, ExchangeSelector selector)
    {
        if (selector.Nth is { } nth) yaml.Field("nth", nth.ToString());
        yaml.Field("request", selector.Request?.ToString());
    }

    /// <summary>A value check; plain text when it only says "equals this text".</summary>
    private static void Value(YamlOutput yaml, ValueCheck check)
    {
        if (check is { Path: null, Containing.Count: 0, Matching: null, Exists: null, EqualTo.Value: JsonValue text } && text.TryGetValue<string>(out var s))
        {
            yaml.Text(s);
            return;
        }
        yaml.BeginMap();
        Comparisons(yaml, check);
        yaml.EndMap();
    }

    private static void Comparisons(YamlOutput yaml, ValueCheck check)
    {
        yaml.Field("path", check.Path?.Text);
        if (check.EqualTo is { } expected) { yaml.Key("equals"); Expected(yaml, expected.Value); }
        if (check.Containing.Count == 1) { yaml.Key("contains"); Expected(yaml, check.Containing[0]); }
        if (check.Containing.Count > 1) { yaml.Key("contains"); yaml.BeginList(); foreach (var c in check.Containing) Expected(yaml, c); yaml.EndList(); }
        yaml.Field("matches", check.Matching);
        if (check.Exists is { } exists) yaml.Field("exists", exists ? "true" : "false");
    }

    /// <summary>Expected scalars are text to the loader, so they are written as text, not as typed JSON.</summary>
    private static void Expected(YamlOutput yaml, JsonNode? value)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var text)) yaml.Text(text);
        else yaml.Json(value);
    }

    private static void List<T>(YamlOutput yaml, IReadOnlyList<T> items, Action<YamlOutput, T> write)
    {
        if (items.Count == 1) { write(yaml, items[0]); return; }
        yaml.BeginList();
        foreach (var item in items) write(yaml, item);
        yaml.EndList();
    }
}
