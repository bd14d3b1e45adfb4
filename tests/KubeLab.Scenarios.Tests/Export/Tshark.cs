using System.Diagnostics;

namespace KubeLab.Scenarios.Tests.Export;

/// <summary>Runs Debian's tshark (installed by scripts/test-prerequisites.sh) and returns what it printed on stdout.</summary>
internal static class Tshark
{
    public static async Task<string> Run(params string[] args)
    {
        var start = new ProcessStartInfo("tshark") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("tshark is not installed: run scripts/test-prerequisites.sh (it installs Debian's tshark)");
            throw;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            Assert.That(process.ExitCode, Is.EqualTo(0), $"tshark {string.Join(' ', args)}: {await stderr}");
            return await stdout;
        }
    }
}
