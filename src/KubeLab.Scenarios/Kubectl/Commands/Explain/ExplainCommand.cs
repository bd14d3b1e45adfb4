using System.Text;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Flags;

namespace KubeLab.Scenarios.Kubectl.Commands.Explain;

/// <summary>
/// <c>kubectl explain TYPE[.FIELD...] [--recursive]</c>: the group-version's OpenAPI v3 document, rendered as kubectl's
/// plaintext template renders it (KIND/VERSION, the field, its description and its fields).
/// </summary>
internal sealed class ExplainCommand : CommandDefinition
{
    public override string Name => "explain";

    public override void AddFlags(FlagSet flags) => flags.String("api-version").String("output", 'o', "plaintext").Bool("recursive");

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        if (invocation.Args.Count != 1)
            throw KubectlException.Client("You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.");
        if (flags.String("output") != "plaintext") throw KubectlException.Client($"unsupported output format: {flags.String("output")}");
        var parts = invocation.Args[0].Split('.');
        var resource = await invocation.Mapper.ResolveAsync(parts[0], invocation.Cancellation);
        var document = await invocation.OpenApi.GroupVersionAsync(resource.Group, resource.Version, invocation.Cancellation)
            ?? throw KubectlException.Client($"couldn't find resource for \"{resource.GroupVersion}, Resource={resource.Plural}\"");
        invocation.Out(ExplainRenderer.Render(document, resource.Group, resource.Version, resource.Plural, parts.Skip(1).ToList(), flags.Bool("recursive"), invocation.Out));
        return 0;
    }
}

/// <summary>kubectl's explain v2 plaintext template, over an OpenAPI v3 document.</summary>
internal static class ExplainRenderer
{
    /// <param name="header">Where the KIND/VERSION header goes when rendering fails after it (kubectl has printed it by then).</param>
    public static string Render(JsonObject document, string group, string version, string resource, List<string> fieldPath, bool recursive, Action<string> header)
    {
        var prefix = group.Length == 0 ? "/api" : "/apis/" + group;
        string[] searchPaths =
        [
            $"{prefix}/{version}/{resource}", $"{prefix}/{version}/{resource}/{{name}}",
            $"{prefix}/{version}/namespaces/{{namespace}}/{resource}", $"{prefix}/{version}/namespaces/{{namespace}}/{resource}/{{name}}",
        ];
        JsonObject? gvk = null;
        foreach (var path in searchPaths)
        {
            if (document["paths"]?[path] is not JsonObject element) continue;
            foreach (var method in new[] { "get", "post", "put", "patch", "delete" })
                if (element[method]?["x-kubernetes-group-version-kind"] is JsonObject found) { gvk = found; break; }
            if (gvk is not null) break;
        }
        if (gvk is null) throw KubectlException.Client($"GVR ({group}/{version}, Resource={resource}) not found in OpenAPI schema");
        var text = new StringBuilder();
        if (S(gvk["group"]).Length > 0) text.Append($"GROUP:      {S(gvk["group"])}\n");
        text.Append($"KIND:       {S(gvk["kind"])}\nVERSION:    {S(gvk["version"])}\n\n");
        var schema = (document["components"]?["schemas"] as JsonObject ?? [])
            .Select(kv => kv.Value).OfType<JsonObject>()
            .FirstOrDefault(s => s["x-kubernetes-group-version-kind"] is JsonArray list && list.OfType<JsonObject>().Any(g =>
                S(g["group"]) == S(gvk["group"]) && S(g["kind"]) == S(gvk["kind"]) && S(g["version"]) == S(gvk["version"])));
        if (schema is null)
        {
            header(text.ToString());
            throw KubectlException.Client($"GVK map[group:{S(gvk["group"])} kind:{S(gvk["kind"])} version:{S(gvk["version"])}] not found in OpenAPI schema");
        }
        var output = Output(schema, document, fieldPath, recursive, []);
        if (output.Length == 0)
        {
            header(text.ToString());
            throw KubectlException.Client($"field \"{fieldPath[^1]}\" does not exist");
        }
        return text.Append(output).Append('\n').ToString();
    }

    private static string Output(JsonObject schema, JsonObject document, List<string> fieldPath, bool recursive, HashSet<string> history)
    {
        var reference = S(schema["$ref"]);
        var resolved = Resolve(reference, document) ?? schema;
        var text = new StringBuilder();
        if (fieldPath.Count == 0)
        {
            text.Append("DESCRIPTION:\n");
            var description = Description(resolved, document);
            text.Append(Indent(Wrap(description.Length == 0 ? "<empty>" : description, 76), 4)).Append('\n');
            var fields = FieldList(resolved, document, 1, recursive, []);
            if (fields.Length > 0) text.Append("FIELDS:\n").Append(fields);
            return text.ToString();
        }
        if (reference.Length > 0 && history.Contains(reference)) return "";
        history = [.. history, reference];
        if (resolved["properties"]?[fieldPath[0]] is JsonObject sub)
        {
            if (fieldPath.Count == 1)
                text.Append($"FIELD: {fieldPath[0]} <{TypeGuess(sub, document)}>\n").Append(Enum(sub, document, longView: true, limit: -1, indent: 0)).Append("\n\n");
            return text.Append(Output(sub, document, fieldPath[1..], recursive, [])).ToString();
        }
        if (resolved["items"] is JsonObject items) return Output(items, document, fieldPath, recursive, history);
        if (resolved["additionalProperties"] is JsonObject additional) return Output(additional, document, fieldPath, recursive, history);
        foreach (var alternative in (resolved["allOf"] as JsonArray ?? []).OfType<JsonObject>())
            if (Output(alternative, document, fieldPath, recursive, history) is { Length: > 0 } found) return found;
        return "";
    }

    private static string FieldList(JsonObject schema, JsonObject document, int level, bool recursive, HashSet<string> history)
    {
        var reference = S(schema["$ref"]);
        if (reference.Length > 0 && history.Contains(reference)) return "";
        history = [.. history, reference];
        var resolved = Resolve(reference, document) ?? schema;
        var text = new StringBuilder();
        foreach (var (name, value) in (resolved["properties"] as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(FieldDetail(name, resolved, document, recursive, level));
            if (recursive && value is JsonObject child) text.Append(FieldList(child, document, level + 1, recursive, history));
        }
        foreach (var alternative in (resolved["allOf"] as JsonArray ?? []).OfType<JsonObject>())
            text.Append(FieldList(alternative, document, level, recursive, history));
        if (resolved["items"] is JsonObject items) text.Append(FieldList(items, document, level, recursive, history));
        if (resolved["additionalProperties"] is JsonObject additional) text.Append(FieldList(additional, document, level, recursive, history));
        return text.ToString();
    }

    private static string FieldDetail(string name, JsonObject schema, JsonObject document, bool shortForm, int level)
    {
        var indent = level * 2;
        var field = schema["properties"]?[name] as JsonObject ?? [];
        var text = new StringBuilder(Indent(name, indent)).Append('\t').Append('<').Append(TypeGuess(field, document)).Append('>');
        if (schema["required"] is JsonArray required && required.Any(r => S(r) == name)) text.Append(" -required-");
        text.Append(Enum(field, document, longView: false, limit: 4, indent: indent)).Append('\n');
        if (!shortForm)
        {
            var description = S(field["description"]);
            text.Append(Indent(Wrap(description.Length == 0 ? "<no description>" : description, 78 - indent), indent + 2)).Append("\n\n");
        }
        return text.ToString();
    }

    private static string Description(JsonObject schema, JsonObject document)
    {
        var resolved = Resolve(S(schema["$ref"]), document) ?? schema;
        var text = new StringBuilder();
        if (S(resolved["description"]) is { Length: > 0 } description) text.Append(description).Append('\n');
        foreach (var alternative in (resolved["allOf"] as JsonArray ?? []).OfType<JsonObject>()) text.Append(Description(alternative, document));
        if (resolved["items"] is JsonObject items) text.Append(Description(items, document));
        if (resolved["additionalProperties"] is JsonObject additional) text.Append(Description(additional, document));
        return text.ToString();
    }

    private static string TypeGuess(JsonObject schema, JsonObject document)
    {
        if (schema["items"] is JsonObject items) return "[]" + TypeGuess(items, document);
        if (schema["additionalProperties"] is JsonObject additional) return "map[string]" + TypeGuess(additional, document);
        if (schema["allOf"] is JsonArray { Count: 1 } allOf && schema["properties"] is null && allOf[0] is JsonObject only) return TypeGuess(only, document);
        if (S(schema["$ref"]) is { Length: > 0 } reference)
        {
            var target = Resolve(reference, document);
            var type = target is null ? "" : S(target["type"]);
            if (target is null || type.Length == 0 || type == "object")
            {
                var name = reference.Split('/')[^1];
                var last = name.Split('.')[^1];
                return last.Length == 0 ? "Object" : last;
            }
            return type;
        }
        var own = S(schema["type"]);
        return own == "object" || own.Length == 0 ? "Object" : own;
    }

    private static string Enum(JsonObject schema, JsonObject document, bool longView, int limit, int indent)
    {
        if (schema["enum"] is not JsonArray { Count: > 0 } values) return "";
        var text = new StringBuilder(longView ? "ENUM:" : "\n" + new string(' ', indent) + "enum: ");
        for (var i = 0; i < values.Count; i++)
        {
            if (limit > -1 && i >= limit) { text.Append(", ...."); break; }
            if (i > 0 && !longView) text.Append(", ");
            else if (longView) text.Append("\n    ");
            var value = S(values[i]);
            text.Append(values[i] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String && value.Length == 0 ? "\"\"" : value);
        }
        return text.ToString();
    }

    private static JsonObject? Resolve(string reference, JsonObject document)
    {
        const string prefix = "#/components/schemas/";
        return reference.StartsWith(prefix, StringComparison.Ordinal) ? document["components"]?["schemas"]?[reference[prefix.Length..]] as JsonObject : null;
    }

    /// <summary>Sprig's <c>indent</c>: every line prefixed.</summary>
    private static string Indent(string text, int spaces)
    {
        var pad = new string(' ', spaces);
        return pad + text.Replace("\n", "\n" + pad);
    }

    /// <summary>Sprig's <c>wrap</c>: words moved to a new line past the width (long words are not broken).</summary>
    private static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' '))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                else if (line.Length > 0) line.Append(' ');
                line.Append(word);
            }
            lines.Add(line.ToString());
        }
        return string.Join('\n', lines);
    }

    private static string S(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToString() ?? "";
}
