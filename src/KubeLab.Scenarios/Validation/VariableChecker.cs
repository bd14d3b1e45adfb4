using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Loading.Yaml;

namespace KubeLab.Scenarios.Validation;

/// <summary>
/// Every <c>${name}</c> must be a built-in or a capture of an earlier step, so a run never sends a
/// literal <c>${rvv}</c> because of a typo.
/// </summary>
internal static class VariableChecker
{
    /// <summary>Checks every scalar under a node (keys are names, not text, and are skipped).</summary>
    public static void CheckAll(LoadContext context, YamlNode node, LessonState state)
    {
        switch (node)
        {
            case YamlScalar scalar:
                Check(context, scalar, state);
                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items) CheckAll(context, item, state);
                break;
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries) CheckAll(context, entry.Value, state);
                break;
        }
    }

    public static void Check(LoadContext context, YamlScalar scalar, LessonState state)
    {
        foreach (var (name, offset) in Model.Variables.References(scalar.Value))
        {
            if (name is null)
                context.Error(scalar, offset, "'${' is not closed by '}' (write '$${' for a literal '${')");
            else if (state.CapturedNow.Contains(name) && !state.Variables.ContainsKey(name))
                context.Error(scalar, offset, $"'${{{name}}}' is captured by this step: it can be used from the next step on");
            else if (!state.Variables.ContainsKey(name))
                context.Error(scalar, offset, $"undefined variable '${{{name}}}'{Known(name, state)}");
        }
    }

    private static string Known(string name, LessonState state)
    {
        var suggestion = Suggestions.Closest(name, state.Variables.Keys);
        return suggestion is not null
            ? $" — did you mean '${{{suggestion}}}'?"
            : $" (defined here: {Suggestions.Some(state.Variables.Keys, "${", "}")}; a capture can be used from the step after it)";
    }
}
