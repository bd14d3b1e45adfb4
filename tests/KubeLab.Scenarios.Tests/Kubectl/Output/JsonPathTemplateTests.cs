using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Output.JsonPath;

namespace KubeLab.Scenarios.Tests.Kubectl.Output;

public class JsonPathTemplateTests
{
    private static readonly JsonObject List = JsonNode.Parse("""
        {"items":[
          {"metadata":{"name":"a","labels":{"app":"web"}},"spec":{"replicas":2,"ports":[80,443]}},
          {"metadata":{"name":"b"},"spec":{"replicas":1,"ports":[]}}]}
        """)!.AsObject();

    [TestCase("{.items[*].metadata.name}", "a b")]
    [TestCase("{range .items[*]}{.metadata.name}{\"\\n\"}{end}", "a\nb\n")]
    [TestCase("{.items[?(@.spec.replicas>1)].metadata.name}", "a")]
    [TestCase("{.items[?(@.metadata.labels)].metadata.name}", "a")]
    [TestCase("{.items[0].metadata.labels}", "{\"app\":\"web\"}")]
    [TestCase("{.items[-1].metadata.name}", "b")]
    [TestCase("{.items[0].spec.ports[*]}", "80 443")]
    [TestCase("{.items[*].spec.missing}", "")]
    [TestCase("names: {.items[0].metadata.name}, {.items[1].metadata.name}", "names: a, b")]
    [TestCase("{range .items[*]}[{range .spec.ports[*]}{@} {end}]{end}", "[80 443 ][]")]
    [TestCase("{..name}", "a b")]
    public void TemplatesPrintAsKubectlDoes(string template, string expected) =>
        Assert.That(JsonPathTemplate.Parse(template).Execute(List), Is.EqualTo(expected));

    [Test]
    public void AsJsonPrintsEachActionAsAnIndentedArray() =>
        Assert.That(JsonPathTemplate.Parse("{.items[*].metadata.name}").Execute(List, asJson: true),
            Is.EqualTo("[\n    \"a\",\n    \"b\"\n]\n"));

    [TestCase("{.items[", "unterminated array")]
    [TestCase("{.items", "unclosed action")]
    [TestCase("{end}", "not in range, nothing to end")]
    [TestCase("{.items[5]}", "array index out of bounds: index 5, length 2")]
    [TestCase("{.items[0].metadata[0]}", "map[string]interface {} is not array or slice")]
    public void ErrorsUseClientGoWording(string template, string message) =>
        Assert.That(() => JsonPathTemplate.Parse(template).Execute(List),
            Throws.TypeOf<JsonPathException>().With.Message.EqualTo(message));
}
