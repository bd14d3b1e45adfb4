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
            // Strategic-merge deletes for references to owners that are gone, then a JSON merge patch that stops
            // blocking owners waiting in the foreground, as the real collector patches.
            foreach (var uid in dangling)
                await _api.PatchAsync(PathOf(node, item), ControllerRef.StrategicMergePatch, ControllerRef.ReleasePatch(uid, item), cancellationToken);
            if (references.Any(r => waiting.Contains(r.Uid) && r.BlockOwnerDeletion == true))
            {
                var unblocked = references.Where(r => !dangling.Contains(r.Uid)).Select(r =>
                {
                    if (waiting.Contains(r.Uid)) r.BlockOwnerDeletion = false;
                    return r;
                }).ToList();
                var patch = new System.Text.Json.Nodes.JsonObject
                {
                    ["metadata"] = new System.Text.Json.Nodes.JsonObject
                    {
                        ["ownerReferences"] = System.Text.Json.JsonSerializer.SerializeToNode(unblocked, Serialization.KubeJson.Options),
                        ["uid"] = item.Metadata.Uid,
                    },
                };
                await _api.PatchAsync(PathOf(node, item), ControllerRef.MergePatch, patch.ToJsonString(), cancellationToken);
            }
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
                await _api.PatchAsync(PathOf(dependent, item), ControllerRef.StrategicMergePatch, ControllerRef.ReleasePatch(uid, item), cancellationToken);
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

    /// <summary>A JSON merge patch of the remaining finalizers, pinned to the resourceVersion they were read at.</summary>
    private async Task RemoveFinalizer(GraphNode node, string finalizer, CancellationToken cancellationToken)
    {
        if (Get(node)?.Copy() is not { } owner) return;
        var rest = owner.Metadata.Finalizers?.Where(f => f != finalizer).ToList() ?? [];
        var patch = new System.Text.Json.Nodes.JsonObject
        {
            ["metadata"] = new System.Text.Json.Nodes.JsonObject
            {
                ["resourceVersion"] = owner.Metadata.ResourceVersion,
                ["finalizers"] = rest.Count == 0 ? null : new System.Text.Json.Nodes.JsonArray(rest.Select(f => (System.Text.Json.Nodes.JsonNode?)f).ToArray()),
            },
        };
        await _api.PatchAsync(PathOf(node, owner), ControllerRef.MergePatch, patch.ToJsonString(), cancellationToken);
    }
}
