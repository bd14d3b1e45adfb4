using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Printers;
using KubeLab.ControlPlane.Serialization;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Rollout;

/// <summary>A deployment's replica sets as kubectl's <c>util/deployment</c> sorts them: the new one (of the current template) and the old ones.</summary>
internal sealed record DeploymentReplicaSets(List<JsonObject> Old, List<JsonObject> AllOld, JsonObject? New)
{
    /// <summary>The deployment as it was read for them, when the caller keeps it.</summary>
    public JsonObject? Deployment { get; init; }

    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    private const string HashLabel = "pod-template-hash";

    /// <summary>Every replica set of the deployment, old ones first and the new one last.</summary>
    public IEnumerable<JsonObject> All => New is null ? AllOld : [.. AllOld, New];

    /// <summary>
    /// GetAllReplicaSets: the replica sets the deployment's selector lists and that it controls, sorted by age (then
    /// name); the new one is the oldest whose template equals the deployment's, the others are old (<see cref="Old"/>
    /// keeps those that still want replicas). A <paramref name="chunkSize"/> lists in chunks, as describe does.
    /// </summary>
    public static async Task<DeploymentReplicaSets> ReadAsync(Clientset client, JsonObject deployment, long? chunkSize = null)
    {
        var metadata = deployment["metadata"] as JsonObject ?? [];
        var selector = deployment["spec"]?["selector"] is JsonObject s ? SelectorText.Selector(s.Deserialize<LabelSelector>(KubeJson.Options)) ?? "" : "";
        var listed = await client.ListAsync($"/apis/apps/v1/namespaces/{(string?)metadata["namespace"]}/replicasets", "deployment.go:118",
            labelSelector: selector, limit: chunkSize);
        var uid = (string?)metadata["uid"];
        var owned = listed
            .Where(rs => rs["metadata"]?["ownerReferences"] is JsonArray owners
                && owners.OfType<JsonObject>().Any(o => o["controller"] is JsonValue c && c.GetValueKind() == JsonValueKind.True && (string?)o["uid"] == uid))
            .OrderBy(rs => Time(rs["metadata"]?["creationTimestamp"])).ThenBy(rs => (string?)rs["metadata"]?["name"], StringComparer.Ordinal)
            .ToList();
        var template = deployment["spec"]?["template"];
        var newest = owned.FirstOrDefault(rs => EqualIgnoringHash(rs["spec"]?["template"], template));
        var allOld = owned.Where(rs => !ReferenceEquals(rs, newest)).ToList();
        var old = allOld.Where(rs => (long?)rs["spec"]?["replicas"] != 0).ToList();
        return new DeploymentReplicaSets(old, allOld, newest);
    }

    /// <summary>deploymentutil.Revision: the revision annotation, 0 without one, null when it is not a number.</summary>
    public static long? Revision(JsonObject replicaSet) =>
        replicaSet["metadata"]?["annotations"]?[RevisionAnnotation] is not JsonValue value ? 0
        : long.TryParse((string?)value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var revision) ? revision : null;

    /// <summary>A pod template without the pod-template-hash label the controller adds to its replica sets'.</summary>
    public static JsonObject WithoutHash(JsonNode? template)
    {
        var copy = template?.DeepClone() as JsonObject ?? [];
        if (copy["metadata"]?["labels"] is JsonObject labels) labels.Remove(HashLabel);
        return copy;
    }

    /// <summary>equalIgnoreHash: the templates are semantically equal once the hash label is set aside.</summary>
    public static bool EqualIgnoringHash(JsonNode? a, JsonNode? b) => SemanticEquals(WithoutHash(a), WithoutHash(b));

    /// <summary>apimachinery's Semantic.DeepEqual over JSON: a missing field, null, and an empty list or map are all equal.</summary>
    private static bool SemanticEquals(JsonNode? a, JsonNode? b)
    {
        if (IsEmpty(a) && IsEmpty(b)) return true;
        return (a, b) switch
        {
            (JsonObject x, JsonObject y) => x.Select(p => p.Key).Union(y.Select(p => p.Key)).All(k => SemanticEquals(x[k], y[k])),
            (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => SemanticEquals(p.First, p.Second)),
            _ => JsonNode.DeepEquals(a, b),
        };
    }

    private static bool IsEmpty(JsonNode? node) => node is null or JsonObject { Count: 0 } or JsonArray { Count: 0 };

    private static DateTimeOffset Time(JsonNode? node) =>
        DateTimeOffset.TryParse((string?)node, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : DateTimeOffset.MinValue;
}
