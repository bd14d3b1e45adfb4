using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Meta;

public sealed class ObjectMeta
{
    [Proto(1)] public string? Name { get; set; }
    [Proto(2)] public string? GenerateName { get; set; }
    [Proto(3)] public string? Namespace { get; set; }
    [Proto(4)] public string? SelfLink { get; set; }
    [Proto(5)] public string? Uid { get; set; }
    [Proto(6)] public string? ResourceVersion { get; set; }
    [Proto(7)] public long? Generation { get; set; }
    [EmitEmpty, Proto(8)] public DateTimeOffset? CreationTimestamp { get; set; }
    [Proto(9)] public DateTimeOffset? DeletionTimestamp { get; set; }
    [Proto(10, Pointer = true)] public long? DeletionGracePeriodSeconds { get; set; }
    [Proto(11)] public Dictionary<string, string>? Labels { get; set; }
    [Proto(12)] public Dictionary<string, string>? Annotations { get; set; }
    [Proto(13), PatchMergeKey("uid")] public List<OwnerReference>? OwnerReferences { get; set; }
    [Proto(14), PatchStrategy("merge")] public List<string>? Finalizers { get; set; }
    [Proto(17)] public List<ManagedFieldsEntry>? ManagedFields { get; set; }
}

public sealed class OwnerReference
{
    [Proto(5)] public string ApiVersion { get; set; } = "";
    [Proto(1)] public string Kind { get; set; } = "";
    [Proto(3)] public string Name { get; set; } = "";
    [Proto(4)] public string Uid { get; set; } = "";
    [Proto(6, Pointer = true)] public bool? Controller { get; set; }
    [Proto(7, Pointer = true)] public bool? BlockOwnerDeletion { get; set; }
}

public sealed class ManagedFieldsEntry
{
    [Proto(1)] public string? Manager { get; set; }
    [Proto(2)] public string? Operation { get; set; }
    [Proto(3)] public string? ApiVersion { get; set; }
    [Proto(4)] public DateTimeOffset? Time { get; set; }
    [Proto(6)] public string? FieldsType { get; set; }
    [Proto(7, Message = "FieldsV1")] public JsonObject? FieldsV1 { get; set; }
    [Proto(8)] public string? Subresource { get; set; }
}

public sealed class LabelSelector
{
    [Proto(1)] public Dictionary<string, string>? MatchLabels { get; set; }
    [Proto(2)] public List<LabelSelectorRequirement>? MatchExpressions { get; set; }
}

public sealed class LabelSelectorRequirement
{
    [Proto(1)] public string Key { get; set; } = "";
    [Proto(2)] public string Operator { get; set; } = "";
    [Proto(3)] public List<string>? Values { get; set; }
}
