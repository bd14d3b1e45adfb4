using System.Text.RegularExpressions;
using KubeLab.Scenarios.Loading.Yaml;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Loading;

/// <summary>Request lines (<c>POST /api/v1/namespaces</c>) and the choice of a step's exchange (<c>nth</c> or <c>request</c>).</summary>
internal static partial class ExchangeReader
{
    public static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    public static RequestLine? RequestLine(LoadContext context, YamlNode node)
    {
        if (node is not YamlScalar { IsNull: false } scalar || Line().Match(scalar.Value) is not { Success: true } match)
        {
            context.Error(node, $"a request must be 'METHOD /path', e.g. 'GET /api/v1/namespaces/default/pods', not {node.Describe()}");
            return null;
        }
        var method = match.Groups[1].Value;
        if (!Methods.Contains(method))
        {
            context.Error(scalar, $"'{method}' is not an HTTP method{Suggestions.DidYouMean(method, Methods)}");
            return null;
        }
        var query = match.Groups[3].Success ? match.Groups[3].Value : null;
        return new RequestLine(method, match.Groups[2].Value, query, scalar.At);
    }

    public static ExchangeSelector? Selector(LoadContext context, MappingReader map)
    {
        var nth = map.Int("nth", 1, 1000);
        var request = map["request"] is { } r ? RequestLine(context, r) : null;
        if (nth is not null && request is not null)
        {
            context.Error(map.KeyAt("request"), "give 'nth' or 'request', not both: they both choose the exchange");
            return null;
        }
        if ((map.Has("nth") && nth is null) || (map.Has("request") && request is null)) return null;
        return new ExchangeSelector(nth, request);
    }

    [GeneratedRegex(@"^([A-Za-z]+) (/[^?\s]*)(?:\?(\S+))?$")]
    private static partial Regex Line();
}
