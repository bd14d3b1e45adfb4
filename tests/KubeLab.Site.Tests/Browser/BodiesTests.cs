using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KubeLab.Site.Tests.Browser;

/// <summary>Bodies that are not JSON, from the test-only lesson bodies-on-the-page, and the curl a learner copies.</summary>
public class BodiesTests : BrowserTest
{
    [Test]
    public async Task AProtobufBodyShowsItsBytesBesideTheObject()
    {
        await OpenAsync("/lessons/bodies-on-the-page/steps/1");
        var request = Page.Locator("section.exchanges > article.exchange", new() { HasTextString = "POST" }).Locator("section[aria-label=Request]");
        await Expect(request.Locator(".head")).ToContainTextAsync("Content-Type: application/vnd.kubernetes.protobuf");
        var protobuf = request.Locator(".protobuf");
        await Expect(protobuf.Locator("figcaption").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ bytes of protobuf$"));
        await Expect(protobuf.Locator(".hex")).ToContainTextAsync("00000000  6b 38 73 00");
        await Expect(protobuf.Locator(".hex")).ToContainTextAsync("|k8s.");
        await Expect(protobuf.Locator("figcaption").Nth(1)).ToHaveTextAsync("decoded: v1 Namespace");
        await Expect(protobuf.Locator(".json-leaf", new() { HasTextString = "name:" })).ToHaveTextAsync("name: \"rodrigo\"");
        // The new namespace is a group of its own in the cluster view, open because this step made it.
        var group = Page.Locator("details.object-group[data-namespace=rodrigo]");
        await Expect(group).ToHaveAttributeAsync("open", "");
        await Expect(group.Locator("> summary")).ToContainTextAsync("Active");
        await AssertAccessibleAsync();
    }

    [Test]
    public async Task CopyAsCurlPutsTheCommandOnTheClipboard()
    {
        await Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await OpenAsync("/lessons/pods-on-the-wire/steps/4");
        var exchange = Page.Locator("section.exchanges > article.exchange", new() { HasTextString = "/api/v1/namespaces/default/pods/nginx" });
        await exchange.GetByText("Copy as curl").ClickAsync();
        var command = exchange.Locator(".curl pre");
        await Expect(command).ToContainTextAsync("curl --cacert ca.crt 'https://127.0.0.1:6443/api/v1/namespaces/default/pods/nginx'");
        await exchange.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();
        await Expect(exchange.Locator(".copy-status")).ToHaveTextAsync("Copied.");
        Assert.That(await Page.EvaluateAsync<string>("navigator.clipboard.readText()"), Is.EqualTo(await command.TextContentAsync()));
    }
}
