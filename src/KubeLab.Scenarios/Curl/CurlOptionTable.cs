namespace KubeLab.Scenarios.Curl;

/// <summary>What an option does once parsed.</summary>
internal enum CurlOption
{
    Request, Header, Data, DataBinary, DataRaw, Output, WriteOut, CaCert, Cert, Key,
    Insecure, Verbose, Silent, ShowError, Include, NoBuffer, Http11,
}

/// <summary>
/// The curl options the emulator reproduces, by every spelling curl accepts, and whether each takes a
/// value. The lesson checker reads the same table, so a lesson can use exactly what runs.
/// </summary>
internal static class CurlOptionTable
{
    public sealed record Entry(CurlOption Option, bool TakesValue, char? Short, string Long);

    public static readonly IReadOnlyList<Entry> Entries =
    [
        new(CurlOption.Request, true, 'X', "--request"),
        new(CurlOption.Header, true, 'H', "--header"),
        new(CurlOption.Data, true, 'd', "--data"),
        new(CurlOption.DataBinary, true, null, "--data-binary"),
        new(CurlOption.DataRaw, true, null, "--data-raw"),
        new(CurlOption.Output, true, 'o', "--output"),
        new(CurlOption.WriteOut, true, 'w', "--write-out"),
        new(CurlOption.CaCert, true, null, "--cacert"),
        new(CurlOption.Cert, true, 'E', "--cert"),
        new(CurlOption.Key, true, null, "--key"),
        new(CurlOption.Insecure, false, 'k', "--insecure"),
        new(CurlOption.Verbose, false, 'v', "--verbose"),
        new(CurlOption.Silent, false, 's', "--silent"),
        new(CurlOption.ShowError, false, 'S', "--show-error"),
        new(CurlOption.Include, false, 'i', "--include"),
        new(CurlOption.NoBuffer, false, 'N', "--no-buffer"),
        new(CurlOption.Http11, false, null, "--http1.1"),
    ];

    public static Entry? Long(string name) => Entries.FirstOrDefault(e => e.Long == name);

    public static Entry? Short(char letter) => Entries.FirstOrDefault(e => e.Short == letter);

    /// <summary>Every spelling, for suggestions: <c>-X</c>, <c>--request</c>, …</summary>
    public static IEnumerable<string> Spellings =>
        Entries.SelectMany(e => e.Short is { } s ? new[] { $"-{s}", e.Long } : [e.Long]);
}
