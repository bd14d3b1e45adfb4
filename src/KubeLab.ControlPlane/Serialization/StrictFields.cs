using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace KubeLab.ControlPlane.Serialization;

/// <summary>
/// Finds the fields of a JSON body that the target type does not declare, with Kubernetes'
/// path spelling (<c>spec.containers[0].foo</c>), for <c>fieldValidation=Strict|Warn</c>.
/// Fields kept as free-form JSON (extension data, <see cref="JsonNode"/> properties) are not checked.
/// </summary>
public static class StrictFields
{
    public static List<string> FindUnknown(JsonNode? node, Type type)
    {
        var unknown = new List<string>();
        Walk(node, KubeJson.Options.GetTypeInfo(type), "", unknown);
        return unknown;
    }

    private static void Walk(JsonNode? node, JsonTypeInfo info, string path, List<string> unknown)
    {
        if (node is null || typeof(JsonNode).IsAssignableFrom(info.Type)) return;
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when node is JsonObject obj:
                var hasExtensionData = info.Properties.Any(p => p.AttributeProvider is MemberInfo m && m.IsDefined(typeof(JsonExtensionDataAttribute)));
                foreach (var (name, child) in obj)
                {
                    var childPath = path.Length == 0 ? name : path + "." + name;
                    var property = info.Properties.FirstOrDefault(p => p.Name == name);
                    if (property is null)
                    {
                        if (!hasExtensionData) unknown.Add(childPath);
                        continue;
                    }
                    Walk(child, KubeJson.Options.GetTypeInfo(property.PropertyType), childPath, unknown);
                }
                break;
            case JsonTypeInfoKind.Enumerable when node is JsonArray array && info.ElementType is { } element:
                var elementInfo = KubeJson.Options.GetTypeInfo(element);
                for (var i = 0; i < array.Count; i++) Walk(array[i], elementInfo, $"{path}[{i}]", unknown);
                break;
            case JsonTypeInfoKind.Dictionary when node is JsonObject map && info.ElementType is { } value:
                var valueInfo = KubeJson.Options.GetTypeInfo(value);
                foreach (var (key, child) in map) Walk(child, valueInfo, path + "." + key, unknown);
                break;
        }
    }
}
