using System.Text;
using System.Text.Json.Serialization;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.Scenarios.Transcripts;

/// <summary>
/// One exchange as a transcript keeps it: plain data (no live objects), bodies as text when they are
/// UTF-8 and as base64 otherwise (protobuf), the response as the chunks the server wrote, and the trace.
/// </summary>
public sealed record ExchangeRecord(
    long Sequence,
    string Method,
    string Target,
    string Protocol,
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
    BodyRecord RequestBody,
    int Status,
    IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders,
    IReadOnlyList<BodyRecord> ResponseChunks,
    string User,
    IReadOnlyList<string> Groups,
    IReadOnlyList<TraceEntry> Trace)
{
    /// <summary>
    /// How long the server really took. Wall-clock time differs from run to run, so it stays out of the JSON
    /// (golden files, exports): only live views show it.
    /// </summary>
    [JsonIgnore]
    public ExchangeTiming Timing { get; init; } = ExchangeTiming.Unmeasured;

    public static ExchangeRecord From(Exchange e) => new(
        e.Sequence, e.Method, e.Target, e.Protocol, e.RequestHeaders, BodyRecord.From(e.RequestBody),
        e.StatusCode, e.ResponseHeaders, e.ResponseChunks.Select(BodyRecord.From).ToList(),
        e.User.Name, e.User.Groups, e.Trace.Entries) { Timing = e.Timing };

    public string Path => Target.Split('?')[0];
    public string? Query => Target.Contains('?') ? Target[(Target.IndexOf('?') + 1)..] : null;

    /// <summary>The whole response body as text (binary bodies as their base64).</summary>
    public string ResponseText => string.Concat(ResponseChunks.Select(c => c.Text ?? c.Base64));
}

/// <summary>A body: its text when it is valid UTF-8, else its bytes in base64.</summary>
public sealed record BodyRecord(string? Text, string? Base64)
{
    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    public static BodyRecord From(byte[] bytes)
    {
        if (bytes.Length == 0) return new BodyRecord("", null);
        try
        {
            var text = Strict.GetString(bytes);
            return text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? new BodyRecord(null, Convert.ToBase64String(bytes)) : new BodyRecord(text, null);
        }
        catch (DecoderFallbackException)
        {
            return new BodyRecord(null, Convert.ToBase64String(bytes));
        }
    }

    public byte[] Bytes => Text is not null ? Encoding.UTF8.GetBytes(Text) : Convert.FromBase64String(Base64 ?? "");
}
