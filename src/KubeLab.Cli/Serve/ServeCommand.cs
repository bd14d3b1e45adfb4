using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KubeLab.Cli.Lessons;
using KubeLab.ControlPlane;
using KubeLab.Scenarios.Model;
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
/// (kubectl sends bearer tokens only over TLS), with a kubeconfig whose current context is a cluster admin,
/// or the lesson's own users and contexts with <c>--lesson</c>; <c>--record</c> keeps every exchange in a HAR file.
/// </summary>
internal static class ServeCommand
{
    public const string Usage = "kubelab serve [--port N] [--kubeconfig PATH] [--http] [--user NAME[:GROUP,...]]... " +
        "[--lesson LESSON [--workdir DIR]] [--record FILE.har [--record-clients-only]]";

    public static async Task<int> Run(ServeOptions options)
    {
        Scenario? scenario = null;
        if (options.Lesson is { } lessonArgument && (scenario = LessonArgument.Load(lessonArgument, Console.Error)) is null) return 1;

        var cluster = new Cluster();
        cluster.Controllers.ReconcileFailed += (controller, key, error) =>
            Console.Error.WriteLine($"{controller}: reconciling {key} failed, will retry: {error.Message}");
        cluster.Controllers.Start();
        var token = "kubelab-admin-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        ServedLesson? lesson = null;
        try
        {
            if (scenario is not null) lesson = await ServedLesson.PrepareAsync(scenario, cluster, token);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"error: lesson {scenario!.Id} cannot be set up: {e.Message}");
            return 1;
        }
        if (lesson is null) cluster.Authentication.AddTokenUser(token, "kubernetes-admin", "kubeadm:cluster-admins");
        var certificate = options.Http ? null : cluster.Authentication.CertificateAuthority.IssueServingCertificate();
        var users = options.Users.Select(u => CertificateUser(cluster, u)).ToList();
        var entries = lesson?.Kubeconfig().With(users) ?? (options.Http
            ? new Kubeconfig.Entries([new("kubelab", "kubelab-admin", "default")], "kubelab", [new("kubelab-admin")])
            : new Kubeconfig.Entries([new("kubelab", "kubelab-admin", "default")], "kubelab", [new("kubelab-admin", token)]).With(users));
        var server = $"{(options.Http ? "http" : "https")}://127.0.0.1:{options.Port}";

        HarRecording? recording = null;
        if (options.Record is { } record)
        {
            try
            {
                recording = HarRecording.Start(cluster, record, server, options.RecordClientsOnly, Console.Error);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: cannot record to {record}: {e.Message}");
                return 1;
            }
        }

        var app = Build(cluster, options, certificate);
        try
        {
            await app.StartAsync();
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: cannot serve on 127.0.0.1:{options.Port}: {e.InnerException?.Message ?? e.Message}");
            if (recording is not null) await recording.DisposeAsync();
            return 1;
        }

        var kubeconfig = Path.GetFullPath(options.Kubeconfig);
        Directory.CreateDirectory(Path.GetDirectoryName(kubeconfig)!);
        await File.WriteAllTextAsync(kubeconfig, Kubeconfig.Render(server, options.Http ? null : cluster.Authentication.CertificateAuthority.CertificatePem, entries));

        Console.WriteLine($"KubeLab API server (Kubernetes v1.33.1) listening on {server}");
        Console.WriteLine($"kubeconfig written to {kubeconfig}");
        if (lesson is not null) WriteLessonFiles(lesson, options, kubeconfig);
        else Console.WriteLine($"try: kubectl --kubeconfig {kubeconfig} get nodes");
        foreach (var context in entries.Contexts)
        {
            var credentials = entries.Users.FirstOrDefault(u => u.Name == context.User)?.Credentials ?? "no such user in the kubeconfig";
            var current = context.Name == entries.CurrentContext ? " (current)" : "";
            Console.WriteLine($"context {context.Name}{current}: user {context.User}, {credentials}{(context.Namespace is { } ns ? $", namespace {ns}" : "")}");
        }
        if (recording is not null)
            Console.WriteLine($"recording {(options.RecordClientsOnly ? "the clients' exchanges" : "every exchange")} to {recording.Path}");
        Console.WriteLine("press Ctrl+C to stop");
        await app.WaitForShutdownAsync();
        await cluster.Controllers.DisposeAsync();
        if (recording is not null)
        {
            await recording.DisposeAsync();
            Console.WriteLine($"recorded {recording.Count} exchanges to {recording.Path}");
        }
        return 0;
    }

    private static WebApplication Build(Cluster cluster, ServeOptions options, X509Certificate2? certificate)
    {
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
        return app;
    }

    /// <summary>The learner's directory of the lesson: <c>--workdir</c>, else a folder named after the lesson beside the kubeconfig.</summary>
    private static void WriteLessonFiles(ServedLesson lesson, ServeOptions options, string kubeconfig)
    {
        var directory = Path.GetFullPath(options.Workdir ?? Path.Combine(Path.GetDirectoryName(kubeconfig)!, lesson.Id));
        var written = lesson.WriteFiles(directory);
        Console.WriteLine($"lesson {lesson.Id} (\"{lesson.Title}\"): the cluster is as the lesson starts");
        Console.WriteLine($"lesson files written to {directory}: {string.Join(", ", written)}");
        var example = lesson.LessonFiles.FirstOrDefault(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal));
        Console.WriteLine($"try: cd {directory} && kubectl --kubeconfig {kubeconfig} {(example is null ? "get all" : $"create -f {example}")}");
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

/// <param name="Record">The HAR file to record exchanges to, or null.</param>
/// <param name="Lesson">A lesson file or bundled id whose start the cluster takes, or null.</param>
/// <param name="Workdir">Where the lesson's files go (default: beside the kubeconfig, in a folder named after the lesson).</param>
internal sealed record ServeOptions(int Port, string Kubeconfig, bool Http, string? Record = null, bool RecordClientsOnly = false,
    string? Lesson = null, string? Workdir = null)
{
    public IReadOnlyList<string> Users { get; init; } = [];
}
