using System.Reflection;
using System.Text.Json;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Serialization;
using KubeLab.ControlPlane.Validation;

namespace KubeLab.ControlPlane.Registry;

/// <summary>
/// Typed base for strategies. It finds a kind's <c>Spec</c> and <c>Status</c> properties once, so the
/// status split and generation tracking are generic; kinds override only what is their own.
/// </summary>
public abstract class ResourceStrategy<T> : IResourceStrategy, ISubresourceStrategy where T : KubeObject
{
    private static readonly PropertyInfo? SpecProperty = typeof(T).GetProperty("Spec");
    private static readonly PropertyInfo? StatusProperty = typeof(T).GetProperty("Status");

    public Type ObjectType => typeof(T);
    public virtual NameRules.Rule NameRule => NameRules.Dns1123Subdomain;
    public virtual bool TracksGeneration => false;
    public virtual bool HasStatusSubresource => false;
    public virtual bool AllowUnconditionalUpdate => true;
    public virtual bool AllowCreateOnUpdate => false;
    public abstract bool Namespaced { get; }

    public void PrepareForCreate(KubeObject obj, StrategyContext context)
    {
        if (TracksGeneration) obj.Metadata.Generation = 1;
        ApplyDefaults((T)obj);
        PrepareForCreate((T)obj, context);
    }

    public void PrepareForUpdate(KubeObject obj, KubeObject old, StrategyContext context)
    {
        ApplyDefaults((T)obj);
        if (HasStatusSubresource && StatusProperty is not null) StatusProperty.SetValue(obj, StatusProperty.GetValue(old));
        if (TracksGeneration)
            obj.Metadata.Generation = SpecChanged(obj, old) ? (old.Metadata.Generation ?? 0) + 1 : old.Metadata.Generation;
        PrepareForUpdate((T)obj, (T)old, context);
    }

    public virtual void PrepareForSubresourceUpdate(string subresource, KubeObject obj, KubeObject old)
    {
        if (subresource != "status" || !HasStatusSubresource) throw StatusErrors.NotFoundPath();
        PrepareForStatusUpdate(obj, old);
    }

    /// <summary>For the <c>status</c> subresource: everything but status comes from the stored object.</summary>
    protected virtual void PrepareForStatusUpdate(KubeObject obj, KubeObject old)
    {
        SpecProperty?.SetValue(obj, SpecProperty.GetValue(old));
        obj.Metadata.DeletionTimestamp = old.Metadata.DeletionTimestamp;
        obj.Metadata.OwnerReferences = old.Metadata.OwnerReferences;
        obj.Metadata.Generation = old.Metadata.Generation;
    }

    public IEnumerable<FieldError> Validate(KubeObject obj) =>
        MetadataValidation.Validate(obj.Metadata, Namespaced, NameRule).Concat(Validate((T)obj));

    public virtual IEnumerable<FieldError> ValidateSubresourceUpdate(string subresource, KubeObject obj, KubeObject old) =>
        ValidateUpdate(obj, old);

    public IEnumerable<FieldError> ValidateUpdate(KubeObject obj, KubeObject old)
    {
        foreach (var error in MetadataValidation.Validate(obj.Metadata, Namespaced, NameRules.PathSegment)) yield return error;
        foreach (var error in Validate((T)obj)) yield return error;
        foreach (var error in ValidateUpdate((T)obj, (T)old)) yield return error;
    }

    public virtual string? SelectableField(KubeObject obj, string field) => SelectableField((T)obj, field);

    /// <summary>
    /// The defaults the real server applies when it decodes any write (create, update, patch), so a replaced
    /// object compares equal to a stored one that was defaulted the same way.
    /// </summary>
    protected virtual void ApplyDefaults(T obj) { }
    protected virtual void PrepareForCreate(T obj, StrategyContext context) { }
    protected virtual void PrepareForUpdate(T obj, T old, StrategyContext context) { }
    protected virtual IEnumerable<FieldError> Validate(T obj) => [];
    protected virtual IEnumerable<FieldError> ValidateUpdate(T obj, T old) => [];
    protected virtual string? SelectableField(T obj, string field) => null;

    private static bool SpecChanged(KubeObject obj, KubeObject old) =>
        SpecProperty is not null &&
        !JsonSerializer.SerializeToUtf8Bytes(SpecProperty.GetValue(obj), SpecProperty.PropertyType, KubeJson.Options)
            .AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(SpecProperty.GetValue(old), SpecProperty.PropertyType, KubeJson.Options));
}
