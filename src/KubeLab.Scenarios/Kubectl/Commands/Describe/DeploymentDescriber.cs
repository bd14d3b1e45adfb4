using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Printers;
using KubeLab.ControlPlane.Serialization;
using KubeLab.Scenarios.Kubectl.Commands.Rollout;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>
/// kubectl's DeploymentDescriber: the deployment, its events, then its replica sets (listed in chunks by its selector)
/// to name the new one and the old ones that still have replicas.
/// </summary>
internal sealed class DeploymentDescriber : IDescriber
{
    public async Task<string> DescribeAsync(DescribeContext context, string? ns, string name)
    {
        var deployment = await context.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/{name}", "describe.go:4428");
        var events = await context.EventsOfAsync(deployment, "Deployment");
        DeploymentReplicaSets? replicaSets = null;
        try
        {
            replicaSets = await DeploymentReplicaSets.ReadAsync(context.Client, deployment, context.ChunkSize);
        }
        catch (KubectlException)
        {
            // Replica sets that cannot be listed are left out.
        }

        var w = new PrefixWriter();
        var metadata = Obj(deployment["metadata"]);
        var spec = Obj(deployment["spec"]);
        var status = Obj(deployment["status"]);
        w.Write(0, $"Name:\t{S(metadata["name"])}\n");
        w.Write(0, $"Namespace:\t{S(metadata["namespace"])}\n");
        w.Write(0, $"CreationTimestamp:\t{Rfc1123Z(S(metadata["creationTimestamp"]))}\n");
        Labels(w, "Labels", metadata["labels"] as JsonObject);
        Annotations(w, "Annotations", metadata["annotations"] as JsonObject);
        w.Write(0, $"Selector:\t{Selector(spec["selector"])}\n");
        w.Write(0, $"Replicas:\t{Int(spec["replicas"])} desired | {Int(status["updatedReplicas"])} updated | {Int(status["replicas"])} total | " +
            $"{Int(status["availableReplicas"])} available | {Int(status["unavailableReplicas"])} unavailable\n");
        w.Write(0, $"StrategyType:\t{S(spec["strategy"]?["type"])}\n");
        w.Write(0, $"MinReadySeconds:\t{Int(spec["minReadySeconds"])}\n");
        if (spec["strategy"]?["rollingUpdate"] is JsonObject rolling)
            w.Write(0, $"RollingUpdateStrategy:\t{IntOrString(rolling["maxUnavailable"])} max unavailable, {IntOrString(rolling["maxSurge"])} max surge\n");
        PodTemplateDescriber.Describe(w, spec["template"] as JsonObject ?? []);
        Conditions(w, Objects(status["conditions"]));
        if (replicaSets is { } sets && (sets.Old.Count > 0 || sets.New is not null))
        {
            w.Write(0, $"OldReplicaSets:\t{Created(sets.Old)}\n");
            w.Write(0, $"NewReplicaSet:\t{Created(sets.New is null ? [] : [sets.New])}\n");
        }
        Events(w, events, context.Now);
        return w.ToString();
    }

    /// <summary>The selector as <c>LabelSelectorAsSelector</c> writes it (empty when it selects everything).</summary>
    public static string Selector(JsonNode? selector) =>
        selector is JsonObject s ? SelectorText.Selector(s.Deserialize<LabelSelector>(KubeJson.Options)) ?? "" : "";

    /// <summary><c>metav1.FormatLabelSelector</c>: <c>&lt;none&gt;</c> for one that selects everything.</summary>
    public static string FormattedSelector(JsonNode? selector) =>
        SelectorText.Format((selector as JsonObject)?.Deserialize<LabelSelector>(KubeJson.Options));

    /// <summary>A workload's conditions: type, status and reason.</summary>
    public static void Conditions(PrefixWriter w, IReadOnlyList<JsonObject> conditions)
    {
        if (conditions.Count == 0) return;
        w.Write(0, "Conditions:\n  Type\tStatus\tReason\n");
        w.Write(1, "----\t------\t------\n");
        foreach (var c in conditions) w.Write(1, $"{S(c["type"])} \t{S(c["status"])}\t{S(c["reason"])}\n");
    }

    /// <summary>intstr.IntOrString.String: a number, or the text (<c>25%</c>).</summary>
    private static string IntOrString(JsonNode? node) => node is JsonValue v ? S(v) : "0";

    /// <summary>printReplicaSetsByLabels: <c>web-5d8 (3/3 replicas created)</c>, or <c>&lt;none&gt;</c>.</summary>
    private static string Created(IReadOnlyList<JsonObject> replicaSets) =>
        replicaSets.Count == 0 ? "<none>"
        : string.Join(", ", replicaSets.Select(rs => $"{S(rs["metadata"]?["name"])} ({Int(rs["status"]?["replicas"])}/{Int(rs["spec"]?["replicas"])} replicas created)"));
}
