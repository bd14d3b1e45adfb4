using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Running;

/// <summary>
/// Puts a fresh cluster and the learner's machine in the state a lesson starts from: the users the API
/// server knows, the objects already stored (created as the admin, through the API), the working files
/// and the kubeconfig. A lesson run and <c>kubelab serve --lesson</c> start from here.
/// </summary>
public static class LessonSetup
{
    /// <summary>The built-in admin's token in a lesson run (a fixed one, so transcripts are the same on every run).</summary>
    public const string AdminToken = "kubelab-admin-token";

    /// <summary>
    /// The lesson's start on <paramref name="cluster"/>, the built-in admin authenticating with
    /// <paramref name="adminToken"/> (a served cluster uses a secret one).
    /// </summary>
    public static Task<ClientEnvironment> PrepareAsync(Scenario scenario, Cluster cluster, string adminToken) =>
        PrepareAsync(scenario, cluster, new AdminClient(cluster, adminToken), adminToken);

    internal static async Task<ClientEnvironment> PrepareAsync(Scenario scenario, Cluster cluster, AdminClient admin, string adminToken)
    {
        var files = scenario.Files.ToDictionary(f => f.Name, f => f.Content, StringComparer.Ordinal);
        var setup = scenario.Cluster;
        var certificates = new Dictionary<string, X509Certificate2>(StringComparer.Ordinal);
        cluster.Authentication.AddTokenUser(adminToken, ClusterUser.Admin, "kubeadm:cluster-admins");
        certificates[ClusterUser.Admin] = cluster.Authentication.IssueClientCertificate(ClusterUser.Admin, "kubeadm:cluster-admins");
        foreach (var user in setup.Users)
        {
            if (user.Token is { } token) cluster.Authentication.AddTokenUser(token, user.Name, [.. user.Groups]);
            if (user.Certificate) certificates[user.Name] = cluster.Authentication.IssueClientCertificate(user.Name, [.. user.Groups]);
        }
        foreach (var (name, certificate) in certificates)
        {
            files[$"{name}.crt"] = certificate.ExportCertificatePem();
            files[$"{name}.key"] = certificate.GetECDsaPrivateKey()?.ExportPkcs8PrivateKeyPem() ?? certificate.GetRSAPrivateKey()?.ExportPkcs8PrivateKeyPem() ?? "";
        }
        files["ca.crt"] = cluster.Authentication.CertificateAuthority.Certificate.ExportCertificatePem();

        var ns = setup.Namespace ?? "default";
        if (setup.Namespace is { } wanted && wanted != "default")
            await admin.CreateOrReplaceAsync(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = wanted } }, wanted);
        foreach (var obj in setup.Objects.SelectMany(m => m.Objects))
            await admin.CreateOrReplaceAsync(obj, ns);

        return new ClientEnvironment
        {
            Cluster = cluster,
            Kubeconfig = setup.Kubeconfig ?? DefaultKubeconfig(ns, adminToken),
            Files = files,
            Certificates = certificates,
        };
    }

    /// <summary>What kubeadm hands a new administrator: one context, the admin user, the lesson's namespace.</summary>
    private static Kubeconfig DefaultKubeconfig(string ns, string adminToken) =>
        new("kubelab", [new KubeconfigContext("kubelab", ClusterUser.Admin, ns)], [new KubeconfigUser(ClusterUser.Admin, adminToken, null)]);
}
