using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KubeLab.ControlPlane;
using Microsoft.AspNetCore.Server.Kestrel.Https;
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
    public const string Usage = "kubelab serve [--port N] [--kubeconfig PATH] [--http] [--user NAME[:GROUP,...]]...";

    public static async Task<int> Run(ServeOptions options)
    {
        var cluster = new Cluster();
        cluster.Controllers.ReconcileFailed += (controller, key, error) =>
            Console.Error.WriteLine($"{controller}: reconciling {key} failed, will retry: {error.Message}");
        cluster.Controllers.Start();
        var token = "kubelab-admin-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        cluster.Authentication.AddTokenUser(token, "kubernetes-admin", "kubeadm:cluster-admins");
        var certificate = options.Http ? null : cluster.Authentication.CertificateAuthority.IssueServingCertificate();
        var users = options.Users.Select(u => CertificateUser(cluster, u)).ToList();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(System.Net.IPAddress.Loopback, options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                if (certificate is not null)
                    listen.UseHttps(new HttpsConnectionAdapterOptions
                    {
                        ServerCertificate = certificate,
                        // As kube-apiserver: a client certificate is asked for but optional, and any certificate is
                        // accepted by TLS; the x509 authenticator then checks it against the cluster CA (else 401).
                        ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                        ClientCertificateValidation = (_, _, _) => true,
                        CheckCertificateRevocation = false,
                    });
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
        var admin = new Kubeconfig.User("kubelab-admin", options.Http ? null : token);
        await File.WriteAllTextAsync(kubeconfig, Kubeconfig.Render(server, options.Http ? null : cluster.Authentication.CertificateAuthority.CertificatePem,
            admin, options.Http ? [] : users));

        Console.WriteLine($"KubeLab API server (Kubernetes v1.33.1) listening on {server}");
        Console.WriteLine($"kubeconfig written to {kubeconfig}");
        Console.WriteLine($"try: kubectl --kubeconfig {kubeconfig} get nodes");
        Console.WriteLine("press Ctrl+C to stop");
        foreach (var user in users) Console.WriteLine($"context {user.Name}: a client certificate for user {user.Name}");
        await app.WaitForShutdownAsync();
        await cluster.Controllers.DisposeAsync();
        return 0;
    }

    /// <summary><c>--user NAME[:GROUP,GROUP]</c>: a client certificate with CN=NAME and one O per group.</summary>
    private static Kubeconfig.User CertificateUser(Cluster cluster, string spec)
    {
        var colon = spec.IndexOf(':');
        var name = colon < 0 ? spec : spec[..colon];
        string[] groups = colon < 0 ? [] : spec[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries);
        using var certificate = cluster.Authentication.IssueClientCertificate(name, groups);
        using var key = certificate.GetECDsaPrivateKey()!;
        return new Kubeconfig.User(name, CertificatePem: certificate.ExportCertificatePem(), KeyPem: key.ExportPkcs8PrivateKeyPem());
    }
}

internal sealed record ServeOptions(int Port, string Kubeconfig, bool Http)
{
    public IReadOnlyList<string> Users { get; init; } = [];
}
