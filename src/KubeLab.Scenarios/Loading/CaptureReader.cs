using KubeLab.Scenarios.Loading.Yaml;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Loading;

/// <summary>
/// <c>capture:</c> name → where to read the value. Each source accepts only the keys that make
/// sense for it, and only if the step's action produces that source at all.
/// </summary>
internal static class CaptureReader
{
    private static readonly string[] Sources = ["stdout", "stderr", "response", "object"];

    private static readonly Dictionary<string, string[]> KeysBySource = new()
    {
        ["stdout"] = ["matches"], ["stderr"] = ["matches"],
        ["response"] = ["path", "header", "nth", "request"], ["object"] = ["ref", "namespace", "path"],
    };

    public static List<Capture>? Read(LoadContext context, YamlMapping? node, string? action, LessonState state)
    {
        var errors = context.ErrorCount;
        var captures = new List<Capture>();
        foreach (var (name, value) in node?.Entries ?? [])
        {
            if (!Names.Variable().IsMatch(name.Value))
                context.Error(name, $"capture name '{name.Value}' must be letters, digits and '_', starting with a letter");
            else if (Variables.Builtins.Contains(name.Value))
                context.Error(name, $"'{name.Value}' is a built-in variable and cannot be captured");
            if (One(context, name.Value, value, action) is { } capture) captures.Add(capture);
            state.CapturedNow.Add(name.Value);
        }
        return context.ErrorCount == errors ? captures : null;
    }

    private static Capture? One(LoadContext context, string name, YamlNode node, string? action)
    {
        var errors = context.ErrorCount;
        if (MappingReader.Open(context, node, LessonShapes.Capture, $"capture '{name}'") is not { } map) return null;
        if (map.Scalar("from") is not { } from) return null;
        if (!Sources.Contains(from.Value))
        {
            context.Error(from, $"'from' must be one of {string.Join(", ", Sources)}, not {from.Describe()}{Suggestions.DidYouMean(from.Value, Sources)}");
            return null;
        }
        foreach (var key in map.Node.Entries.Select(e => e.Key.Value).Where(k => k != "from" && !KeysBySource[from.Value].Contains(k)))
            context.Error(map.KeyAt(key), $"'{key}' does not apply to a capture from {from.Value}");
        if (from.Value is "stdout" or "stderr" && action is not null && !ExpectationReader.Programs.Contains(action))
            context.Error(from, $"a {action} step has no {from.Value} to capture");
        if (from.Value == "response" && action is not null && !ExpectationReader.Exchanging.Contains(action))
            context.Error(from, $"a {action} step has no response to capture");
        if (from.Value == "object" && !map.Has("path")) context.Error(map.Node, $"capture '{name}' from an object needs a 'path'");
        if (from.Value == "response" && map.Has("path") && map.Has("header")) context.Error(map.KeyAt("header"), "capture a 'path' or a 'header', not both");
        var source = Enum.Parse<CaptureSource>(from.Value, ignoreCase: true);
        var path = map.Scalar("path") is { } p ? ValueCheckReader.Path(context, p) : null;
        var reference = source == CaptureSource.Object ? ObjectRefReader.Read(context, map) : null;
        var selector = source == CaptureSource.Response ? ExchangeReader.Selector(context, map) : ExchangeSelector.Main;
        var matches = map.Scalar("matches");
        if (matches is not null) ValueCheckReader.Regex(context, matches);
        return context.ErrorCount == errors
            ? new Capture(name, source, path, reference, selector!, map.Text("header"), matches?.Value, node.At)
            : null;
    }
}
