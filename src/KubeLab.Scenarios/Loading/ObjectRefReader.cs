using KubeLab.ControlPlane.Catalog;
using KubeLab.Scenarios.Loading.Yaml;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Loading;

/// <summary>
/// <c>ref: pods/nginx</c>: a resource as kubectl names it (plural, singular, short name, optionally
/// <c>.group</c>) and a name, resolved against the resources the simulator serves.
/// </summary>
internal static class ObjectRefReader
{
    public static ObjectRef? Read(LoadContext context, MappingReader map)
    {
        if (map.Scalar("ref") is not { } scalar) return null;
        var slash = scalar.Value.IndexOf('/');
        if (slash <= 0 || slash == scalar.Value.Length - 1 || scalar.Value.IndexOf('/', slash + 1) >= 0)
        {
            context.Error(scalar, $"ref '{scalar.Value}' must be RESOURCE/NAME, e.g. 'pods/nginx' or 'namespaces/rodrigo'");
            return null;
        }
        var resource = scalar.Value[..slash];
        if (Resolve(resource) is not { } descriptor)
        {
            var names = ResourceCatalog.Default.Resources.Select(r => r.Plural);
            context.Error(scalar, $"unknown resource '{resource}'{Suggestions.DidYouMean(resource, names)}");
            return null;
        }
        var ns = map.Scalar("namespace");
        if (ns is not null && !descriptor.Namespaced)
            context.Error(ns, $"{descriptor.Plural} are cluster-scoped: they have no namespace");
        else if (ns is not null && !ns.Value.Contains("${") && !Names.DnsLabel().IsMatch(ns.Value))
            context.Error(ns, $"namespace '{ns.Value}' must be a DNS label");
        return new ObjectRef(resource, descriptor.Group, descriptor.Plural, scalar.Value[(slash + 1)..], ns?.Value);
    }

    /// <summary>Finds a resource the way kubectl's RESTMapper would for these names.</summary>
    public static ResourceDescriptor? Resolve(string text)
    {
        var dot = text.IndexOf('.');
        var (name, group) = dot < 0 ? (text, (string?)null) : (text[..dot], text[(dot + 1)..]);
        return ResourceCatalog.Default.Resources.FirstOrDefault(r =>
            (group is null || r.Group == group) &&
            (r.Plural == name || r.Singular == name || r.ShortNames.Contains(name)));
    }
}
