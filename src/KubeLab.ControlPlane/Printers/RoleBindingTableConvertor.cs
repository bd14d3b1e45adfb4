using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Api.Rbac;

namespace KubeLab.ControlPlane.Printers;

/// <summary>
/// <c>kubectl get rolebindings</c> and <c>clusterrolebindings</c>: NAME ROLE AGE, and with <c>-o wide</c>
/// USERS GROUPS SERVICEACCOUNTS (printers.go printRoleBinding / printClusterRoleBinding).
/// </summary>
public sealed class RoleBindingTableConvertor : ITableConvertor
{
    public static readonly RoleBindingTableConvertor Namespaced = new("roleBinding",
        "RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.");

    public static readonly RoleBindingTableConvertor Cluster = new("clusterRoleBinding",
        "RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.");

    private RoleBindingTableConvertor(string noun, string roleDescription) => Columns =
    [
        TableColumns.Name,
        TableColumns.Column("Role", roleDescription),
        TableColumns.Age,
        TableColumns.Column("Users", $"Users in the {noun}", priority: 1),
        TableColumns.Column("Groups", $"Groups in the {noun}", priority: 1),
        TableColumns.Column("ServiceAccounts", $"ServiceAccounts in the {noun}", priority: 1),
    ];

    public IReadOnlyList<TableColumnDefinition> Columns { get; }

    public List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now)
    {
        var (roleRef, subjects) = obj switch
        {
            RoleBinding binding => (binding.RoleRef, binding.Subjects),
            ClusterRoleBinding binding => (binding.RoleRef, binding.Subjects),
            _ => throw new ArgumentException($"not a binding: {obj.GetType().Name}"),
        };
        subjects ??= [];
        string Join(string kind, Func<Subject, string> show) => string.Join(", ", subjects.Where(s => s.Kind == kind).Select(show));
        return
        [
            obj.Metadata.Name,
            $"{roleRef.Kind}/{roleRef.Name}",
            Ages.Since(obj.Metadata.CreationTimestamp, now),
            Join("User", s => s.Name),
            Join("Group", s => s.Name),
            Join("ServiceAccount", s => $"{s.Namespace}/{s.Name}"),
        ];
    }
}
