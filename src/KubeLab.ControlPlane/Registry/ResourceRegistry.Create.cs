using KubeLab.ControlPlane.Admission;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Registry;

public sealed partial class ResourceRegistry
{
    /// <summary>POST: system fields, strategy, validation, admission, then an insert that fails if the key exists.</summary>
    /// <param name="operation"><c>Apply</c> when server-side apply creates the object: the applier owns its managed fields.</param>
    public StoredObject Create(string? ns, KubeObject obj, RequestContext context, string operation = "Update")
    {
        var meta = obj.Metadata;
        CheckNamespace(ns, meta);
        if (string.IsNullOrEmpty(meta.Name) && !string.IsNullOrEmpty(meta.GenerateName))
            meta.Name = meta.GenerateName + services.Ids.NewSuffix();

        var strategyContext = services.StrategyContext();
        obj.Kind = Descriptor.Kind;
        obj.ApiVersion = Descriptor.ApiVersion;
        meta.Uid = strategyContext.Ids.NewUid();
        meta.CreationTimestamp = strategyContext.Now;
        meta.ResourceVersion = null;
        meta.DeletionTimestamp = null;
        meta.DeletionGracePeriodSeconds = null;
        meta.Generation = null;
        meta.SelfLink = null;
        Strategy.PrepareForCreate(obj, strategyContext);
        if (operation != "Apply") ManagedFields.Record(obj, context.FieldManager, operation, Descriptor.ApiVersion, strategyContext.Now, subresource: null);

        ThrowIfInvalid(obj, Strategy.Validate(obj));
        var name = meta.Name!;
        lock (store.Sync)
        {
            Admit(new AdmissionAttributes(AdmissionOperation.Create, Descriptor, null, ns, name, obj, null, context.User), context);
            if (TryGet(ns, name) is not null)
            {
                RecordStorage(context, "create", ns, name, store.Revision, "refused: key exists");
                throw StatusErrors.AlreadyExists(Descriptor.GroupResource, name);
            }
            return Commit(ns, name, obj, context, "create");
        }
    }

    private void CheckNamespace(string? ns, ObjectMeta meta)
    {
        if (!Descriptor.Namespaced) return;
        if (string.IsNullOrEmpty(meta.Namespace)) meta.Namespace = ns;
        else if (meta.Namespace != ns)
            throw StatusErrors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
    }

    private void ThrowIfInvalid(KubeObject obj, IEnumerable<FieldError> errors)
    {
        var list = errors.ToList();
        if (list.Count > 0)
            throw StatusErrors.Invalid(Descriptor.Kind, Descriptor.Group, obj.Metadata.Name ?? obj.Metadata.GenerateName ?? "", list);
    }

    private void Admit(AdmissionAttributes attributes, RequestContext context)
    {
        foreach (var plugin in services.Admission)
        {
            try
            {
                var checkedWhat = plugin.Validate(attributes);
                if (checkedWhat is not null)
                    context.Trace.Add(new Pipeline.TraceEntry(Pipeline.TraceStage.Admission, plugin.Name, "admitted", checkedWhat));
            }
            catch (ApiException refusal)
            {
                context.Trace.Add(new Pipeline.TraceEntry(Pipeline.TraceStage.Admission, plugin.Name, "denied", refusal.Message));
                throw;
            }
        }
    }

    /// <summary>Writes the object unless this is a dry run; either way the caller gets what would be stored.</summary>
    private StoredObject Commit(string? ns, string name, KubeObject obj, RequestContext context, string operation)
    {
        var key = StoreKey(ns, name);
        if (context.DryRun)
        {
            RecordStorage(context, operation, ns, name, store.Revision, "dry run: nothing written");
            return new StoredObject { Key = key, Object = obj, Json = Serialization.KubeJson.Serialize(obj, obj.GetType()), ResourceVersion = store.Revision };
        }
        var stored = store.Put(Table, key, obj);
        RecordStorage(context, operation, ns, name, stored.ResourceVersion, $"wrote revision {stored.ResourceVersion}");
        return stored;
    }
}
