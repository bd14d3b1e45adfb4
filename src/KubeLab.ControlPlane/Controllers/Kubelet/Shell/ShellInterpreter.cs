using System.Text;

namespace KubeLab.ControlPlane.Controllers.Kubelet.Shell;

/// <summary>What running a script does, step by step: writes text, lets time pass, exits, or becomes another program.</summary>
internal abstract record ShellStep;
internal sealed record OutputStep(string Text) : ShellStep;
internal sealed record WaitStep(TimeSpan Duration) : ShellStep;
internal sealed record ExitStep(int Code) : ShellStep;
/// <summary>From here on the script loops forever (<c>while true</c> with no exit or break).</summary>
internal sealed record EndlessStep : ShellStep;
/// <summary>The script runs a program the simulator knows (<c>exec nginx -g 'daemon off;'</c>); its output follows.</summary>
internal sealed record HandOffStep(List<string> Command) : ShellStep;

/// <summary>
/// Runs a parsed script lazily as a sequence of steps, with busybox sh semantics for the builtins it knows.
/// Every simple command takes a millisecond, so even a loop without <c>sleep</c> moves time forward.
/// Commands it does not know succeed silently: it cannot know what the image contains.
/// </summary>
internal sealed partial class ShellInterpreter(ShellState state, Func<string, bool> isKnownProgram)
{
    private static readonly TimeSpan CommandTime = TimeSpan.FromMilliseconds(1);

    public ShellState State => state;

    public IEnumerable<ShellStep> Run(ShellNode node)
    {
        switch (node)
        {
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    foreach (var step in Run(item)) yield return step;
                    if (state.Exited || state.Breaking) yield break;
                }
                break;
            case AndOrNode andOr:
                foreach (var step in Run(andOr.Items[0])) yield return step;
                for (var i = 1; i < andOr.Items.Count && !state.Exited && !state.Breaking; i++)
                {
                    if ((andOr.Operators[i - 1] == "&&") != (state.Status == 0)) continue;
                    foreach (var step in Run(andOr.Items[i])) yield return step;
                }
                break;
            case PipelineNode pipeline:
                foreach (var step in Run(pipeline.Commands[0])) yield return step;
                break;
            case WhileNode loop:
                var endless = loop.Condition is SequenceNode { Items: [AndOrNode { Items: [PipelineNode { Commands: [SimpleNode { Words: ["true" or ":"] }] }] }] }
                              && !loop.Until && !Mentions(loop.Body, "exit", "break");
                if (endless) yield return new EndlessStep();
                while (!state.Exited)
                {
                    foreach (var step in Run(loop.Condition)) yield return step;
                    if ((state.Status == 0) == loop.Until) break;
                    foreach (var step in Run(loop.Body)) yield return step;
                    if (state.Breaking) { state.Breaking = false; break; }
                }
                break;
            case ForNode loop:
                foreach (var value in loop.Words.SelectMany(Expand).ToList())
                {
                    state.Variables[loop.Variable] = value;
                    foreach (var step in Run(loop.Body)) yield return step;
                    if (state.Exited) yield break;
                    if (state.Breaking) { state.Breaking = false; break; }
                }
                break;
            case IfNode branch:
                foreach (var (condition, body) in branch.Branches)
                {
                    foreach (var step in Run(condition)) yield return step;
                    if (state.Status != 0) continue;
                    foreach (var step in Run(body)) yield return step;
                    yield break;
                }
                if (branch.Else is not null)
                    foreach (var step in Run(branch.Else)) yield return step;
                break;
            case SimpleNode simple:
                foreach (var step in RunSimple(simple)) yield return step;
                break;
        }
    }

    private IEnumerable<ShellStep> RunSimple(SimpleNode simple)
    {
        var words = simple.Words;
        var assignments = 0;
        while (assignments < words.Count && IsAssignment(words[assignments])) assignments++;
        var fields = words.Skip(assignments).SelectMany(Expand).ToList();
        foreach (var assignment in words.Take(assignments))
        {
            var equals = assignment.IndexOf('=');
            state.Variables[assignment[..equals]] = string.Join(" ", Expand(assignment[(equals + 1)..]));
        }
        state.Status = 0;
        if (fields.Count == 0) yield break;
        if (fields[0] == "exec" && fields.Count > 1) fields.RemoveAt(0);

        yield return new WaitStep(CommandTime);
        switch (fields[0])
        {
            case "sleep":
                var duration = ShellTime.SleepDuration(fields.Skip(1));
                if (duration is null) { yield return new EndlessStep(); yield return new WaitStep(TimeSpan.FromDays(36500)); }
                else yield return new WaitStep(duration.Value);
                break;
            case "exit":
                state.Status = fields.Count > 1 && int.TryParse(fields[1], out var code) ? code & 0xff : state.Status;
                state.Exited = true;
                yield return new ExitStep(state.Status);
                break;
            case "break":
                state.Breaking = true;
                break;
            case var program when isKnownProgram(program):
                state.Exited = true;
                yield return new HandOffStep(fields);
                break;
            default:
                var (output, status) = ShellBuiltins.Run(fields, state);
                state.Status = status;
                if (output.Length > 0) yield return new OutputStep(output);
                break;
        }
    }

    private static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=');
        return equals > 0 && word[..equals].All(c => char.IsLetterOrDigit(c) || c == '_') && !char.IsDigit(word[0]);
    }

    private static bool Mentions(ShellNode node, params string[] commands) => node switch
    {
        SequenceNode s => s.Items.Any(i => Mentions(i, commands)),
        AndOrNode a => a.Items.Any(i => Mentions(i, commands)),
        PipelineNode p => p.Commands.Any(i => Mentions(i, commands)),
        WhileNode w => Mentions(w.Condition, commands) || Mentions(w.Body, commands),
        ForNode f => Mentions(f.Body, commands),
        IfNode i => i.Branches.Any(b => Mentions(b.Condition, commands) || Mentions(b.Body, commands)) || (i.Else is { } e && Mentions(e, commands)),
        SimpleNode s => s.Words.Count > 0 && commands.Contains(s.Words[0]),
        _ => false,
    };
}
