using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization;
using KubeLab.Scenarios.Loading.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeLab.Scenarios.Loading;

/// <summary>
/// Turns a YAML node into JSON as kubectl would (sigs.k8s.io/yaml's YAML 1.1 rules), by emitting it
/// again with its original scalar styles and converting with the control plane's
/// <see cref="YamlToJson"/>, so lessons and the API server resolve <c>yes</c> or <c>0x1F</c> alike.
/// </summary>
internal static class ManifestJson
{
    public static JsonNode? Convert(YamlNode node)
    {
        var text = new StringWriter();
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, node);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return YamlToJson.Convert(text.ToString());
    }

    private static void Emit(IEmitter emitter, YamlNode node)
    {
        switch (node)
        {
            case YamlScalar scalar:
                var quoted = scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any);
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, scalar.Value,
                    quoted && !scalar.Value.Contains('\n') ? ScalarStyle.DoubleQuoted : scalar.Style, !quoted, quoted));
                break;
            case YamlSequence sequence:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
                foreach (var item in sequence.Items) Emit(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case YamlMapping mapping:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
                foreach (var (key, value) in mapping.Entries)
                {
                    Emit(emitter, key);
                    Emit(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
        }
    }
}
