using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Core;

public sealed class ConfigMap : KubeObject
{
    [Proto(4, Pointer = true)] public bool? Immutable { get; set; }
    [Proto(2)] public Dictionary<string, string>? Data { get; set; }
    [Proto(3)] public Dictionary<string, byte[]>? BinaryData { get; set; }
}

public sealed class Secret : KubeObject
{
    [Proto(5, Pointer = true)] public bool? Immutable { get; set; }
    /// <summary>Values are bytes, base64 on the JSON wire.</summary>
    [Proto(2)] public Dictionary<string, byte[]>? Data { get; set; }
    /// <summary>Write-only convenience: merged into <see cref="Data"/> on create and update.</summary>
    [Proto(4)] public Dictionary<string, string>? StringData { get; set; }
    [Proto(3)] public string? Type { get; set; }
}

public sealed class ServiceAccount : KubeObject
{
    [Proto(2), PatchMergeKey("name")] public List<ObjectReference>? Secrets { get; set; }
    [Proto(3)] public List<LocalObjectReference>? ImagePullSecrets { get; set; }
    [Proto(4, Pointer = true)] public bool? AutomountServiceAccountToken { get; set; }
}

public sealed class ObjectReference
{
    [Proto(1)] public string? Kind { get; set; }
    [Proto(2)] public string? Namespace { get; set; }
    [Proto(3)] public string? Name { get; set; }
    [Proto(4)] public string? Uid { get; set; }
    [Proto(5)] public string? ApiVersion { get; set; }
    [Proto(6)] public string? ResourceVersion { get; set; }
    [Proto(7)] public string? FieldPath { get; set; }
}
