using System.Text;
using KubeLab.ControlPlane.Controllers.Kubelet.Shell;

namespace KubeLab.ControlPlane.Controllers.Kubelet.Programs;

/// <summary>
/// A container whose command is a shell script (<c>sh -c '…'</c>) or a plain command such as
/// <c>echo hello</c>. The script runs in the simulated shell; a program it execs that the simulator knows
/// (nginx, redis-server…) takes over the output. As PID 1, sh ignores SIGTERM unless the script traps it.
/// </summary>
public sealed class ShellProgram(string script, Func<List<string>, ContainerProgram?> knownProgram) : ContainerProgram
{
    private const int MaxSteps = 200_000;
    private readonly ShellNode _parsed = ShellParser.Parse(script);

    public override IEnumerable<LogLine> Output(ProgramContext context)
    {
        var elapsed = TimeSpan.Zero;
        var partial = new StringBuilder();
        foreach (var step in Steps(context, () => elapsed))
        {
            switch (step)
            {
                case OutputStep output:
                    partial.Append(output.Text);
                    var text = partial.ToString();
                    int newline;
                    while ((newline = text.IndexOf('\n')) >= 0)
                    {
                        yield return new LogLine(elapsed, text[..(newline + 1)]);
                        text = text[(newline + 1)..];
                    }
                    partial.Clear().Append(text);
                    break;
                case WaitStep wait:
                    elapsed += wait.Duration;
                    break;
                case HandOffStep handOff when knownProgram(handOff.Command) is { } program:
                    if (partial.Length > 0) yield return new LogLine(elapsed, partial.ToString());
                    var offset = elapsed;
                    foreach (var line in program.Output(context with { StartedAt = context.StartedAt + offset }))
                        yield return line with { At = line.At + offset };
                    yield break;
            }
        }
        if (partial.Length > 0) yield return new LogLine(elapsed, partial.ToString());
    }

    public override (TimeSpan After, int ExitCode)? Exit(ProgramContext context)
    {
        var elapsed = TimeSpan.Zero;
        var steps = 0;
        var interpreter = Interpreter(context, () => elapsed);
        foreach (var step in interpreter.Run(_parsed))
        {
            switch (step)
            {
                case WaitStep wait: elapsed += wait.Duration; break;
                case ExitStep exit: return (elapsed, exit.Code);
                case EndlessStep: return null;
                case HandOffStep handOff:
                    return knownProgram(handOff.Command)?.Exit(context with { StartedAt = context.StartedAt + elapsed }) is { } end
                        ? (end.After + elapsed, end.ExitCode)
                        : null;
            }
            if (++steps > MaxSteps) return null;
        }
        return (elapsed, interpreter.State.Status);
    }

    /// <summary>A <c>trap … TERM</c> runs its action and, if the action exits, ends the script; otherwise sh ignores SIGTERM.</summary>
    public override StopReaction? OnStop(ProgramContext context, DateTimeOffset at)
    {
        var trap = ShellTokenizer.Tokenize(script).Select((word, i) => (word, i)).Where(t => t.word == "trap").Select(t => t.i).ToList();
        var tokens = ShellTokenizer.Tokenize(script);
        foreach (var index in trap)
        {
            if (index + 2 >= tokens.Count) continue;
            var signals = tokens.Skip(index + 2).TakeWhile(t => t is not (";" or "\n" or "&&" or "||")).ToList();
            if (!signals.Any(s => s is "TERM" or "SIGTERM" or "15")) continue;
            var action = new ShellInterpreter(NewState(context, () => at - context.StartedAt), _ => false);
            var output = new StringBuilder();
            int? exitCode = null;
            foreach (var step in action.Run(ShellParser.Parse(string.Concat(action.Expand(tokens[index + 1])))))
            {
                if (step is OutputStep o) output.Append(o.Text);
                if (step is ExitStep e) { exitCode = e.Code; break; }
            }
            var lines = output.ToString().Split('\n').SkipLast(1).ToList();
            return exitCode is { } code ? new StopReaction(TimeSpan.FromMilliseconds(20), code, lines) : null;
        }
        return knownProgram(FirstCommand()) is { } program ? program.OnStop(context, at) : null;
    }

    private List<string> FirstCommand() =>
        ShellTokenizer.Tokenize(script).Where(t => t is not ("exec" or ";" or "\n")).Take(1).ToList();

    private IEnumerable<ShellStep> Steps(ProgramContext context, Func<TimeSpan> elapsed)
    {
        var steps = 0;
        foreach (var step in Interpreter(context, elapsed).Run(_parsed))
        {
            yield return step;
            if (++steps > MaxSteps * 50) yield break;
        }
    }

    private ShellInterpreter Interpreter(ProgramContext context, Func<TimeSpan> elapsed) =>
        new(NewState(context, elapsed), name => knownProgram([name]) is not null);

    private static ShellState NewState(ProgramContext context, Func<TimeSpan> elapsed)
    {
        var variables = new Dictionary<string, string>(context.Environment)
        {
            ["HOSTNAME"] = context.PodName,
            ["HOME"] = "/root",
            ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        };
        return new ShellState(variables, () => context.StartedAt + elapsed(), context.PodName);
    }

    /// <summary>A command line as one shell statement, each argument quoted so it stays one word.</summary>
    public static string Quote(IEnumerable<string> argv) =>
        string.Join(" ", argv.Select(a => "'" + a.Replace("'", "'\\''") + "'"));
}
