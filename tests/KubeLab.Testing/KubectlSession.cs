using System.Diagnostics;
using System.Text;

namespace KubeLab.Testing;

/// <summary>
/// A kubectl that runs until it ends by itself or the test stops it (a watch, a followed log). Its
/// stdout arrives line by line, so a test can wait for the line it expects instead of sleeping.
/// </summary>
public sealed class KubectlSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly StringBuilder _stderr = new();
    private readonly SemaphoreSlim _changed = new(0);

    private KubectlSession(Process process) => _process = process;

    public static KubectlSession Start(string binary, IEnumerable<string> arguments, string home)
    {
        var info = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            WorkingDirectory = home,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["HOME"] = home;
        info.Environment.Remove("KUBECONFIG");
        info.Environment.Remove("KUBECACHEDIR");
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {binary}");
        var session = new KubectlSession(process);
        process.OutputDataReceived += (_, e) => session.Add(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (session._stderr) session._stderr.AppendLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return session;
    }

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return _lines.ToList(); }
    }

    public string Stderr
    {
        get { lock (_stderr) return _stderr.ToString(); }
    }

    /// <summary>Waits until a line of stdout satisfies <paramref name="match"/>; fails with everything printed so far.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Lines.FirstOrDefault(match) is { } line) return line;
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                await Task.Delay(200); // the last lines may still be on their way from the pipe
                if (Lines.FirstOrDefault(match) is { } late) return late;
                throw new TimeoutException($"kubectl printed no such line within {timeout.TotalSeconds:0} s (exited: {_process.HasExited}).\n" +
                    $"--- stdout ---\n{string.Join("\n", Lines)}\n--- stderr ---\n{Stderr}");
            }
            await _changed.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Waits for kubectl to end by itself (a followed log whose container stopped) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (_lines) _lines.Add(line);
        _changed.Release();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _changed.Dispose();
    }
}
