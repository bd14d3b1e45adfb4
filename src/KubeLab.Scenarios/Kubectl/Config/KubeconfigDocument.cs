using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Kubectl.Config;

/// <summary>A kubeconfig as client-go's clientcmd reads it: clusters, contexts, users and the current context.</summary>
internal sealed record KubeconfigDocument(
    string CurrentContext,
    IReadOnlyList<KubeconfigCluster> Clusters,
    IReadOnlyList<NamedContext> Contexts,
    IReadOnlyList<KubeconfigCredentials> Users)
{
    public KubeconfigCluster? Cluster(string name) => Clusters.FirstOrDefault(c => c.Name == name);
    public NamedContext? Context(string name) => Contexts.FirstOrDefault(c => c.Name == name);
    public KubeconfigCredentials? User(string name) => Users.FirstOrDefault(u => u.Name == name);

    /// <summary>The lesson's kubeconfig: its contexts and users, all on the environment's one cluster.</summary>
    public static KubeconfigDocument From(ClientEnvironment environment)
    {
        var model = environment.Kubeconfig;
        var secure = environment.Server.StartsWith("https:", StringComparison.Ordinal);
        var cluster = new KubeconfigCluster(environment.ClusterName, environment.Server,
            secure ? environment.Cluster.Authentication.CertificateAuthority.CertificatePem : null, false);
        return new KubeconfigDocument(
            model.CurrentContext ?? "",
            [cluster],
            model.Contexts.Select(c => new NamedContext(c.Name, environment.ClusterName, c.User, c.Namespace ?? "")).ToList(),
            model.Users.Select(u => new KubeconfigCredentials(u.Name) { Token = u.Token, ClusterUser = u.ClientCertificate }).ToList());
    }

    /// <summary>A kubeconfig file (YAML or JSON), as the learner may keep one beside the default.</summary>
    /// <exception cref="FormatException">The file is not a kubeconfig.</exception>
    public static KubeconfigDocument Parse(string text)
    {
        JsonObject root;
        try
        {
            root = YamlToJson.Convert(text) as JsonObject ?? new JsonObject();
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or System.Text.Json.JsonException)
        {
            throw new FormatException(e.Message);
        }
        static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
        var clusters = Named(root["clusters"], "cluster", (name, c) =>
            new KubeconfigCluster(name, Text(c["server"]), Decode(Text(c["certificate-authority-data"])), c["insecure-skip-tls-verify"] is JsonValue b && b.TryGetValue<bool>(out var insecure) && insecure));
        var contexts = Named(root["contexts"], "context", (name, c) =>
            new NamedContext(name, Text(c["cluster"]), Text(c["user"]), Text(c["namespace"])));
        var users = Named(root["users"], "user", (name, u) => new KubeconfigCredentials(name)
        {
            Token = Text(u["token"]) is { Length: > 0 } token ? token : null,
            CertificatePem = Decode(Text(u["client-certificate-data"])),
            KeyPem = Decode(Text(u["client-key-data"])),
            Username = Text(u["username"]) is { Length: > 0 } username ? username : null,
            Password = Text(u["password"]) is { Length: > 0 } password ? password : null,
        });
        return new KubeconfigDocument(Text(root["current-context"]), clusters, contexts, users);
    }

    /// <summary>
    /// The kubeconfig as clientcmd's v1.Config marshals it (Go field order; entries sorted by name, as they come out
    /// of its maps). Unless <paramref name="raw"/>, certificate data reads <c>DATA+OMITTED</c> and secrets <c>REDACTED</c>.
    /// </summary>
    public JsonObject ToJson(bool raw, Func<string, (string Certificate, string Key)?> clusterUserPem)
    {
        static string Base64(string pem) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pem));
        var clusters = new JsonArray();
        foreach (var cluster in Clusters.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var body = new JsonObject { ["server"] = cluster.Server };
            if (cluster.InsecureSkipTlsVerify) body["insecure-skip-tls-verify"] = true;
            if (cluster.CertificateAuthorityPem is { } ca) body["certificate-authority-data"] = raw ? Base64(ca) : "DATA+OMITTED";
            clusters.Add(new JsonObject { ["name"] = cluster.Name, ["cluster"] = body });
        }
        var users = new JsonArray();
        foreach (var user in Users.OrderBy(u => u.Name, StringComparer.Ordinal))
        {
            var body = new JsonObject();
            var pem = user.ClusterUser is { } clusterUser ? clusterUserPem(clusterUser) : user.CertificatePem is { } c && user.KeyPem is { } k ? (c, k) : null;
            if (pem is { } certificate)
            {
                body["client-certificate-data"] = raw ? Base64(certificate.Certificate) : "DATA+OMITTED";
                body["client-key-data"] = raw ? Base64(certificate.Key) : "DATA+OMITTED";
            }
            if (user.Token is { } token) body["token"] = raw ? token : "REDACTED";
            if (user.Username is { } username) body["username"] = username;
            if (user.Password is { } password) body["password"] = raw ? password : "REDACTED";
            users.Add(new JsonObject { ["name"] = user.Name, ["user"] = body });
        }
        var contexts = new JsonArray();
        foreach (var context in Contexts.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var body = new JsonObject { ["cluster"] = context.Cluster, ["user"] = context.User };
            if (context.Namespace.Length > 0) body["namespace"] = context.Namespace;
            contexts.Add(new JsonObject { ["name"] = context.Name, ["context"] = body });
        }
        return new JsonObject
        {
            ["kind"] = "Config", ["apiVersion"] = "v1", ["preferences"] = new JsonObject(), ["clusters"] = clusters, ["users"] = users,
            ["contexts"] = contexts, ["current-context"] = CurrentContext,
        };
    }

    private static List<T> Named<T>(JsonNode? list, string key, Func<string, JsonObject, T> read) =>
        (list as JsonArray ?? []).OfType<JsonObject>()
            .Select(entry => read(entry["name"]?.GetValue<string>() ?? "", entry[key] as JsonObject ?? new JsonObject()))
            .ToList();

    private static string? Decode(string base64)
    {
        if (base64.Length == 0) return null;
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

internal sealed record KubeconfigCluster(string Name, string Server, string? CertificateAuthorityPem, bool InsecureSkipTlsVerify);

internal sealed record NamedContext(string Name, string Cluster, string User, string Namespace);

/// <summary>A kubeconfig user: a token, a client certificate (PEM, or one the cluster issued to a cluster user), basic credentials, or nothing.</summary>
internal sealed record KubeconfigCredentials(string Name)
{
    public string? Token { get; init; }
    public string? CertificatePem { get; init; }
    public string? KeyPem { get; init; }
    /// <summary>The lesson format's <c>client-certificate: NAME</c>: the certificate the cluster issued to that user.</summary>
    public string? ClusterUser { get; init; }
    public string? Username { get; init; }
    public string? Password { get; init; }

    public bool CanIdentify => Token is not null || CertificatePem is not null || ClusterUser is not null || Username is not null;
}
