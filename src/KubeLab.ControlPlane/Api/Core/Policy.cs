using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Core;

/// <summary>A namespace's aggregate limits; <c>kubectl describe ns</c> lists them.</summary>
public sealed class ResourceQuota : KubeObject
{
    [Proto(2), EmitEmpty] public ResourceQuotaSpec Spec { get; set; } = new();
    [Proto(3), EmitEmpty] public ResourceQuotaStatus Status { get; set; } = new();
}

public sealed class ResourceQuotaSpec
{
    [Proto(1)] public Dictionary<string, Quantity>? Hard { get; set; }
    [Proto(2)] public List<string>? Scopes { get; set; }
    [Proto(3, Message = "ScopeSelector")] public JsonObject? ScopeSelector { get; set; }
}

public sealed class ResourceQuotaStatus
{
    [Proto(1)] public Dictionary<string, Quantity>? Hard { get; set; }
    [Proto(2)] public Dictionary<string, Quantity>? Used { get; set; }
}

/// <summary>Per-object default and maximum resources in a namespace; <c>kubectl describe ns</c> lists them.</summary>
public sealed class LimitRange : KubeObject
{
    [Proto(2), EmitEmpty] public LimitRangeSpec Spec { get; set; } = new();
}

public sealed class LimitRangeSpec
{
    [Proto(1, Message = "LimitRangeItem"), EmitEmpty] public List<JsonObject>? Limits { get; set; }
}
