using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Output;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>
/// kubectl's NodeDescriber: the node, the pods on it that have not ended (a user who may not list pods is told so),
/// its events (by uid, and again by name as kubelets record them), its lease, then what the pods ask of it.
/// </summary>
internal sealed class NodeDescriber : IDescriber
{
    public async Task<string> DescribeAsync(DescribeContext context, string? ns, string name)
    {
        var node = await context.GetAsync($"/api/v1/nodes/{name}", "describe.go:3715");
        List<JsonObject>? pods;
        try
        {
            pods = await context.ListAsync(ns is { Length: > 0 } ? $"/api/v1/namespaces/{ns}/pods" : "/api/v1/pods", "describe.go:4535",
                fieldSelector: $"spec.nodeName={name},status.phase!=Succeeded,status.phase!=Failed");
        }
        catch (KubectlException e) when (e.Errors is [{ Status.Reason: "Forbidden" }])
        {
            pods = null;
        }
        List<JsonObject>? events = null;
        if (context.ShowEvents)
        {
            // The node controller names the node by uid, kubelets by name: both are asked for.
            events = [.. await context.EventsAsync("Node", "", name, S(node["metadata"]?["uid"]))];
            events.AddRange(await context.EventsAsync("Node", "", name, name));
        }
        var lease = await context.TryGetAsync($"/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/{name}", "describe.go:3784");

        var w = new PrefixWriter();
        var metadata = Obj(node["metadata"]);
        var spec = Obj(node["spec"]);
        var status = Obj(node["status"]);
        w.Write(0, $"Name:\t{S(metadata["name"])}\n");
        w.Write(0, $"Roles:\t{Roles(Obj(metadata["labels"]))}\n");
        Labels(w, "Labels", metadata["labels"] as JsonObject);
        Annotations(w, "Annotations", metadata["annotations"] as JsonObject);
        w.Write(0, $"CreationTimestamp:\t{Rfc1123Z(S(metadata["creationTimestamp"]))}\n");
        Taints(w, "Taints", Objects(spec["taints"]));
        w.Write(0, $"Unschedulable:\t{GoBool(spec["unschedulable"])}\n");
        if (lease.IsSuccess) Lease(w, Obj(lease.Json()["spec"]));
        else w.Write(0, $"Lease:\tFailed to get lease: {lease.Status().Message}\n");
        if (Objects(status["conditions"]) is { Count: > 0 } conditions)
        {
            w.Write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
            w.Write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
            foreach (var c in conditions)
                w.Write(1, $"{S(c["type"])} \t{S(c["status"])} \t{Rfc1123Z(S(c["lastHeartbeatTime"]))} \t{Rfc1123Z(S(c["lastTransitionTime"]))} \t{S(c["reason"])} \t{S(c["message"])}\n");
        }
        w.Write(0, "Addresses:\n");
        foreach (var address in Objects(status["addresses"])) w.Write(1, $"{S(address["type"])}:\t{S(address["address"])}\n");
        foreach (var (title, key) in new[] { ("Capacity", "capacity"), ("Allocatable", "allocatable") })
        {
            if (Obj(status[key]) is not { Count: > 0 } list) continue;
            w.Write(0, $"{title}:\n");
            foreach (var (resource, quantity) in list.OrderBy(r => r.Key, StringComparer.Ordinal)) w.Write(0, $"  {resource}:\t{GoQuantity.Of(quantity)}\n");
        }
        var info = Obj(status["nodeInfo"]);
        w.Write(0, "System Info:\n");
        foreach (var (title, key) in SystemInfo) w.Write(0, $"  {title}:\t{S(info[key])}\n");
        if (S(spec["podCIDR"]) is { Length: > 0 } cidr) w.Write(0, $"PodCIDR:\t{cidr}\n");
        if (Strings(spec["podCIDRs"]) is { Count: > 0 } cidrs) w.Write(0, $"PodCIDRs:\t{string.Join(',', cidrs)}\n");
        if (S(spec["providerID"]) is { Length: > 0 } provider) w.Write(0, $"ProviderID:\t{provider}\n");
        if (pods is null) w.Write(0, "Pods:\tnot authorized\n");
        else NodeResources.Describe(w, pods, status, context.Now);
        Events(w, events, context.Now);
        return w.ToString();
    }

    private static readonly (string Title, string Key)[] SystemInfo =
    [
        ("Machine ID", "machineID"), ("System UUID", "systemUUID"), ("Boot ID", "bootID"), ("Kernel Version", "kernelVersion"),
        ("OS Image", "osImage"), ("Operating System", "operatingSystem"), ("Architecture", "architecture"),
        ("Container Runtime Version", "containerRuntimeVersion"), ("Kubelet Version", "kubeletVersion"), ("Kube-Proxy Version", "kubeProxyVersion"),
    ];

    /// <summary>findNodeRoles: <c>node-role.kubernetes.io/ROLE</c> labels and a <c>kubernetes.io/role</c> label, sorted, or <c>&lt;none&gt;</c>.</summary>
    private static string Roles(JsonObject labels)
    {
        const string Prefix = "node-role.kubernetes.io/";
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            if (key.StartsWith(Prefix, StringComparison.Ordinal) && key.Length > Prefix.Length) roles.Add(key[Prefix.Length..]);
            else if (key == "kubernetes.io/role" && S(value).Length > 0) roles.Add(S(value));
        }
        return roles.Count == 0 ? "<none>" : string.Join(',', roles);
    }

    private static void Lease(PrefixWriter w, JsonObject spec)
    {
        w.Write(0, "Lease:\n");
        w.Write(1, $"HolderIdentity:\t{(spec["holderIdentity"] is JsonValue holder ? S(holder) : "<unset>")}\n");
        w.Write(1, $"AcquireTime:\t{(spec["acquireTime"] is JsonValue acquired ? Rfc1123Z(S(acquired)) : "<unset>")}\n");
        w.Write(1, $"RenewTime:\t{(spec["renewTime"] is JsonValue renewed ? Rfc1123Z(S(renewed)) : "<unset>")}\n");
    }
}
