using KubeLab.ControlPlane.Api.Rbac;
using KubeLab.ControlPlane.Authorization.Rbac;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane.Controllers;

/// <summary>
/// kube-controller-manager's clusterrole-aggregation controller: when any ClusterRole changes, every role
/// with an aggregationRule is recomputed from the roles its selectors match and written back through the API
/// (a PUT as <c>system:serviceaccount:kube-system:clusterrole-aggregation-controller</c>).
/// </summary>
public sealed class ClusterRoleAggregationController(Cluster cluster) : IController
{
    private const string Path = "/apis/rbac.authorization.k8s.io/v1/clusterroles";
    private readonly ApiClient _api = new(cluster, "clusterrole-aggregation-controller");

    public string Name => "clusterrole-aggregation-controller";
    public ControllerIdentity Identity => _api.Identity;

    public IEnumerable<string> KeysFor(StoreEvent change, VersionedStore store) =>
        change.Resource != "clusterroles"
            ? []
            : store.List("clusterroles").Items.Select(s => (ClusterRole)s.Object)
                .Where(r => r.AggregationRule is not null).Select(r => r.Metadata.Name!).ToList();

    public async Task<TimeSpan?> ReconcileAsync(string name, CancellationToken cancellationToken)
    {
        var role = await _api.GetAsync<ClusterRole>($"{Path}/{name}", cancellationToken);
        if (role?.AggregationRule is null) return null;
        var all = await _api.SendAsync<Api.Meta.KubeList<ClusterRole>>(HttpMethod.Get, Path, null, cancellationToken);
        var rules = Aggregation.RulesFor(role, all.Items);
        if (Aggregation.SameRules(rules, role.Rules)) return null;
        role.Rules = rules;
        await _api.SendAsync<ClusterRole>(HttpMethod.Put, $"{Path}/{name}", role, cancellationToken);
        return null;
    }
}
