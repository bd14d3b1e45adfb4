using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Errors;

namespace KubeLab.ControlPlane.Registry.Core;

/// <summary>
/// <c>POST pods/{name}/binding</c> (the pod registry's BindingREST): puts an unassigned pod on a node by
/// setting spec.nodeName, copying the binding's annotations and marking the pod PodScheduled.
/// </summary>
public static class PodBinding
{
    public const string Subresource = "binding";
    private static readonly GroupResource Resource = new("", "pods/binding");

    public static void Bind(ResourceRegistry pods, string ns, string name, Binding binding, RequestContext context, DateTimeOffset now)
    {
        if (binding.Metadata.Name != name) throw StatusErrors.BadRequest("name in URL does not match name in Binding object");
        if (string.IsNullOrEmpty(binding.Target.Name))
            throw StatusErrors.Invalid("Binding", null, name, [FieldError.Required("target.name")]);
        if (binding.Target.Kind is { Length: > 0 } kind && kind != "Node")
            throw StatusErrors.Invalid("Binding", null, name, [FieldError.NotSupported("target.kind", kind, ["Node", "<empty>"])]);

        var pod = pods.Get(ns, name, context).Copy<Pod>();
        if (binding.Metadata.Uid is { Length: > 0 } uid && uid != pod.Metadata.Uid)
            throw StatusErrors.Conflict(Resource, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {pod.Metadata.Uid}");
        if (pod.Metadata.DeletionTimestamp is not null)
            throw StatusErrors.Conflict(Resource, name, $"pod {name} is being deleted, cannot be assigned to a host");
        if (!string.IsNullOrEmpty(pod.Spec.NodeName))
            throw StatusErrors.Conflict(Resource, name, $"pod {name} is already assigned to node \"{pod.Spec.NodeName}\"");
        if (pod.Spec.SchedulingGates is { Count: > 0 })
            throw StatusErrors.Conflict(Resource, name, $"pod {name} has non-empty .spec.schedulingGates");

        pod.Spec.NodeName = binding.Target.Name;
        foreach (var (key, value) in binding.Metadata.Annotations ?? [])
            (pod.Metadata.Annotations ??= [])[key] = value;
        PodConditions.Set(pod.Status, new PodCondition { Type = "PodScheduled", Status = "True" }, now);
        // A binding is not an update of fields a manager then owns: the real BindingREST leaves managedFields alone.
        pods.Update(ns, name, pod, context with { FieldManager = null }, Subresource);
    }
}

/// <summary>podutil.UpdatePodCondition: a condition's lastTransitionTime moves only when its status changes.</summary>
public static class PodConditions
{
    public static void Set(PodStatus status, PodCondition condition, DateTimeOffset now)
    {
        status.Conditions ??= [];
        var index = status.Conditions.FindIndex(c => c.Type == condition.Type);
        var existing = index < 0 ? null : status.Conditions[index];
        condition.LastTransitionTime = existing?.Status == condition.Status ? existing.LastTransitionTime : now;
        if (index < 0) status.Conditions.Add(condition);
        else status.Conditions[index] = condition;
    }
}
