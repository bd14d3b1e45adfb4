using System.Text;

namespace KubeLab.Site.Connect;

/// <summary>
/// The kubeconfig a learner's own kubectl uses: one cluster (<c>kubelab</c>, its server the learner's path on the
/// connect endpoint, the CA that signed the endpoint's certificate pinned when there is one), one user with the
/// learner's bearer token, and the context joining them, current. Laid out as <c>kubectl config view --raw</c> writes one.
/// </summary>
public static class ConnectKubeconfig
{
    public const string FileName = "kubelab.kubeconfig";
    public const string ClusterName = "kubelab";
    public const string UserName = "kubelab-learner";

    /// <param name="server">An absolute https URL (checked by <see cref="ConnectServer"/>), written as it is.</param>
    /// <param name="caPem">The CA to trust, or null for the system's roots (a public server behind an ingress).</param>
    public static string Render(string server, string? caPem, string token)
    {
        var text = new StringBuilder("apiVersion: v1\nclusters:\n- cluster:\n");
        if (caPem is not null) text.Append($"    certificate-authority-data: {Convert.ToBase64String(Encoding.ASCII.GetBytes(caPem))}\n");
        text.Append($"    server: {server}\n  name: {ClusterName}\n")
            .Append($"contexts:\n- context:\n    cluster: {ClusterName}\n    namespace: default\n    user: {UserName}\n  name: {ClusterName}\n")
            .Append($"current-context: {ClusterName}\nkind: Config\npreferences: {{}}\n")
            .Append($"users:\n- name: {UserName}\n  user:\n    token: {token}\n");
        return text.ToString();
    }
}
