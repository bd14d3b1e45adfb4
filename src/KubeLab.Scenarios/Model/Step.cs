namespace KubeLab.Scenarios.Model;

/// <summary>
/// One beat of a lesson: narration, exactly one visible action, and what must be true afterwards.
/// There is no follow-up action: a second command is the next step, with its own narration.
/// </summary>
/// <param name="Narration">Markdown, rendered with raw HTML disabled.</param>
/// <param name="Env">Environment variables for this step's command only, shown before it as a shell would.</param>
/// <param name="Background">
/// For kubectl and curl: the command keeps running in another terminal of this name (a watch, a
/// proxy) while later steps run, until a <see cref="StopAction"/> names it.
/// </param>
/// <param name="Captures">Values read after the step, usable as <c>${name}</c> from the next step on.</param>
public sealed record Step(
    string Title,
    string Narration,
    StepAction Action,
    Expectation Expect,
    IReadOnlyList<Capture> Captures,
    IReadOnlyList<NamedValue> Env,
    string? Background,
    string? Hint,
    SourcePosition At);
