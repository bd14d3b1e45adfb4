namespace KubeLab.Scenarios.Tests;

public class ProjectWiringTests
{
    [Test]
    public void MarkdownPipelineRendersNarration() =>
        Assert.That(Markdig.Markdown.ToHtml("**bold**").Trim(), Is.EqualTo("<p><strong>bold</strong></p>"));
}
