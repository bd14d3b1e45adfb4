namespace KubeLab.Scenarios.Kubectl.Resources;

/// <summary>One resource type as discovery describes it: where it lives and what it answers to.</summary>
internal sealed record ApiResource(
    string Group,
    string Version,
    string Plural,
    string Singular,
    string Kind,
    bool Namespaced,
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Subresources)
{
    /// <summary>The group's preferred version (the first discovery lists).</summary>
    public bool Preferred { get; init; } = true;

    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary><c>/api/v1</c> or <c>/apis/apps/v1</c>.</summary>
    public string Prefix => Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";

    /// <summary>The collection or object path; cluster-scoped resources ignore the namespace.</summary>
    public string Path(string? ns, string? name = null, string? subresource = null)
    {
        var path = Namespaced && ns is not null ? $"{Prefix}/namespaces/{ns}/{Plural}" : $"{Prefix}/{Plural}";
        if (name is not null) path += "/" + name;
        if (subresource is not null) path += "/" + subresource;
        return path;
    }

    /// <summary>The plural with its group, as kubectl names the type in messages: <c>pods</c>, <c>deployments.apps</c>.</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>For the printers.</summary>
    public Output.ResourceKind PrintKind => new(Group, Kind, Plural, Namespaced);
}
