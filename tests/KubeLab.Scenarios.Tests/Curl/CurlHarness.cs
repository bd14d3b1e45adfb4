using System.Security.Cryptography.X509Certificates;
using KubeLab.ControlPlane;
using KubeLab.ControlPlane.Pipeline;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Curl;
using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Tests.Http;
using KubeLab.Scenarios.Validation.Commands;

namespace KubeLab.Scenarios.Tests.Curl;

/// <summary>
/// A learner's machine for curl: a seeded cluster on a simulated clock, the admin's token and certificate
/// files and the CA in the working directory, as the lesson runner prepares them.
/// </summary>
internal sealed class CurlHarness
{
    public const string AdminToken = "admin-token";

    public CurlHarness()
    {
        Clock = new SimulatedClock(WireCluster.Start);
        Cluster = new Cluster(new ClusterOptions { Clock = Clock, Seed = 7 });
        Cluster.Authentication.AddTokenUser(AdminToken, "kubernetes-admin", "kubeadm:cluster-admins");
        var certificate = Cluster.Authentication.IssueClientCertificate("kubernetes-admin", "kubeadm:cluster-admins");
        Environment = new ClientEnvironment
        {
            Cluster = Cluster,
            Kubeconfig = new Kubeconfig("kubelab", [], []),
            Files =
            {
                ["kubernetes-admin.crt"] = certificate.ExportCertificatePem(),
                ["kubernetes-admin.key"] = certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem(),
                ["ca.crt"] = Cluster.Authentication.CertificateAuthority.CertificatePem,
            },
        };
    }

    public SimulatedClock Clock { get; }
    public Cluster Cluster { get; }
    public ClientEnvironment Environment { get; }

    /// <summary>Runs a command line as a lesson writes it (<c>curl -k …</c>).</summary>
    public Task<Result> Run(string commandLine, CancellationToken cancellationToken = default) => Run(commandLine, new CommandOutput(), cancellationToken);

    /// <summary>Runs with an output the caller can watch while the command runs (a stream).</summary>
    public async Task<Result> Run(string commandLine, CommandOutput output, CancellationToken cancellationToken = default)
    {
        var words = CommandTokenizer.Split(commandLine, out var error);
        Assert.That(error, Is.Null, commandLine);
        Assert.That(words[0].Text, Is.EqualTo("curl"));
        var before = Cluster.Api.Exchanges.LastSequence;
        var exit = await new CurlCommand().RunAsync(words.Skip(1).Select(w => w.Text).ToList(), Environment, output, cancellationToken);
        return new Result(exit, output.Stdout.ToString(), output.Stderr.ToString(), Cluster.Api.Exchanges.Since(before));
    }

    public sealed record Result(int Exit, string Stdout, string Stderr, IReadOnlyList<Exchange> Exchanges)
    {
        public Exchange Exchange => Exchanges.Single();
        public string Header(string name) => Exchange.ResponseHeaders.Single(h => h.Key == name).Value;
    }
}
