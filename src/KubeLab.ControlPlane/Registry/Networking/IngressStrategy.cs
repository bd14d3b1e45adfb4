using KubeLab.ControlPlane.Api.Networking;
using KubeLab.ControlPlane.Errors;

namespace KubeLab.ControlPlane.Registry.Networking;

/// <summary>
/// Ingress (networking.k8s.io/v1): no defaults in v1 (pathType is required, not defaulted as it was in
/// v1beta1); status belongs to the ingress controller, through the <c>status</c> subresource.
/// </summary>
public sealed class IngressStrategy : ResourceStrategy<Ingress>
{
    private const string ClassAnnotation = "kubernetes.io/ingress.class";

    public override bool Namespaced => true;
    public override bool TracksGeneration => true;
    public override bool HasStatusSubresource => true;

    protected override void PrepareForCreate(Ingress ingress, StrategyContext context) => ingress.Status = new IngressStatus();

    protected override IEnumerable<FieldError> Validate(Ingress ingress)
    {
        foreach (var error in IngressValidation.ValidateSpec(ingress.Spec)) yield return error;
        if (ingress.Metadata.Annotations?.GetValueOrDefault(ClassAnnotation) is { } annotated
            && ingress.Spec.IngressClassName is { } className && annotated != className)
            yield return FieldError.Invalid($"annotations.{ClassAnnotation}", annotated, "must match `ingressClassName` when both are specified");
    }
}
