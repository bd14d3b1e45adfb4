using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Catalog;
using KubeLab.ControlPlane.Registry.Core;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Controllers;

/// <summary>
/// kube-controller-manager's namespace controller: for a namespace being deleted it deletes all content
/// through the API, writes the five deletion conditions, and once nothing remains removes the
/// <c>kubernetes</c> finalizer through <c>PUT …/finalize</c>. Content kept by finalizers keeps it Terminating.
/// </summary>
public sealed class NamespaceController(Cluster cluster) : IController
{
    /// <summary>How long to wait before looking again when content carries finalizers, as the real controller estimates.</summary>
    private static readonly TimeSpan FinalizerEstimate = TimeSpan.FromSeconds(15);

    private readonly ApiClient _api = new(cluster, "namespace-controller");

    public string Name => "namespace-controller";
    public ControllerIdentity Identity => _api.Identity;

    public IEnumerable<string> KeysFor(StoreEvent change, VersionedStore store)
    {
        if (change.Resource == "namespaces" && change.Object.Object.Metadata.DeletionTimestamp is not null)
            return [change.Object.Object.Metadata.Name!];
        if (change.Type == WatchEventType.Deleted || change.Object.Object.Metadata.DeletionTimestamp is not null)
        {
            var ns = change.Object.Object.Metadata.Namespace;
            if (ns is not null && store.Get("namespaces", ns)?.Object.Metadata.DeletionTimestamp is not null) return [ns];
        }
        return [];
    }

    public async Task<TimeSpan?> ReconcileAsync(string name, CancellationToken cancellationToken)
    {
        var ns = await _api.GetAsync<Namespace>($"/api/v1/namespaces/{name}", cancellationToken);
        if (ns?.Metadata.DeletionTimestamp is null || ns.Spec.Finalizers?.Contains(NamespaceStrategy.KubernetesFinalizer) != true) return null;

        var remaining = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var finalizers = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var resource in cluster.Catalog.Resources.Where(r => r.Namespaced && r.Supports("delete")))
        {
            var path = $"{Prefix(resource)}/namespaces/{name}/{resource.Plural}";
            var background = new DeleteOptions { PropagationPolicy = "Background" };
            if (resource.Supports("deletecollection"))
                await _api.SendAsync<PartialList>(HttpMethod.Delete, path, background, cancellationToken);
            else
                foreach (var item in (await _api.GetAsync<PartialList>(path, cancellationToken))?.Items ?? [])
                    await _api.SendAsync<PartialItem>(HttpMethod.Delete, $"{path}/{item.Metadata.Name}", background, cancellationToken);
            var left = await _api.GetAsync<PartialList>(path, cancellationToken) ?? new PartialList();
            if (left.Items.Count == 0) continue;
            remaining[$"{resource.Plural}.{resource.Group}"] = left.Items.Count;
            foreach (var finalizer in left.Items.SelectMany(i => i.Metadata.Finalizers ?? []))
                finalizers[finalizer] = finalizers.GetValueOrDefault(finalizer) + 1;
        }

        ns.Status.Conditions = DeletionConditions(ns.Status.Conditions, remaining, finalizers, cluster.Services.Now());
        ns = await _api.SendAsync<Namespace>(HttpMethod.Put, $"/api/v1/namespaces/{name}/status", ns, cancellationToken);
        if (remaining.Count > 0) return finalizers.Count > 0 ? FinalizerEstimate : TimeSpan.FromSeconds(1);

        ns.Spec.Finalizers = ns.Spec.Finalizers?.Where(f => f != NamespaceStrategy.KubernetesFinalizer).ToList();
        await _api.SendAsync<Namespace>(HttpMethod.Put, $"/api/v1/namespaces/{name}/finalize", ns, cancellationToken);
        return null;
    }

    private static string Prefix(ResourceDescriptor r) => r.Group.Length == 0 ? $"/api/{r.Version}" : $"/apis/{r.Group}/{r.Version}";

    /// <summary>All five conditions, always; lastTransitionTime changes only when a status flips.</summary>
    private static List<NamespaceCondition> DeletionConditions(List<NamespaceCondition>? previous,
        IDictionary<string, int> remaining, IDictionary<string, int> finalizers, DateTimeOffset now)
    {
        var contentLeft = remaining.Count > 0;
        var finalizersLeft = finalizers.Count > 0;
        (string Type, bool Failed, string Reason, string Message)[] wanted =
        [
            ("NamespaceDeletionDiscoveryFailure", false, "ResourcesDiscovered", "All resources successfully discovered"),
            ("NamespaceDeletionGroupVersionParsingFailure", false, "ParsedGroupVersions", "All legacy kube types successfully parsed"),
            ("NamespaceDeletionContentFailure", false, "ContentDeleted", "All content successfully deleted, may be waiting on finalization"),
            ("NamespaceContentRemaining", contentLeft, contentLeft ? "SomeResourcesRemain" : "ContentRemoved",
                contentLeft ? "Some resources are remaining: " + string.Join(", ", remaining.Select(kv => $"{kv.Key} has {kv.Value} resource instances")) : "All content successfully removed"),
            ("NamespaceFinalizersRemaining", finalizersLeft, finalizersLeft ? "SomeFinalizersRemain" : "ContentRemoved",
                finalizersLeft ? "Some content in the namespace has finalizers remaining: " + string.Join(", ", finalizers.Select(kv => $"{kv.Key} in {kv.Value} resource instances")) : "All content successfully removed"),
        ];
        return wanted.Select(w =>
        {
            var status = w.Failed ? "True" : "False";
            var before = previous?.FirstOrDefault(c => c.Type == w.Type);
            return new NamespaceCondition
            {
                Type = w.Type,
                Status = status,
                LastTransitionTime = before?.Status == status ? before.LastTransitionTime : now,
                Reason = w.Reason,
                Message = w.Message,
            };
        }).ToList();
    }
}
