using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Tests.Kubectl.Output;

public class GoJsonTests
{
    [Test]
    public void KeysAreSortedAndEmptyContainersStayOnOneLine()
    {
        var obj = new JsonObject { ["b"] = new JsonArray(), ["a"] = new JsonObject(), ["c"] = new JsonArray(1, "x") };
        Assert.That(GoJson.Indent(obj), Is.EqualTo("{\n    \"a\": {},\n    \"b\": [],\n    \"c\": [\n        1,\n        \"x\"\n    ]\n}"));
        Assert.That(GoJson.Compact(obj), Is.EqualTo("{\"a\":{},\"b\":[],\"c\":[1,\"x\"]}"));
    }

    [Test]
    public void StringsAreEscapedAsGoEscapesThem() =>
        Assert.That(GoJson.Compact(JsonValue.Create("<a&b>\"\\\n\t\b\f\u0001\u2028é🚀")),
            Is.EqualTo("\"\\u003ca\\u0026b\\u003e\\\"\\\\\\n\\t\\b\\f\\u0001\\u2028é🚀\""));

    [TestCase(1.5, "1.5")]
    [TestCase(3.0, "3")]
    [TestCase(1e21, "1e+21")]
    [TestCase(1e20, "100000000000000000000")]
    [TestCase(0.000001, "0.000001")]
    [TestCase(0.0000001, "1e-7")]
    [TestCase(-2.5e-10, "-2.5e-10")]
    public void FloatsUseGoNotation(double value, string expected) =>
        Assert.That(GoJson.Compact(JsonValue.Create(value)), Is.EqualTo(expected));

    [TestCase(1e6, "1e+06")]
    [TestCase(123456.0, "123456")]
    [TestCase(0.0001, "0.0001")]
    [TestCase(0.00001, "1e-05")]
    public void FmtPrintsFloatsInShortestGForm(double value, string expected) =>
        Assert.That(GoFloat.FormatG(value), Is.EqualTo(expected));
}
