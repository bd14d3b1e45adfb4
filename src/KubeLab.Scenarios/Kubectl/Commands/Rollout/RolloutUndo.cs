using System.Text;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization;
using KubeLab.Scenarios.Kubectl.Commands.Edit;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Printing;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Rollout;

/// <summary>
/// <c>kubectl rollout undo deployment/NAME [--to-revision=N]</c> (DeploymentRollbacker): the replica set of the previous
/// revision (or of N) found, and its pod template and annotations put back on the deployment with a JSON patch.
/// </summary>
internal sealed class RolloutUndo : CommandDefinition
{
    /// <summary>Annotations the deployment keeps from itself, not from the replica set it goes back to.</summary>
    private static readonly string[] KeptAnnotations =
    [
        "kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision", "deployment.kubernetes.io/revision-history",
        "deployment.kubernetes.io/desired-replicas", "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to",
    ];

    /// <summary>ObjectMeta's fields before creationTimestamp, in Go's struct order.</summary>
    private static readonly string[] MetadataBeforeCreation = ["name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation"];

    public override string Name => "undo";

    public override void AddFlags(FlagSet flags)
    {
        OutputFormat.AddFlags(flags);
        WriteFlags.AddDryRun(flags);
        flags.Int("to-revision").Slice("filename", 'f').String("kustomize", 'k').Bool("recursive", 'R').String("selector", 'l');
    }

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        var dryRun = WriteFlags.DryRunOf(flags);
        if (invocation.Args.Count == 0 && flags.Strings("filename").Count == 0) throw KubectlException.Client("required resource not specified");
        OutputFormat.Parse(flags);
        var errors = new List<KubectlError>();
        var targets = await ObjectTargets.FetchAsync(invocation, invocation.Args, errors, flags.String("selector"), all: true, accept: KubeRequest.AnyAccept);
        foreach (var target in targets)
        {
            try
            {
                if (RolloutKinds.Refusal(target.Resource, "rollbacker") is { } refusal) throw KubectlException.Client(refusal);
                var result = await RollbackAsync(invocation, target, flags.Int("to-revision"), dryRun);
                invocation.Out(ResultPrinter.Print(invocation, target.Object, WriteFlags.Operation(result, dryRun)));
            }
            catch (KubectlException e)
            {
                errors.AddRange(e.Errors);
            }
        }
        if (errors.Count > 0) throw new KubectlException([.. errors]);
        return 0;
    }

    private static async Task<string> RollbackAsync(Invocation invocation, FetchedObject target, long toRevision, DryRun dryRun)
    {
        if (toRevision < 0) throw NotFound(toRevision);
        var sets = await RolloutHistory.ReadAsync(invocation, target, "Deployment", "rollback.go:114");
        var deployment = sets.Deployment!;
        var replicaSet = Revision(sets, toRevision, target.Name);
        if (dryRun == DryRun.Client) return RolloutHistory.Template(replicaSet, withChangeCause: false);
        if (deployment["spec"]?["paused"] is JsonValue paused && paused.GetValueKind() == System.Text.Json.JsonValueKind.True)
            throw KubectlException.Client("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
        if (DeploymentReplicaSets.EqualIgnoringHash(replicaSet["spec"]?["template"], deployment["spec"]?["template"]))
            return $"skipped rollback (current template already matches revision {toRevision})";

        var annotations = new JsonObject();
        foreach (var key in KeptAnnotations)
            if (deployment["metadata"]?["annotations"]?[key] is JsonValue kept) annotations[key] = kept.DeepClone();
        foreach (var (key, value) in replicaSet["metadata"]?["annotations"] as JsonObject ?? [])
            if (!KeptAnnotations.Contains(key)) annotations[key] = value?.DeepClone();
        // The template is Go's json.Marshal of the typed PodTemplateSpec: the server's field order and sorted map keys, an explicit null creationTimestamp.
        var template = DeploymentReplicaSets.WithoutHash(replicaSet["spec"]?["template"]);
        var metadata = (JsonObject)(template["metadata"] ??= new JsonObject());
        if (!metadata.ContainsKey("creationTimestamp")) metadata.Insert(metadata.Count(p => MetadataBeforeCreation.Contains(p.Key)), "creationTimestamp", null);
        var patch = $"[{{\"op\":\"replace\",\"path\":\"/spec/template\",\"value\":{template.ToJsonString(KubeJson.Options)}}}," +
                    $"{{\"op\":\"replace\",\"path\":\"/metadata/annotations\",\"value\":{GoJson.Compact(annotations)}}}]";
        var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Patch, target.Path)
        {
            Accept = KubeRequest.ProtobufAccept,
            Query = new GoQuery().AddIf(dryRun == DryRun.Server, "dryRun", "All").Encode(),
            ContentType = "application/json-patch+json",
            Body = Encoding.UTF8.GetBytes(patch),
            Caller = "rollback.go:162",
        }, invocation.Cancellation);
        if (!response.IsSuccess) throw KubectlException.Client($"failed restoring revision {toRevision}: {response.Status().Message}");
        return "rolled back";
    }

    /// <summary>deploymentRevision: the replica set of revision N, or by default the second newest.</summary>
    private static JsonObject Revision(DeploymentReplicaSets sets, long toRevision, string name)
    {
        JsonObject? latest = null, previous = null;
        long latestRevision = -1, previousRevision = -1;
        foreach (var replicaSet in sets.All)
        {
            if (DeploymentReplicaSets.Revision(replicaSet) is not { } number) continue;
            if (toRevision > 0)
            {
                if (number == toRevision) return replicaSet;
                continue;
            }
            if (latestRevision < number)
            {
                (previousRevision, previous) = (latestRevision, latest);
                (latestRevision, latest) = (number, replicaSet);
            }
            else if (previousRevision < number) (previousRevision, previous) = (number, replicaSet);
        }
        if (toRevision > 0) throw NotFound(toRevision);
        return previous ?? throw KubectlException.Client($"no rollout history found for deployment {GoValue.Quote(name)}");
    }

    private static KubectlException NotFound(long revision) => KubectlException.Client($"unable to find specified revision {revision} in history");
}
