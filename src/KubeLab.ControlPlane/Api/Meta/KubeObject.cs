using System.Text.Json.Serialization;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Api.Meta;

/// <summary>Every top-level API object: TypeMeta then ObjectMeta, as Go embeds them.</summary>
public abstract class KubeObject
{
    [JsonPropertyOrder(-3)] public string? Kind { get; set; }
    [JsonPropertyOrder(-2)] public string? ApiVersion { get; set; }
    [JsonPropertyOrder(-1), EmitEmpty, Proto(1)] public ObjectMeta Metadata { get; set; } = new();
}

/// <summary>A list envelope: TypeMeta, ListMeta and items.</summary>
public sealed class KubeList<T> where T : KubeObject
{
    public string? Kind { get; set; }
    public string? ApiVersion { get; set; }
    [EmitEmpty, Proto(1)] public ListMeta Metadata { get; set; } = new();
    [EmitEmpty, Proto(2)] public List<T> Items { get; set; } = [];
}

public sealed class ListMeta
{
    [Proto(1)] public string? SelfLink { get; set; }
    [Proto(2)] public string? ResourceVersion { get; set; }
    [Proto(3), JsonPropertyName("continue")] public string? Continue { get; set; }
    [Proto(4, Pointer = true)] public long? RemainingItemCount { get; set; }
}
