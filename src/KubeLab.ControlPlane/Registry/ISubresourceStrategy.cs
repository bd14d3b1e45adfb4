using KubeLab.ControlPlane.Api.Meta;

namespace KubeLab.ControlPlane.Registry;

/// <summary>
/// Kinds with writable subresources that update part of the object (<c>status</c>, a namespace's
/// <c>finalize</c>) say which part is taken from the request and which from the stored object.
/// </summary>
public interface ISubresourceStrategy
{
    void PrepareForSubresourceUpdate(string subresource, KubeObject obj, KubeObject old);

    /// <summary>The update validation of a subresource write (by default the kind's own update validation).</summary>
    IEnumerable<Errors.FieldError> ValidateSubresourceUpdate(string subresource, KubeObject obj, KubeObject old);
}

/// <summary>What a kind's strategy decided about a DELETE, before finalizers are looked at.</summary>
public enum DeletionStage
{
    /// <summary>The object may go now, unless metadata.finalizers hold it.</summary>
    Now,
    /// <summary>The strategy marked the object (deletionTimestamp, grace period, phase) and it stays for now.</summary>
    Marked,
    /// <summary>A graceful deletion is already under way and this request does not shorten it: nothing changes,
    /// not even the finalizers the request's propagation policy would add (as the real store).</summary>
    AlreadyPending,
}

/// <summary>Kinds whose deletion is more than "finalizers, then gone" (graceful pods, namespaces).</summary>
public interface IDeletionStrategy
{
    /// <summary>Marks <paramref name="obj"/> for deletion if it must wait (rest.BeforeDelete with the kind's CheckGracefulDelete).</summary>
    DeletionStage BeginDeletion(KubeObject obj, DeleteOptions options, StrategyContext context);

    bool ShouldDeleteDuringUpdate(KubeObject obj, KubeObject old);
}
