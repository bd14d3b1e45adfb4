using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Controllers;

/// <summary>
/// A controller's informer cache. Real controllers read from caches filled by watches and write through
/// the API; here the cache is the store itself (always current), read-only, and every read hands out a
/// private copy. Writes still go through <see cref="ApiClient"/>, so they are exchanges like any other.
/// </summary>
public sealed class Lister(VersionedStore store)
{
    public VersionedStore Store => store;

    public T? Get<T>(string resource, string? ns, string name) where T : KubeObject =>
        store.Get(resource, ns is null ? name : $"{ns}/{name}")?.Copy<T>();

    /// <summary>Every object of a resource, in one namespace or (null) all of them, in key order.</summary>
    public List<T> List<T>(string resource, string? ns = null) where T : KubeObject =>
        store.List(resource, ns is null ? "" : ns + "/").Items.Select(s => s.Copy<T>()).ToList();

    /// <summary>Objects that name <paramref name="ownerUid"/> in their ownerReferences.</summary>
    public List<T> OwnedBy<T>(string resource, string? ns, string ownerUid) where T : KubeObject =>
        store.List(resource, ns is null ? "" : ns + "/").Items
            .Where(s => s.Object.Metadata.OwnerReferences?.Any(o => o.Uid == ownerUid) == true)
            .Select(s => s.Copy<T>()).ToList();
}
