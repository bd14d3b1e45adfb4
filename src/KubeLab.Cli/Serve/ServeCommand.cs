using System.Security.Cryptography;
using KubeLab.ControlPlane;
using KubeLab.ControlPlane.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KubeLab.Cli.Serve;

/// <summary>
/// <c>kubelab serve</c>: one simulated cluster behind Kestrel on 127.0.0.1, over HTTPS unless <c>--http</c>
/// (kubectl sends bearer tokens only over TLS), with a kubeconfig whose current context is a cluster admin.
/// </summary>
internal static class ServeCommand
{
    public const string Usage = "kubelab serve [--port N] [--kubeconfig PATH] [--http]";

    public static async Task<int> Run(ServeOptions options)
    {
        var cluster = new Cluster();
        cluster.Controllers.ReconcileFailed += (controller, key, error) =>
            Console.Error.WriteLine($"{controller}: reconciling {key} failed, will retry: {error.Message}");
        cluster.Controllers.Start();
        var token = "kubelab-admin-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        cluster.Api.Authenticator.AddToken(token, new UserInfo("kubernetes-admin", ["kubeadm:cluster-admins", "system:authenticated"]));
        var certificate = options.Http ? null : SelfSignedCertificate.Create(DateTimeOffset.UtcNow);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(System.Net.IPAddress.Loopback, options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                if (certificate is not null) listen.UseHttps(certificate);
            });
        });
        var app = builder.Build();
        app.Run(cluster.Api.HandleAsync);
        try
        {
            await app.StartAsync();
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: cannot serve on 127.0.0.1:{options.Port}: {e.InnerException?.Message ?? e.Message}");
            return 1;
        }

        var server = $"{(options.Http ? "http" : "https")}://127.0.0.1:{options.Port}";
        var kubeconfig = Path.GetFullPath(options.Kubeconfig);
        Directory.CreateDirectory(Path.GetDirectoryName(kubeconfig)!);
        await File.WriteAllTextAsync(kubeconfig, Kubeconfig.Render(server, certificate?.ExportCertificatePem(), options.Http ? null : token));

        Console.WriteLine($"KubeLab API server (Kubernetes v1.33.1) listening on {server}");
        Console.WriteLine($"kubeconfig written to {kubeconfig}");
        Console.WriteLine($"try: kubectl --kubeconfig {kubeconfig} get nodes");
        Console.WriteLine("press Ctrl+C to stop");
        await app.WaitForShutdownAsync();
        await cluster.Controllers.DisposeAsync();
        return 0;
    }
}

internal sealed record ServeOptions(int Port, string Kubeconfig, bool Http);
