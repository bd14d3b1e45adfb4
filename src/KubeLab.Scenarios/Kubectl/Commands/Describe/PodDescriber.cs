using System.Text.Json.Nodes;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>kubectl's describePod, over the pod's JSON.</summary>
internal static class PodDescriber
{
    public static string Describe(JsonObject pod, IReadOnlyList<JsonObject>? events, DateTimeOffset now)
    {
        var w = new PrefixWriter();
        var metadata = pod["metadata"] as JsonObject ?? [];
        var spec = pod["spec"] as JsonObject ?? [];
        var status = pod["status"] as JsonObject ?? [];
        w.Write(0, $"Name:\t{S(metadata["name"])}\n");
        w.Write(0, $"Namespace:\t{S(metadata["namespace"])}\n");
        if (spec["priority"] is JsonValue priority) w.Write(0, $"Priority:\t{priority}\n");
        if (S(spec["priorityClassName"]) is { Length: > 0 } priorityClass) w.Write(0, $"Priority Class Name:\t{priorityClass}\n");
        if (S(spec["runtimeClassName"]) is { Length: > 0 } runtimeClass) w.Write(0, $"Runtime Class Name:\t{runtimeClass}\n");
        if (S(spec["serviceAccountName"]) is { Length: > 0 } account) w.Write(0, $"Service Account:\t{account}\n");
        var node = S(spec["nodeName"]);
        w.Write(0, node.Length == 0 ? "Node:\t<none>\n" : $"Node:\t{node}/{S(status["hostIP"])}\n");
        if (S(status["startTime"]) is { Length: > 0 } start) w.Write(0, $"Start Time:\t{Rfc1123Z(start)}\n");
        Labels(w, "Labels", metadata["labels"] as JsonObject);
        Annotations(w, "Annotations", metadata["annotations"] as JsonObject);
        var phase = S(status["phase"]);
        if (S(metadata["deletionTimestamp"]) is { Length: > 0 } deletion && phase is not ("Failed" or "Succeeded"))
        {
            w.Write(0, $"Status:\tTerminating (lasts {Since(deletion, now)})\n");
            w.Write(0, $"Termination Grace Period:\t{S(metadata["deletionGracePeriodSeconds"])}s\n");
        }
        else w.Write(0, $"Status:\t{phase}\n");
        if (S(status["reason"]) is { Length: > 0 } reason) w.Write(0, $"Reason:\t{reason}\n");
        if (S(status["message"]) is { Length: > 0 } message) w.Write(0, $"Message:\t{message}\n");
        if (spec["securityContext"]?["seccompProfile"] is JsonObject seccomp)
        {
            w.Write(0, $"SeccompProfile:\t{S(seccomp["type"])}\n");
            if (S(seccomp["type"]) == "Localhost") w.Write(0, $"LocalhostProfile:\t{S(seccomp["localhostProfile"])}\n");
        }
        w.Write(0, $"IP:\t{S(status["podIP"])}\n");
        var ips = Objects(status["podIPs"]);
        if (ips.Count == 0) w.Write(0, "IPs:\t<none>\n");
        else
        {
            w.Write(0, "IPs:\n");
            foreach (var ip in ips) w.Write(1, $"IP:\t{S(ip["ip"])}\n");
        }
        if (Objects(metadata["ownerReferences"]).FirstOrDefault(o => o["controller"] is JsonValue c && c.GetValueKind() == System.Text.Json.JsonValueKind.True) is { } owner)
            w.Write(0, $"Controlled By:\t{S(owner["kind"])}/{S(owner["name"])}\n");
        if (S(status["nominatedNodeName"]) is { Length: > 0 } nominated) w.Write(0, $"NominatedNodeName:\t{nominated}\n");
        if (spec["resources"] is JsonObject podResources)
        {
            w.Write(0, "Resources:\n");
            ContainerDescriber.Resources(w, podResources, 1);
        }
        if (Objects(spec["initContainers"]).Count > 0)
            ContainerDescriber.Describe(w, "Init Containers", Objects(spec["initContainers"]), Objects(status["initContainerStatuses"]));
        ContainerDescriber.Describe(w, "Containers", Objects(spec["containers"]), Objects(status["containerStatuses"]));
        if (Objects(spec["ephemeralContainers"]).Count > 0)
            ContainerDescriber.Describe(w, "Ephemeral Containers", Objects(spec["ephemeralContainers"]), Objects(status["ephemeralContainerStatuses"]));
        var conditions = Objects(status["conditions"]);
        if (Objects(spec["readinessGates"]) is { Count: > 0 } gates)
        {
            w.Write(0, "Readiness Gates:\n  Type\tStatus\n");
            foreach (var gate in gates)
            {
                var type = S(gate["conditionType"]);
                var value = conditions.FirstOrDefault(c => S(c["type"]) == type) is { } found ? S(found["status"]) : "<none>";
                w.Write(1, $"{type} \t{value} \n");
            }
        }
        if (conditions.Count > 0)
        {
            w.Write(0, "Conditions:\n  Type\tStatus\n");
            foreach (var condition in conditions) w.Write(1, $"{S(condition["type"])} \t{S(condition["status"])} \n");
        }
        VolumeDescriber.Describe(w, Objects(spec["volumes"]));
        w.Write(0, $"QoS Class:\t{QosClass(spec, status)}\n");
        Labels(w, "Node-Selectors", spec["nodeSelector"] as JsonObject);
        Tolerations(w, Objects(spec["tolerations"]));
        Events(w, events, now);
        return w.ToString();
    }

    private static string QosClass(JsonObject spec, JsonObject status)
    {
        if (S(status["qosClass"]) is { Length: > 0 } known) return known;
        var containers = Objects(spec["containers"]).Concat(Objects(spec["initContainers"])).ToList();
        var any = containers.Any(c => c["resources"]?["requests"] is JsonObject { Count: > 0 } || c["resources"]?["limits"] is JsonObject { Count: > 0 });
        if (!any) return "BestEffort";
        var guaranteed = containers.All(c => c["resources"]?["limits"] is JsonObject limits && limits.ContainsKey("cpu") && limits.ContainsKey("memory")
            && (c["resources"]?["requests"] is not JsonObject requests || requests.All(r => S(limits[r.Key]) == S(r.Value))));
        return guaranteed ? "Guaranteed" : "Burstable";
    }

    private static void Tolerations(PrefixWriter w, IReadOnlyList<JsonObject> tolerations)
    {
        w.Write(0, "Tolerations:\t");
        if (tolerations.Count == 0)
        {
            w.WriteLine("<none>");
            return;
        }
        var sorted = tolerations.OrderBy(t => S(t["key"]), StringComparer.Ordinal).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var t = sorted[i];
            if (i != 0) w.Write(0, "\t");
            var key = S(t["key"]);
            var value = S(t["value"]);
            var effect = S(t["effect"]);
            var text = key + (value.Length > 0 ? "=" + value : "") + (effect.Length > 0 ? ":" + effect : "");
            if (S(t["operator"]) == "Exists" && value.Length == 0) text += key.Length > 0 || effect.Length > 0 ? " op=Exists" : "op=Exists";
            if (t["tolerationSeconds"] is JsonValue seconds) text += $" for {seconds}s";
            w.Write(0, text + "\n");
        }
    }
}
