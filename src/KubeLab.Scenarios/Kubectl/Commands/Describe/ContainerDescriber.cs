using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Output;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>describeContainers: image, ports, command, state, resources, probes, environment, mounts.</summary>
internal static class ContainerDescriber
{
    /// <param name="statuses">The pod's container statuses; null for a pod template, which has none.</param>
    /// <param name="space">Indent of the label: a pod template's (<c>"  "</c>) also indents the container names by one.</param>
    public static void Describe(PrefixWriter w, string label, IReadOnlyList<JsonObject> containers, IReadOnlyList<JsonObject>? statuses, string space = "")
    {
        w.Write(0, $"{space}{label}:{(containers.Count == 0 ? " <none>" : "")}\n");
        foreach (var container in containers)
        {
            var name = S(container["name"]);
            var status = statuses?.FirstOrDefault(s => S(s["name"]) == name);
            w.Write(1, $"{(space.Length > 0 ? " " : "")}{name}:\n");
            if (status is not null) w.Write(2, $"Container ID:\t{S(status["containerID"])}\n");
            w.Write(2, $"Image:\t{S(container["image"])}\n");
            if (status is not null) w.Write(2, $"Image ID:\t{S(status["imageID"])}\n");
            var ports = Objects(container["ports"]);
            var portText = string.Join(", ", ports.Select(p => $"{S(p["containerPort"])}/{S(p["protocol"])}"));
            var hostText = string.Join(", ", ports.Select(p => $"{(p["hostPort"] is JsonValue h ? h.ToString() : "0")}/{S(p["protocol"])}"));
            w.Write(2, portText.Contains(',') ? $"Ports:\t{portText}\n" : $"Port:\t{(portText.Length == 0 ? "<none>" : portText)}\n");
            w.Write(2, hostText.Contains(',') ? $"Host Ports:\t{hostText}\n" : $"Host Port:\t{(hostText.Length == 0 ? "<none>" : hostText)}\n");
            if (container["securityContext"]?["seccompProfile"] is JsonObject seccomp)
            {
                w.Write(2, $"SeccompProfile:\t{S(seccomp["type"])}\n");
                if (S(seccomp["type"]) == "Localhost") w.Write(3, $"LocalhostProfile:\t{S(seccomp["localhostProfile"])}\n");
            }
            Lines(w, "Command", Strings(container["command"]));
            Lines(w, "Args", Strings(container["args"]));
            if (status is not null)
            {
                State(w, "State", status["state"] as JsonObject);
                if (status["lastState"]?["terminated"] is JsonObject) State(w, "Last State", status["lastState"] as JsonObject);
                w.Write(2, $"Ready:\t{(status["ready"] is JsonValue r && r.GetValueKind() == System.Text.Json.JsonValueKind.True ? "True" : "False")}\n");
                w.Write(2, $"Restart Count:\t{(status["restartCount"] is JsonValue n ? n.ToString() : "0")}\n");
            }
            if (container["resources"] is JsonObject resources) Resources(w, resources, 2);
            Probes(w, container);
            Environment(w, container);
            Mounts(w, container);
        }
    }

    public static void Resources(PrefixWriter w, JsonObject resources, int level)
    {
        foreach (var (title, key) in new[] { ("Limits", "limits"), ("Requests", "requests") })
        {
            if (resources[key] is not JsonObject { Count: > 0 } list) continue;
            w.Write(level, $"{title}:\n");
            foreach (var (name, quantity) in list.OrderBy(q => q.Key, StringComparer.Ordinal)) w.Write(level + 1, $"{name}:\t{GoQuantity.Of(quantity)}\n");
        }
    }

    private static void Lines(PrefixWriter w, string title, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        w.Write(2, $"{title}:\n");
        foreach (var value in values)
            foreach (var line in value.Split('\n')) w.Write(3, line + "\n");
    }

    private static void State(PrefixWriter w, string title, JsonObject? state)
    {
        if (state?["running"] is JsonObject running)
        {
            w.Write(2, $"{title}:\tRunning\n");
            w.Write(3, $"Started:\t{Rfc1123Z(S(running["startedAt"]))}\n");
        }
        else if (state?["terminated"] is JsonObject terminated)
        {
            w.Write(2, $"{title}:\tTerminated\n");
            if (S(terminated["reason"]) is { Length: > 0 } reason) w.Write(3, $"Reason:\t{reason}\n");
            if (S(terminated["message"]) is { Length: > 0 } message) w.Write(3, $"Message:\t{message}\n");
            w.Write(3, $"Exit Code:\t{(terminated["exitCode"] is JsonValue code ? code.ToString() : "0")}\n");
            if (terminated["signal"] is JsonValue signal && signal.ToString() != "0") w.Write(3, $"Signal:\t{signal}\n");
            w.Write(3, $"Started:\t{Rfc1123Z(S(terminated["startedAt"]))}\n");
            w.Write(3, $"Finished:\t{Rfc1123Z(S(terminated["finishedAt"]))}\n");
        }
        else
        {
            w.Write(2, $"{title}:\tWaiting\n");
            if (state?["waiting"] is JsonObject waiting && S(waiting["reason"]) is { Length: > 0 } reason) w.Write(3, $"Reason:\t{reason}\n");
        }
    }

    private static void Probes(PrefixWriter w, JsonObject container)
    {
        foreach (var (title, key) in new[] { ("Liveness", "livenessProbe"), ("Readiness", "readinessProbe"), ("Startup", "startupProbe") })
            if (container[key] is JsonObject probe) w.Write(2, $"{title}:\t{Probe(probe)}\n");
    }

    private static string Probe(JsonObject probe)
    {
        static int Int(JsonNode? n, int fallback) => n is JsonValue v && v.TryGetValue<int>(out var i) ? i : fallback;
        var attributes = $"delay={Int(probe["initialDelaySeconds"], 0)}s timeout={Int(probe["timeoutSeconds"], 1)}s period={Int(probe["periodSeconds"], 10)}s #success={Int(probe["successThreshold"], 1)} #failure={Int(probe["failureThreshold"], 3)}";
        if (probe["exec"] is JsonObject exec) return $"exec [{string.Join(' ', Strings(exec["command"]))}] {attributes}";
        if (probe["httpGet"] is JsonObject http)
        {
            var scheme = S(http["scheme"]).ToLowerInvariant();
            if (scheme.Length == 0) scheme = "http";
            var host = S(http["host"]);
            var port = S(http["port"]);
            return $"http-get {scheme}://{host}:{port}{S(http["path"])} {attributes}";
        }
        if (probe["tcpSocket"] is JsonObject tcp) return $"tcp-socket {S(tcp["host"])}:{S(tcp["port"])} {attributes}";
        if (probe["grpc"] is JsonObject grpc) return $"grpc <pod>:{S(grpc["port"])} {S(grpc["service"])} {attributes}";
        return $"unknown {attributes}";
    }

    private static void Environment(PrefixWriter w, JsonObject container)
    {
        var sources = Objects(container["envFrom"]);
        if (sources.Count > 0) w.Write(2, "Environment Variables from:\n");
        foreach (var from in sources)
        {
            var (kind, reference) = from["configMapRef"] is JsonObject cm ? ("ConfigMap", cm) : from["secretRef"] is JsonObject secret ? ("Secret", secret) : ("", []);
            var prefix = S(from["prefix"]) is { Length: > 0 } p ? $" with prefix '{p}'" : "";
            w.Write(3, $"{S(reference["name"])}\t{kind}{prefix}\tOptional: {Optional(reference)}\n");
        }
        var env = Objects(container["env"]);
        w.Write(2, $"Environment:{(env.Count == 0 ? "\t<none>" : "")}\n");
        foreach (var e in env)
        {
            var name = S(e["name"]);
            if (e["valueFrom"] is not JsonObject from)
            {
                var lines = S(e["value"]).Split('\n');
                for (var i = 0; i < lines.Length; i++) w.Write(3, i == 0 ? $"{name}:\t{lines[i]}\n" : $"\t{lines[i]}\n");
                continue;
            }
            if (from["fieldRef"] is JsonObject field) w.Write(3, $"{name}:\t ({S(field["apiVersion"])}:{S(field["fieldPath"])})\n");
            else if (from["resourceFieldRef"] is JsonObject resource) w.Write(3, $"{name}:\t ({S(resource["resource"])})\n");
            else if (from["secretKeyRef"] is JsonObject secret)
                w.Write(3, $"{name}:\t<set to the key '{S(secret["key"])}' in secret '{S(secret["name"])}'>\tOptional: {Optional(secret)}\n");
            else if (from["configMapKeyRef"] is JsonObject configMap)
                w.Write(3, $"{name}:\t<set to the key '{S(configMap["key"])}' of config map '{S(configMap["name"])}'>\tOptional: {Optional(configMap)}\n");
        }
    }

    private static string Optional(JsonObject reference) =>
        reference["optional"] is JsonValue o && o.GetValueKind() == System.Text.Json.JsonValueKind.True ? "true" : "false";

    private static void Mounts(PrefixWriter w, JsonObject container)
    {
        var mounts = Objects(container["volumeMounts"]).OrderBy(m => S(m["mountPath"]), StringComparer.Ordinal).ToList();
        w.Write(2, $"Mounts:{(mounts.Count == 0 ? "\t<none>" : "")}\n");
        foreach (var mount in mounts)
        {
            var flags = new List<string> { mount["readOnly"] is JsonValue r && r.GetValueKind() == System.Text.Json.JsonValueKind.True ? "ro" : "rw" };
            if (S(mount["subPath"]) is { Length: > 0 } sub) flags.Add($"path={Output.GoValue.Quote(sub)}");
            w.Write(3, $"{S(mount["mountPath"])} from {S(mount["name"])} ({string.Join(',', flags)})\n");
        }
    }
}
