using System.Globalization;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Requests;
using KubeLab.Scenarios.Kubectl.Resources;
using static KubeLab.Scenarios.Kubectl.Commands.Describe.DescribeText;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>
/// kubectl's genericDescriber, for kinds without a describer of their own (events, for one): the object read by the
/// dynamic client (JSON), every field but metadata's usual ones printed as a tree with "smart" labels, then its events.
/// </summary>
internal sealed class GenericDescriber(ApiResource resource) : IDescriber
{
    private static readonly string[] Skipped = [".metadata.managedFields", ".metadata.name", ".metadata.namespace", ".metadata.labels", ".metadata.annotations"];
    private static readonly string[] Acronyms = ["API", "URL", "UID", "OSB", "GUID"];

    public async Task<string> DescribeAsync(DescribeContext context, string? ns, string name)
    {
        var response = await context.Client.TryGetAsync(resource.Path(ns, name), "describe.go:285", KubeRequest.JsonAccept);
        if (!response.IsSuccess) throw new KubectlException(KubectlError.FromStatus(response.Status()));
        var obj = response.Json();
        var events = await context.EventsOfAsync(obj, S(obj["kind"]));
        var w = new PrefixWriter();
        var metadata = Obj(obj["metadata"]);
        Header(w, metadata);
        Content(w, 0, obj, "");
        Events(w, events, context.Now);
        return w.ToString();
    }

    /// <summary>printUnstructuredContent: fields sorted, maps and lists nested a level deeper, scalars as <c>Label:\tvalue</c>.</summary>
    private static void Content(PrefixWriter w, int level, JsonObject content, string prefix)
    {
        foreach (var (field, value) in content.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var path = $"{prefix}.{field}";
            if (Skipped.Contains(path)) continue;
            switch (value)
            {
                case JsonObject map:
                    w.Write(level, $"{Label(field)}:\n");
                    Content(w, level + 1, map, path);
                    break;
                case JsonArray list:
                    w.Write(level, $"{Label(field)}:\n");
                    foreach (var child in list)
                    {
                        if (child is JsonObject childMap) Content(w, level + 1, childMap, path);
                        else w.Write(level + 1, $"{GoValue.Sprint(child)}\n");
                    }
                    break;
                default:
                    w.Write(level, $"{Label(field)}:\t{GoValue.Sprint(value)}\n");
                    break;
            }
        }
    }

    /// <summary>smartLabelFor: <c>involvedObject</c> is "Involved Object", <c>apiVersion</c> "API Version"; a field with other than letters and '-' is left as it is.</summary>
    private static string Label(string field)
    {
        if (field.Any(c => !char.IsLetter(c) && c != '-')) return field;
        var parts = CamelCase(field).Where(p => p != "_")
            .Select(p => Acronyms.Contains(p.ToUpperInvariant()) ? p.ToUpperInvariant() : char.ToUpper(p[0], CultureInfo.InvariantCulture) + p[1..]);
        return string.Join(' ', parts);
    }

    /// <summary>fatih/camelcase's Split: runs of lower case, upper case, digits and others; an upper-case run gives its last letter to a lower-case run after it.</summary>
    private static List<string> CamelCase(string text)
    {
        static int Class(char c) => char.IsLower(c) ? 1 : char.IsUpper(c) ? 2 : char.IsDigit(c) ? 3 : 4;
        var runs = new List<List<char>>();
        var last = 0;
        foreach (var c in text)
        {
            var current = Class(c);
            if (current == last) runs[^1].Add(c);
            else runs.Add([c]);
            last = current;
        }
        for (var i = 0; i < runs.Count - 1; i++)
        {
            if (!char.IsUpper(runs[i][0]) || !char.IsLower(runs[i + 1][0])) continue;
            runs[i + 1].Insert(0, runs[i][^1]);
            runs[i].RemoveAt(runs[i].Count - 1);
        }
        return runs.Where(r => r.Count > 0).Select(r => new string([.. r])).ToList();
    }
}
