using System.Text;
using System.Text.Json.Nodes;

namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>kubectl's printers for <c>-o json</c>, <c>-o yaml</c> and <c>-o name</c> of a document (an object or a List).</summary>
public static class GenericPrinter
{
    /// <summary><c>-o json</c>: four-space indent, sorted keys, a final newline.</summary>
    public static string Json(JsonObject document, bool showManagedFields = false) =>
        GoJson.Indent(showManagedFields ? document : GenericDocument.WithoutManagedFields(document)) + "\n";

    /// <summary><c>-o yaml</c>.</summary>
    public static string Yaml(JsonObject document, bool showManagedFields = false) =>
        YamlPrinter.Print(showManagedFields ? document : GenericDocument.WithoutManagedFields(document));

    /// <summary><c>-o name</c>: <c>kind[.group]/name</c> per object (<c>pod/web</c>, <c>deployment.apps/web</c>).</summary>
    public static string Name(JsonObject document)
    {
        var text = new StringBuilder();
        var objects = document["items"] is JsonArray items && IsList(document)
            ? items.OfType<JsonObject>()
            : [document];
        foreach (var obj in objects) text.Append(NameLine(obj, operation: null));
        return text.ToString();
    }

    /// <summary>
    /// One name-printer line, <c>pod/web</c> or with an operation <c>pod/web created</c> (kubectl's
    /// <c>NamePrinter</c>, which prints the success lines of create, apply, label, patch, scale…).
    /// </summary>
    public static string NameLine(JsonObject obj, string? operation)
    {
        var kind = (string?)obj["kind"] ?? "";
        var apiVersion = (string?)obj["apiVersion"] ?? "";
        var slash = apiVersion.IndexOf('/');
        var group = slash < 0 ? "" : apiVersion[..slash];
        var name = (string?)obj["metadata"]?["name"];
        return ObjectLine(group, kind, string.IsNullOrEmpty(name) ? "<unknown>" : name, operation);
    }

    public static string ObjectLine(string group, string kind, string name, string? operation)
    {
        var suffix = string.IsNullOrEmpty(operation) ? "" : " " + operation;
        var prefix = group.Length == 0 ? kind.ToLowerInvariant() : $"{kind.ToLowerInvariant()}.{group}";
        return $"{prefix}/{name}{suffix}\n";
    }

    private static bool IsList(JsonObject document) => document["items"] is JsonArray;
}
