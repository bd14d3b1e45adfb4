using System.Text.Json.Nodes;
using KubeLab.ControlPlane;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Running;

/// <summary>
/// Reads objects straight from the cluster's store for checks and captures: looking is not an action, so
/// it sends no request and leaves no exchange in the transcript.
/// </summary>
internal sealed class ObjectReader(Cluster cluster, Func<string> currentNamespace)
{
    public (bool Exists, JsonNode? Json) Read(ObjectRef reference)
    {
        var resource = cluster.Catalog.Resources.FirstOrDefault(r => r.Group == reference.Group && r.Plural == reference.Plural);
        if (resource is null) return (false, null);
        var ns = resource.Namespaced ? reference.Namespace ?? currentNamespace() : null;
        var stored = cluster.Registry(resource).TryGet(ns, reference.Name);
        return stored is null ? (false, null) : (true, JsonNode.Parse(stored.Json));
    }
}
