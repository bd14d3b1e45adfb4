namespace KubeLab.Scenarios.Kubectl.Resources;

/// <summary>What one request fetches: a collection (no name) or one named object.</summary>
internal sealed record ResourceTarget(ApiResource Resource, string? Name);

/// <summary>The targets of <c>TYPE[,TYPE] [NAME...]</c> or <c>TYPE/NAME...</c>, in the order kubectl visits them.</summary>
internal sealed record ResourceSelection(IReadOnlyList<ResourceTarget> Targets, bool SingleItemImplied)
{
    public bool IsEmpty => Targets.Count == 0;
}

/// <summary>
/// cli-runtime's builder for <c>ResourceTypeOrNameArgs</c>: splits types on commas, expands categories
/// (<c>all</c>), and reads <c>type/name</c> pairs, with the builder's error texts.
/// </summary>
internal static class ResourceArgs
{
    public const string CombinedTypeError =
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";

    public static async Task<ResourceSelection> ResolveAsync(RestMapper mapper, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Any(a => a.Contains('/')))
        {
            if (!args.All(a => a.Contains('/'))) throw KubectlException.Client(CombinedTypeError);
            var tuples = new List<ResourceTarget>();
            foreach (var arg in args)
            {
                var slash = arg.IndexOf('/');
                var (type, name) = (arg[..slash], arg[(slash + 1)..]);
                if (type.Length == 0 || name.Length == 0)
                    throw KubectlException.Client($"arguments in resource/name form must have a single resource and name");
                tuples.Add(new ResourceTarget(await mapper.ResolveAsync(type, cancellationToken), name));
            }
            return new ResourceSelection(tuples, tuples.Count == 1);
        }
        if (args.Count == 0) return new ResourceSelection([], false);

        var types = await TypesAsync(mapper, args[0], cancellationToken);
        var names = args.Skip(1).ToList();
        if (names.Count == 0) return new ResourceSelection(types.Select(t => new ResourceTarget(t, null)).ToList(), false);
        var targets = types.SelectMany(t => names.Select(n => new ResourceTarget(t, n))).ToList();
        return new ResourceSelection(targets, names.Count == 1 && types.Count == 1);
    }

    /// <summary><c>pods,svc</c> → each type; a category name (<c>all</c>) that is not a resource → its members.</summary>
    public static async Task<List<ApiResource>> TypesAsync(RestMapper mapper, string argument, CancellationToken cancellationToken)
    {
        var types = new List<ApiResource>();
        foreach (var part in argument.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (await mapper.CategoryAsync(part, cancellationToken) is { } members) types.AddRange(members);
            else types.Add(await mapper.ResolveAsync(part, cancellationToken));
        }
        return types;
    }
}
