using System.Text.Json.Nodes;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>kubectl's RoleDescriber and ClusterRoleDescriber: the rules as a table of resources, URLs, names and verbs.</summary>
internal sealed class RoleDescriber(bool cluster) : IDescriber
{
    public async Task<string> DescribeAsync(DescribeContext context, string? ns, string name)
    {
        var role = cluster
            ? await context.GetAsync($"/apis/rbac.authorization.k8s.io/v1/clusterroles/{name}", "describe.go:3594")
            : await context.GetAsync($"/apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/roles/{name}", "describe.go:3555");
        var rules = PolicyRules.Compacted(Objects(role["rules"]));
        var w = new PrefixWriter();
        var metadata = Obj(role["metadata"]);
        Header(w, metadata, namespaced: false);
        w.Write(0, "PolicyRule:\n");
        w.Write(1, "Resources\tNon-Resource URLs\tResource Names\tVerbs\n");
        w.Write(1, "---------\t-----------------\t--------------\t-----\n");
        foreach (var rule in rules)
            w.Write(1, $"{PolicyRules.ResourceColumn(rule)}\t{GoSlice(rule.NonResourceUrls)}\t{GoSlice(rule.ResourceNames)}\t{GoSlice(rule.Verbs)}\n");
        return w.ToString();
    }
}
