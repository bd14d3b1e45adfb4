using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KubeLab.Scenarios.Transcripts;

/// <summary>
/// Narration Markdown to HTML with one pipeline built once: raw HTML is disabled (it renders as text) and
/// any link that is not http or https loses its target, so nothing an author writes can run script in a
/// learner's page. The loader reports such links earlier; this is the guarantee at render time.
/// </summary>
public static class NarrationRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var node in document.Descendants())
        {
            if (node is LinkInline link && !IsWeb(link.Url)) link.Url = "";
            if (node is AutolinkInline autolink && !IsWeb(autolink.Url)) autolink.Url = "";
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    private static bool IsWeb(string? url) =>
        url is not null && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
}
