using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Requests;
using KubeLab.Scenarios.Kubectl.Resources;

namespace KubeLab.Scenarios.Kubectl.Commands.Get;

/// <summary>
/// <c>kubectl get</c> without <c>--watch</c> (kubectl's <c>GetOptions.Run</c>): one GET per type or named object, in
/// the builder's order, errors collected and printed after what was found.
/// </summary>
internal sealed class GetList(Invocation invocation, GetOptions options)
{
    private readonly List<(ApiResource Resource, KubeResponse Response)> found = [];
    private readonly List<KubectlError> errors = [];

    public async Task<int> RunAsync()
    {
        var selection = await ResourceArgs.ResolveAsync(invocation.Mapper, invocation.Args, invocation.Cancellation);
        foreach (var target in selection.Targets)
        {
            if (target.Name is null) await ListAsync(target.Resource);
            else await GetAsync(target.Resource, target.Name);
        }
        var output = options.Format.IsHumanReadable ? PrintTables() : PrintGeneric(selection.SingleItemImplied);
        invocation.Out(output.Stdout);
        invocation.LogServerErrors(errors);
        invocation.Err(output.Stderr);
        return output.ExitCode;
    }

    private string? NamespaceFor(ApiResource resource) => options.AllNamespaces ? null : options.Namespace;

    private async Task ListAsync(ApiResource resource)
    {
        string? continueToken = null;
        do
        {
            var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, resource.Path(NamespaceFor(resource)))
            {
                Query = options.ListQuery(continueToken).Encode(),
                Accept = options.Accept,
                Caller = "helper.go:113",
            }, invocation.Cancellation);
            if (!response.IsSuccess)
            {
                Fail(response.Status());
                return;
            }
            found.Add((resource, response));
            continueToken = (string?)response.Json()["metadata"]?["continue"];
        }
        while (!string.IsNullOrEmpty(continueToken));
    }

    private async Task GetAsync(ApiResource resource, string name)
    {
        var ns = options.AllNamespaces ? "" : options.Namespace;
        var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, resource.Path(ns.Length == 0 ? null : ns, name))
        {
            Accept = options.Accept,
            Caller = "helper.go:105",
        }, invocation.Cancellation);
        if (response.IsSuccess)
        {
            found.Add((resource, response));
            return;
        }
        var status = response.Status();
        // A missing object in a namespace other than default: if the namespace is missing too, that is the error.
        if (response.StatusCode == 404 && resource.Namespaced && ns.Length > 0 && ns != "default")
        {
            var probe = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, $"/api/v1/namespaces/{ns}")
            {
                Accept = options.Accept,
                Caller = "visitor.go:104",
            }, invocation.Cancellation);
            if (probe.StatusCode == 404) status = probe.Status();
        }
        Fail(status);
    }

    private void Fail(Status status)
    {
        if (options.IgnoreNotFound && status.Reason == "NotFound") return;
        errors.Add(KubectlError.FromStatus(status));
    }

    private KubectlOutput PrintTables()
    {
        var tables = found.Select(f => new TableResult(f.Resource.PrintKind, f.Response.Read<Table>())).ToList();
        return GetTablePrinter.Print(tables, new GetTableRequest
        {
            Options = options.Table,
            AllNamespaces = options.AllNamespaces,
            Namespace = options.Namespace,
            IgnoreNotFound = options.IgnoreNotFound,
        }, errors);
    }

    private KubectlOutput PrintGeneric(bool singleItemImplied)
    {
        if (singleItemImplied && errors.Count > 0) return ErrorPrinter.Failure(errors);
        var items = new List<JsonObject>();
        foreach (var (_, response) in found)
        {
            var obj = response.Json();
            items.AddRange(obj["items"] is JsonArray ? GenericDocument.ItemsOf(obj) : [obj]);
        }
        if (items.Count == 0 && options.IgnoreNotFound) return errors.Count == 0 ? KubectlOutput.Success("") : ErrorPrinter.Failure(errors);
        var stdout = options.Format.Print(GenericDocument.Build(items, singleItemImplied), invocation.Flags);
        return errors.Count == 0 ? KubectlOutput.Success(stdout) : ErrorPrinter.Failure(errors, stdout);
    }
}
