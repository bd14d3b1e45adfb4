using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.ControlPlane.Controllers;

/// <summary>
/// Who a simulated component is when it calls the API: the user the authenticator sees, the user agent
/// it sends (whose product name becomes its default field manager), and the bootstrap ClusterRole a
/// real cluster binds to it. Authorization can grant <see cref="ClusterRole"/> to <see cref="User"/>
/// for every identity in <see cref="ControllerManager.Identities"/>.
/// </summary>
public sealed record ControllerIdentity(UserInfo User, string UserAgent, string ClusterRole)
{
    /// <summary>The kube-system service account whose token the component uses, if it uses one.</summary>
    public string? ServiceAccountName { get; init; }

    private const string Build = "v1.33.1 (linux/amd64) kubernetes/8adc0f0";

    /// <summary>
    /// A kube-controller-manager loop running with <c>--use-service-account-credentials</c>: service account
    /// <c>kube-system/&lt;name&gt;</c>, bound to <c>system:controller:&lt;name&gt;</c>.
    /// </summary>
    public static ControllerIdentity ServiceAccount(string name) => new(
        new UserInfo($"system:serviceaccount:kube-system:{name}",
            ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"]),
        $"kube-controller-manager/{Build}/system:serviceaccount:kube-system:{name}",
        $"system:controller:{name}") { ServiceAccountName = name };

    /// <summary>
    /// A kubelet: <c>system:node:&lt;node&gt;</c> in <c>system:nodes</c>. A real cluster authorizes it with the Node
    /// authorizer; <c>system:node</c> is the ClusterRole that describes the same permissions.
    /// </summary>
    public static ControllerIdentity Kubelet(string node) => new(
        new UserInfo($"system:node:{node}", ["system:nodes", "system:authenticated"]),
        $"kubelet/{Build}",
        "system:node");

    /// <summary>kube-scheduler: user <c>system:kube-scheduler</c>, bound to the ClusterRole of the same name.</summary>
    public static ControllerIdentity Scheduler { get; } = new(
        new UserInfo("system:kube-scheduler", ["system:authenticated"]),
        $"kube-scheduler/{Build}/scheduler",
        "system:kube-scheduler");
}
