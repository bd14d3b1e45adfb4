using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Resources;

namespace KubeLab.Scenarios.Kubectl.Commands.Create;

/// <summary>
/// <c>kubectl create role|clusterrole NAME --verb=… --resource=…</c>: resources are checked against discovery and
/// grouped into one rule per API group (groups sorted), as kubectl's generateResourcePolicyRules does.
/// </summary>
internal sealed class CreateRole(bool cluster) : GeneratorCommand
{
    private static readonly string[] ResourceVerbs = ["*", "get", "delete", "list", "create", "update", "patch", "watch", "proxy", "deletecollection", "use", "bind", "escalate", "impersonate"];
    private static readonly string[] NonResourceVerbs = ["*", "get", "post", "put", "delete", "patch", "head", "options"];
    private static readonly Dictionary<string, (string Group, string Resource)[]> SpecialVerbs = new()
    {
        ["use"] = [("policy", "podsecuritypolicies"), ("extensions", "podsecuritypolicies")],
        ["bind"] = [("rbac.authorization.k8s.io", "roles"), ("rbac.authorization.k8s.io", "clusterroles")],
        ["escalate"] = [("rbac.authorization.k8s.io", "roles"), ("rbac.authorization.k8s.io", "clusterroles")],
        ["impersonate"] = [("", "users"), ("", "serviceaccounts"), ("", "groups"), ("authentication.k8s.io", "userextras"), ("authentication.k8s.io", "uids")],
    };

    public override string Name => cluster ? "clusterrole" : "role";
    protected override TypedResource Resource => cluster ? TypedResource.ClusterRoles : TypedResource.Roles;

    protected override void AddGeneratorFlags(FlagSet flags)
    {
        flags.Slice("verb").Slice("resource").Slice("resource-name");
        if (cluster) flags.Slice("non-resource-url").String("aggregation-rule").NotSimulated("aggregation-rule", "create the cluster role from a manifest with -f");
    }

    protected override async Task<JsonObject> BuildAsync(Invocation invocation, string name)
    {
        var flags = invocation.Flags;
        var verbs = new List<string>();
        foreach (var verb in flags.Strings("verb"))
        {
            if (verb == "*") { verbs = ["*"]; break; }
            if (!verbs.Contains(verb)) verbs.Add(verb);
        }
        var resources = ParseResources(flags.Strings("resource"));
        var names = flags.Strings("resource-name").Distinct().ToList();
        var urls = cluster ? flags.Strings("non-resource-url") : [];

        if (verbs.Count == 0) throw KubectlException.Client("at least one verb must be specified");
        if (resources.Count == 0 && (!cluster || urls.Count == 0))
            throw KubectlException.Client(cluster ? "one of resource or nonResourceURL must be specified" : "at least one resource must be specified");
        if (resources.Count > 0)
        {
            foreach (var verb in verbs.Where(v => !ResourceVerbs.Contains(v)))
                invocation.Err($"Warning: '{verb}' is not a standard resource verb\n");
            await ValidateAsync(invocation, resources, verbs);
        }
        foreach (var verb in urls.Count > 0 ? verbs : [])
            if (!NonResourceVerbs.Contains(verb)) throw KubectlException.Client($"invalid verb: '{verb}' for nonResourceURL");
        foreach (var url in urls.Where(u => u != "*"))
        {
            if (!url.StartsWith('/')) throw KubectlException.Client("nonResourceURL should start with /");
            if (url[..^1].Contains('*')) throw KubectlException.Client("nonResourceURL only supports wildcard matches when '*' is at the end");
        }

        var role = NewObject(invocation, name);
        role["rules"] = await RulesAsync(invocation, verbs, resources, names, urls);
        return role;
    }

    private static List<(string Resource, string Group, string? Subresource)> ParseResources(IReadOnlyList<string> values)
    {
        var resources = new List<(string, string, string?)>();
        foreach (var value in values)
        {
            var sections = value.Split('/', 2);
            var parts = sections[0].Split('.', 2);
            var entry = (parts[0], parts.Length == 2 ? parts[1] : "", sections.Length == 2 ? sections[1] : null);
            if (parts[0] == "*" && parts.Length == 1 && sections.Length == 1) return [entry];
            resources.Add(entry);
        }
        return resources;
    }

    private static async Task<ApiResource?> FindAsync(Invocation invocation, string resource, string group)
    {
        var catalog = await invocation.Discovery.LoadAsync(invocation.Cancellation);
        var found = RestMapper.FindResource(catalog, resource, group);
        if (found is null)
        {
            catalog = await invocation.Discovery.RefreshAsync(invocation.Cancellation);
            found = RestMapper.FindResource(catalog, resource, group);
        }
        return found;
    }

    private static async Task ValidateAsync(Invocation invocation, List<(string Resource, string Group, string? Subresource)> resources, List<string> verbs)
    {
        foreach (var (resource, group, _) in resources)
        {
            if (resource.Length == 0) throw KubectlException.Client("resource must be specified if apiGroup/subresource specified");
            if (resource == "*") return;
            var found = await FindAsync(invocation, resource, group);
            var (plural, actualGroup) = found is null ? (resource, group) : (found.Plural, found.Group);
            var special = false;
            foreach (var verb in verbs)
            {
                if (!SpecialVerbs.TryGetValue(verb, out var allowed)) continue;
                if (!allowed.Contains((actualGroup, plural))) throw KubectlException.Client($"can not perform '{verb}' on '{plural}' in group '{actualGroup}'");
                special = true;
            }
            if (found is null && !special) throw KubectlException.Raw($"the server doesn't have a resource type \"{resource}\"\n");
        }
    }

    private static async Task<JsonArray> RulesAsync(Invocation invocation, List<string> verbs,
        List<(string Resource, string Group, string? Subresource)> resources, List<string> names, IReadOnlyList<string> urls)
    {
        var byGroup = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (resource, group, subresource) in resources)
        {
            var found = resource == "*" ? null : await FindAsync(invocation, resource, group);
            var (plural, actualGroup) = found is null ? (resource, group) : (found.Plural, found.Group);
            if (subresource is not null) plural += "/" + subresource;
            if (!byGroup.TryGetValue(actualGroup, out var list)) byGroup[actualGroup] = list = [];
            if (!list.Contains(plural)) list.Add(plural);
        }
        var rules = new JsonArray();
        foreach (var (group, plurals) in byGroup)
        {
            var rule = new JsonObject { ["verbs"] = Array(verbs), ["apiGroups"] = Array([group]), ["resources"] = Array(plurals) };
            if (names.Count > 0) rule["resourceNames"] = Array(names);
            rules.Add(rule);
        }
        if (urls.Count > 0) rules.Add(new JsonObject { ["verbs"] = Array(verbs), ["nonResourceURLs"] = Array(urls) });
        return rules;
    }

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}

/// <summary><c>kubectl create rolebinding|clusterrolebinding NAME --role|--clusterrole=… --user|--group|--serviceaccount=…</c>.</summary>
internal sealed class CreateRoleBinding(bool cluster) : GeneratorCommand
{
    public override string Name => cluster ? "clusterrolebinding" : "rolebinding";
    protected override TypedResource Resource => cluster ? TypedResource.ClusterRoleBindings : TypedResource.RoleBindings;
    protected override string ErrorPrefix => $"failed to create {Name}: ";
    protected override IReadOnlyList<string> RequiredFlags => cluster ? ["clusterrole"] : [];

    protected override void AddGeneratorFlags(FlagSet flags)
    {
        flags.String("clusterrole").Array("user").Array("group").Array("serviceaccount");
        if (!cluster) flags.String("role");
    }

    protected override Task<JsonObject> BuildAsync(Invocation invocation, string name)
    {
        var flags = invocation.Flags;
        var role = cluster ? "" : flags.String("role");
        var clusterRole = flags.String("clusterrole");
        if (!cluster && (role.Length > 0) == (clusterRole.Length > 0)) throw KubectlException.Client("exactly one of clusterrole or role must be specified");
        var binding = NewObject(invocation, name);
        var subjects = new JsonArray();
        foreach (var user in flags.Strings("user"))
            subjects.Add(new JsonObject { ["kind"] = "User", ["apiGroup"] = "rbac.authorization.k8s.io", ["name"] = user });
        foreach (var group in flags.Strings("group"))
            subjects.Add(new JsonObject { ["kind"] = "Group", ["apiGroup"] = "rbac.authorization.k8s.io", ["name"] = group });
        foreach (var account in flags.Strings("serviceaccount"))
        {
            var tokens = account.Split(':');
            if (tokens.Length != 2 || tokens[0].Length == 0 || tokens[1].Length == 0) throw KubectlException.Client("serviceaccount must be <namespace>:<name>");
            subjects.Add(new JsonObject { ["kind"] = "ServiceAccount", ["name"] = tokens[1], ["namespace"] = tokens[0] });
        }
        if (subjects.Count > 0) binding["subjects"] = subjects;
        binding["roleRef"] = new JsonObject
        {
            ["apiGroup"] = "rbac.authorization.k8s.io",
            ["kind"] = role.Length > 0 ? "Role" : "ClusterRole",
            ["name"] = role.Length > 0 ? role : clusterRole,
        };
        return Task.FromResult(binding);
    }
}
