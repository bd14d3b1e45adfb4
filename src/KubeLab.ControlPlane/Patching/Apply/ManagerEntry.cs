using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Patching.Apply;

/// <summary>One metadata.managedFields entry with its field set decoded.</summary>
internal sealed class ManagerEntry
{
    public required string Manager { get; init; }
    public required string Operation { get; init; }
    public string? ApiVersion { get; init; }
    public string? Time { get; set; }
    public string? Subresource { get; init; }
    public required FieldSet Fields { get; set; }

    public bool IsApply => Operation == "Apply";

    public static ManagerEntry Read(JsonObject entry) => new()
    {
        Manager = Text(entry["manager"]) ?? "",
        Operation = Text(entry["operation"]) ?? "",
        ApiVersion = Text(entry["apiVersion"]),
        Time = Text(entry["time"]),
        Subresource = Text(entry["subresource"]),
        Fields = FieldSet.FromFieldsV1(entry["fieldsV1"] as JsonObject),
    };

    public bool Is(string manager, string operation, string? subresource) =>
        Manager == manager && Operation == operation && (Subresource ?? "") == (subresource ?? "");

    /// <summary>How a conflict names the manager (the apiserver's printManager).</summary>
    public string Describe()
    {
        var text = GoValues.Quote(Manager);
        if (!string.IsNullOrEmpty(Subresource)) text += $" with subresource {GoValues.Quote(Subresource)}";
        return Operation == "Update" ? $"{text} using {ApiVersion}" : text;
    }

    public JsonNode ToJson()
    {
        var entry = new ManagedFieldsEntry
        {
            Manager = Manager,
            Operation = Operation,
            ApiVersion = ApiVersion,
            Time = Time is null ? null : DateTimeOffset.Parse(Time, CultureInfo.InvariantCulture),
            FieldsType = "FieldsV1",
            FieldsV1 = Fields.ToFieldsV1(),
            Subresource = Subresource,
        };
        return JsonSerializer.SerializeToNode(entry, KubeJson.Options)!;
    }

    /// <summary>The apiserver's order: by operation, then time in seconds, manager, API version and subresource.</summary>
    public static int Compare(ManagerEntry a, ManagerEntry b)
    {
        var order = string.CompareOrdinal(a.Operation, b.Operation);
        if (order == 0) order = Seconds(a).CompareTo(Seconds(b));
        if (order == 0) order = string.CompareOrdinal(a.Manager, b.Manager);
        if (order == 0) order = string.CompareOrdinal(a.ApiVersion, b.ApiVersion);
        return order != 0 ? order : string.CompareOrdinal(a.Subresource, b.Subresource);
    }

    private static long Seconds(ManagerEntry entry) =>
        entry.Time is null ? 0 : DateTimeOffset.Parse(entry.Time, CultureInfo.InvariantCulture).ToUnixTimeSeconds();

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
