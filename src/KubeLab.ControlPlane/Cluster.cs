using KubeLab.ControlPlane.Admission;
using KubeLab.ControlPlane.Admission.Plugins;
using KubeLab.ControlPlane.Authentication;
using KubeLab.ControlPlane.Authorization;
using KubeLab.ControlPlane.Authorization.Rbac;
using KubeLab.ControlPlane.Catalog;
using KubeLab.ControlPlane.Registry.Rbac;
using KubeLab.ControlPlane.Registry;
using KubeLab.ControlPlane.Storage;

namespace KubeLab.ControlPlane;

/// <summary>
/// One simulated cluster: its store, its registries and its API server. Cheap to create and fully
/// isolated, so a process can hold one per learner or per lesson run.
/// </summary>
public sealed class Cluster
{
    private readonly Dictionary<ResourceDescriptor, ResourceRegistry> _registries;

    public Cluster(ClusterOptions? options = null)
    {
        Options = options ?? new ClusterOptions();
        Options.Limits.Validate();
        Catalog = ResourceCatalog.Default;
        Store = new VersionedStore(Options.WatchHistory);
        Rbac = new RbacAuthorizer(new RuleResolver(Store));
        // kubeadm's --authorization-mode=Node,RBAC, after the privileged-groups short cut.
        Authorizer = new UnionAuthorizer([new PrivilegedGroupsAuthorizer("system:masters"), new NodeAuthorizer(), Rbac]);
        // ResourceQuota is the last validating plugin, as in kube-apiserver's plugin order.
        var quota = Options.Limits.MaxObjects is { } maxObjects ? new ObjectCountQuota(Store, maxObjects) : null;
        Services = new ClusterServices(Options.Clock, new IdSource(Options.Seed),
            [new NamespaceLifecycle(Store), new RbacEscalationCheck(Authorizer, Rbac), .. quota is null ? Array.Empty<IAdmissionPlugin>() : [quota]]);
        _registries = Catalog.Resources.ToDictionary(r => r, r => new ResourceRegistry(r, Store, Services));
        Identity = new ServerIdentity(Services.Ids);
        Authentication = new ClusterAuthentication(Store, Services);
        ClusterBootstrap.Run(this);
        // The cluster was set up before its API server last started: its watch cache holds no older changes.
        Store.ForgetHistory();
        // What the cluster bootstrapped is its own: the object bound counts what comes after.
        quota?.StartCounting();
        Api = new Http.ApiServer(this);
        var events = new Controllers.Events.EventSequence();
        _kubelets = Store.List("nodes").Items.Select(n => new Controllers.Kubelet.Kubelet(this, (Api.Core.Node)n.Object, events))
            .ToDictionary(k => k.NodeName, StringComparer.Ordinal);
        Controllers = new Controllers.ControllerManager(Store, Options.Clock,
        [
            new Controllers.NamespaceController(this),
            new Controllers.ClusterRoleAggregationController(this),
            new Controllers.Scheduler.Scheduler(this, events),
            .. _kubelets.Values,
            new Controllers.Deployment.DeploymentController(this, events),
            new Controllers.ReplicaSet.ReplicaSetController(this, events),
            new Controllers.GarbageCollector.GarbageCollector(this),
        ]);
    }

    private readonly Dictionary<string, Controllers.Kubelet.Kubelet> _kubelets;

    /// <summary>The kubelet of a simulated node (it serves that node's container logs), or null for no such node.</summary>
    public Controllers.Kubelet.Kubelet? Kubelet(string node) => _kubelets.GetValueOrDefault(node);

    public ClusterOptions Options { get; }
    public ResourceCatalog Catalog { get; }
    public VersionedStore Store { get; }
    public ClusterServices Services { get; }
    public ServerIdentity Identity { get; }
    public Http.ApiServer Api { get; }
    /// <summary>Who is asking: the CA, static tokens, service account tokens and the authenticator chain.</summary>
    public ClusterAuthentication Authentication { get; }
    /// <summary>May they: system:masters, then RBAC (kube-apiserver's authorizer chain, without the Node authorizer).</summary>
    public UnionAuthorizer Authorizer { get; }
    /// <summary>The RBAC authorizer, also the rule resolver behind SelfSubjectRulesReview.</summary>
    public RbacAuthorizer Rbac { get; }
    /// <summary>The controllers acting on this cluster; start them (serving) or settle them between steps (lessons).</summary>
    public Controllers.ControllerManager Controllers { get; }

    public ResourceRegistry Registry(ResourceDescriptor resource) => _registries[resource];

    public ResourceRegistry Registry(string group, string plural) =>
        _registries[Catalog.Resources.First(r => r.Group == group && r.Plural == plural)];
}

/// <summary>Ids that identify this API server instance in responses (priority-and-fairness uids).</summary>
public sealed class ServerIdentity(IdSource ids)
{
    public string FlowSchemaUid { get; } = ids.NewUid();
    public string PriorityLevelUid { get; } = ids.NewUid();
}
