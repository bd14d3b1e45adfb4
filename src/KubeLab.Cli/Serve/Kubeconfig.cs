using System.Text;

namespace KubeLab.Cli.Serve;

/// <summary>The kubeconfig <c>kubelab serve</c> writes: one cluster, one admin user, one current context.</summary>
internal static class Kubeconfig
{
    public static string Render(string server, string? caPem, string? token)
    {
        var text = new StringBuilder();
        text.Append("apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n");
        if (caPem is not null) text.Append($"    certificate-authority-data: {Convert.ToBase64String(Encoding.ASCII.GetBytes(caPem))}\n");
        text.Append($"    server: {server}\n  name: kubelab\n");
        text.Append("contexts:\n- context:\n    cluster: kubelab\n    namespace: default\n    user: kubelab-admin\n  name: kubelab\n");
        text.Append("current-context: kubelab\npreferences: {}\nusers:\n- name: kubelab-admin\n  user:\n");
        text.Append(token is null ? "    {}\n" : $"    token: {token}\n");
        return text.ToString();
    }
}
