using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using KubeLab.Testing;

namespace KubeLab.Site.Tests.Operations;

/// <summary>
/// The site as its container runs it: its own process, bound by ASPNETCORE_URLS (over the ASPNETCORE_HTTP_PORTS the
/// .NET images set), a home and a working directory it must not write to, stopped by a real SIGTERM.
/// (The image itself needs a container engine, which this machine has not: README says how to build and run it.)
/// </summary>
[NonParallelizable]
public class SiteProcessTests
{
    [Test]
    public async Task TheSiteServesOnItsUrlsWritesNothingAndExitsCleanlyOnSigterm()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("SIGTERM is a POSIX signal");
        var scratch = Directory.CreateTempSubdirectory("kubelab-site-process-");
        var home = Directory.CreateDirectory(Path.Combine(scratch.FullName, "home"));
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [SiteAssembly()])
        {
            WorkingDirectory = scratch.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_HTTP_PORTS"] = "8080";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["HOME"] = home.FullName;
        start.Environment["Connect__Url"] = "";
        start.Environment["DOTNET_gcServer"] = "0";
        var output = new System.Text.StringBuilder();
        using var site = Process.Start(start)!;
        site.OutputDataReceived += (_, line) => { lock (output) output.AppendLine(line.Data); };
        site.ErrorDataReceived += (_, line) => { lock (output) output.AppendLine(line.Data); };
        site.BeginOutputReadLine();
        site.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var ready = await PollAsync(http, "/healthz/ready", TimeSpan.FromSeconds(90), site);
            Assert.That(ready, Is.EqualTo(HttpStatusCode.OK), () => Output(output));
            using (var catalog = await http.GetAsync("/"))
            {
                Assert.That(catalog.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(catalog.Headers.GetValues("Set-Cookie"), Has.One.StartsWith("kubelab-learner="));
            }
            using (var metrics = await http.GetAsync("/metrics")) Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.OK));

            Assert.That(Kill(site.Id, Sigterm), Is.Zero);
            Assert.That(site.WaitForExit(TimeSpan.FromSeconds(30)), Is.True, "stopped after SIGTERM");
            Assert.That(site.ExitCode, Is.Zero, () => Output(output));
            site.WaitForExit();
            Assert.That(Output(output), Does.Contain("Shutting down: no new learners"));
            Assert.That(Output(output), Does.Contain($"Now listening on: http://127.0.0.1:{port}"), "ASPNETCORE_URLS wins over ASPNETCORE_HTTP_PORTS");
            Assert.That(scratch.EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Select(f => f.FullName), Is.EqualTo(new[] { home.FullName }),
                "nothing written to the working directory or the home (Data Protection keys stay in memory)");
        }
        finally
        {
            if (!site.HasExited) site.Kill(entireProcessTree: true);
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>The site as built beside these tests (same configuration): its own output, with its runtime config.</summary>
    private static string SiteAssembly()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(RepositoryRoot.Path, "site", "KubeLab.Site", "bin", configuration, "net10.0", "KubeLab.Site.dll");
        Assert.That(File.Exists(path), Is.True, path);
        return path;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<HttpStatusCode?> PollAsync(HttpClient http, string path, TimeSpan timeout, Process site)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < timeout && !site.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(path);
                if (response.StatusCode == HttpStatusCode.OK) return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        return null;
    }

    private static string Output(System.Text.StringBuilder output)
    {
        lock (output) return output.ToString();
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
