using KubeLab.Scenarios.Loading.Yaml;
using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Validation.Commands;

namespace KubeLab.Scenarios.Loading;

/// <summary>Reads a step's one action, checking it against what the lesson has set up so far.</summary>
internal static class ActionReader
{
    public static StepAction? Read(LoadContext context, string kind, YamlNode node, string? background, LessonState state) => kind switch
    {
        "kubectl" => Text(context, kind, node) is { } line && new KubectlCommandChecker(context, line, state).Check(background) is { } args
            ? new KubectlAction(line.Value, args, node.At) : null,
        "curl" => Text(context, kind, node) is { } line && new CurlCommandChecker(context, line, state).Check() is { } args
            ? new CurlAction(line.Value, args, node.At) : null,
        "http" => HttpReader.Read(context, node),
        "apply" => ManifestReader.Read(context, node) is { } manifest ? new ApplyAction(manifest, node.At) : null,
        "clock" => MappingReader.Open(context, node, LessonShapes.Clock, "'clock'") is { } clock && Duration(context, clock, "advance") is { } advance
            ? new ClockAction(advance, node.At) : null,
        "wait" => Wait(context, node),
        "kubeconfig" => KubeconfigReader.Read(context, node, state) is { } edit ? new KubeconfigAction(edit, node.At) : null,
        "stop" => Stop(context, node, state),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an action"),
    };

    private static YamlScalar? Text(LoadContext context, string kind, YamlNode node)
    {
        if (node is YamlScalar { IsNull: false } scalar) return scalar;
        context.Error(node, $"'{kind}' must be a command line, not {node.Describe()}");
        return null;
    }

    private static WaitAction? Wait(LoadContext context, YamlNode node)
    {
        if (MappingReader.Open(context, node, LessonShapes.Wait, "'wait'") is not { } wait) return null;
        var condition = wait["for"] is { } f ? ExpectationReader.Object(context, f) : null;
        var timeout = wait.Has("timeout") ? Duration(context, wait, "timeout") : WaitAction.DefaultTimeout;
        return condition is null || timeout is null ? null : new WaitAction(condition, timeout.Value, node.At);
    }

    private static StopAction? Stop(LoadContext context, YamlNode node, LessonState state)
    {
        if (Text(context, "stop", node) is not { } name) return null;
        if (state.Terminals.Remove(name.Value)) return new StopAction(name.Value, node.At);
        var running = state.Terminals.Keys;
        context.Error(name, running.Count == 0
            ? $"no background command '{name.Value}' is running (start one with 'background: {name.Value}' on a kubectl or curl step)"
            : $"no background command '{name.Value}' is running{Suggestions.DidYouMean(name.Value, running)} (running: {Suggestions.Some(running)})");
        return null;
    }

    public static TimeSpan? Duration(LoadContext context, MappingReader map, string key)
    {
        if (map.Scalar(key) is not { } scalar) return null;
        if (GoDuration.TryParse(scalar.Value, out var value) && value > TimeSpan.Zero && value <= TimeSpan.FromDays(400)) return value;
        context.Error(scalar, $"'{key}' must be a positive duration such as 30s, 5m or 1h30m, not {scalar.Describe()}");
        return null;
    }
}
