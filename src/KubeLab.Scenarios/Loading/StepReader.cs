using KubeLab.Scenarios.Loading.Yaml;
using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Validation;

namespace KubeLab.Scenarios.Loading;

/// <summary>
/// Reads the steps in order, keeping <see cref="LessonState"/> up to date so each step is checked
/// against what exists when it runs: captures of earlier steps, terminals still open.
/// </summary>
internal static class StepReader
{
    private static readonly string[] Prose = ["title", "narration", "hint"];

    public static List<Step>? ReadAll(LoadContext context, MappingReader lesson, LessonState state)
    {
        if (lesson.List("steps") is not { } list) return null;
        if (list.Items.Count == 0) context.Error(list, "a lesson needs at least one step");
        var steps = new List<Step>();
        foreach (var item in list.Items)
        {
            state.StepNumber++;
            if (Read(context, item, state) is { } step) steps.Add(step);
            foreach (var name in state.CapturedNow) state.Variables[name] = state.StepNumber;
            state.CapturedNow.Clear();
        }
        return steps.Count == list.Items.Count ? steps : null;
    }

    private static Step? Read(LoadContext context, YamlNode node, LessonState state)
    {
        var errors = context.ErrorCount;
        var what = $"step {state.StepNumber}";
        var unknownActions = UnknownActions(node);
        if (MappingReader.Open(context, node, LessonShapes.Step, what, unknownActions.Contains) is not { } map) return null;
        var title = MetadataReader.OneLine(context, map, "title");
        var narration = map.Text("narration");
        var hint = map.Text("hint");
        NarrationChecker.Check(context, map.Node["narration"] as YamlScalar, "narration");
        NarrationChecker.Check(context, map.Node["hint"] as YamlScalar, "hint");
        var actionKey = ActionKey(context, map, unknownActions, what);
        var background = Background(context, map, actionKey, state);
        var action = actionKey is null ? null : ActionReader.Read(context, actionKey, map.Node[actionKey]!, background, state);
        // Registered even when the command has errors, so its 'stop' step is not reported too.
        if (background is not null) state.Terminals.TryAdd(background, null);
        var env = Env(context, map, actionKey);
        var expect = ExpectationReader.Read(context, map["expect"], actionKey, background is not null);
        var captures = CaptureReader.Read(context, map.Mapping("capture"), actionKey, state);
        // Prose is shown as written; every other value may use ${name}.
        foreach (var entry in map.Node.Entries.Where(e => !Prose.Contains(e.Key.Value))) VariableChecker.CheckAll(context, entry.Value, state);
        return context.ErrorCount == errors
            ? new Step(title!, narration!, action!, expect!, captures!, env, background, hint, node.At)
            : null;
    }

    /// <summary>
    /// Keys of a step without an action that look like an attempt at one (<c>kubeclt:</c>, <c>shell:</c>),
    /// rather than a misspelt title or narration.
    /// </summary>
    private static HashSet<string> UnknownActions(YamlNode node)
    {
        if (node is not YamlMapping mapping || LessonShapes.Actions.Any(mapping.Has)) return [];
        var others = LessonShapes.Step.Keys.Except(LessonShapes.Actions).ToList();
        return mapping.Entries.Select(e => e.Key.Value)
            .Where(k => !LessonShapes.Step.Accepts(k) && !others.Contains(Suggestions.Closest(k, LessonShapes.Step.Keys) ?? ""))
            .ToHashSet();
    }

    private static string? ActionKey(LoadContext context, MappingReader map, HashSet<string> unknownActions, string what)
    {
        var actions = map.Node.Entries.Where(e => LessonShapes.Actions.Contains(e.Key.Value)).ToList();
        var list = string.Join(", ", LessonShapes.Actions);
        foreach (var unknown in unknownActions)
            context.Error(map.KeyAt(unknown), $"unknown action '{unknown}'{Suggestions.DidYouMean(unknown, LessonShapes.Actions)} (an action is one of {list})");
        if (actions.Count == 0 && unknownActions.Count == 0) context.Error(map.Node, $"{what} has no action: give exactly one of {list}");
        foreach (var extra in actions.Skip(1))
            context.Error(extra.Key, $"{what} has a second action '{extra.Key.Value}' after '{actions[0].Key.Value}': one action per step, so split it in two");
        return actions.Count == 1 ? actions[0].Key.Value : null;
    }

    private static string? Background(LoadContext context, MappingReader map, string? action, LessonState state)
    {
        if (map.Scalar("background") is not { } name) return null;
        if (action is not ("kubectl" or "curl")) context.Error(name, "only a kubectl or curl command can run in the background");
        else if (!Names.Slug().IsMatch(name.Value)) context.Error(name, $"terminal name '{name.Value}' must be lower-case words joined by '-'");
        else if (state.Terminals.ContainsKey(name.Value)) context.Error(name, $"'{name.Value}' is still running: stop it first or pick another name");
        else return name.Value;
        return null;
    }

    private static List<NamedValue> Env(LoadContext context, MappingReader map, string? action)
    {
        var env = new List<NamedValue>();
        if (map.Mapping("env") is not { } mapping) return env;
        if (action is not ("kubectl" or "curl")) context.Error(map.KeyAt("env"), "'env' applies to kubectl and curl commands");
        foreach (var (name, value) in mapping.Entries)
        {
            if (!Names.EnvironmentVariable().IsMatch(name.Value)) context.Error(name, $"'{name.Value}' is not an environment variable name (A-Z, 0-9, _)");
            else if (value is not YamlScalar text) context.Error(value, $"'{name.Value}' must be text, not {value.Describe()}");
            else env.Add(new NamedValue(name.Value, text.Value));
        }
        return env;
    }
}
