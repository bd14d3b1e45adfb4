using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeLab.Scenarios.Transcripts.Rendering;

/// <summary>The transcript as indented JSON: the machine-readable form (golden files, the site, other tools).</summary>
public static class TranscriptJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Render(Transcript transcript) => JsonSerializer.Serialize(transcript, Options) + "\n";
}
