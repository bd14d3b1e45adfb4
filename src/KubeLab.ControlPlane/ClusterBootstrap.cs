using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Authorization.Rbac;
using KubeLab.ControlPlane.Registry;

namespace KubeLab.ControlPlane;

/// <summary>
/// What a fresh kubeadm-style cluster already holds when the learner arrives: the system namespaces,
/// their default service accounts, the controllers' service accounts, the bootstrap RBAC policy, the
/// <c>kubernetes</c> service and a few Ready nodes.
/// </summary>
internal static class ClusterBootstrap
{
    public static readonly string[] SystemNamespaces = ["default", "kube-node-lease", "kube-public", "kube-system"];

    public static void Run(Cluster cluster)
    {
        var context = RequestContext.System() with { FieldManager = "kube-apiserver" };
        foreach (var name in SystemNamespaces)
            cluster.Registry("", "namespaces").Create(null, new Namespace { Metadata = new ObjectMeta { Name = name } }, context);
        foreach (var ns in SystemNamespaces)
            cluster.Registry("", "serviceaccounts").Create(ns, new ServiceAccount { Metadata = new ObjectMeta { Name = "default" } }, context);
        foreach (var controller in BootstrapPolicy.Controllers)
            cluster.Registry("", "serviceaccounts").Create("kube-system", new ServiceAccount { Metadata = new ObjectMeta { Name = controller } }, context);
        RbacPolicy(cluster, context);

        cluster.Registry("", "services").Create("default", new Service
        {
            Metadata = new ObjectMeta { Name = "kubernetes", Labels = new() { ["component"] = "apiserver", ["provider"] = "kubernetes" } },
            Spec = new ServiceSpec
            {
                ClusterIp = "10.96.0.1",
                Ports = [new ServicePort { Name = "https", Port = 443, Protocol = "TCP", TargetPort = 6443 }],
            },
        }, context);

        for (var i = 0; i < cluster.Options.NodeCount; i++)
            cluster.Registry("", "nodes").Create(null, SimulatedNode(i, cluster.Services.Now()), context);
    }

    /// <summary>The bootstrap roles and bindings, with aggregated roles already filled in, and kubeadm's admin binding.</summary>
    private static void RbacPolicy(Cluster cluster, RequestContext context)
    {
        var roles = BootstrapPolicy.ClusterRoles().ToList();
        Aggregation.Settle(roles);
        foreach (var role in roles)
            cluster.Registry("rbac.authorization.k8s.io", "clusterroles").Create(null, role, context);
        foreach (var binding in BootstrapPolicy.ClusterRoleBindings().Append(BootstrapPolicy.KubeadmClusterAdmins()))
            cluster.Registry("rbac.authorization.k8s.io", "clusterrolebindings").Create(null, binding, context);
    }

    private static Node SimulatedNode(int index, DateTimeOffset now)
    {
        var name = index == 0 ? "control-plane" : $"worker-{index}";
        var labels = new Dictionary<string, string>
        {
            ["beta.kubernetes.io/arch"] = "amd64",
            ["beta.kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = "amd64",
            ["kubernetes.io/hostname"] = name,
            ["kubernetes.io/os"] = "linux",
        };
        if (index == 0) labels["node-role.kubernetes.io/control-plane"] = "";
        var capacity = new Dictionary<string, Quantity>
        {
            ["cpu"] = new("4"), ["ephemeral-storage"] = new("102625208Ki"), ["memory"] = new("8148752Ki"), ["pods"] = new("110"),
        };
        return new Node
        {
            Metadata = new ObjectMeta { Name = name, Labels = labels },
            Spec = new NodeSpec
            {
                PodCidr = $"10.244.{index}.0/24",
                PodCidrs = [$"10.244.{index}.0/24"],
                // kubeadm keeps workloads off the control plane; with one worker every pod lands on worker-1.
                Taints = index == 0 ? [new Taint { Key = "node-role.kubernetes.io/control-plane", Effect = "NoSchedule" }] : null,
            },
            Status = new NodeStatus
            {
                Capacity = capacity,
                Allocatable = capacity,
                Conditions =
                [
                    Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", now),
                    Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", now),
                    Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", now),
                    Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", now),
                ],
                Addresses = [new NodeAddress { Type = "InternalIP", Address = $"172.18.0.{index + 2}" }, new NodeAddress { Type = "Hostname", Address = name }],
                NodeInfo = new NodeSystemInfo
                {
                    MachineId = $"{index:x32}",
                    SystemUuid = $"{index:x8}-0000-4000-8000-000000000000",
                    BootId = $"{index:x8}-0000-4000-8000-00000000b007",
                    KernelVersion = "6.1.0-kubelab",
                    OsImage = "Debian GNU/Linux 12 (bookworm)",
                    ContainerRuntimeVersion = "containerd://2.1.1",
                    KubeletVersion = "v1.33.1",
                    KubeProxyVersion = "",
                    OperatingSystem = "linux",
                    Architecture = "amd64",
                },
            },
        };
    }

    private static NodeCondition Condition(string type, string status, string reason, string message, DateTimeOffset now) =>
        new() { Type = type, Status = status, LastHeartbeatTime = now, LastTransitionTime = now, Reason = reason, Message = message };
}
