using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Controllers.Deployment;

using ReplicaSet = KubeLab.ControlPlane.Api.Apps.ReplicaSet;

/// <summary>
/// controller.ComputeHash: FNV-32a of the pod template (and of the collision count, when there is one),
/// printed in decimal and safe-encoded (rand.SafeEncodeString), so names look like <c>web-7c5ddbdf54</c>.
/// The real controller hashes Go's spew dump of the template struct; this hashes the template's JSON with
/// sorted keys instead: as stable, but not the same digits a real cluster would print.
/// </summary>
public static class PodTemplateHash
{
    public const string Label = "pod-template-hash";
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Compute(PodTemplateSpec template, int? collisionCount)
    {
        var hash = 2166136261u;
        void Add(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes) hash = (hash ^ b) * 16777619u;
        }
        Add(Encoding.UTF8.GetBytes(Canonical(JsonSerializer.SerializeToNode(template, KubeJson.Options))));
        if (collisionCount is { } count) Add(BitConverter.GetBytes((uint)count));
        return SafeEncode(hash.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>rand.SafeEncodeString: each character mapped into an alphabet without vowels or look-alikes.</summary>
    public static string SafeEncode(string text) => new(text.Select(c => Alphabet[c % Alphabet.Length]).ToArray());

    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
