using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Printers;

/// <summary>
/// <c>kubectl get nodes</c>: NAME STATUS ROLES AGE VERSION, and with -o wide INTERNAL-IP EXTERNAL-IP
/// OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME.
/// </summary>
public sealed class NodeTableConvertor : ITableConvertor
{
    public static readonly NodeTableConvertor Instance = new();

    private const string RolePrefix = "node-role.kubernetes.io/";
    private const string LegacyRoleLabel = "kubernetes.io/role";
    private const string AddressesDescription = "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).";

    public IReadOnlyList<TableColumnDefinition> Columns { get; } =
    [
        TableColumns.Name,
        TableColumns.Column("Status", "The status of the node"),
        TableColumns.Column("Roles", "The roles of the node"),
        TableColumns.Age,
        TableColumns.Column("Version", "Kubelet Version reported by the node."),
        TableColumns.Column("Internal-IP", AddressesDescription, priority: 1),
        TableColumns.Column("External-IP", AddressesDescription, priority: 1),
        TableColumns.Column("OS-Image", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", priority: 1),
        TableColumns.Column("Kernel-Version", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", priority: 1),
        TableColumns.Column("Container-Runtime", "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).", priority: 1),
    ];

    public List<JsonNode?> Cells(KubeObject obj, DateTimeOffset now)
    {
        var node = (Node)obj;
        var info = node.Status.NodeInfo;
        var roles = string.Join(",", Roles(node.Metadata.Labels));
        return
        [
            node.Metadata.Name ?? "",
            Status(node),
            roles.Length == 0 ? "<none>" : roles,
            Ages.Since(node.Metadata.CreationTimestamp, now),
            info.KubeletVersion,
            Address(node, "InternalIP"),
            Address(node, "ExternalIP"),
            OrUnknown(info.OsImage),
            OrUnknown(info.KernelVersion),
            OrUnknown(info.ContainerRuntimeVersion),
        ];
    }

    /// <summary><c>Ready</c>, <c>NotReady</c> or <c>Unknown</c> from the last Ready condition, plus <c>SchedulingDisabled</c> when cordoned.</summary>
    private static string Status(Node node)
    {
        var ready = node.Status.Conditions?.LastOrDefault(c => c.Type == "Ready");
        var status = ready is null ? "Unknown" : ready.Status == "True" ? "Ready" : "NotReady";
        return node.Spec.Unschedulable == true ? status + ",SchedulingDisabled" : status;
    }

    /// <summary>Sorted, distinct roles from <c>node-role.kubernetes.io/&lt;role&gt;</c> keys and a non-empty <c>kubernetes.io/role</c> value.</summary>
    private static IEnumerable<string> Roles(Dictionary<string, string>? labels) =>
        (labels ?? [])
            .Select(label => label.Key.StartsWith(RolePrefix, StringComparison.Ordinal) ? label.Key[RolePrefix.Length..]
                : label.Key == LegacyRoleLabel ? label.Value : "")
            .Where(role => role.Length > 0)
            .Distinct().Order(StringComparer.Ordinal);

    private static string Address(Node node, string type) =>
        node.Status.Addresses?.FirstOrDefault(a => a.Type == type)?.Address ?? "<none>";

    private static string OrUnknown(string value) => string.IsNullOrEmpty(value) ? "<unknown>" : value;
}
