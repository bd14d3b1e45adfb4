using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Validation;

namespace KubeLab.ControlPlane.Registry;

/// <summary>What is true about the request a strategy runs for.</summary>
public sealed record StrategyContext(DateTimeOffset Now, IdSource Ids);

/// <summary>
/// Per-kind behaviour plugged into the generic registry (the apiserver's RESTCreateStrategy,
/// RESTUpdateStrategy and friends in one place).
/// </summary>
public interface IResourceStrategy
{
    Type ObjectType { get; }
    NameRules.Rule NameRule { get; }
    /// <summary>metadata.generation starts at 1 and grows with each spec change.</summary>
    bool TracksGeneration { get; }
    /// <summary>The main resource ignores status changes; the <c>status</c> subresource ignores everything else.</summary>
    bool HasStatusSubresource { get; }
    /// <summary>An update without metadata.resourceVersion is allowed (last write wins).</summary>
    bool AllowUnconditionalUpdate { get; }
    bool AllowCreateOnUpdate { get; }

    void PrepareForCreate(KubeObject obj, StrategyContext context);
    void PrepareForUpdate(KubeObject obj, KubeObject old, StrategyContext context);
    IEnumerable<FieldError> Validate(KubeObject obj);
    IEnumerable<FieldError> ValidateUpdate(KubeObject obj, KubeObject old);

    /// <summary>Values of the kind's own field selectors (<c>spec.nodeName</c>, <c>involvedObject.uid</c>…), or null.</summary>
    string? SelectableField(KubeObject obj, string field);
}
