using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Output;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>describeVolumes, for the volume kinds a lesson meets.</summary>
internal static class VolumeDescriber
{
    /// <param name="space">A pod template's indent (<c>"  "</c>), which also indents the volume names by one.</param>
    public static void Describe(PrefixWriter w, IReadOnlyList<JsonObject> volumes, string space = "")
    {
        if (volumes.Count == 0)
        {
            w.Write(0, $"{space}Volumes:\t<none>\n");
            return;
        }
        w.Write(0, $"{space}Volumes:\n");
        foreach (var volume in volumes)
        {
            w.Write(1, $"{(space.Length > 0 ? " " : "")}{S(volume["name"])}:\n");
            static string Optional(JsonNode? o) => o is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.True ? "true" : "false";
            if (volume["hostPath"] is JsonObject hostPath)
                w.Write(2, $"Type:\tHostPath (bare host directory volume)\n    Path:\t{S(hostPath["path"])}\n    HostPathType:\t{(hostPath["type"] is null ? "<none>" : S(hostPath["type"]))}\n");
            else if (volume["emptyDir"] is JsonObject emptyDir)
                w.Write(2, $"Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t{S(emptyDir["medium"])}\n    SizeLimit:\t{(GoQuantity.Of(emptyDir["sizeLimit"]) is { IsZero: false } limit && limit.CompareTo(GoQuantity.Zero) > 0 ? limit : "<unset>")}\n");
            else if (volume["secret"] is JsonObject secret)
                w.Write(2, $"Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t{S(secret["secretName"])}\n    Optional:\t{Optional(secret["optional"])}\n");
            else if (volume["configMap"] is JsonObject configMap)
                w.Write(2, $"Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t{S(configMap["name"])}\n    Optional:\t{Optional(configMap["optional"])}\n");
            else if (volume["persistentVolumeClaim"] is JsonObject claim)
                w.Write(2, $"Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t{S(claim["claimName"])}\n    ReadOnly:\t{Optional(claim["readOnly"])}\n");
            else if (volume["projected"] is JsonObject projected)
            {
                w.Write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
                foreach (var source in Objects(projected["sources"]))
                {
                    if (source["secret"] is JsonObject s) w.Write(2, $"SecretName:\t{S(s["name"])}\n    Optional:\t{Optional(s["optional"])}\n");
                    else if (source["downwardAPI"] is JsonObject) w.Write(2, "DownwardAPI:\ttrue\n");
                    else if (source["configMap"] is JsonObject c) w.Write(2, $"ConfigMapName:\t{S(c["name"])}\n    Optional:\t{Optional(c["optional"])}\n");
                    else if (source["serviceAccountToken"] is JsonObject t) w.Write(2, $"TokenExpirationSeconds:\t{S(t["expirationSeconds"])}\n");
                }
            }
            else w.Write(1, "<unknown>\n");
        }
    }
}
