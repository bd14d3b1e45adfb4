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
/// Like the real one it hears of namespaces only, five seconds late, and looks at content left behind again
/// when its estimate says (half of it, plus a second), not when that content changes.
/// </summary>
public sealed class NamespaceController(Cluster cluster) : IController
{
    /// <summary>The estimate for content that carries finalizers (finalizerEstimateSeconds).</summary>
    private const long FinalizerEstimateSeconds = 15;

    /// <summary>namespaceDeletionGracePeriod: time for HA API servers to see the deletion before content is deleted.</summary>
    public TimeSpan ChangeDelay => cluster.Options.NamespaceDeletionGracePeriod;

    private readonly ApiClient _api = new(cluster, "namespace-controller");

    public string Name => "namespace-controller";
    public ControllerIdentity Identity => _api.Identity;

    public IEnumerable<string> KeysFor(StoreEvent change, VersionedStore store) =>
        change.Resource == "namespaces" && change.Type != WatchEventType.Deleted && change.Object.Object.Metadata.DeletionTimestamp is not null
            ? [change.Object.Object.Metadata.Name!]
            : [];

    public async Task<TimeSpan?> ReconcileAsync(string name, CancellationToken cancellationToken)
    {
        var ns = await _api.GetAsync<Namespace>($"/api/v1/namespaces/{name}", cancellationToken);
        if (ns?.Metadata.DeletionTimestamp is null || ns.Spec.Finalizers?.Contains(NamespaceStrategy.KubernetesFinalizer) != true) return null;

        var remaining = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var finalizers = new SortedDictionary<string, int>(StringComparer.Ordinal);
        long estimate = 0;
        foreach (var resource in cluster.Catalog.Resources.Where(r => r.Namespaced && r.Supports("delete")))
        {
            var path = $"{Prefix(resource)}/namespaces/{name}/{resource.Plural}";
            var graceful = resource.Group.Length == 0 && resource.Plural == "pods" ? await PodGraceEstimate(path, cancellationToken) : 0;
            var background = new DeleteOptions { PropagationPolicy = "Background" };
            if (resource.Supports("deletecollection"))
                await _api.SendAsync<PartialList>(HttpMethod.Delete, path, background, cancellationToken);
            else
                foreach (var item in (await _api.GetAsync<PartialList>(path, cancellationToken))?.Items ?? [])
                    await _api.SendAsync<PartialItem>(HttpMethod.Delete, $"{path}/{item.Metadata.Name}", background, cancellationToken);
            var left = await _api.GetAsync<PartialList>(path, cancellationToken) ?? new PartialList();
            if (left.Items.Count == 0) continue;
            remaining[$"{resource.Plural}.{resource.Group}"] = left.Items.Count;
            var finalized = left.Items.SelectMany(i => i.Metadata.Finalizers ?? []).ToList();
            foreach (var finalizer in finalized)
                finalizers[finalizer] = finalizers.GetValueOrDefault(finalizer) + 1;
            estimate = Math.Max(estimate, graceful > 0 ? graceful : finalized.Count > 0 ? FinalizerEstimateSeconds : 0);
        }

        ns.Status.Conditions = DeletionConditions(ns.Status.Conditions, remaining, finalizers, cluster.Services.Now());
        ns = await _api.SendAsync<Namespace>(HttpMethod.Put, $"/api/v1/namespaces/{name}/status", ns, cancellationToken);
        // A ResourcesRemainingError is requeued after estimate/2+1 seconds; content left with no estimate is an
        // unexpected error, retried by the rate-limited queue (soon).
        if (remaining.Count > 0) return TimeSpan.FromSeconds(estimate > 0 ? estimate / 2 + 1 : 1);

        ns.Spec.Finalizers = ns.Spec.Finalizers?.Where(f => f != NamespaceStrategy.KubernetesFinalizer).ToList();
        await _api.SendAsync<Namespace>(HttpMethod.Put, $"/api/v1/namespaces/{name}/finalize", ns, cancellationToken);
        return null;
    }

    /// <summary>estimateGracefulTerminationForPods: the longest grace period of the pods not yet finished, read before they are deleted.</summary>
    private async Task<long> PodGraceEstimate(string path, CancellationToken cancellationToken)
    {
        var pods = await _api.GetAsync<KubeList<Pod>>(path, cancellationToken);
        return (pods?.Items ?? []).Where(p => p.Status.Phase is not ("Succeeded" or "Failed"))
            .Select(p => p.Spec.TerminationGracePeriodSeconds ?? 0).DefaultIfEmpty(0).Max();
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
