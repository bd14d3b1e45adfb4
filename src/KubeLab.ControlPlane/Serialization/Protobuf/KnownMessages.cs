using KubeLab.ControlPlane.Api.Core;

namespace KubeLab.ControlPlane.Serialization.Protobuf;

/// <summary>
/// Field tables for the messages the C# model keeps as free-form JSON (security contexts, probes, env
/// sources, volume sources…), transcribed from the protobuf and json tags of k8s.io/api v0.33.9 core/v1
/// types.go. <c>keep: true</c> marks Go pointers and fields without <c>omitempty</c>.
/// A message missing here decodes only when empty; otherwise the decoder names it in its error.
/// </summary>
internal static partial class KnownMessages
{
    /// <summary>Messages the typed model already describes.</summary>
    private static readonly Dictionary<string, Type> Typed = new()
    {
        ["LocalObjectReference"] = typeof(LocalObjectReference),
        ["ResourceRequirements"] = typeof(ResourceRequirements),
    };

    private static readonly Dictionary<string, ProtoMessage> Tables =
        new[] { Security(), Probes(), Env(), Volumes(), PodSpecParts() }
            .SelectMany(group => group)
            .ToDictionary(message => message.Name);

    public static ProtoMessageRef Ref(string name) => new(name, () => Find(name));

    public static ProtoMessage? Find(string name) =>
        Typed.TryGetValue(name, out var type) ? ProtoSchema.For(type)
        : Tables.GetValueOrDefault(name);

    private static ProtoMessage Message(string name, params ProtoField[] fields) =>
        new(name, fields.ToDictionary(field => field.Number));

    private static ProtoField Str(int number, string json, bool keep = false) => Scalar(number, json, ProtoKind.String, keep);
    private static ProtoField Bool(int number, string json, bool keep = false) => Scalar(number, json, ProtoKind.Bool, keep);
    private static ProtoField I32(int number, string json, bool keep = false) => Scalar(number, json, ProtoKind.Int32, keep);
    private static ProtoField I64(int number, string json, bool keep = false) => Scalar(number, json, ProtoKind.Int64, keep);
    private static ProtoField IntStr(int number, string json) => Scalar(number, json, ProtoKind.IntOrString, keep: true);
    private static ProtoField Qty(int number, string json) => Scalar(number, json, ProtoKind.Quantity, keep: true);
    private static ProtoField Strs(int number, string json) => new(number, json, ProtoKind.String, ProtoCardinality.Repeated, true, false, null);
    private static ProtoField I64s(int number, string json) => new(number, json, ProtoKind.Int64, ProtoCardinality.Repeated, true, false, null);
    private static ProtoField Msg(int number, string json, string message) => new(number, json, ProtoKind.Message, ProtoCardinality.Single, true, false, Ref(message), Optional: true);
    private static ProtoField Msgs(int number, string json, string message) => new(number, json, ProtoKind.Message, ProtoCardinality.Repeated, true, false, Ref(message));

    /// <summary>An embedded Go struct (<c>json:",inline"</c>): its fields belong to the enclosing JSON object.</summary>
    private static ProtoField Inline(int number, string message) => new(number, "", ProtoKind.Message, ProtoCardinality.Single, true, true, Ref(message));

    private static ProtoField Scalar(int number, string json, ProtoKind kind, bool keep) => new(number, json, kind, ProtoCardinality.Single, keep, false, null, Optional: keep);
}
