using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Output;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>kubectl's PodDescriber: the pod and its events (referenced without a kind); describePod over the pod's JSON.</summary>
internal sealed class PodDescriber : IDescriber
{
    public async Task<string> DescribeAsync(DescribeContext context, string? ns, string name)
    {
        var response = await context.TryGetAsync($"/api/v1/namespaces/{ns}/pods/{name}", "describe.go:741");
        if (!response.IsSuccess)
        {
            var error = KubectlError.FromStatus(response.Status());
            // A pod that is gone may have left events behind: those are shown instead of the error.
            if (context.ShowEvents && await context.EventsAsync("", ns ?? "", name, "") is { Count: > 0 } orphans)
            {
                var w = new PrefixWriter();
                w.Write(0, $"Pod '{name}': error '{error.Status?.Message}', but found events.\n");
                Events(w, orphans, context.Now);
                return w.ToString();
            }
            throw new KubectlException(error);
        }
        var pod = response.Json();
        IReadOnlyList<JsonObject>? events = null;
        if (context.ShowEvents)
        {
            var metadata = Obj(pod["metadata"]);
            // A mirror pod's events name the static pod's uid, which its annotation keeps.
            var uid = Obj(metadata["annotations"])["kubernetes.io/config.mirror"] is JsonValue mirror ? S(mirror) : S(metadata["uid"]);
            events = await context.EventsAsync("", S(metadata["namespace"]), S(metadata["name"]), uid);
        }
        return Describe(pod, events, context.Now);
    }

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
        Tolerations(w, "Tolerations", Objects(spec["tolerations"]));
        PodTemplateDescriber.TopologySpreadConstraints(w, Objects(spec["topologySpreadConstraints"]), "");
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
}
