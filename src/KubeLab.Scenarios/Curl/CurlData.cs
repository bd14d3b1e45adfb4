using System.Text;
using KubeLab.Scenarios.Clients;

namespace KubeLab.Scenarios.Curl;

/// <summary>
/// The request body from <c>-d</c>, <c>--data-binary</c> and <c>--data-raw</c> (tool_getparam.c): the pieces
/// joined with '&amp;'; <c>@file</c> reads a file, and <c>-d @file</c> drops its carriage returns and newlines
/// where <c>--data-binary @file</c> keeps them. A file that is not there makes an empty body, with a warning.
/// </summary>
internal static class CurlData
{
    public static byte[]? Body(CurlOptions options, ClientEnvironment environment, CommandOutput output)
    {
        if (options.Data.Count == 0) return null;
        var pieces = options.Data.Select(piece => piece switch
        {
            (CurlOption.DataRaw, var raw) => raw,
            (var kind, var value) when value.StartsWith('@') => ReadFile(kind, value[1..], options, environment, output),
            (_, var value) => value,
        });
        return Encoding.UTF8.GetBytes(string.Join('&', pieces));
    }

    private static string ReadFile(CurlOption kind, string file, CurlOptions options, ClientEnvironment environment, CommandOutput output)
    {
        if (environment.ReadFile(file) is not { } content)
        {
            if (!options.Silent) output.Error(CurlMessages.Warning($"Couldn't read data from file \"{file}\", this makes an empty POST."));
            return "";
        }
        return kind == CurlOption.Data ? content.Replace("\r", "").Replace("\n", "") : content;
    }
}
