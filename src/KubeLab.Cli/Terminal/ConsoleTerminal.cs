namespace KubeLab.Cli.Terminal;

/// <summary>
/// What the process's standard streams are connected to: color only on a terminal and unless
/// <c>NO_COLOR</c> is set (https://no-color.org) or <c>TERM=dumb</c>.
/// </summary>
internal static class ConsoleTerminal
{
    private static bool Dumb => Environment.GetEnvironmentVariable("TERM") == "dumb";

    private static bool ColorAllowed => string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) && !Dumb;

    public static bool StdoutColor => !Console.IsOutputRedirected && ColorAllowed;

    /// <summary>Progress for a person watching stderr; none when stderr goes to a file or a pipe.</summary>
    public static StepProgress? Progress() =>
        Console.IsErrorRedirected ? null : new StepProgress(Console.Error, rewrite: !Dumb, color: ColorAllowed);
}
