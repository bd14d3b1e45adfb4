using System.Net;
using System.Net.Sockets;
using System.Text;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Parity.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;

namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary>
/// Two clusters born identical: one served on Kestrel (HTTPS, HTTP/1.1) to the real kubectl, one reached in
/// process by the emulated kubectl, whose kubeconfig names the same server URL. Every command runs on both,
/// so they stay in step, and each run's exchanges are read from its own cluster's log.
/// </summary>
public sealed class TwinClusters : IAsyncDisposable
{
    private readonly WebApplication app;

    private TwinClusters(WebApplication app, Twin real, Twin emulated, string server, string directory, string kubectlPath)
    {
        this.app = app;
        Real = real;
        Emulated = emulated;
        Server = server;
        Directory = directory;
        KubectlPath = kubectlPath;
    }

    public Twin Real { get; }
    public Twin Emulated { get; }
    public string Server { get; }
    public string Directory { get; }
    public string KubectlPath { get; }
    public string KubeconfigPath => Path.Combine(Directory, "kubeconfig");
    public string WorkDirectory => Path.Combine(Directory, "work");

    /// <summary>The learner's files, written for the real kubectl and kept for the emulator.</summary>
    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public static async Task<TwinClusters> StartAsync()
    {
        var kubectl = await KubectlBinary.GetPathAsync();
        var now = DateTimeOffset.UtcNow;
        var epoch = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var real = new Twin(epoch);
        var emulated = new Twin(epoch);
        var port = FreePort();
        var certificate = real.Cluster.Authentication.CertificateAuthority.IssueServingCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = certificate,
                    ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                    ClientCertificateValidation = (_, _, _) => true,
                });
            });
        });
        var app = builder.Build();
        app.Run(real.Cluster.Api.HandleAsync);
        await app.StartAsync();

        var directory = System.IO.Directory.CreateTempSubdirectory("kubelab-emulator-").FullName;
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "work"));
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "home"));
        var server = $"https://127.0.0.1:{port}";
        var twins = new TwinClusters(app, real, emulated, server, directory, kubectl);
        await File.WriteAllTextAsync(twins.KubeconfigPath, twins.KubeconfigText());
        return twins;
    }

    private string KubeconfigText()
    {
        var ca = Convert.ToBase64String(Encoding.ASCII.GetBytes(Real.Cluster.Authentication.CertificateAuthority.CertificatePem));
        return $"apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority-data: {ca}\n    server: {Server}\n  name: kubelab\n" +
               "contexts:\n- context:\n    cluster: kubelab\n    namespace: default\n    user: kubelab-admin\n  name: kubelab\n" +
               $"current-context: kubelab\npreferences: {{}}\nusers:\n- name: kubelab-admin\n  user:\n    token: {Twin.AdminToken}\n";
    }

    /// <summary>A learner's environment on the emulated twin, as the same kubeconfig describes it.</summary>
    public ClientEnvironment NewEnvironment() => new()
    {
        Cluster = Emulated.Cluster,
        Server = Server,
        KubeconfigPath = KubeconfigPath,
        Kubeconfig = new Kubeconfig("kubelab", [new KubeconfigContext("kubelab", "kubelab-admin", "default")],
            [new KubeconfigUser("kubelab-admin", Twin.AdminToken, null)]),
        Files = new Dictionary<string, string>(Files, StringComparer.Ordinal),
    };

    public async Task WriteFileAsync(string name, string content)
    {
        Files[name] = content;
        await File.WriteAllTextAsync(Path.Combine(WorkDirectory, name), content);
    }

    /// <summary>Runs the real kubectl with a discovery cache of its own (empty for a new <paramref name="cacheDirectory"/>).</summary>
    public async Task<KubectlResult> RunRealAsync(string cacheDirectory, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? variables = null)
    {
        var kubectl = new KubeLab.Testing.Kubectl(KubectlPath, KubeconfigPath, cacheDirectory, Path.Combine(Directory, "home")).In(WorkDirectory) with
        {
            Variables = variables ?? new Dictionary<string, string>(),
        };
        var run = kubectl.RunAsync([.. args]);
        await Real.SettleWhileAsync(run);
        return await run;
    }

    public async Task<KubectlResult> RunEmulatedAsync(ClientEnvironment environment, IReadOnlyList<string> args)
    {
        var output = new CommandOutput();
        var exit = await new KubeLab.Scenarios.Kubectl.KubectlCommand().RunAsync(args, environment, output, CancellationToken.None);
        await Emulated.SettleAsync();
        return new KubectlResult(exit, output.Stdout.ToString(), output.Stderr.ToString());
    }

    /// <summary>
    /// The twins' kubelets run on real-time timers, each at its own pace; this waits until both have gone quiet
    /// at the same revision, so real kubectl and the emulator read the same state.
    /// </summary>
    public async Task SettleTogetherAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var quietSince = DateTime.UtcNow;
        var last = (-1L, -1L);
        while (DateTime.UtcNow < deadline)
        {
            await Real.SettleAsync();
            await Emulated.SettleAsync();
            var now = (Real.Cluster.Store.Revision, Emulated.Cluster.Store.Revision);
            if (now != last) (last, quietSince) = (now, DateTime.UtcNow);
            else if (now.Item1 == now.Item2 && DateTime.UtcNow - quietSince > TimeSpan.FromSeconds(2)) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"the twins did not settle at one revision (real {last.Item1}, emulated {last.Item2})");
    }

    public string NewCacheDirectory() => System.IO.Directory.CreateDirectory(Path.Combine(Directory, "cache-" + Guid.NewGuid().ToString("N"))).FullName;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await Real.Cluster.Controllers.DisposeAsync();
        await Emulated.Cluster.Controllers.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for inspection.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
