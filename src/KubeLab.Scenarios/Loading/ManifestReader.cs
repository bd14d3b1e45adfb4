using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Catalog;
using KubeLab.Scenarios.Loading.Yaml;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Loading;

/// <summary>
/// Objects for the cluster: written inline, or <c>file: path</c> beside the lesson (any number of
/// YAML documents). Each needs apiVersion, kind and metadata.name, and a kind the simulator serves,
/// since these are the author's own setup rather than something the learner is meant to get wrong.
/// </summary>
internal static class ManifestReader
{
    public static Manifest? Read(LoadContext context, YamlNode node)
    {
        if (node is YamlMapping mapping && mapping.Has("file"))
        {
            var reader = MappingReader.Open(context, node, LessonShapes.ManifestFile, "a manifest file reference");
            return reader?.Scalar("file") is { } file ? FromFile(context, file, node) : null;
        }
        var objects = Objects(context, [node]);
        return objects is null ? null : new Manifest(null, objects, node.At);
    }

    private static Manifest? FromFile(LoadContext context, YamlScalar file, YamlNode node)
    {
        if (SideFiles.Resolve(context, file, file.Value) is not { } full) return null;
        // Errors in the side file name it as the author would open it: beside the lesson as it was named.
        var shown = Path.Combine(Path.GetDirectoryName(context.File) ?? "", file.Value);
        var side = context.For(shown, File.ReadAllText(full));
        var documents = YamlTreeReader.Read(side.Source, side.Error);
        var present = documents?.Where(d => d is not YamlScalar { IsNull: true }).ToList();
        if (present is { Count: 0 }) context.Error(file, $"file '{file.Value}' holds no objects");
        var objects = present is { Count: > 0 } ? Objects(side, present) : null;
        return objects is null ? null : new Manifest(file.Value, objects, node.At);
    }

    private static List<JsonObject>? Objects(LoadContext context, IEnumerable<YamlNode> documents)
    {
        var objects = new List<JsonObject>();
        var valid = true;
        foreach (var document in documents)
        {
            valid &= Check(context, document);
            if (valid && ManifestJson.Convert(document) is JsonObject json) objects.Add(json);
        }
        return valid ? objects : null;
    }

    private static bool Check(LoadContext context, YamlNode node)
    {
        if (node is not YamlMapping mapping)
        {
            context.Error(node, $"a Kubernetes object must be a mapping, not {node.Describe()}");
            return false;
        }
        var ok = true;
        foreach (var key in new[] { "apiVersion", "kind", "metadata" }.Where(k => !mapping.Has(k)))
        {
            context.Error(node, $"the object is missing '{key}'");
            ok = false;
        }
        var name = (mapping["metadata"] as YamlMapping)?["name"];
        if (mapping.Has("metadata") && name is not YamlScalar { IsNull: false })
        {
            context.Error(mapping["metadata"]!, "the object's metadata is missing 'name'");
            ok = false;
        }
        return ok && KnownKind(context, mapping["apiVersion"]!, mapping["kind"]!);
    }

    private static bool KnownKind(LoadContext context, YamlNode apiVersion, YamlNode kind)
    {
        var catalog = ResourceCatalog.Default;
        var versions = catalog.Resources.Select(r => r.ApiVersion).Distinct().ToList();
        if (apiVersion is not YamlScalar { Value: var version } || !versions.Contains(version))
        {
            context.Error(apiVersion, $"unknown apiVersion {apiVersion.Describe()}{Suggestions.DidYouMean((apiVersion as YamlScalar)?.Value ?? "", versions)}");
            return false;
        }
        var kinds = catalog.Resources.Where(r => r.ApiVersion == version).Select(r => r.Kind).ToList();
        if (kind is YamlScalar { Value: var name } && kinds.Contains(name)) return true;
        var suggestion = Suggestions.DidYouMean((kind as YamlScalar)?.Value ?? "", kinds);
        context.Error(kind, $"{version} has no kind {kind.Describe()}{(suggestion.Length > 0 ? suggestion : $" (it has {string.Join(", ", kinds)})")}");
        return false;
    }
}
