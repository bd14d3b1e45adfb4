using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeLab.Scenarios.Writing;

/// <summary>
/// Emits block-style YAML one event at a time, choosing scalar styles so the text reads back as
/// the same value: several lines as a literal block, JSON strings quoted whenever plain text would
/// read back as a number, boolean or null.
/// </summary>
internal sealed class YamlOutput
{
    private readonly StringWriter _text = new();
    private readonly Emitter _emitter;

    public YamlOutput()
    {
        _emitter = new Emitter(_text, EmitterSettings.Default.WithBestWidth(int.MaxValue).WithIndentedSequences());
        _emitter.Emit(new StreamStart());
        _emitter.Emit(new DocumentStart());
    }

    public string Finish()
    {
        _emitter.Emit(new DocumentEnd(true));
        _emitter.Emit(new StreamEnd());
        return _text.ToString();
    }

    public void BeginMap() => _emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
    public void EndMap() => _emitter.Emit(new MappingEnd());
    public void BeginList() => _emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
    public void EndList() => _emitter.Emit(new SequenceEnd());

    /// <summary>Text for a lesson field, which reads any scalar as text except the ones YAML means as nothing.</summary>
    public void Text(string value) =>
        Scalar(value, value.Contains('\n') ? ScalarStyle.Literal : value is "" or "~" or "null" or "Null" or "NULL" ? ScalarStyle.DoubleQuoted : ScalarStyle.Any);

    /// <summary>A key with text, skipped when the value is null.</summary>
    public void Field(string key, string? value)
    {
        if (value is null) return;
        Text(key);
        Text(value);
    }

    public void Key(string key) => Text(key);

    public void Json(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                BeginMap();
                foreach (var (key, value) in obj) { Text(key); Json(value); }
                EndMap();
                break;
            case JsonArray array:
                _emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array) Json(item);
                EndList();
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                // Plain text that YAML would read as another type must be quoted to stay a string.
                var plain = ReadsBackAsText(text);
                Scalar(text, text.Contains('\n') ? ScalarStyle.Literal : plain ? ScalarStyle.Any : ScalarStyle.DoubleQuoted);
                break;
            case null:
                Scalar("null", ScalarStyle.Plain);
                break;
            default:
                Scalar(node.ToJsonString(), ScalarStyle.Plain);
                break;
        }
    }

    private static bool ReadsBackAsText(string text)
    {
        try
        {
            return YamlToJson.Convert(text) is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == text;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    private void Scalar(string value, ScalarStyle style) =>
        _emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, true, style != ScalarStyle.Plain));
}
