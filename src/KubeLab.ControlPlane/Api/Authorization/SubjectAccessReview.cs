using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Authorization;

/// <summary>authorization.k8s.io/v1 SelfSubjectAccessReview: "may I?" (<c>kubectl auth can-i</c>).</summary>
public sealed class SelfSubjectAccessReview : KubeObject
{
    [Proto(2), EmitEmpty] public SelfSubjectAccessReviewSpec Spec { get; set; } = new();
    [Proto(3), EmitEmpty] public SubjectAccessReviewStatus Status { get; set; } = new();
}

public sealed class SelfSubjectAccessReviewSpec
{
    [Proto(1)] public ResourceAttributes? ResourceAttributes { get; set; }
    [Proto(2)] public NonResourceAttributes? NonResourceAttributes { get; set; }
}

/// <summary>"May this user?": asked by a component on behalf of someone else.</summary>
public sealed class SubjectAccessReview : KubeObject
{
    [Proto(2), EmitEmpty] public SubjectAccessReviewSpec Spec { get; set; } = new();
    [Proto(3), EmitEmpty] public SubjectAccessReviewStatus Status { get; set; } = new();
}

/// <summary>A SubjectAccessReview limited to one namespace.</summary>
public sealed class LocalSubjectAccessReview : KubeObject
{
    [Proto(2), EmitEmpty] public SubjectAccessReviewSpec Spec { get; set; } = new();
    [Proto(3), EmitEmpty] public SubjectAccessReviewStatus Status { get; set; } = new();
}

public sealed class SubjectAccessReviewSpec
{
    [Proto(1)] public ResourceAttributes? ResourceAttributes { get; set; }
    [Proto(2)] public NonResourceAttributes? NonResourceAttributes { get; set; }
    [Proto(3)] public string? User { get; set; }
    [Proto(4)] public List<string>? Groups { get; set; }
    [Proto(5)] public Dictionary<string, List<string>>? Extra { get; set; }
    [Proto(6)] public string? Uid { get; set; }
}

public sealed class ResourceAttributes
{
    [Proto(1)] public string? Namespace { get; set; }
    [Proto(2)] public string? Verb { get; set; }
    [Proto(3)] public string? Group { get; set; }
    [Proto(4)] public string? Version { get; set; }
    [Proto(5)] public string? Resource { get; set; }
    [Proto(6)] public string? Subresource { get; set; }
    [Proto(7)] public string? Name { get; set; }
}

public sealed class NonResourceAttributes
{
    [Proto(1)] public string? Path { get; set; }
    [Proto(2)] public string? Verb { get; set; }
}

public sealed class SubjectAccessReviewStatus
{
    [Proto(1), EmitEmpty] public bool Allowed { get; set; }
    [Proto(4)] public bool? Denied { get; set; }
    [Proto(2)] public string? Reason { get; set; }
    [Proto(3)] public string? EvaluationError { get; set; }
}
