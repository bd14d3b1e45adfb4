using System.Text.Json.Nodes;

namespace KubeLab.Scenarios.Model;

/// <summary>
/// The cluster as the learner finds it: objects already stored, the users the API server knows,
/// and the kubeconfig the learner has. Everything left out takes the runner's defaults: the
/// built-in <see cref="ClusterUser.Admin"/> and a context <c>kubelab</c> for it in <see cref="Namespace"/>.
/// </summary>
/// <param name="Namespace">The default context's namespace (created if missing); null when a kubeconfig is given, whose contexts name their own.</param>
/// <param name="Kubeconfig">The learner's kubeconfig; null for the default one.</param>
public sealed record ClusterSetup(
    string? Namespace,
    IReadOnlyList<Manifest> Objects,
    IReadOnlyList<ClusterUser> Users,
    Kubeconfig? Kubeconfig)
{
    public static readonly ClusterSetup Default = new(null, [], [], null);

    public bool IsDefault => Namespace is null && Objects.Count == 0 && Users.Count == 0 && Kubeconfig is null;
}

/// <summary>
/// A user the API server authenticates: by a bearer token, by a client certificate its CA issued
/// (CN = name, O = groups), or both. For a certificate the runner puts <c>NAME.crt</c>,
/// <c>NAME.key</c> and <c>ca.crt</c> in the learner's working directory for curl; the built-in
/// <see cref="Admin"/> has one too (<c>kubernetes-admin.crt</c>).
/// </summary>
public sealed record ClusterUser(string Name, IReadOnlyList<string> Groups, string? Token, bool Certificate)
{
    /// <summary>The user every cluster has, as kubeadm makes it; the default context uses it.</summary>
    public const string Admin = "kubernetes-admin";
}

/// <summary>
/// Kubernetes objects from the lesson itself (<see cref="File"/> null) or from a YAML file beside it
/// (one or more documents), already converted to JSON as sigs.k8s.io/yaml would.
/// </summary>
public sealed record Manifest(string? File, IReadOnlyList<JsonObject> Objects, SourcePosition At);
