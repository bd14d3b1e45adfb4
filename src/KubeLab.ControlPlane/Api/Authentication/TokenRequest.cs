using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Authentication;

/// <summary>authentication.k8s.io/v1 TokenRequest: the body of <c>POST …/serviceaccounts/{name}/token</c>.</summary>
public sealed class TokenRequest : KubeObject
{
    [Proto(2), EmitEmpty] public TokenRequestSpec Spec { get; set; } = new();
    [Proto(3), EmitEmpty] public TokenRequestStatus Status { get; set; } = new();
}

public sealed class TokenRequestSpec
{
    [Proto(1), EmitEmpty] public List<string>? Audiences { get; set; }
    [Proto(4, Pointer = true), EmitEmpty] public long? ExpirationSeconds { get; set; }
    [Proto(3, Pointer = true), EmitEmpty] public BoundObjectReference? BoundObjectRef { get; set; }
}

public sealed class BoundObjectReference
{
    [Proto(1)] public string? Kind { get; set; }
    [Proto(2)] public string? ApiVersion { get; set; }
    [Proto(3)] public string? Name { get; set; }
    [Proto(4)] public string? Uid { get; set; }
}

public sealed class TokenRequestStatus
{
    [Proto(1), EmitEmpty] public string Token { get; set; } = "";
    [Proto(2), EmitEmpty] public DateTimeOffset? ExpirationTimestamp { get; set; }
}
