using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KubeLab.Cli.Serve;

/// <summary>
/// The kubeconfig <c>kubelab serve</c> writes: one cluster (<c>kubelab</c>, its CA pinned), and the contexts and
/// users it is given: by default the admin (current context <c>kubelab</c>) and one context per <c>--user</c>;
/// with <c>--lesson</c>, the lesson's own.
/// </summary>
internal static partial class Kubeconfig
{
    public const string ClusterName = "kubelab";

    /// <summary>A user of the kubeconfig: a bearer token, or a client certificate and key (PEM), or nothing.</summary>
    public sealed record User(string Name, string? Token = null, string? CertificatePem = null, string? KeyPem = null)
    {
        public string Credentials => Token is not null ? "a bearer token" : CertificatePem is not null ? "a client certificate" : "no credentials";
    }

    public sealed record Context(string Name, string User, string? Namespace);

    /// <summary>What the file holds besides the cluster.</summary>
    public sealed record Entries(IReadOnlyList<Context> Contexts, string? CurrentContext, IReadOnlyList<User> Users)
    {
        public Entries With(IReadOnlyList<User> more) =>
            new([.. Contexts, .. more.Select(u => new Context(u.Name, u.Name, "default"))], CurrentContext, [.. Users, .. more]);
    }

    public static string Render(string server, string? caPem, Entries entries)
    {
        var text = new StringBuilder();
        text.Append("apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n");
        if (caPem is not null) text.Append($"    certificate-authority-data: {Base64(caPem)}\n");
        text.Append($"    server: {server}\n  name: {ClusterName}\n");
        text.Append("contexts:\n");
        foreach (var context in entries.Contexts)
        {
            text.Append($"- context:\n    cluster: {ClusterName}\n");
            if (context.Namespace is not null) text.Append($"    namespace: {Scalar(context.Namespace)}\n");
            text.Append($"    user: {Scalar(context.User)}\n  name: {Scalar(context.Name)}\n");
        }
        if (entries.CurrentContext is not null) text.Append($"current-context: {Scalar(entries.CurrentContext)}\n");
        text.Append("preferences: {}\nusers:\n");
        foreach (var user in entries.Users)
        {
            text.Append($"- name: {Scalar(user.Name)}\n  user:\n");
            if (user.Token is not null) text.Append($"    token: {Scalar(user.Token)}\n");
            if (user.CertificatePem is not null)
                text.Append($"    client-certificate-data: {Base64(user.CertificatePem)}\n    client-key-data: {Base64(user.KeyPem!)}\n");
            if (user.Token is null && user.CertificatePem is null) text.Append("    {}\n");
        }
        return text.ToString();
    }

    /// <summary>A value as a YAML string: plain when nothing in it means more to YAML, else double-quoted (JSON).</summary>
    private static string Scalar(string value) =>
        PlainString().IsMatch(value) && !YamlWord().IsMatch(value) ? value : JsonSerializer.Serialize(value);

    /// <summary>Starting with a letter, so never a number to YAML.</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9._/@=+-]*$")]
    private static partial Regex PlainString();

    /// <summary>Words YAML 1.1 (go-yaml) reads as booleans or null.</summary>
    [GeneratedRegex("^(y|n|yes|no|true|false|on|off|null)$", RegexOptions.IgnoreCase)]
    private static partial Regex YamlWord();

    private static string Base64(string pem) => Convert.ToBase64String(Encoding.ASCII.GetBytes(pem));
}
