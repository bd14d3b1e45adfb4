using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Writing;

/// <summary>
/// Writes a <see cref="Scenario"/> back as lesson YAML in one canonical layout: keys in the order
/// the format documents them, defaults left out, block style throughout. Loading the output gives
/// the same lesson; writing that again gives the same text.
/// </summary>
public static class ScenarioWriter
{
    public static string Write(Scenario scenario)
    {
        var yaml = new YamlOutput();
        var m = scenario.Metadata;
        yaml.BeginMap();
        yaml.Field("id", m.Id);
        yaml.Field("title", m.Title);
        yaml.Field("summary", m.Summary);
        yaml.Field("level", m.Level.ToString().ToLowerInvariant());
        yaml.Field("minutes", m.Minutes.ToString());
        if (m.Tags.Count > 0) { yaml.Key("tags"); Texts(yaml, m.Tags); }
        if (scenario.Files.Count > 0)
        {
            yaml.Key("files");
            yaml.BeginMap();
            foreach (var file in scenario.Files) yaml.Field(file.Name, file.Content);
            yaml.EndMap();
        }
        if (!scenario.Cluster.IsDefault) { yaml.Key("cluster"); Cluster(yaml, scenario.Cluster); }
        yaml.Key("steps");
        yaml.BeginList();
        foreach (var step in scenario.Steps) StepWriter.Write(yaml, step);
        yaml.EndList();
        yaml.EndMap();
        return yaml.Finish();
    }

    private static void Cluster(YamlOutput yaml, ClusterSetup cluster)
    {
        yaml.BeginMap();
        yaml.Field("namespace", cluster.Namespace);
        if (cluster.Objects.Count > 0)
        {
            yaml.Key("objects");
            yaml.BeginList();
            foreach (var manifest in cluster.Objects) Manifest(yaml, manifest);
            yaml.EndList();
        }
        if (cluster.Users.Count > 0)
        {
            yaml.Key("users");
            yaml.BeginList();
            foreach (var user in cluster.Users)
            {
                yaml.BeginMap();
                yaml.Field("name", user.Name);
                if (user.Groups.Count > 0) { yaml.Key("groups"); Texts(yaml, user.Groups); }
                yaml.Field("token", user.Token);
                if (user.Certificate) yaml.Field("certificate", "true");
                yaml.EndMap();
            }
            yaml.EndList();
        }
        if (cluster.Kubeconfig is { } kubeconfig) { yaml.Key("kubeconfig"); Kubeconfig(yaml, kubeconfig); }
        yaml.EndMap();
    }

    /// <summary>A manifest as it was given: a file reference, or its one inline object.</summary>
    internal static void Manifest(YamlOutput yaml, Manifest manifest)
    {
        if (manifest.File is null) { yaml.Json(manifest.Objects[0]); return; }
        yaml.BeginMap();
        yaml.Field("file", manifest.File);
        yaml.EndMap();
    }

    internal static void Kubeconfig(YamlOutput yaml, Kubeconfig kubeconfig)
    {
        yaml.BeginMap();
        yaml.Field("current-context", kubeconfig.CurrentContext);
        if (kubeconfig.Contexts.Count > 0)
        {
            yaml.Key("contexts");
            yaml.BeginList();
            foreach (var c in kubeconfig.Contexts) { yaml.BeginMap(); yaml.Field("name", c.Name); yaml.Field("user", c.User); yaml.Field("namespace", c.Namespace); yaml.EndMap(); }
            yaml.EndList();
        }
        if (kubeconfig.Users.Count > 0)
        {
            yaml.Key("users");
            yaml.BeginList();
            foreach (var u in kubeconfig.Users) { yaml.BeginMap(); yaml.Field("name", u.Name); yaml.Field("token", u.Token); yaml.Field("client-certificate", u.ClientCertificate); yaml.EndMap(); }
            yaml.EndList();
        }
        yaml.EndMap();
    }

    internal static void Texts(YamlOutput yaml, IEnumerable<string> values)
    {
        yaml.BeginList();
        foreach (var value in values) yaml.Text(value);
        yaml.EndList();
    }
}
