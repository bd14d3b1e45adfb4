using KubeLab.Scenarios.Loading.Yaml;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Loading;

/// <summary>
/// A kubeconfig, for the start of a lesson or as an edit in a step. Contexts may name users that do
/// not exist (that is a lesson, not a mistake); a client certificate must be one the cluster issued.
/// </summary>
internal static class KubeconfigReader
{
    public static Kubeconfig? Read(LoadContext context, YamlNode node, LessonState state)
    {
        if (MappingReader.Open(context, node, LessonShapes.Kubeconfig, "a kubeconfig") is not { } config) return null;
        var current = config.Text("current-context");
        var contexts = Entries(context, config.List("contexts"), LessonShapes.KubeconfigContext, "a kubeconfig context", c =>
        {
            var ns = c.Scalar("namespace");
            if (ns is not null && !Names.DnsLabel().IsMatch(ns.Value)) context.Error(ns, $"namespace '{ns.Value}' must be a DNS label");
            return c.Text("name") is { } name && c.Text("user") is { } user ? new KubeconfigContext(name, user, ns?.Value) : null;
        });
        var users = Entries(context, config.List("users"), LessonShapes.KubeconfigUser, "a kubeconfig user", u => User(context, u, state));
        if (contexts is null || users is null || (config.Has("current-context") && current is null)) return null;
        if (current is null && contexts.Count == 0 && users.Count == 0) context.Error(node, "the kubeconfig changes nothing");
        return new Kubeconfig(current, contexts, users);
    }

    private static KubeconfigUser? User(LoadContext context, MappingReader user, LessonState state)
    {
        var token = user.Text("token");
        var certificate = user.Scalar("client-certificate");
        if (token is not null && certificate is not null)
        {
            context.Error(certificate, "a kubeconfig user has a token or a client certificate, not both");
            return null;
        }
        if (certificate is not null && !state.CertificateUsers.Contains(certificate.Value))
        {
            context.Error(certificate, $"no cluster user '{certificate.Value}' has 'certificate: true'{Suggestions.DidYouMean(certificate.Value, state.CertificateUsers)}");
            return null;
        }
        return user.Text("name") is { } name ? new KubeconfigUser(name, token, certificate?.Value) : null;
    }

    /// <summary>Reads a list of named entries, reporting a name used twice.</summary>
    private static List<T>? Entries<T>(LoadContext context, YamlSequence? list, Shape shape, string what, Func<MappingReader, T?> read)
        where T : class
    {
        var entries = new List<T>();
        var names = new HashSet<string>();
        foreach (var item in list?.Items ?? [])
        {
            if (MappingReader.Open(context, item, shape, what) is not { } reader) continue;
            if (reader.Scalar("name") is { } name && !names.Add(name.Value)) context.Error(name, $"'{name.Value}' is listed twice");
            else if (read(reader) is { } entry) entries.Add(entry);
        }
        return entries.Count == (list?.Items.Count ?? 0) ? entries : null;
    }
}
