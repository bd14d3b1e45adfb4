using KubeLab.ControlPlane.Catalog;
using KubeLab.Scenarios.Kubectl;
using KubeLab.Site.ClusterView;

namespace KubeLab.Site.Sandbox;

/// <summary>What Tab did to a line: the line completed as far as every candidate agrees, and the candidates.</summary>
public sealed record Completion(string Line, IReadOnlyList<string> Candidates);

/// <summary>
/// Tab completion in the sandbox's terminal, as a shell with kubectl's completion script does it: the program, then
/// kubectl's commands (from the emulator's own command tree, so only what it runs), then after <c>get</c>,
/// <c>describe</c>, <c>delete</c> … a resource the cluster serves, then the names of those objects in the cluster.
/// The word being completed is the last one (empty after a space); the line is extended by the candidates' common
/// prefix, plus a space when only one is left.
/// </summary>
public sealed class CommandCompletion(ResourceCatalog catalog, ClusterSnapshot cluster, string defaultNamespace)
{
    private static readonly string[] Programs = ["curl", "kubectl"];

    /// <summary>Commands whose first argument is a resource type and the next ones names of that type.</summary>
    private static readonly HashSet<string> ResourceCommands =
        ["get", "describe", "delete", "edit", "label", "annotate", "patch", "scale", "explain", "wait", "rollout status", "rollout restart", "rollout history"];

    public Completion Complete(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var current = line.Length == 0 || line.EndsWith(' ') ? "" : words[^1];
        var before = current.Length == 0 ? words : words[..^1];
        var candidates = before.Count == 0 ? Programs
            : before[0] == "kubectl" && !current.StartsWith('-') ? Kubectl(before.Skip(1).ToList())
            : [];
        var matching = candidates.Where(c => c.StartsWith(current, StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (matching.Count == 0) return new Completion(line, []);
        var common = matching.Aggregate(CommonPrefix);
        var completed = line[..^current.Length] + common + (matching.Count == 1 ? " " : "");
        return new Completion(completed, matching);
    }

    private IReadOnlyList<string> Kubectl(List<string> words)
    {
        if (words.Count > 0 && words[^1] is "-n" or "--namespace")
            return cluster.Objects.Where(o => o.Resource == "namespaces").Select(o => o.Name).ToList();
        var command = KubectlCommandLine.Read(words);
        if (command.Arguments.Count == 0 && command.Subcommands.Count > 0) return command.Subcommands;
        if (!ResourceCommands.Contains(string.Join(' ', command.Path))) return [];
        if (command.Arguments.Count == 0) return Resources();
        // "pods/nginx" forms and several types at once are left to the learner.
        if (command.Arguments[0].Contains('/') || command.Arguments[0].Contains(',')) return [];
        return Find(command.Arguments[0]) is { } resource ? Names(resource, Namespace(words)) : [];
    }

    /// <summary>The resources kubectl can read, by their plural names.</summary>
    private IReadOnlyList<string> Resources() =>
        catalog.Resources.Where(r => r.Supports("get") || r.Supports("list")).Select(r => r.Plural).ToList();

    /// <summary>A resource as kubectl accepts it: plural, singular, short name or kind, any case (<c>po</c>, <c>Pod</c>).</summary>
    private ResourceDescriptor? Find(string word)
    {
        var name = word.Split('.')[0].ToLowerInvariant();
        return catalog.Resources.FirstOrDefault(r => r.Plural == name || r.Singular == name || r.ShortNames.Contains(name));
    }

    private IReadOnlyList<string> Names(ResourceDescriptor resource, string ns)
    {
        var label = resource.Group.Length == 0 ? resource.Plural : $"{resource.Plural}.{resource.Group}";
        return cluster.Objects.Where(o => o.Resource == label && (!resource.Namespaced || o.Namespace == ns)).Select(o => o.Name).ToList();
    }

    /// <summary>The namespace the line names (<c>-n demo</c>, <c>--namespace=demo</c>), else the kubeconfig's.</summary>
    private string Namespace(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] is "-n" or "--namespace" && i + 1 < words.Count) return words[i + 1];
            if (words[i].StartsWith("--namespace=", StringComparison.Ordinal)) return words[i]["--namespace=".Length..];
            if (words[i].StartsWith("-n", StringComparison.Ordinal) && words[i].Length > 2 && words[i][2] != '-') return words[i][2..].TrimStart('=');
        }
        return defaultNamespace;
    }

    private static string CommonPrefix(string a, string b)
    {
        var length = 0;
        while (length < a.Length && length < b.Length && a[length] == b[length]) length++;
        return a[..length];
    }
}
