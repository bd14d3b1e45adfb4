using System.Text.Json;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Storage;

/// <summary>
/// One revision of an object as the store holds it: the decoded object (shared, never mutated)
/// and its encoded JSON, so reads write bytes without serializing again.
/// </summary>
public sealed class StoredObject
{
    public required string Key { get; init; }
    public required KubeObject Object { get; init; }
    public required byte[] Json { get; init; }
    public required long ResourceVersion { get; init; }

    /// <summary>A private, mutable copy for a read-modify-write.</summary>
    public KubeObject Copy() => (KubeObject)JsonSerializer.Deserialize(Json, Object.GetType(), KubeJson.Options)!;

    public T Copy<T>() where T : KubeObject => (T)Copy();
}

public enum WatchEventType { Added, Modified, Deleted }

/// <summary>A committed change, as a watch sees it; <paramref name="Previous"/> is the state it replaced.</summary>
public sealed record StoreEvent(WatchEventType Type, string Resource, StoredObject Object, StoredObject? Previous)
{
    public long Revision => Object.ResourceVersion;
}
