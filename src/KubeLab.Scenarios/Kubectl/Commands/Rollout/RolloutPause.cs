using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Commands.Edit;

namespace KubeLab.Scenarios.Kubectl.Commands.Rollout;

/// <summary><c>kubectl rollout pause deployment/NAME</c>: <c>spec.paused</c> set, so template changes wait.</summary>
internal sealed class RolloutPause : RolloutPatchCommand
{
    public override string Name => "pause";
    protected override string Done => "paused";

    protected override string? Change(FetchedObject target, JsonObject copy, Invocation invocation)
    {
        if (!RolloutKinds.IsDeployment(target.Resource)) return "pausing is not supported";
        if (copy["spec"]?["paused"] is JsonValue paused && paused.GetValueKind() == System.Text.Json.JsonValueKind.True) return "is already paused";
        ((JsonObject)copy["spec"]!)["paused"] = true;
        return null;
    }
}

/// <summary><c>kubectl rollout resume deployment/NAME</c>: <c>spec.paused</c> cleared (a false bool is omitted, so the patch nulls it).</summary>
internal sealed class RolloutResume : RolloutPatchCommand
{
    public override string Name => "resume";
    protected override string Done => "resumed";

    protected override string? Change(FetchedObject target, JsonObject copy, Invocation invocation)
    {
        if (!RolloutKinds.IsDeployment(target.Resource)) return "resuming is not supported";
        if (copy["spec"]?["paused"] is not JsonValue paused || paused.GetValueKind() != System.Text.Json.JsonValueKind.True) return "is not paused";
        ((JsonObject)copy["spec"]!).Remove("paused");
        return null;
    }
}
