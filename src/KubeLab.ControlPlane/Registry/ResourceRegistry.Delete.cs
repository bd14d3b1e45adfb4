using KubeLab.ControlPlane.Admission;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Registry;

public sealed partial class ResourceRegistry
{
    /// <summary>The outcome of a DELETE: the object as it now is, and whether it is gone or only marked.</summary>
    public sealed record DeleteResult(StoredObject Stored, bool Deleted);

    /// <summary>
    /// DELETE: preconditions, then either removal or, while finalizers or a grace period hold it,
    /// a deletionTimestamp on an object that stays readable.
    /// </summary>
    public DeleteResult Delete(string? ns, string name, DeleteOptions options, RequestContext context)
    {
        lock (store.Sync)
        {
            var current = TryGet(ns, name);
            if (current is null)
            {
                RecordStorage(context, "delete", ns, name, store.Revision, "refused: key not found");
                throw StatusErrors.NotFound(Descriptor.GroupResource, name);
            }
            CheckPreconditions(current.Object, options.Preconditions, name);
            Admit(new AdmissionAttributes(AdmissionOperation.Delete, Descriptor, null, ns, name, null, current.Object, context.User), context);

            var obj = current.Copy();
            var strategyContext = services.StrategyContext();
            var stage = Strategy is IDeletionStrategy deletion ? deletion.BeginDeletion(obj, options, strategyContext) : DeletionStage.Now;
            if (stage == DeletionStage.AlreadyPending)
            {
                RecordStorage(context, "delete", ns, name, current.ResourceVersion, "graceful deletion already pending: nothing written");
                return new DeleteResult(current, Deleted: false);
            }
            DeletionPropagation.ApplyFinalizers(obj.Metadata, options);
            var held = obj.Metadata.Finalizers is { Count: > 0 };
            if (held && obj.Metadata.DeletionTimestamp is null)
            {
                obj.Metadata.DeletionTimestamp = strategyContext.Now;
                obj.Metadata.DeletionGracePeriodSeconds = 0;
            }
            if (held || stage == DeletionStage.Marked)
            {
                if (Unchanged(obj, current))
                {
                    RecordStorage(context, "delete", ns, name, current.ResourceVersion, "already being deleted: nothing written");
                    return new DeleteResult(current, Deleted: false);
                }
                var marked = Commit(ns, name, obj, context, "update");
                return new DeleteResult(marked, Deleted: false);
            }
            if (context.DryRun) return new DeleteResult(current, Deleted: true);
            var removed = store.Remove(Table, current.Key, obj);
            RecordStorage(context, "delete", ns, name, removed.ResourceVersion, $"deleted at revision {removed.ResourceVersion}");
            return new DeleteResult(removed, Deleted: true);
        }
    }

    /// <summary>DELETE on a collection: every matching object, one by one, as the real store does.</summary>
    public List<StoredObject> DeleteCollection(string? ns, ListOptions listOptions, DeleteOptions options, RequestContext context)
    {
        var result = new List<StoredObject>();
        foreach (var item in List(ns, listOptions with { Limit = null, Continue = null }, context).Items)
        {
            try
            {
                result.Add(Delete(ns, item.Object.Metadata.Name!, options, context).Stored);
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Deleted by someone else in the meantime: nothing left to do for it.
            }
        }
        return result;
    }

    private void CheckPreconditions(KubeObject obj, Preconditions? preconditions, string name)
    {
        if (preconditions?.Uid is { } uid && uid != obj.Metadata.Uid)
            throw StatusErrors.Conflict(Descriptor.GroupResource, name,
                $"Precondition failed: UID in precondition: {uid}, UID in object meta: {obj.Metadata.Uid}");
        if (preconditions?.ResourceVersion is { } rv && rv != obj.Metadata.ResourceVersion)
            throw StatusErrors.Conflict(Descriptor.GroupResource, name,
                $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {obj.Metadata.ResourceVersion}");
    }
}
