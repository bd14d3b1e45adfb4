using System.Text.Json.Nodes;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>kubectl's RoleBindingDescriber and ClusterRoleBindingDescriber: the role referred to and the subjects.</summary>
internal sealed class RoleBindingDescriber(bool cluster) : IDescriber
{
    public async Task<string> DescribeAsync(DescribeContext context, string? ns, string name)
    {
        var binding = cluster
            ? await context.GetAsync($"/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/{name}", "describe.go:3682")
            : await context.GetAsync($"/apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/rolebindings/{name}", "describe.go:3650");
        var w = new PrefixWriter();
        var metadata = Obj(binding["metadata"]);
        Header(w, metadata, namespaced: false);
        w.Write(0, "Role:\n");
        w.Write(1, $"Kind:\t{S(binding["roleRef"]?["kind"])}\n");
        w.Write(1, $"Name:\t{S(binding["roleRef"]?["name"])}\n");
        w.Write(0, "Subjects:\n");
        w.Write(1, "Kind\tName\tNamespace\n");
        w.Write(1, "----\t----\t---------\n");
        foreach (var subject in Objects(binding["subjects"]))
            w.Write(1, $"{S(subject["kind"])}\t{S(subject["name"])}\t{S(subject["namespace"])}\n");
        return w.ToString();
    }
}
