using System.Diagnostics;
using System.Text;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Parity.Tests.Infrastructure;

namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary>
/// A command left running (a watch, a followed log), stopped with Ctrl-C: the real kubectl as a process that gets
/// SIGINT, the emulated one through its cancellation token.
/// </summary>
public sealed class BackgroundRun
{
    private readonly Process? process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly CommandOutput? output;
    private readonly CancellationTokenSource? stop;
    private readonly Task<int> completion;

    private BackgroundRun(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.Append(e.Data).Append('\n'); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.Append(e.Data).Append('\n'); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        completion = process.WaitForExitAsync().ContinueWith(_ => process.ExitCode);
    }

    private BackgroundRun(CommandOutput output, CancellationTokenSource stop, Task<int> completion)
    {
        this.output = output;
        this.stop = stop;
        this.completion = completion;
    }

    public string Stdout => output?.Stdout.ToString() ?? Locked(stdout);

    public static BackgroundRun StartReal(TwinClusters twins, string cacheDirectory, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(twins.KubectlPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = twins.WorkDirectory,
        };
        foreach (var arg in new[] { $"--kubeconfig={twins.KubeconfigPath}", $"--cache-dir={cacheDirectory}" }.Concat(args)) start.ArgumentList.Add(arg);
        start.Environment["HOME"] = Path.Combine(twins.Directory, "home");
        start.Environment.Remove("KUBECONFIG");
        return new BackgroundRun(Process.Start(start)!);
    }

    public static BackgroundRun StartEmulated(ClientEnvironment environment, IReadOnlyList<string> args)
    {
        var output = new CommandOutput();
        var stop = new CancellationTokenSource();
        var run = Task.Run(() => new KubeLab.Scenarios.Kubectl.KubectlCommand().RunAsync(args, environment, output, stop.Token));
        return new BackgroundRun(output, stop, run);
    }

    /// <summary>Waits (up to 10 s) until stdout holds <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        for (var i = 0; i < 500 && !Stdout.Contains(text) && !completion.IsCompleted; i++) await Task.Delay(20);
    }

    /// <summary>Ctrl-C, then the outcome.</summary>
    public async Task<KubectlResult> StopAsync()
    {
        if (process is not null)
        {
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])) await kill.WaitForExitAsync();
            var exit = await completion.WaitAsync(TimeSpan.FromSeconds(10));
            process.WaitForExit();
            return new KubectlResult(exit, Locked(stdout), Locked(stderr));
        }
        await stop!.CancelAsync();
        var code = await completion.WaitAsync(TimeSpan.FromSeconds(10));
        return new KubectlResult(code, output!.Stdout.ToString(), output.Stderr.ToString());
    }

    private static string Locked(StringBuilder text)
    {
        lock (text) return text.ToString();
    }
}
