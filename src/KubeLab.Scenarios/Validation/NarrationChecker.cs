using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Loading.Yaml;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KubeLab.Scenarios.Validation;

/// <summary>
/// Narration is Markdown rendered with raw HTML disabled and links limited to http and https. What
/// the renderer would drop or show as literal text is reported here, where the author can fix it.
/// </summary>
internal static class NarrationChecker
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    public static void Check(LoadContext context, YamlScalar? text, string key)
    {
        if (text is null) return;
        var document = Markdown.Parse(text.Value, Pipeline);
        foreach (var node in document.Descendants())
        {
            var problem = node switch
            {
                HtmlBlock or HtmlInline => $"raw HTML in '{key}' is not rendered: write Markdown instead",
                LinkInline { Url: { } url } when !IsWeb(url) => $"link '{url}' in '{key}' must be http or https",
                AutolinkInline { Url: { } url } when !IsWeb(url) => $"link '{url}' in '{key}' must be http or https",
                _ => null,
            };
            if (problem is not null) context.Error(text, node.Span.Start, problem);
        }
    }

    private static bool IsWeb(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}
