using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Policy;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Registry.Apps;
using KubeLab.ControlPlane.Validation;

namespace KubeLab.ControlPlane.Registry.Policy;

/// <summary>
/// PodDisruptionBudget (policy/v1): no defaults; a new budget's status is all zeros until the disruption
/// controller counts its pods (KubeLab runs no disruption controller, so it stays so); updates need a resourceVersion.
/// </summary>
public sealed class PodDisruptionBudgetStrategy : ResourceStrategy<PodDisruptionBudget>
{
    private static readonly string[] EvictionPolicies = ["AlwaysAllow", "IfHealthyBudget"];

    public override bool Namespaced => true;
    public override bool TracksGeneration => true;
    public override bool HasStatusSubresource => true;
    public override bool AllowUnconditionalUpdate => false;

    protected override void PrepareForCreate(PodDisruptionBudget budget, StrategyContext context) => budget.Status = new PodDisruptionBudgetStatus();

    protected override IEnumerable<FieldError> Validate(PodDisruptionBudget budget)
    {
        var spec = budget.Spec;
        if (spec.MinAvailable is not null && spec.MaxUnavailable is not null)
            yield return FieldError.Invalid("spec", new RawValue(GoSpec(spec)), "minAvailable and maxUnavailable cannot be both set");
        if (spec.MinAvailable is { } min)
            foreach (var error in PositiveIntOrPercent(min, "spec.minAvailable")) yield return error;
        if (spec.MaxUnavailable is { } max)
            foreach (var error in PositiveIntOrPercent(max, "spec.maxUnavailable")) yield return error;
        foreach (var error in SelectorValidation.Validate(spec.Selector, "spec.selector")) yield return error;
        if (spec.UnhealthyPodEvictionPolicy is { } policy && !EvictionPolicies.Contains(policy))
            yield return FieldError.NotSupported("spec.unhealthyPodEvictionPolicy", policy, EvictionPolicies);
    }

    /// <summary>apps validation's ValidatePositiveIntOrPercent and IsNotMoreThan100Percent.</summary>
    private static IEnumerable<FieldError> PositiveIntOrPercent(IntOrString value, string path)
    {
        if (value.IntValue is { } number)
        {
            if (number < 0) yield return FieldError.Invalid(path, number, "must be greater than or equal to 0");
            yield break;
        }
        var text = value.StringValue ?? "";
        if (!text.EndsWith('%') || !int.TryParse(text[..^1], out var percent))
        {
            yield return FieldError.Invalid(path, text, "must be an integer or percentage (e.g '5%')");
            yield break;
        }
        if (percent < 0) yield return FieldError.Invalid(path, text, "must be greater than or equal to 0");
        if (percent > 100) yield return FieldError.Invalid(path, text, "must not be greater than 100%");
    }

    /// <summary>
    /// Go prints the whole spec with %#v here, pointers as addresses; KubeLab cannot know those, so it names
    /// the two values instead (the one place this kind's message differs from a real server's).
    /// </summary>
    private static string GoSpec(PodDisruptionBudgetSpec spec) =>
        $"policy.PodDisruptionBudgetSpec{{MinAvailable:{Text(spec.MinAvailable)}, MaxUnavailable:{Text(spec.MaxUnavailable)}}}";

    private static string Text(IntOrString? value) => value?.IntValue?.ToString() ?? value?.StringValue ?? "nil";
}
