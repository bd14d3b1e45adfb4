using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Logging;
using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Kubectl.Printing;

/// <summary>What a write prints: the name printer's success line (<c>pod/nginx created</c>), or the object in the <c>-o</c> format.</summary>
internal static class ResultPrinter
{
    /// <param name="typed">
    /// The object came through a typed client (create namespace, deployment…): Go prints it with its struct's
    /// field order for <c>-o json</c>, where unstructured objects are printed with sorted keys.
    /// </param>
    public static string Print(Invocation invocation, JsonObject obj, string operation, bool typed = false)
    {
        var format = OutputFormat.Parse(invocation.Flags);
        if (format.IsDefault) return GenericPrinter.NameLine(obj, operation);
        if (format.Name == "name") return GenericPrinter.NameLine(obj, null);
        if (format.Name == "json" && typed)
        {
            var copy = invocation.Flags.Bool("show-managed-fields") ? obj : GenericDocument.WithoutManagedFields(obj);
            return GoIndent.Indent(copy.ToJsonString(ControlPlane.Serialization.KubeJson.Options), "    ") + "\n";
        }
        return format.Print(obj, invocation.Flags);
    }
}
