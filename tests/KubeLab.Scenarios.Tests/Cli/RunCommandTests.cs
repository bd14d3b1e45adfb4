using System.Diagnostics;
using KubeLab.Cli;
using KubeLab.Cli.Lessons;
using KubeLab.Cli.Terminal;

namespace KubeLab.Scenarios.Tests.Cli;

public class RunCommandTests
{
    private const string Lesson = """
        id: two-steps
        title: Two steps
        summary: One passes, one does not.
        level: beginner
        minutes: 2
        steps:
          - title: Time passes
            narration: Nothing happens by itself.
            clock: { advance: 1s }
          - title: A pod that is not there
            narration: The check fails.
            clock: { advance: 1s }
            expect:
              object: { ref: pods/missing, exists: true }
        """;

    private static async Task<(int Exit, string Stdout, string Stderr, string Progress)> Run(string format, bool rewrite)
    {
        using var folder = new TempFolder();
        var lesson = folder.Write("two-steps.yaml", Lesson);
        var (stdout, stderr, progress) = (new StringWriter(), new StringWriter(), new StringWriter());
        var exit = await RunCommand.Run([lesson, "--format", format], stdout, stderr, color: false, new StepProgress(progress, rewrite, color: false));
        return (exit, stdout.ToString(), stderr.ToString(), progress.ToString());
    }

    [Test]
    public async Task OneProgressLinePerStepOnItsOwnWriter()
    {
        var (exit, stdout, stderr, progress) = await Run("text", rewrite: false);
        Assert.That((exit, stderr, progress), Is.EqualTo((1, "", "[1/2] ✓ Time passes\n[2/2] ✗ A pod that is not there\n")));
        Assert.That(stdout, Does.StartWith("Two steps (two-steps)\n").And.EndWith("1 of 2 steps failed\n"));
    }

    [Test]
    public async Task OnATerminalTheRunningStepIsShownThenReplaced()
    {
        var (_, _, _, progress) = await Run("json", rewrite: true);
        Assert.That(progress, Is.EqualTo("[1/2] Time passes …\r\u001b[K[1/2] ✓ Time passes\n[2/2] A pod that is not there …\r\u001b[K[2/2] ✗ A pod that is not there\n"));
    }

    [Test]
    public async Task MarkdownIsAFormat()
    {
        var (exit, stdout, _, _) = await Run("markdown", rewrite: false);
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(stdout, Does.StartWith("# Two steps\n\nOne passes, one does not.\n\nLesson `two-steps`: 2 steps, 1 failed.\n"));
        Assert.That(stdout, Does.Contain("- ✗ pods/missing exists:"));
    }

    [Test]
    public void AnUnknownFormatIsAUsageError()
    {
        var error = Assert.ThrowsAsync<UsageException>(() => RunCommand.Run(["lesson.yaml", "--format", "html"], TextWriter.Null, TextWriter.Null, false));
        Assert.That(error!.Message, Is.EqualTo($"--format takes text, json or markdown ({RunCommand.Usage})"));
    }

    /// <summary>
    /// The real process under a pseudo-terminal (util-linux <c>script</c>): color and progress lines appear; with
    /// stdout and stderr redirected, neither does and stdout is the plain transcript.
    /// </summary>
    [Test]
    public async Task ColorAndProgressOnlyOnATerminal()
    {
        using var folder = new TempFolder();
        var lesson = folder.Write("two-steps.yaml", Lesson);
        var kubelab = Path.Combine(AppContext.BaseDirectory, "kubelab.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

        var terminal = await Start("script", ["-qec", $"'{dotnet}' '{kubelab}' run '{lesson}'", "/dev/null"]);
        Assert.That(terminal.Stdout, Does.Contain("\u001b[1mTwo steps (two-steps)\u001b[0m"), "bold title");
        Assert.That(terminal.Stdout, Does.Contain("\u001b[31m  ✗ pods/missing exists"), "a failed check in red");
        Assert.That(terminal.Stdout, Does.Contain("\r\u001b[K[1/2] \u001b[32m✓\u001b[0m Time passes"), "a progress line");
        Assert.That(terminal.Exit, Is.EqualTo(1));

        var redirected = await Start(dotnet, [kubelab, "run", lesson]);
        Assert.That((redirected.Exit, redirected.Stderr), Is.EqualTo((1, "")));
        Assert.That(redirected.Stdout, Does.Not.Contain("\u001b"));
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Start(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment.Remove("NO_COLOR");
        info.Environment["TERM"] = "xterm";
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
