using System.Globalization;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Commands.Edit;
using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Kubectl.Commands.Rollout;

/// <summary>
/// <c>kubectl rollout restart deployment/NAME</c>: the pod template annotated with <c>kubectl.kubernetes.io/restartedAt</c>,
/// the client's clock in RFC 3339 to the second, so the deployment rolls out new pods. Twice in one second changes nothing.
/// </summary>
internal sealed class RolloutRestart : RolloutPatchCommand
{
    public override string Name => "restart";
    protected override string Done => "restarted";

    protected override string? Change(FetchedObject target, JsonObject copy, Invocation invocation)
    {
        if (!RolloutKinds.IsDeployment(target.Resource)) return "restarting is not supported";
        if (copy["spec"]?["paused"] is JsonValue paused && paused.GetValueKind() == System.Text.Json.JsonValueKind.True)
            return "can't restart paused deployment (run rollout resume first)";
        var template = (JsonObject)(copy["spec"]!["template"] ??= new JsonObject());
        var metadata = (JsonObject)(template["metadata"] ??= new JsonObject());
        var annotations = (JsonObject)(metadata["annotations"] ??= new JsonObject());
        var now = invocation.Environment.Cluster.Services.Clock.GetUtcNow();
        annotations["kubectl.kubernetes.io/restartedAt"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return null;
    }

    protected override KubectlError? Unchanged(FetchedObject target, out string? operation)
    {
        operation = null;
        return KubectlError.Client($"failed to create patch for {target.Name}: if restart has already been triggered within the past second, please wait before attempting to trigger another");
    }
}
