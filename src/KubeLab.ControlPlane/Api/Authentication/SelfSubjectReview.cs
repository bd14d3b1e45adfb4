using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Authentication;

/// <summary>authentication.k8s.io/v1 SelfSubjectReview: "who am I?" (<c>kubectl auth whoami</c>).</summary>
public sealed class SelfSubjectReview : KubeObject
{
    [Proto(2), EmitEmpty] public SelfSubjectReviewStatus Status { get; set; } = new();
}

public sealed class SelfSubjectReviewStatus
{
    [Proto(1), EmitEmpty] public UserInfoView UserInfo { get; set; } = new();
}

/// <summary>A TokenReview: does this token authenticate, and as whom?</summary>
public sealed class TokenReview : KubeObject
{
    [Proto(2), EmitEmpty] public TokenReviewSpec Spec { get; set; } = new();
    [Proto(3), EmitEmpty] public TokenReviewStatus Status { get; set; } = new();
}

public sealed class TokenReviewSpec
{
    [Proto(1)] public string? Token { get; set; }
    [Proto(2)] public List<string>? Audiences { get; set; }
}

public sealed class TokenReviewStatus
{
    [Proto(1)] public bool? Authenticated { get; set; }
    [Proto(2), EmitEmpty] public UserInfoView User { get; set; } = new();
    [Proto(4)] public List<string>? Audiences { get; set; }
    [Proto(3)] public string? Error { get; set; }
}

/// <summary>authentication.k8s.io/v1 UserInfo as the wire shows it.</summary>
public sealed class UserInfoView
{
    [Proto(1)] public string? Username { get; set; }
    [Proto(2)] public string? Uid { get; set; }
    [Proto(3)] public List<string>? Groups { get; set; }
    [Proto(4, Message = "ExtraValue")] public Dictionary<string, List<string>>? Extra { get; set; }

    public static UserInfoView From(Pipeline.UserInfo user) => new()
    {
        Username = user.Name,
        Uid = user.Uid,
        Groups = [.. user.Groups],
        Extra = user.Extra.Count == 0 ? null : user.Extra.ToDictionary(kv => kv.Key, kv => kv.Value.ToList()),
    };
}
