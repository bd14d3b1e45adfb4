using System.Text.Json.Nodes;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>
/// kubectl's ReplicaSetDescriber: the replica set, its pods counted by phase (those its selector lists and it
/// controls; a failure to list is shown in place of the counts), then its events.
/// </summary>
internal sealed class ReplicaSetDescriber : IDescriber
{
    public async Task<string> DescribeAsync(DescribeContext context, string? ns, string name)
    {
        var replicaSet = await context.GetAsync($"/apis/apps/v1/namespaces/{ns}/replicasets/{name}", "describe.go:2251");
        var metadata = Obj(replicaSet["metadata"]);
        var spec = Obj(replicaSet["spec"]);
        var selector = DeploymentDescriber.Selector(spec["selector"]);
        string podsStatus;
        try
        {
            var pods = await context.ListAsync($"/api/v1/namespaces/{ns}/pods", "describe.go:4535", labelSelector: selector);
            var phases = pods.Where(p => Objects(p["metadata"]?["ownerReferences"]).Any(o => Bool(o["controller"]) && S(o["uid"]) == S(metadata["uid"])))
                .Select(p => S(p["status"]?["phase"])).ToList();
            int Count(string phase) => phases.Count(p => p == phase);
            podsStatus = $"{Count("Running")} Running / {Count("Pending")} Waiting / {Count("Succeeded")} Succeeded / {Count("Failed")} Failed";
        }
        catch (KubectlException e)
        {
            podsStatus = $"error in fetching pods: {e.Errors.FirstOrDefault()?.Status?.Message ?? e.Message}";
        }
        var events = await context.EventsOfAsync(replicaSet, "ReplicaSet");

        var w = new PrefixWriter();
        w.Write(0, $"Name:\t{S(metadata["name"])}\n");
        w.Write(0, $"Namespace:\t{S(metadata["namespace"])}\n");
        w.Write(0, $"Selector:\t{DeploymentDescriber.FormattedSelector(spec["selector"])}\n");
        Labels(w, "Labels", metadata["labels"] as JsonObject);
        Annotations(w, "Annotations", metadata["annotations"] as JsonObject);
        if (ControlledBy(metadata) is { Length: > 0 } owner) w.Write(0, $"Controlled By:\t{owner}\n");
        w.Write(0, $"Replicas:\t{Int(replicaSet["status"]?["replicas"])} current / {Int(spec["replicas"])} desired\n");
        w.Write(0, "Pods Status:\t");
        w.Write(0, podsStatus + "\n");
        PodTemplateDescriber.Describe(w, spec["template"] as JsonObject ?? []);
        DeploymentDescriber.Conditions(w, Objects(replicaSet["status"]?["conditions"]));
        Events(w, events, context.Now);
        return w.ToString();
    }
}
