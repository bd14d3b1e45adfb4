using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Authorization;

/// <summary>"What may I do in this namespace?" (<c>kubectl auth can-i --list</c>).</summary>
public sealed class SelfSubjectRulesReview : KubeObject
{
    [Proto(2), EmitEmpty] public SelfSubjectRulesReviewSpec Spec { get; set; } = new();
    [Proto(3), EmitEmpty] public SubjectRulesReviewStatus Status { get; set; } = new();
}

public sealed class SelfSubjectRulesReviewSpec
{
    [Proto(1)] public string? Namespace { get; set; }
}

public sealed class SubjectRulesReviewStatus
{
    [Proto(1), EmitEmpty] public List<ResourceRule>? ResourceRules { get; set; }
    [Proto(2), EmitEmpty] public List<NonResourceRule>? NonResourceRules { get; set; }
    [Proto(3), EmitEmpty] public bool Incomplete { get; set; }
    [Proto(4)] public string? EvaluationError { get; set; }
}

public sealed class ResourceRule
{
    [Proto(1), EmitEmpty] public List<string>? Verbs { get; set; }
    [Proto(2)] public List<string>? ApiGroups { get; set; }
    [Proto(3)] public List<string>? Resources { get; set; }
    [Proto(4)] public List<string>? ResourceNames { get; set; }
}

public sealed class NonResourceRule
{
    [Proto(1), EmitEmpty] public List<string>? Verbs { get; set; }
    [Proto(2)] public List<string>? NonResourceURLs { get; set; }
}
