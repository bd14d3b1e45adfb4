using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Registry;

/// <summary>
/// Kinds with writable subresources that update part of the object (<c>status</c>, a namespace's
/// <c>finalize</c>) say which part is taken from the request and which from the stored object.
/// </summary>
public interface ISubresourceStrategy
{
    void PrepareForSubresourceUpdate(string subresource, KubeObject obj, KubeObject old);
}

/// <summary>Kinds whose deletion is more than "finalizers, then gone" (graceful pods, namespaces).</summary>
public interface IDeletionStrategy
{
    /// <summary>
    /// Marks <paramref name="obj"/> for deletion if it must wait (sets deletionTimestamp and the like);
    /// returns false when it can be removed now.
    /// </summary>
    bool BeginGracefulDeletion(KubeObject obj, DeleteOptions options, StrategyContext context);

    bool ShouldDeleteDuringUpdate(KubeObject obj, KubeObject old);
}
