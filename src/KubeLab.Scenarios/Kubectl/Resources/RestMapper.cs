namespace KubeLab.Scenarios.Kubectl.Resources;

/// <summary>
/// kubectl's REST mapper over discovery: <c>po</c>, <c>pod</c>, <c>pods</c>, <c>Pod</c>, <c>deployments.apps</c> and
/// <c>deployment.v1.apps</c> all name a resource type; among groups the first in discovery order wins.
/// A type it does not know makes kubectl refetch discovery once before giving up.
/// </summary>
internal sealed class RestMapper(DiscoveryClient discovery)
{
    public async Task<ApiResource> ResolveAsync(string argument, CancellationToken cancellationToken)
    {
        var catalog = await discovery.LoadAsync(cancellationToken);
        if (Find(catalog, argument) is { } found) return found;
        catalog = await discovery.RefreshAsync(cancellationToken);
        return Find(catalog, argument) ?? throw KubectlException.Client($"the server doesn't have a resource type {Output.GoValue.Quote(ResourcePart(argument))}");
    }

    /// <summary>The resources of a category (<c>all</c>), in discovery order; null when no resource has it.</summary>
    public async Task<IReadOnlyList<ApiResource>?> CategoryAsync(string name, CancellationToken cancellationToken)
    {
        var catalog = await discovery.LoadAsync(cancellationToken);
        var members = catalog.Resources.Where(r => r.Preferred && r.Categories.Contains(name)).ToList();
        return members.Count == 0 ? null : members;
    }

    public static ApiResource? Find(ApiResourceCatalog catalog, string argument)
    {
        var lower = argument.ToLowerInvariant();
        var candidates = catalog.Resources.Where(r => !r.Plural.Contains('/')).ToList();
        // resource.version.group, then resource.group, then the bare resource (or a short name).
        var parts = lower.Split('.', 3);
        if (parts.Length == 3)
        {
            var exact = candidates.FirstOrDefault(r => r.Version == parts[1] && r.Group == parts[2] && Names(r, parts[0]));
            if (exact is not null) return exact;
        }
        var dot = lower.IndexOf('.');
        if (dot > 0)
        {
            var (resource, group) = (lower[..dot], lower[(dot + 1)..]);
            var grouped = candidates.Where(r => r.Preferred && r.Group == group && Names(r, resource)).FirstOrDefault();
            if (grouped is not null) return grouped;
        }
        var expanded = candidates.FirstOrDefault(r => r.ShortNames.Contains(lower))?.Plural ?? lower;
        return candidates.Where(r => r.Preferred).FirstOrDefault(r => Names(r, expanded))
            ?? candidates.FirstOrDefault(r => r.Preferred && r.Kind.Equals(argument, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The mapper's <c>ResourceFor</c>: a plural, singular or short name, in the group when one is given.</summary>
    public static ApiResource? FindResource(ApiResourceCatalog catalog, string resource, string group)
    {
        var lower = resource.ToLowerInvariant();
        var candidates = catalog.Resources.Where(r => r.Preferred && !r.Plural.Contains('/') && (group.Length == 0 || r.Group == group)).ToList();
        var expanded = candidates.FirstOrDefault(r => r.ShortNames.Contains(lower))?.Plural ?? lower;
        return candidates.FirstOrDefault(r => Names(r, expanded));
    }

    private static bool Names(ApiResource r, string name) => r.Plural == name || r.Singular == name;

    private static string ResourcePart(string argument)
    {
        var dot = argument.IndexOf('.');
        return (dot < 0 ? argument : argument[..dot]).ToLowerInvariant();
    }
}
