using System.Xml.Linq;
using KubeLab.Scenarios.Export.Html;
using KubeLab.Scenarios.Http;

namespace KubeLab.Scenarios.Tests.Export;

public class HtmlExporterTests
{
    private static IReadOnlyList<WireExchange> _samples = [];
    private static string _html = "";

    [OneTimeSetUp]
    public async Task Export()
    {
        _samples = await ExchangeSamples.Create();
        _html = HtmlExporter.Export(_samples, "A <session>");
    }

    [Test]
    public void OneSectionPerExchangeWithItsRequestLineAndStatus()
    {
        // The page is XHTML-clean apart from its doctype: parse it as XML to be sure every tag closes.
        var page = XDocument.Parse(_html["<!DOCTYPE html>\n".Length..], LoadOptions.PreserveWhitespace);
        var sections = page.Descendants("section").ToList();
        Assert.That(sections.Select(s => s.Element("h2")!.Value), Is.EqualTo(new[]
        {
            "1. GET /api/v1/namespaces/default/pods?limit=500 200 OK",
            "2. POST /api/v1/namespaces?fieldManager=kubectl-create&fieldValidation=Strict 201 Created",
            "3. POST /api/v1/namespaces/rodrigo/configmaps 201 Created",
            "4. GET /api/v1/namespaces/nope 404 Not Found",
            "5. GET /api/v1 200 OK",
            "6. GET /api/v1/namespaces/rodrigo/configmaps?resourceVersion=0&timeoutSeconds=5&watch=true 200 OK",
        }));
        Assert.That(page.Descendants("title").Single().Value, Is.EqualTo("A <session>"));
    }

    [Test]
    public void TheTextIsTheWireTextWithItsCarriageReturnsShown()
    {
        var page = XDocument.Parse(_html["<!DOCTYPE html>\n".Length..], LoadOptions.PreserveWhitespace);
        var request = page.Descendants("section").First().Elements("pre").First().Value;
        Assert.That(request, Is.EqualTo(HttpText.Request(_samples[0]).Replace("\r", "␍")));
        Assert.That(_html, Does.Contain("[decoded: v1 Namespace]"));
        Assert.That(_html, Does.Not.Contain("<script"));
    }
}
