using KubeLab.ControlPlane.Admission;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Registry;

public sealed partial class ResourceRegistry
{
    public sealed record UpdateResult(StoredObject Stored, bool Created, bool Deleted);

    /// <summary>
    /// PUT (and the last step of PATCH): optimistic concurrency on metadata.resourceVersion, the
    /// strategy's update rules, and removal when the last finalizer of a deleted object goes.
    /// <paramref name="subresource"/> is null or <c>status</c>/<c>finalize</c>-style strategy hooks.
    /// </summary>
    public UpdateResult Update(string? ns, string name, KubeObject obj, RequestContext context, string? subresource = null, string operation = "Update")
    {
        var meta = obj.Metadata;
        if (!string.IsNullOrEmpty(meta.Name) && meta.Name != name)
            throw StatusErrors.BadRequest($"the name of the object ({meta.Name}) does not match the name on the URL ({name})");
        meta.Name = name;
        CheckNamespace(ns, meta);

        lock (store.Sync)
        {
            var current = TryGet(ns, name);
            if (current is null)
            {
                if (!Strategy.AllowCreateOnUpdate || subresource is not null)
                {
                    RecordStorage(context, "update", ns, name, store.Revision, "refused: key not found");
                    throw StatusErrors.NotFound(Descriptor.GroupResource, name);
                }
                return new UpdateResult(Create(ns, obj, context), Created: true, Deleted: false);
            }

            // A private copy, as etcd3 storage decodes one per request: strategies take lists and structs from the old
            // object into the new one (finalizers, metadata, managedFields), and what is later done to the new object must
            // not reach the stored one, which every reader shares, above all when the update is then refused.
            var old = current.Copy();
            if (string.IsNullOrEmpty(meta.ResourceVersion))
            {
                if (!Strategy.AllowUnconditionalUpdate)
                    throw StatusErrors.Invalid(Descriptor.Kind, Descriptor.Group, name,
                        [FieldError.Invalid("metadata.resourceVersion", 0, "must be specified for an update")]);
            }
            else if (meta.ResourceVersion != old.Metadata.ResourceVersion)
            {
                RecordStorage(context, "update", ns, name, current.ResourceVersion,
                    $"refused: resourceVersion {meta.ResourceVersion} is not the current {old.Metadata.ResourceVersion}");
                throw StatusErrors.Conflict(Descriptor.GroupResource, name, StatusErrors.ObjectModified);
            }

            var strategyContext = services.StrategyContext();
            obj.Kind = Descriptor.Kind;
            obj.ApiVersion = Descriptor.ApiVersion;
            meta.Uid = old.Metadata.Uid;
            meta.CreationTimestamp = old.Metadata.CreationTimestamp;
            meta.SelfLink = null;
            meta.ResourceVersion = old.Metadata.ResourceVersion;
            if (old.Metadata.DeletionTimestamp is not null || meta.DeletionTimestamp is not null)
            {
                meta.DeletionTimestamp = old.Metadata.DeletionTimestamp;
                meta.DeletionGracePeriodSeconds = old.Metadata.DeletionGracePeriodSeconds;
            }
            meta.ManagedFields = meta.ManagedFields ?? old.Metadata.ManagedFields;

            if (subresource is null) Strategy.PrepareForUpdate(obj, old, strategyContext);
            else if (Strategy is ISubresourceStrategy parts) parts.PrepareForSubresourceUpdate(subresource, obj, old);
            else throw StatusErrors.NotFoundPath();
            // Server-side apply computed its manager's fields from the applied configuration already.
            if (operation != "Apply")
                ManagedFields.Record(obj, context.FieldManager, operation, Descriptor.ApiVersion, strategyContext.Now, subresource == "status" ? "status" : null);
            ThrowIfInvalid(obj, subresource is not null && Strategy is ISubresourceStrategy subresources
                ? subresources.ValidateSubresourceUpdate(subresource, obj, old)
                : Strategy.ValidateUpdate(obj, old));
            Admit(new AdmissionAttributes(AdmissionOperation.Update, Descriptor, subresource, ns, name, obj, old, context.User), context);

            if (Unchanged(obj, current))
            {
                RecordStorage(context, "update", ns, name, current.ResourceVersion, "no change: nothing written");
                return new UpdateResult(current, Created: false, Deleted: false);
            }
            if (ShouldDeleteDuringUpdate(obj, old))
            {
                if (context.DryRun) return new UpdateResult(current, false, Deleted: true);
                var removed = store.Remove(Table, current.Key, obj);
                RecordStorage(context, "delete", ns, name, removed.ResourceVersion, "last finalizer removed: object deleted");
                return new UpdateResult(removed, Created: false, Deleted: true);
            }
            return new UpdateResult(Commit(ns, name, obj, context, "update"), Created: false, Deleted: false);
        }
    }

    /// <summary>An update that changes nothing writes nothing and keeps the resourceVersion, as etcd3 storage does.</summary>
    private static bool Unchanged(KubeObject obj, StoredObject current)
    {
        obj.Metadata.ResourceVersion = current.Object.Metadata.ResourceVersion;
        return Serialization.KubeJson.Serialize(obj, obj.GetType()).AsSpan().SequenceEqual(current.Json);
    }

    private bool ShouldDeleteDuringUpdate(KubeObject obj, KubeObject old) =>
        Strategy is IDeletionStrategy deletion
            ? deletion.ShouldDeleteDuringUpdate(obj, old)
            : old.Metadata.DeletionTimestamp is not null
              && (obj.Metadata.Finalizers?.Count ?? 0) == 0
              && (old.Metadata.DeletionGracePeriodSeconds ?? 0) == 0;
}
