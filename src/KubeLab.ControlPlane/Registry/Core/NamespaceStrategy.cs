using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Validation;

namespace KubeLab.ControlPlane.Registry.Core;

/// <summary>
/// Namespaces are created Active with the <c>kubernetes</c> finalizer, turn Terminating on DELETE,
/// and are removed only once <c>spec.finalizers</c> (changed solely through <c>finalize</c>) is empty.
/// </summary>
public sealed class NamespaceStrategy : ResourceStrategy<Namespace>, IDeletionStrategy
{
    public const string KubernetesFinalizer = "kubernetes";
    public const string NameLabel = "kubernetes.io/metadata.name";

    public override bool Namespaced => false;
    public override bool HasStatusSubresource => true;
    public override NameRules.Rule NameRule => NameRules.Dns1123Label;

    protected override void PrepareForCreate(Namespace ns, StrategyContext context)
    {
        ns.Spec.Finalizers = [KubernetesFinalizer];
        ns.Status = new NamespaceStatus { Phase = "Active" };
        LabelWithName(ns);
    }

    protected override void PrepareForUpdate(Namespace ns, Namespace old, StrategyContext context)
    {
        ns.Spec.Finalizers = old.Spec.Finalizers;
        LabelWithName(ns);
    }

    public override void PrepareForSubresourceUpdate(string subresource, KubeObject obj, KubeObject old)
    {
        var ns = (Namespace)obj;
        var previous = (Namespace)old;
        switch (subresource)
        {
            case "status":
                ns.Spec = previous.Spec;
                break;
            case "finalize":
                ns.Status = previous.Status;
                break;
            default:
                throw StatusErrors.NotFoundPath();
        }
        ns.Metadata = previous.Metadata;
    }

    protected override IEnumerable<FieldError> Validate(Namespace ns)
    {
        foreach (var (finalizer, i) in (ns.Spec.Finalizers ?? []).Select((f, i) => (f, i)))
            foreach (var message in MetadataValidation.QualifiedName(finalizer))
                yield return FieldError.Invalid($"spec.finalizers[{i}]", finalizer, message);
    }

    /// <summary>The first DELETE turns the namespace Terminating; it stays while spec.finalizers are left.</summary>
    public DeletionStage BeginDeletion(KubeObject obj, DeleteOptions options, StrategyContext context)
    {
        var ns = (Namespace)obj;
        if (ns.Metadata.DeletionTimestamp is null)
        {
            ns.Metadata.DeletionTimestamp = context.Now;
            ns.Metadata.DeletionGracePeriodSeconds = 0;
            ns.Status.Phase = "Terminating";
        }
        return ns.Spec.Finalizers is { Count: > 0 } ? DeletionStage.Marked : DeletionStage.Now;
    }

    public bool ShouldDeleteDuringUpdate(KubeObject obj, KubeObject old) =>
        obj.Metadata.DeletionTimestamp is not null
        && (obj.Metadata.Finalizers?.Count ?? 0) == 0
        && (((Namespace)obj).Spec.Finalizers?.Count ?? 0) == 0;

    protected override string? SelectableField(Namespace ns, string field) =>
        field == "status.phase" ? ns.Status.Phase ?? "" : null;

    private static void LabelWithName(Namespace ns)
    {
        ns.Metadata.Labels ??= [];
        // A namespace without a name is refused by validation, which reads this label first: Go's "" here, not null.
        ns.Metadata.Labels[NameLabel] = ns.Metadata.Name ?? "";
    }
}
