using KubeLab.Scenarios.Loading.Yaml;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Loading;

/// <summary>
/// <c>expect:</c> of a step. Checks that cannot apply to the step's action (an exit code for a
/// clock step, a response for a kubeconfig edit) are errors rather than checks that never run.
/// </summary>
internal static class ExpectationReader
{
    /// <summary>Actions that run a program, with an exit code and output.</summary>
    public static readonly string[] Programs = ["kubectl", "curl", "stop"];

    /// <summary>Actions that make HTTP exchanges.</summary>
    public static readonly string[] Exchanging = ["kubectl", "curl", "http", "apply", "stop"];

    public static Expectation? Read(LoadContext context, YamlNode? node, string? action, bool background)
    {
        if (node is null) return Expectation.None;
        var errors = context.ErrorCount;
        if (MappingReader.Open(context, node, LessonShapes.Expect, "'expect'") is not { } map) return null;
        Applies(context, map, action, background);
        var exit = map.Int("exit", 0, 255);
        var stdout = map["stdout"] is { } o ? ValueCheckReader.Read(context, o, LessonShapes.TextCheck, "'stdout'") : null;
        var stderr = map["stderr"] is { } e ? ValueCheckReader.Read(context, e, LessonShapes.TextCheck, "'stderr'") : null;
        var responses = map.OneOrMany("response").Select(r => Response(context, r)).ToList();
        var requests = map.List("requests")?.Items.Select(r => ExchangeReader.RequestLine(context, r)).ToList() ?? [];
        var objects = map.OneOrMany("object").Select(o => Object(context, o)).ToList();
        // Every part that failed has reported an error: build only what is whole.
        return context.ErrorCount == errors ? new Expectation(exit, stdout, stderr, responses!, requests!, objects!) : null;
    }

    private static void Applies(LoadContext context, MappingReader map, string? action, bool background)
    {
        if (action is null) return;
        foreach (var key in new[] { "exit", "stdout", "stderr" }.Where(map.Has))
            if (!Programs.Contains(action)) context.Error(map.KeyAt(key), $"'{key}' applies to kubectl and curl steps (and stop), not to {action}");
        foreach (var key in new[] { "response", "requests" }.Where(map.Has))
            if (!Exchanging.Contains(action)) context.Error(map.KeyAt(key), $"a {action} step makes no HTTP requests to check with '{key}'");
        if (background && map.Has("exit"))
            context.Error(map.KeyAt("exit"), "a background command is still running after its step: check 'exit' on the step that stops it");
    }

    public static ResponseCheck? Response(LoadContext context, YamlNode node)
    {
        var errors = context.ErrorCount;
        if (MappingReader.Open(context, node, LessonShapes.ResponseCheck, "a response check") is not { } map) return null;
        var selector = ExchangeReader.Selector(context, map);
        var status = map.Int("status", 100, 599);
        var headers = new List<HeaderCheck>();
        foreach (var (name, value) in map.Mapping("headers")?.Entries ?? [])
        {
            if (!Names.HeaderName().IsMatch(name.Value)) context.Error(name, $"'{name.Value}' is not a header name");
            else if (ValueCheckReader.Read(context, value, LessonShapes.TextCheck, $"header '{name.Value}'") is { } check)
                headers.Add(new HeaderCheck(name.Value, check));
        }
        var body = map["body"] is { } b ? ValueCheckReader.Read(context, b, LessonShapes.BodyCheck, "'body'") : null;
        if (!map.Node.Entries.Any(e => e.Key.Value is "status" or "headers" or "body"))
            context.Error(node, "a response check checks nothing: give 'status', 'headers' or 'body'");
        return context.ErrorCount == errors ? new ResponseCheck(selector!, status, headers, body, node.At) : null;
    }

    public static ObjectCheck? Object(LoadContext context, YamlNode node)
    {
        if (MappingReader.Open(context, node, LessonShapes.ObjectCheck, "an object check") is not { } map) return null;
        var reference = ObjectRefReader.Read(context, map);
        var value = ValueCheckReader.FromMapping(context, map, "an object check");
        return reference is null || value is null ? null : new ObjectCheck(reference, value, node.At);
    }
}
