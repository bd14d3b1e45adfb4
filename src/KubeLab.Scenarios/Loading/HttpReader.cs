using KubeLab.Scenarios.Loading.Yaml;
using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Loading;

/// <summary><c>http:</c> a raw request: method, path, headers and a body inline, as YAML (sent as JSON) or from a file.</summary>
internal static class HttpReader
{
    public static HttpAction? Read(LoadContext context, YamlNode node)
    {
        var errors = context.ErrorCount;
        if (MappingReader.Open(context, node, LessonShapes.Http, "'http'") is not { } http) return null;
        var method = http.Scalar("method");
        if (method is not null && !ExchangeReader.Methods.Contains(method.Value))
            context.Error(method, $"'{method.Value}' is not an HTTP method{Suggestions.DidYouMean(method.Value, ExchangeReader.Methods)}");
        var path = http.Scalar("path");
        if (path is not null && !path.Value.StartsWith('/') && !path.Value.StartsWith("${"))
            context.Error(path, $"path '{path.Value}' must start with '/', e.g. /api/v1/namespaces");
        var headers = new List<NamedValue>();
        foreach (var (name, value) in http.Mapping("headers")?.Entries ?? [])
        {
            if (!Names.HeaderName().IsMatch(name.Value)) context.Error(name, $"'{name.Value}' is not a header name");
            else if (value is not YamlScalar { IsNull: false } text) context.Error(value, $"header '{name.Value}' must be text, not {value.Describe()}");
            else headers.Add(new NamedValue(name.Value, text.Value));
        }
        var body = Body(context, http);
        return context.ErrorCount == errors ? new HttpAction(method!.Value, path!.Value, headers, body, node.At) : null;
    }

    private static HttpBody? Body(LoadContext context, MappingReader http)
    {
        if (http.Has("body") && http.Has("bodyFile"))
        {
            context.Error(http.KeyAt("bodyFile"), "give 'body' or 'bodyFile', not both");
            return null;
        }
        if (http.Scalar("bodyFile") is { } file)
            return SideFiles.Resolve(context, file, file.Value) is null ? null : new FileBody(file.Value);
        return http["body"] switch
        {
            null => null,
            YamlScalar text => new TextBody(text.Value),
            var value => ManifestJson.Convert(value) is { } json ? new JsonBody(json) : null,
        };
    }
}
