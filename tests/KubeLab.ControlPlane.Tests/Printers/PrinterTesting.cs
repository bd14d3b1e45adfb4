using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Printers;

namespace KubeLab.ControlPlane.Tests.Printers;

/// <summary>A fixed clock and compact renderings of columns and cells for printer tests.</summary>
internal static class PrinterTesting
{
    public static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Plain = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ObjectMeta Meta(string name, TimeSpan age, string? ns = "default") =>
        new() { Name = name, Namespace = ns, CreationTimestamp = Now - age };

    /// <summary>Cells as a JSON array, so strings and integers are told apart: <c>["web",1,"5m"]</c>.</summary>
    public static string Row(ITableConvertor convertor, KubeObject obj) =>
        new JsonArray(convertor.Cells(obj, Now).Select(c => c?.DeepClone()).ToArray()).ToJsonString(Plain);

    /// <summary>Columns as <c>Name:type:priority</c>, with <c>/format</c> when there is one.</summary>
    public static string[] Columns(ITableConvertor convertor) =>
        convertor.Columns.Select(c => $"{c.Name}:{c.Type}:{c.Priority}" + (c.Format.Length > 0 ? "/" + c.Format : "")).ToArray();
}
