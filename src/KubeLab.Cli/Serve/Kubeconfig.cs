using System.Text;

namespace KubeLab.Cli.Serve;

/// <summary>
/// The kubeconfig <c>kubelab serve</c> writes: one cluster, the admin user (current context <c>kubelab</c>),
/// and one user and context per <c>--user</c>, each with a client certificate signed by the cluster CA.
/// </summary>
internal static class Kubeconfig
{
    /// <summary>A user of the kubeconfig: a bearer token, or a client certificate and key (PEM), or nothing.</summary>
    public sealed record User(string Name, string? Token = null, string? CertificatePem = null, string? KeyPem = null);

    public static string Render(string server, string? caPem, User admin, IReadOnlyList<User> others)
    {
        var text = new StringBuilder();
        text.Append("apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n");
        if (caPem is not null) text.Append($"    certificate-authority-data: {Base64(caPem)}\n");
        text.Append($"    server: {server}\n  name: kubelab\n");
        text.Append("contexts:\n");
        Context(text, "kubelab", admin.Name);
        foreach (var user in others) Context(text, user.Name, user.Name);
        text.Append("current-context: kubelab\npreferences: {}\nusers:\n");
        foreach (var user in others.Prepend(admin))
        {
            text.Append($"- name: {user.Name}\n  user:\n");
            if (user.Token is not null) text.Append($"    token: {user.Token}\n");
            if (user.CertificatePem is not null)
                text.Append($"    client-certificate-data: {Base64(user.CertificatePem)}\n    client-key-data: {Base64(user.KeyPem!)}\n");
            if (user.Token is null && user.CertificatePem is null) text.Append("    {}\n");
        }
        return text.ToString();
    }

    private static void Context(StringBuilder text, string name, string user) =>
        text.Append($"- context:\n    cluster: kubelab\n    namespace: default\n    user: {user}\n  name: {name}\n");

    private static string Base64(string pem) => Convert.ToBase64String(Encoding.ASCII.GetBytes(pem));
}
