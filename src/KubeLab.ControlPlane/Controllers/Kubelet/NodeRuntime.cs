using KubeLab.ControlPlane.Registry;

namespace KubeLab.ControlPlane.Controllers.Kubelet;

/// <summary>What one simulated node holds for all its pods: its addresses, its pod IPs, and the images it has pulled.</summary>
public sealed class NodeRuntime(string name, string hostIp, string podCidr, int cpus, IdSource ids)
{
    public string Name { get; } = name;
    public string HostIp { get; } = hostIp;
    public int Cpus { get; } = cpus;
    public IdSource Ids { get; } = ids;
    public PodIpAllocator PodIps { get; } = new(podCidr);
    /// <summary>Resolved references of the images present on the node (containerd's image store).</summary>
    public HashSet<string> Images { get; } = new(StringComparer.Ordinal);
}
