using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Http;
using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Running;
using KubeLab.Scenarios.Transcripts;
using KubeLab.Scenarios.Transcripts.Rendering;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KubeLab.Scenarios.Tests.Transcripts;

/// <summary>
/// The Markdown transcript, read back with a CommonMark parser: the blocks a reader sees must hold exactly
/// the text of the transcript, whatever backticks that text contains.
/// </summary>
public class TranscriptMarkdownTests
{
    private static readonly MarkdownPipeline Parser = new MarkdownPipelineBuilder().UsePipeTables().Build();

    private static async Task<Transcript> Run(string lesson, string file)
    {
        var loaded = ScenarioLoader.Load(lesson, file);
        Assert.That(loaded.Errors, Is.Empty, string.Join("\n", loaded.Errors));
        return await new ScenarioRunner(EmulatedClients.Create()).RunAsync(loaded.Scenario!);
    }

    private static IEnumerable<FencedCodeBlock> Fences(MarkdownDocument document, string info) =>
        document.Descendants<FencedCodeBlock>().Where(f => f.Info == info);

    private static string Content(FencedCodeBlock block) => block.Lines.ToString() + "\n";

    /// <summary>What a fence shows of an HTTP message: LF for CRLF, and a last line break where the body has none.</summary>
    private static string Shown(string http)
    {
        var text = http.Replace("\r\n", "\n");
        return text.EndsWith('\n') ? text : text + "\n";
    }

    private static IEnumerable<string> Headings(MarkdownDocument document, int level) =>
        document.Descendants<HeadingBlock>().Where(h => h.Level == level).Select(PlainText);

    private static string PlainText(LeafBlock block) =>
        string.Concat(block.Inline!.Descendants<LeafInline>().Select(i => i switch { LiteralInline l => l.Content.ToString(), CodeInline c => c.Content, _ => "" }));

    [Test]
    public async Task TheBundledLessonShowsEveryStepAndEveryExchangeOfItsClient()
    {
        var transcript = await Run(File.ReadAllText(Path.Combine(RepositoryPaths.Scenarios, "pods-on-the-wire.yaml")),
            Path.Combine(RepositoryPaths.Scenarios, "pods-on-the-wire.yaml"));
        var document = Markdown.Parse(TranscriptMarkdown.Render(transcript), Parser);

        Assert.That(Headings(document, 1), Is.EqualTo(new[] { transcript.Title }));
        Assert.That(Headings(document, 2), Is.EqualTo(transcript.Steps.Select(s => $"Step {s.Number}: {s.Title}")));
        Assert.That(Fences(document, "console").Select(Content), Is.EqualTo(transcript.Steps.Select(s => $"$ {s.Command}\n{s.Stdout}")));

        // Every request and response of the steps' clients, in order, as the exact HTTP/1.1 text (LF for CRLF).
        var expected = transcript.Steps.SelectMany(s => s.Exchanges).Select(WireExchange.From)
            .SelectMany(e => new[] { HttpText.Request(e), HttpText.Response(e) }).OfType<string>().Select(Shown);
        Assert.That(Fences(document, "http").Select(Content), Is.EqualTo(expected));
        var post = transcript.Steps[0].Exchanges.Single(e => e.Method == "POST");
        Assert.That(Headings(document, 4), Has.Some.EqualTo($"{transcript.Steps[0].Exchanges.ToList().IndexOf(post) + 1}. {post.Method} {post.Target} → 201 Created"));

        // The cluster's own requests are a table apart: one row each, naming its user.
        var tables = document.Descendants<Markdig.Extensions.Tables.Table>().ToList();
        var clusterSteps = transcript.Steps.Where(s => s.ClusterExchanges.Count > 0).ToList();
        Assert.That(clusterSteps, Is.Not.Empty, "the scheduler and kubelet act on the lesson's pod");
        Assert.That(tables.Select(t => t.Count - 1), Is.EqualTo(clusterSteps.Select(s => s.ClusterExchanges.Count)));
        var binding = transcript.Steps[0].ClusterExchanges.First(e => e.Target.EndsWith("/binding"));
        Assert.That(tables[0].Descendants<CodeInline>().Select(c => c.Content), Does.Contain($"{binding.Method} {binding.Target}").And.Contain(binding.User));

        // The pipeline's trace and the checks, as lists.
        var text = TranscriptMarkdown.Render(transcript);
        Assert.That(text, Does.Contain("- storage, etcd: **create** — wrote revision"));
        Assert.That(text, Does.Contain("- ✓ stdout equals \"pod/nginx created\""));
        Assert.That(text, Does.Contain("- added `pods/default/nginx` (resourceVersion "));
    }

    private const string BacktickLesson = """
        id: backticks
        title: Backticks `everywhere`
        summary: Text full of fences.
        level: beginner
        minutes: 2
        steps:
          - title: Store some Markdown
            narration: |
              A config map whose value is Markdown. This narration leaves a fence open:

              ```sh
              kubectl get configmaps
            http:
              method: POST
              path: /api/v1/namespaces/default/configmaps
              headers: { Content-Type: application/json }
              body: '{"metadata": {"name": "readme"}, "data": {"readme": "```sh\nls\n```\nand ```` four, `one`"}}'
            expect:
              response: { status: 201 }
          - title: After the open fence
            narration: Still a step of its own.
            clock: { advance: 1s }
        """;

    [Test]
    public async Task FencesAreLongerThanAnyBacktickRunInsideThem()
    {
        var transcript = await Run(BacktickLesson, Path.Combine(Directory.CreateTempSubdirectory().FullName, "backticks.yaml"));
        Assert.That(transcript.Passed, transcript.Steps[0].Error);
        var markdown = TranscriptMarkdown.Render(transcript);
        var document = Markdown.Parse(markdown, Parser);

        var exchange = WireExchange.From(transcript.Steps[0].Exchanges.Single());
        Assert.That(HttpText.Request(exchange) + HttpText.Response(exchange), Does.Contain("````"), "request and response carry a run of four backticks");
        Assert.That(Fences(document, "http").Select(Content),
            Is.EqualTo(new[] { HttpText.Request(exchange), HttpText.Response(exchange)! }.Select(Shown)));
        Assert.That(Regex.Matches(markdown, "\n`````http\n"), Has.Count.EqualTo(2), "fences of five backticks around runs of four");

        // The narration's open fence is closed where the narration ends, so the rest of the document stays Markdown.
        Assert.That(Headings(document, 2), Is.EqualTo(new[] { "Step 1: Store some Markdown", "Step 2: After the open fence" }));
        Assert.That(Fences(document, "sh").Select(Content), Is.EqualTo(new[] { "kubectl get configmaps\n" }));
        Assert.That(Headings(document, 1), Is.EqualTo(new[] { "Backticks `everywhere`" }), "the title's backticks are text, not code");
        Assert.That(Headings(document, 4), Is.EqualTo(new[] { "1. POST /api/v1/namespaces/default/configmaps → 201 Created" }));
    }

    [TestCase("plain", "`plain`")]
    [TestCase("a ` b", "``a ` b``")]
    [TestCase("`starts", "`` `starts ``")]
    [TestCase(" both ", "`  both  `")]
    public void ACodeSpanHoldsItsTextExactly(string text, string expected)
    {
        Assert.That(MarkdownSyntax.Code(text), Is.EqualTo(expected));
        var code = Markdown.Parse(MarkdownSyntax.Code(text)).Descendants<CodeInline>().Single();
        Assert.That(code.Content, Is.EqualTo(text));
    }

    [Test]
    public void EscapedTextIsReadAsWritten()
    {
        const string text = "a *b* _c_ [d](e) <f> `g` | h & i ~j~ !k \\l";
        var paragraph = Markdown.Parse(MarkdownSyntax.Text(text), Parser).Descendants<ParagraphBlock>().Single();
        Assert.That(PlainText(paragraph), Is.EqualTo(text));
    }
}
