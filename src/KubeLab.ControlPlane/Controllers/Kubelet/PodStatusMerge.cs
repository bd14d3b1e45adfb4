using KubeLab.ControlPlane.Api.Core;

namespace KubeLab.ControlPlane.Controllers.Kubelet;

/// <summary>
/// The status manager's last step before it writes: keep what others own (PodScheduled from the binding,
/// qosClass, nominatedNodeName, other components' conditions) and move a condition's lastTransitionTime
/// only when its status flips.
/// </summary>
internal static class PodStatusMerge
{
    private static readonly string[] KubeletConditions = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady"];

    public static PodStatus Merge(PodStatus generated, PodStatus stored, DateTimeOffset at)
    {
        generated.QosClass = stored.QosClass;
        generated.NominatedNodeName = stored.NominatedNodeName;
        generated.StartTime = stored.StartTime ?? generated.StartTime;
        var conditions = new List<PodCondition>();
        foreach (var condition in generated.Conditions ?? [])
        {
            var before = stored.Conditions?.FirstOrDefault(c => c.Type == condition.Type);
            condition.LastTransitionTime = before?.Status == condition.Status ? before.LastTransitionTime : at;
            conditions.Add(condition);
        }
        conditions.Add(stored.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled")
                       ?? new PodCondition { Type = "PodScheduled", Status = "True", LastTransitionTime = at });
        conditions.AddRange(stored.Conditions?.Where(c => !KubeletConditions.Contains(c.Type) && c.Type != "PodScheduled") ?? []);
        generated.Conditions = conditions;
        return generated;
    }
}
