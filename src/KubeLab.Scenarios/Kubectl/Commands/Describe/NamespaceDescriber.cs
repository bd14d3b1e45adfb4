using System.Text.Json.Nodes;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>
/// kubectl's NamespaceDescriber: the namespace's phase and conditions (a Terminating namespace says why it waits),
/// then the quotas and limit ranges in it, each listed in chunks; a server without those kinds (404) omits the section.
/// </summary>
internal sealed class NamespaceDescriber : IDescriber
{
    public async Task<string> DescribeAsync(DescribeContext context, string? ns, string name)
    {
        var namespaceObject = await context.GetAsync($"/api/v1/namespaces/{name}", "describe.go:430");
        var quotas = await ListUnlessMissingAsync(context, $"/api/v1/namespaces/{name}/resourcequotas", "describe.go:438");
        var limitRanges = await ListUnlessMissingAsync(context, $"/api/v1/namespaces/{name}/limitranges", "describe.go:458");

        var w = new PrefixWriter();
        var metadata = Obj(namespaceObject["metadata"]);
        var status = Obj(namespaceObject["status"]);
        Header(w, metadata, namespaced: false);
        w.Write(0, $"Status:\t{S(status["phase"])}\n");
        if (Objects(status["conditions"]) is { Count: > 0 } conditions)
        {
            w.Write(0, "Conditions:\n");
            w.Write(1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
            w.Write(1, "----\t------\t------------------\t------\t-------\n");
            foreach (var c in conditions)
                w.Write(1, $"{S(c["type"])}\t{S(c["status"])}\t{Rfc1123Z(S(c["lastTransitionTime"]))}\t{S(c["reason"])}\t{S(c["message"])}\n");
        }
        if (quotas is not null)
        {
            w.Write(0, "\n");
            ResourceQuotaDescriber.DescribeAll(w, quotas);
        }
        if (limitRanges is not null)
        {
            w.Write(0, "\n");
            LimitRangeDescriber.DescribeAll(w, limitRanges);
        }
        return w.ToString();
    }

    private static async Task<List<JsonObject>?> ListUnlessMissingAsync(DescribeContext context, string path, string caller)
    {
        try
        {
            return await context.ListAsync(path, caller);
        }
        catch (KubectlException e) when (e.Errors is [{ Status.Reason: "NotFound" }])
        {
            return null;
        }
    }
}
