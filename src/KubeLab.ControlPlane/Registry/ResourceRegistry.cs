using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Catalog;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Pipeline;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Registry;

/// <summary>
/// The generic store for one resource (apiserver's registry/generic Store): every verb, for every kind,
/// with the kind's strategy deciding what is its own. Reads here; writes in the partial files beside it.
/// </summary>
public sealed partial class ResourceRegistry(ResourceDescriptor descriptor, VersionedStore store, ClusterServices services)
{
    public ResourceDescriptor Descriptor { get; } = descriptor;
    private IResourceStrategy Strategy => Descriptor.Strategy;
    private string Table => Descriptor.Plural;

    public string StoreKey(string? ns, string name) => Descriptor.Namespaced ? $"{ns}/{name}" : name;

    public StoredObject? TryGet(string? ns, string name) => store.Get(Table, StoreKey(ns, name));

    public StoredObject Get(string? ns, string name, RequestContext context)
    {
        var stored = TryGet(ns, name);
        RecordStorage(context, "get", ns, name, stored?.ResourceVersion ?? store.Revision, stored is null ? "key not found" : "found");
        return stored ?? throw StatusErrors.NotFound(Descriptor.GroupResource, name);
    }

    public sealed record ListResult(List<StoredObject> Items, long Revision, string? Continue, long? RemainingItemCount);

    public ListResult List(string? ns, ListOptions options, RequestContext context)
    {
        var (all, revision) = store.List(Table, ns is null ? "" : ns + "/");
        var startKey = "";
        if (options.Continue is { Length: > 0 } token)
            (revision, startKey) = ContinueToken.Decode(token);

        var matching = all
            .Where(s => string.CompareOrdinal(s.Key, startKey) >= 0)
            .Where(s => Matches(s.Object, options))
            .ToList();

        string? next = null;
        long? remaining = null;
        if (options.Limit is > 0 and var limit && matching.Count > limit)
        {
            next = ContinueToken.Encode(revision, matching[limit - 1].Key);
            if (options.Labels.IsEmpty && options.Fields.IsEmpty) remaining = matching.Count - limit;
            matching = matching.GetRange(0, limit);
        }
        context.Trace.Add(new TraceEntry(TraceStage.Storage, "etcd", "range",
            $"read {matching.Count} {Descriptor.Plural} at revision {revision}")
        { EtcdKey = $"/registry/{Descriptor.StoragePrefix ?? Descriptor.Plural}/" + (ns is null ? "" : ns + "/"), Revision = revision });
        return new ListResult(matching, revision, next, remaining);
    }

    public bool Matches(KubeObject obj, ListOptions options) =>
        options.Labels.Matches(obj.Metadata.Labels) && options.Fields.Matches(field => FieldValue(obj, field));

    /// <summary>metadata.name and metadata.namespace for every kind, then the kind's own selectable fields.</summary>
    public string? FieldValue(KubeObject obj, string field) => field switch
    {
        "metadata.name" => obj.Metadata.Name,
        "metadata.namespace" when Descriptor.Namespaced => obj.Metadata.Namespace,
        _ => Strategy.SelectableField(obj, field) ?? throw StatusErrors.BadRequest($"field label not supported: {field}"),
    };

    private void RecordStorage(RequestContext context, string operation, string? ns, string name, long revision, string detail) =>
        context.Trace.Add(new TraceEntry(TraceStage.Storage, "etcd", operation, detail)
        { EtcdKey = Descriptor.EtcdKey(ns, name), Revision = revision });
}
