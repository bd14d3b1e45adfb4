using KubeLab.Scenarios.Transcripts;

namespace KubeLab.Scenarios.Tests.Transcripts;

public class NarrationRendererTests
{
    [Test]
    public void MarkdownRenders() =>
        Assert.That(NarrationRenderer.ToHtml("A **POST** to `/api/v1/pods`"), Is.EqualTo("<p>A <strong>POST</strong> to <code>/api/v1/pods</code></p>\n"));

    [Test]
    public void RawHtmlIsShownAsText() =>
        Assert.That(NarrationRenderer.ToHtml("<img src=x onerror=alert(1)>"), Does.Not.Contain("<img"));

    [Test]
    public void OnlyWebLinksKeepTheirTarget()
    {
        Assert.That(NarrationRenderer.ToHtml("[docs](https://kubernetes.io)"), Does.Contain("href=\"https://kubernetes.io\""));
        Assert.That(NarrationRenderer.ToHtml("[x](javascript:alert(1))"), Does.Not.Contain("javascript"));
    }
}
