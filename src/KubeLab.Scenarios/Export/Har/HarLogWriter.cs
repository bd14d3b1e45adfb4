using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Http;

namespace KubeLab.Scenarios.Export.Har;

/// <summary>
/// Writes an HTTP Archive entry by entry into a seekable stream that holds a complete HAR document after
/// every entry: each new entry overwrites the closing brackets and writes them again after itself, then the
/// stream is flushed. A recording stopped abruptly loses at most the entry being written. The bytes are those
/// of System.Text.Json's indented writer for the whole document.
/// </summary>
public sealed class HarLogWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Stream _stream;
    private readonly string _baseUrl;
    private readonly byte[] _closing;
    private readonly string _entryIndent;
    private long _entriesEnd;
    private int _count;

    /// <param name="baseUrl">Scheme and authority the requests were sent to (the kubeconfig's server).</param>
    public HarLogWriter(Stream stream, string baseUrl)
    {
        _stream = stream;
        _baseUrl = baseUrl.TrimEnd('/');
        var empty = new JsonObject
        {
            ["log"] = new JsonObject
            {
                ["version"] = "1.2",
                ["creator"] = new JsonObject { ["name"] = "KubeLab", ["version"] = Version },
                ["pages"] = new JsonArray(),
                ["entries"] = new JsonArray(),
            },
        }.ToJsonString(Indented) + "\n";
        const string entries = "\"entries\": [";
        var open = empty.IndexOf(entries, StringComparison.Ordinal) + entries.Length;
        var lineStart = empty.LastIndexOf('\n', open) + 1;
        _entryIndent = new string(' ', empty.IndexOf('"', lineStart) - lineStart + 2);
        _closing = Encoding.UTF8.GetBytes(empty[open..]);
        _stream.Write(Encoding.UTF8.GetBytes(empty[..open]));
        _entriesEnd = _stream.Position;
        Close(_closing);
    }

    /// <summary>How many entries the archive holds.</summary>
    public int Count => _count;

    public void Add(WireExchange exchange, HarEntryNote? note = null)
    {
        var entry = HarEntry.Create(exchange, _baseUrl, _count + 1, note).ToJsonString(Indented);
        _stream.Position = _entriesEnd;
        // Strings in JSON hold no raw line breaks, so every line of the entry is a line of its layout.
        _stream.Write(Encoding.UTF8.GetBytes((_count == 0 ? "\n" : ",\n") + _entryIndent + entry.Replace("\n", "\n" + _entryIndent)));
        _entriesEnd = _stream.Position;
        _count++;
        Close([.. Encoding.UTF8.GetBytes("\n" + _entryIndent[2..]), .. _closing]);
    }

    private void Close(byte[] closing)
    {
        _stream.Write(closing);
        _stream.SetLength(_stream.Position);
        _stream.Flush();
    }

    private static string Version =>
        typeof(HarLogWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";
}
