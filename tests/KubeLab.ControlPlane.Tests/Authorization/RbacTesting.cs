using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Tests.Authorization;

/// <summary>Shortcuts for RBAC tests that go through the API as the admin.</summary>
internal static class RbacTesting
{
    public const string Rbac = "/apis/rbac.authorization.k8s.io/v1";

    public static Task<JsonObject> Role(this ClusterClient c, string ns, string name, string rules) =>
        c.Json(HttpMethod.Post, $"{Rbac}/namespaces/{ns}/roles", $$"""{"metadata":{"name":"{{name}}"},"rules":{{rules}}}""", expect: 201);

    public static Task<JsonObject> ClusterRole(this ClusterClient c, string name, string rules, string labels = "{}") =>
        c.Json(HttpMethod.Post, $"{Rbac}/clusterroles", $$"""{"metadata":{"name":"{{name}}","labels":{{labels}}},"rules":{{rules}}}""", expect: 201);

    public static Task<JsonObject> RoleBinding(this ClusterClient c, string ns, string name, string roleKind, string role, string subjects) =>
        c.Json(HttpMethod.Post, $"{Rbac}/namespaces/{ns}/rolebindings",
            $$"""{"metadata":{"name":"{{name}}"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"{{roleKind}}","name":"{{role}}"},"subjects":{{subjects}}}""", expect: 201);

    public static Task<JsonObject> ClusterRoleBinding(this ClusterClient c, string name, string role, string subjects) =>
        c.Json(HttpMethod.Post, $"{Rbac}/clusterrolebindings",
            $$"""{"metadata":{"name":"{{name}}"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"{{role}}"},"subjects":{{subjects}}}""", expect: 201);

    public static string User(string name) => $$"""[{"kind":"User","apiGroup":"rbac.authorization.k8s.io","name":"{{name}}"}]""";

    /// <summary>A client for a static-token user.</summary>
    public static HttpClient As(this ClusterClient c, string user, params string[] groups)
    {
        var token = $"token-of-{user}";
        c.Cluster.Authentication.AddTokenUser(token, user, groups);
        return c.NewClient(token);
    }

    public static async Task<int> StatusOf(this HttpClient client, HttpMethod method, string path, string? body = null) =>
        (await ClusterClient.Send(client, method, path, body)).Status;
}
