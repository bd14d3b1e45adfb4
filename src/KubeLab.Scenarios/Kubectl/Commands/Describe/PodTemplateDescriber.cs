using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Printers;
using KubeLab.ControlPlane.Serialization;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>DescribePodTemplate: a workload's pod template, indented under "Pod Template:" (also what rollout history shows of a revision).</summary>
internal static class PodTemplateDescriber
{
    private const string Space = "  ";

    public static void Describe(PrefixWriter w, JsonObject? template)
    {
        w.Write(0, "Pod Template:\n");
        if (template is null)
        {
            w.Write(1, "<unset>");
            return;
        }
        var metadata = Obj(template["metadata"]);
        var spec = Obj(template["spec"]);
        Labels(w, Space + "Labels", metadata["labels"] as JsonObject);
        if (metadata["annotations"] is JsonObject { Count: > 0 } annotations) Annotations(w, Space + "Annotations", annotations);
        if (S(spec["serviceAccountName"]) is { Length: > 0 } account) w.Write(1, $"Service Account:\t{account}\n");
        if (Objects(spec["initContainers"]) is { Count: > 0 } init) ContainerDescriber.Describe(w, "Init Containers", init, null, Space);
        ContainerDescriber.Describe(w, "Containers", Objects(spec["containers"]), null, Space);
        VolumeDescriber.Describe(w, Objects(spec["volumes"]), Space);
        TopologySpreadConstraints(w, Objects(spec["topologySpreadConstraints"]), Space);
        if (S(spec["priorityClassName"]) is { Length: > 0 } priorityClass) w.Write(1, $"Priority Class Name:\t{priorityClass}\n");
        Labels(w, Space + "Node-Selectors", spec["nodeSelector"] as JsonObject);
        Tolerations(w, Space + "Tolerations", Objects(spec["tolerations"]));
    }

    /// <summary>describeTopologySpreadConstraints, sorted by topology key.</summary>
    public static void TopologySpreadConstraints(PrefixWriter w, IReadOnlyList<JsonObject> constraints, string space)
    {
        if (constraints.Count == 0) return;
        var sorted = constraints.OrderBy(c => S(c["topologyKey"]), StringComparer.Ordinal).ToList();
        w.Write(0, $"{space}Topology Spread Constraints:\t");
        for (var i = 0; i < sorted.Count; i++)
        {
            var constraint = sorted[i];
            if (i != 0) w.Write(0, space + "\t");
            var text = $"{S(constraint["topologyKey"])}:{S(constraint["whenUnsatisfiable"])} when max skew {Int(constraint["maxSkew"])} is exceeded";
            if (constraint["labelSelector"] is JsonObject selector)
                text += $" for selector {SelectorText.Format(selector.Deserialize<LabelSelector>(KubeJson.Options))}";
            w.Write(0, text + "\n");
        }
    }
}
