using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Registry;

namespace KubeLab.ControlPlane.Controllers.GarbageCollector;

public sealed partial class GarbageCollector
{
    /// <summary>
    /// attemptToDeleteItem: with a solid owner left, only drop references to owners that are gone (and
    /// stop blocking owners waiting in the foreground); with none left, delete the item, in the foreground
    /// if a waiting owner needs its dependents gone first, else as the item's own finalizers say.
    /// </summary>
    private async Task AttemptToDelete(GraphNode node, CancellationToken cancellationToken)
    {
        if (Get(node)?.Copy() is not { } item || item.Metadata.OwnerReferences is not { Count: > 0 } references) return;
        if (item.Metadata.DeletionTimestamp is not null && item.Metadata.Finalizers?.Contains(DeletionPropagation.ForegroundFinalizer) != true) return;
        var owners = references.Select(r => (Reference: r, State: Owner(r))).ToList();
        var solid = owners.Where(o => o.State.Owner is not null && !o.State.Waiting).ToList();
        var dangling = owners.Where(o => o.State.Owner is null).Select(o => o.Reference.Uid).ToHashSet();
        var waiting = owners.Where(o => o.State.Waiting).Select(o => o.Reference.Uid).ToHashSet();

        if (solid.Count > 0)
        {
            if (dangling.Count == 0 && !references.Any(r => waiting.Contains(r.Uid) && r.BlockOwnerDeletion == true)) return;
            item.Metadata.OwnerReferences = references.Where(r => !dangling.Contains(r.Uid)).Select(r =>
            {
                if (waiting.Contains(r.Uid)) r.BlockOwnerDeletion = false;
                return r;
            }).ToList();
            await _api.UpdateObjectAsync(PathOf(node, item), item, cancellationToken);
            return;
        }
        if (item.Metadata.DeletionTimestamp is not null) return;
        var policy = waiting.Count > 0 && _graph.DependentsOf(item.Metadata.Uid!).Count > 0 ? "Foreground"
            : item.Metadata.Finalizers?.Contains(DeletionPropagation.OrphanFinalizer) == true ? "Orphan"
            : item.Metadata.Finalizers?.Contains(DeletionPropagation.ForegroundFinalizer) == true ? "Foreground"
            : "Background";
        await _api.DeleteAsync(PathOf(node, item),
            new DeleteOptions { PropagationPolicy = policy, Preconditions = new Preconditions { Uid = item.Metadata.Uid } }, cancellationToken);
    }

    /// <summary>An owner being deleted with the orphan or foregroundDeletion finalizer.</summary>
    private async Task ProcessOwner(GraphNode node, CancellationToken cancellationToken)
    {
        if (Get(node)?.Copy() is not { } owner || owner.Metadata.DeletionTimestamp is null) return;
        var uid = owner.Metadata.Uid!;
        var finalizers = owner.Metadata.Finalizers ?? [];
        if (finalizers.Contains(DeletionPropagation.OrphanFinalizer))
        {
            // orphanDependents: every dependent loses its reference to this owner, then the finalizer goes.
            foreach (var dependent in _graph.DependentsOf(uid))
            {
                if (Get(dependent)?.Copy() is not { } item) continue;
                item.Metadata.OwnerReferences = item.Metadata.OwnerReferences?.Where(r => r.Uid != uid).ToList() is { Count: > 0 } rest ? rest : null;
                await _api.UpdateObjectAsync(PathOf(dependent, item), item, cancellationToken);
            }
            await RemoveFinalizer(node, DeletionPropagation.OrphanFinalizer, cancellationToken);
            return;
        }
        if (!finalizers.Contains(DeletionPropagation.ForegroundFinalizer)) return;
        // processDeletingDependentsItem: done when no dependent blocks this owner's deletion any more.
        var blocking = _graph.DependentsOf(uid).Where(d => Get(d)?.Object.Metadata.OwnerReferences?
            .Any(r => r.Uid == uid && r.BlockOwnerDeletion == true) == true).ToList();
        if (blocking.Count == 0) await RemoveFinalizer(node, DeletionPropagation.ForegroundFinalizer, cancellationToken);
    }

    private async Task RemoveFinalizer(GraphNode node, string finalizer, CancellationToken cancellationToken)
    {
        if (Get(node)?.Copy() is not { } owner) return;
        owner.Metadata.Finalizers = owner.Metadata.Finalizers?.Where(f => f != finalizer).ToList() is { Count: > 0 } rest ? rest : null;
        await _api.UpdateObjectAsync(PathOf(node, owner), owner, cancellationToken);
    }
}
