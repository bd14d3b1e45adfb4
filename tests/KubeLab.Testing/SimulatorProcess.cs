using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KubeLab.Testing;

/// <summary>
/// `kubelab serve` running as a real process on a free local port, as a user
/// would start it. Dispose stops it with SIGTERM and requires a clean exit.
/// </summary>
public sealed class SimulatorProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(15);

    private readonly Process process;
    private readonly StringBuilder output = new();

    private SimulatorProcess(Process process, int port, string directory)
    {
        this.process = process;
        Port = port;
        Directory = directory;
        CommandLine = string.Join(' ', process.StartInfo.ArgumentList.Prepend(process.StartInfo.FileName));
    }

    /// <summary>How the server was started, for messages.</summary>
    public string CommandLine { get; }

    public int Port { get; }

    /// <summary>A private temporary directory: the kubeconfig and anything else a test writes.</summary>
    public string Directory { get; }

    public string KubeconfigPath => Path.Combine(Directory, "kubeconfig");

    public Uri BaseUri => new($"https://127.0.0.1:{Port}");

    /// <summary>From process start until /readyz answered `ok`.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The server's stdout and stderr so far, for diagnostics.</summary>
    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    /// <param name="serveArguments">Extra `kubelab serve` options, e.g. `--user jane:dev`.</param>
    public static async Task<SimulatorProcess> StartAsync(params string[] serveArguments)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("kubelab-test-").FullName;
        var port = FreePort();
        var kubelab = Path.Combine(AppContext.BaseDirectory, "kubelab.dll");
        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[] { kubelab, "serve", "--port", port.ToString(), "--kubeconfig", Path.Combine(directory, "kubeconfig") }.Concat(serveArguments))
            startInfo.ArgumentList.Add(argument);

        var stopwatch = Stopwatch.StartNew();
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start dotnet.");
        var simulator = new SimulatorProcess(process, port, directory);
        process.OutputDataReceived += (_, e) => simulator.Append(e.Data);
        process.ErrorDataReceived += (_, e) => simulator.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await simulator.WaitUntilReadyAsync();
        }
        catch
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            throw;
        }
        simulator.StartupTime = stopwatch.Elapsed;
        return simulator;
    }

    /// <summary>Sends SIGTERM (what Ctrl+C or a service manager does) and returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!process.HasExited)
        {
            // Process.Kill sends SIGKILL, which would not test a graceful shutdown.
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]))
                await kill.WaitForExitAsync();

            using var deadline = new CancellationTokenSource(StopDeadline);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                throw new InvalidOperationException(
                    $"`{CommandLine}` did not exit within {StopDeadline.TotalSeconds:0} s of SIGTERM. Output:\n{Output}");
            }
        }
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            var exitCode = await StopAsync();
            if (exitCode != 0)
                throw new InvalidOperationException($"`{CommandLine}` exited with code {exitCode} after SIGTERM (expected 0). Output:\n{Output}");
            // Kept on failure so the kubeconfig and files can be inspected.
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        finally
        {
            process.Dispose();
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        // The simulator's certificate is self-signed and generated at start.
        using var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(2) };
        var readyz = new Uri(BaseUri, "/readyz");
        var deadline = Stopwatch.StartNew();
        var lastProblem = "no answer yet";
        while (deadline.Elapsed < ReadyDeadline)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(); // drains the output readers
                throw new InvalidOperationException(
                    $"`{CommandLine}` exited with code {process.ExitCode} before it was ready. Output:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(readyz);
                var body = await response.Content.ReadAsStringAsync();
                // The kubeconfig must be written by the time the server reports ready.
                if (response.StatusCode == HttpStatusCode.OK && body == "ok" && File.Exists(KubeconfigPath))
                    return;
                lastProblem = $"{(int)response.StatusCode} {body}, kubeconfig written: {File.Exists(KubeconfigPath)}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                lastProblem = e.Message;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException(
            $"`{CommandLine}` was not ready within {ReadyDeadline.TotalSeconds:0} s (GET {readyz}: {lastProblem}). Output:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }

    private static int FreePort()
    {
        // The port is released again before the server binds it; a collision is
        // possible in theory but the kernel does not hand out the same port at once.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The dotnet host running the tests (set by `dotnet test`), else the one on PATH.</summary>
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
}
