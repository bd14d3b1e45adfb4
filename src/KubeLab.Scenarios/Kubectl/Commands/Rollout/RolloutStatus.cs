using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Commands.Edit;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Rollout;

/// <summary>
/// <c>kubectl rollout status deployment/NAME</c>: the deployment watched, its status viewer's line printed at each event
/// until the rollout is complete.
/// </summary>
internal sealed class RolloutStatus : CommandDefinition
{
    public override string Name => "status";

    public override void AddFlags(FlagSet flags) =>
        flags.Slice("filename", 'f').String("kustomize", 'k').Bool("recursive", 'R').Int("revision").String("selector", 'l')
            .Duration("timeout").Bool("watch", 'w', true);

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var errors = new List<KubectlError>();
        var targets = await ObjectTargets.FetchAsync(invocation, invocation.Args, errors, accept: KubeRequest.AnyAccept);
        if (errors.Count > 0) throw new KubectlException([.. errors]);
        if (targets.Count != 1) throw KubectlException.Client("rollout status is only supported on individual resources and resource collections - 2 resources were found");
        var target = targets[0];
        if ((target.Resource.Group, target.Resource.Plural) != ("apps", "deployments"))
            throw KubectlException.Client($"no status viewer has been implemented for {target.Resource.Kind}");
        var watch = invocation.Flags.Bool("watch");
        Exception? failure = null;
        var informer = new ObjectInformer(invocation);
        var outcome = await informer.UntilAsync(target.Resource, target.Namespace, target.Name, (type, obj) =>
        {
            if (type == "DELETED")
            {
                failure = KubectlException.Client("object has been deleted");
                return true;
            }
            string line;
            bool done;
            try
            {
                (line, done) = Status(obj);
            }
            catch (KubectlException e)
            {
                failure = e;
                return true;
            }
            invocation.Out(line);
            return done || !watch;
        }, stopWhenAbsent: false);
        if (failure is not null) throw failure;
        if (outcome == InformerOutcome.TimedOut) throw KubectlException.Client("timed out waiting for the condition");
        return 0;
    }

    /// <summary>kubectl's DeploymentStatusViewer.</summary>
    private static (string Line, bool Done) Status(JsonObject deployment)
    {
        static long Int(JsonNode? node) => node is JsonValue v && long.TryParse(v.ToString(), out var n) ? n : 0;
        var name = (string?)deployment["metadata"]?["name"] ?? "";
        var generation = Int(deployment["metadata"]?["generation"]);
        var status = deployment["status"] as JsonObject ?? [];
        if (generation > Int(status["observedGeneration"])) return ("Waiting for deployment spec update to be observed...\n", false);
        var progressing = status["conditions"]?.AsArray().OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == "Progressing");
        if ((string?)progressing?["reason"] == "ProgressDeadlineExceeded") throw KubectlException.Client($"deployment {GoValue.Quote(name)} exceeded its progress deadline");
        var updated = Int(status["updatedReplicas"]);
        var replicas = Int(status["replicas"]);
        var available = Int(status["availableReplicas"]);
        if (deployment["spec"]?["replicas"] is { } wanted && updated < Int(wanted))
            return ($"Waiting for deployment {GoValue.Quote(name)} rollout to finish: {updated} out of {Int(wanted)} new replicas have been updated...\n", false);
        if (replicas > updated)
            return ($"Waiting for deployment {GoValue.Quote(name)} rollout to finish: {replicas - updated} old replicas are pending termination...\n", false);
        if (available < updated)
            return ($"Waiting for deployment {GoValue.Quote(name)} rollout to finish: {available} of {updated} updated replicas are available...\n", false);
        return ($"deployment {GoValue.Quote(name)} successfully rolled out\n", true);
    }
}
