using KubeLab.Scenarios.Transcripts;

namespace KubeLab.Site.ClusterView;

/// <summary>An object in the cluster view, marked when the step being shown added, changed or removed it.</summary>
public sealed record ObjectRow(ClusterObject Object, ChangeKind? Change);

/// <param name="Namespace">The Namespace object itself (its phase and resourceVersion), null for the cluster-scoped group.</param>
/// <param name="NamespaceChange">What the step did to the Namespace object itself.</param>
/// <param name="Open">Shown unfolded: the lesson's own namespaces, and any group the step changed.</param>
public sealed record ObjectGroup(string Title, ClusterObject? Namespace, ChangeKind? NamespaceChange, IReadOnlyList<ObjectRow> Rows, bool Open)
{
    public int ChangeCount => Rows.Count(r => r.Change is not null);
}

/// <summary>
/// The cluster after a step as the player draws it: a group per namespace with its objects, then the
/// cluster-scoped objects (nodes, cluster roles…); what the step changed is marked, and what it deleted is
/// still listed, struck through. System namespaces and the cluster-scoped group stay folded unless touched.
/// </summary>
public sealed record ClusterPicture(IReadOnlyList<ObjectGroup> Groups, long Revision)
{
    private static readonly HashSet<string> SystemNamespaces = ["kube-node-lease", "kube-public", "kube-system"];

    public static ClusterPicture Of(ClusterSnapshot after, ClusterSnapshot before, IReadOnlyList<ObjectChange> changes)
    {
        var marks = changes.ToDictionary(c => (c.Resource, c.Namespace, c.Name), c => c.Kind);
        var rows = after.Objects.Select(o => new ObjectRow(o, marks.TryGetValue(o.Key, out var kind) ? kind : null))
            .Concat(changes.Where(c => c.Kind == ChangeKind.Deleted)
                .Select(c => before.Find(c.Resource, c.Namespace, c.Name)).OfType<ClusterObject>()
                .Select(o => new ObjectRow(o, ChangeKind.Deleted)))
            .ToList();

        var groups = new List<ObjectGroup>();
        var namespaces = rows.Where(r => r.Object.Resource == "namespaces").ToDictionary(r => r.Object.Name);
        var byNamespace = rows.Where(r => r.Object.Namespace is not null).ToLookup(r => r.Object.Namespace!);
        // A namespace with nothing in it is still a group; so is one whose objects outlive it for a moment.
        foreach (var name in namespaces.Keys.Concat(byNamespace.Select(g => g.Key)).Distinct().Order(StringComparer.Ordinal))
        {
            var members = Ordered(byNamespace[name]);
            var self = namespaces.GetValueOrDefault(name);
            var touched = members.Any(r => r.Change is not null) || self?.Change is not null;
            groups.Add(new ObjectGroup(name, self?.Object, self?.Change, members, !SystemNamespaces.Contains(name) || touched));
        }
        var clusterScoped = Ordered(rows.Where(r => r.Object.Namespace is null && r.Object.Resource != "namespaces"));
        groups.Add(new ObjectGroup("cluster-scoped", null, null, clusterScoped, clusterScoped.Any(r => r.Change is not null)));
        return new ClusterPicture(groups, after.Revision);
    }

    private static List<ObjectRow> Ordered(IEnumerable<ObjectRow> rows) =>
        rows.OrderBy(r => r.Object.Resource, StringComparer.Ordinal).ThenBy(r => r.Object.Name, StringComparer.Ordinal).ToList();
}
