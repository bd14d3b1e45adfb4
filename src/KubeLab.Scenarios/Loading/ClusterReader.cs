using KubeLab.Scenarios.Loading.Yaml;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Loading;

/// <summary><c>cluster:</c> the objects, users and kubeconfig a lesson starts from.</summary>
internal static class ClusterReader
{
    public static ClusterSetup? Read(LoadContext context, MappingReader lesson, LessonState state)
    {
        if (lesson["cluster"] is not { } node) return lesson.Has("cluster") ? null : ClusterSetup.Default;
        if (MappingReader.Open(context, node, LessonShapes.Cluster, "'cluster'") is not { } cluster) return null;
        var ns = cluster.Scalar("namespace");
        if (ns is not null && !Names.DnsLabel().IsMatch(ns.Value))
            context.Error(ns, $"namespace '{ns.Value}' must be a DNS label: lower-case letters, digits and '-'");
        if (ns is not null && cluster.Has("kubeconfig"))
            context.Error(ns, "'namespace' sets the default context's namespace, and there is none with 'kubeconfig': set 'namespace' on its contexts");
        var objects = cluster.OneOrMany("objects").Select(o => ManifestReader.Read(context, o)).ToList();
        var users = Users(context, cluster.List("users"), state);
        var kubeconfig = cluster["kubeconfig"] is { } k ? KubeconfigReader.Read(context, k, state) : null;
        if (objects.Any(o => o is null) || users is null || (cluster.Has("kubeconfig") && kubeconfig is null)) return null;
        return new ClusterSetup(ns?.Value, objects!, users, kubeconfig);
    }

    private static List<ClusterUser>? Users(LoadContext context, YamlSequence? list, LessonState state)
    {
        var users = new List<ClusterUser>();
        var tokens = new Dictionary<string, string>();
        foreach (var item in list?.Items ?? [])
        {
            if (MappingReader.Open(context, item, LessonShapes.ClusterUser, "a cluster user") is not { } user) continue;
            var name = user.Scalar("name");
            var groups = user.List("groups")?.Items.Select(g => (g as YamlScalar)?.Value ?? "").ToList() ?? [];
            var token = user.Scalar("token");
            var certificate = user.Bool("certificate") ?? false;
            if (name is null) continue;
            if (name.Value == ClusterUser.Admin || users.Any(u => u.Name == name.Value))
                context.Error(name, $"user '{name.Value}' is defined twice (the cluster always has '{ClusterUser.Admin}')");
            else if (token is null && !certificate)
                context.Error(item, $"user '{name.Value}' has neither a token nor 'certificate: true': the API server could not recognise them");
            else if (token is not null && !tokens.TryAdd(token.Value, name.Value))
                context.Error(token, $"user '{name.Value}' has the same token as '{tokens[token.Value]}'");
            else
            {
                if (certificate) state.AddCertificateUser(name.Value);
                users.Add(new ClusterUser(name.Value, groups, token?.Value, certificate));
            }
        }
        return users.Count == (list?.Items.Count ?? 0) ? users : null;
    }
}
