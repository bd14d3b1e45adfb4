using System.Text.RegularExpressions;

namespace KubeLab.Scenarios.Parity.Tests.Infrastructure;

/// <summary>
/// The resource requests a kubectl run made, read from its <c>-v=6</c> log, so the suite asks the
/// server exactly what kubectl asked (which kinds <c>get all</c> expands to, in which order).
/// </summary>
public static partial class RequestLog
{
    public static IReadOnlyList<string> ResourceGets(string stderr) =>
        ResponseLine().Matches(stderr)
            .Select(m => new Uri(m.Groups["url"].Value).PathAndQuery)
            .Where(IsResourcePath)
            .ToList();

    // Discovery (/api, /api/v1, /apis, /apis/g/v) and OpenAPI are not resource reads.
    private static bool IsResourcePath(string pathAndQuery)
    {
        var path = pathAndQuery.Split('?')[0];
        var segments = path.Trim('/').Split('/');
        return segments[0] switch
        {
            "api" => segments.Length >= 3,
            "apis" => segments.Length >= 4,
            _ => false,
        };
    }

    [GeneratedRegex("\"Response\" verb=\"GET\" url=\"(?<url>[^\"]+)\"")]
    private static partial Regex ResponseLine();
}
