using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;
using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Parity.Tests.Infrastructure;

/// <summary>
/// What an emulated `kubectl get` does with the server's answers: the printers under test, fed
/// the same bytes the real kubectl was fed.
/// </summary>
public static class GetReplay
{
    public static KubectlOutput Print(IReadOnlyList<RawResponse> responses, GetFlags flags, Func<ResourcePath, ResourceKind> kinds)
    {
        responses = WithoutNamespaceProbes(responses);
        var errors = responses.Where(r => !r.IsSuccess).Select(r => KubectlError.FromStatus(ReadStatus(r))).ToList();
        var found = responses.Where(r => r.IsSuccess).ToList();
        if (flags.IsTable)
        {
            var tables = found.Select(r => new TableResult(kinds(ResourcePath.Parse(r.Path)), ReadTable(r))).ToList();
            return GetTablePrinter.Print(tables, new GetTableRequest
            {
                Options = flags.TableOptions,
                AllNamespaces = flags.AllNamespaces,
                Namespace = flags.Namespace,
            }, errors);
        }

        var singleItemImplied = responses.Count == 1 && ResourcePath.Parse(responses[0].Path).Name is not null;
        if (singleItemImplied && errors.Count > 0) return ErrorPrinter.Failure(errors);
        var items = new List<JsonObject>();
        foreach (var response in found)
        {
            var obj = JsonTree.Parse(response.Body)!.AsObject();
            items.AddRange(obj["items"] is JsonArray ? GenericDocument.ItemsOf(obj) : [obj]);
        }
        var document = GenericDocument.Build(items, singleItemImplied);
        var stdout = Render(document, flags);
        return errors.Count == 0 ? KubectlOutput.Success(stdout) : ErrorPrinter.Failure(errors, stdout);
    }

    private static string Render(JsonObject document, GetFlags flags)
    {
        var output = flags.Output;
        if (output == "json") return GenericPrinter.Json(document, flags.ShowManagedFields);
        if (output == "yaml") return GenericPrinter.Yaml(document, flags.ShowManagedFields);
        if (output == "name") return GenericPrinter.Name(document);
        if (output.StartsWith("custom-columns=", StringComparison.Ordinal))
            return CustomColumnsPrinter.Print(document, output["custom-columns=".Length..], flags.NoHeaders);
        if (output.StartsWith("jsonpath-as-json=", StringComparison.Ordinal))
            return JsonPathTemplate.Parse(output["jsonpath-as-json=".Length..]).Execute(document, asJson: true);
        if (output.StartsWith("jsonpath=", StringComparison.Ordinal))
            return JsonPathTemplate.Parse(output["jsonpath=".Length..]).Execute(document);
        throw new ArgumentException($"no replay for -o {output}");
    }

    // After a named GET answers 404 in a namespace other than default, kubectl asks for the namespace:
    // if that is missing too, the namespace's NotFound is the error reported; otherwise nothing changes.
    private static List<RawResponse> WithoutNamespaceProbes(IReadOnlyList<RawResponse> responses)
    {
        var kept = new List<RawResponse>();
        foreach (var response in responses)
        {
            var path = ResourcePath.Parse(response.Path);
            var isProbe = kept.Count > 0 && kept[^1].StatusCode == 404 && path is { Resource: "namespaces", Name: not null }
                && ResourcePath.Parse(kept[^1].Path).Namespace == path.Name;
            if (!isProbe) kept.Add(response);
            else if (response.StatusCode == 404) kept[^1] = response with { Path = kept[^1].Path };
        }
        return kept;
    }

    public static Table ReadTable(RawResponse response) =>
        JsonSerializer.Deserialize<Table>(response.Body, KubeJson.Options)!;

    public static Status ReadStatus(RawResponse response) =>
        JsonSerializer.Deserialize<Status>(response.Body, KubeJson.Options)!;
}
