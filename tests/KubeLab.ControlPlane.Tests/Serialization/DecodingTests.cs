using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Serialization;
using YamlDotNet.Core;

namespace KubeLab.ControlPlane.Tests.Serialization;

public class DecodingTests
{
    [Test]
    public void YamlScalarsResolveAsGoYamlDoes()
    {
        var node = YamlToJson.Convert("""
            a: yes
            b: "yes"
            c: 0x1F
            d: 1.5
            e: ~
            f: 012abc
            g: 10
            """)!;
        Assert.That(node.ToJsonString(), Is.EqualTo("""{"a":true,"b":"yes","c":31,"d":1.5,"e":null,"f":"012abc","g":10}"""));
    }

    [Test]
    public void DuplicateKeysAreReportedWithTheirPath()
    {
        var duplicates = new List<string>();
        YamlToJson.Convert("metadata:\n  name: a\n  name: b\n", duplicates);
        JsonTree.Parse("""{"spec":{"x":1,"x":2}}"""u8, duplicates);
        Assert.That(duplicates, Is.EqualTo(new[] { "metadata.name", "spec.x" }));
    }

    [Test]
    public void AliasBombsAreRefused()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" +
            string.Join("", Enumerable.Range(1, 8).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [*{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}]\n"));
        Assert.Throws<YamlException>(() => YamlToJson.Convert(bomb));
    }

    [Test]
    public void UnknownFieldsAreListedWithKubernetesPaths()
    {
        var node = JsonNode.Parse("""{"metadata":{"name":"x","nmae":"y"},"spec":{"containers":[{"name":"a","imagee":"b"}],"affinity":{"anything":1}},"bogus":true}""");
        Assert.That(StrictFields.FindUnknown(node, typeof(Pod)),
            Is.EqualTo(new[] { "metadata.nmae", "spec.containers[0].imagee", "bogus" }));
    }

    [Test]
    public void VolumeSourcesAreKeptAsTheyCame()
    {
        var node = JsonNode.Parse("""{"spec":{"volumes":[{"name":"data","emptyDir":{}}]}}""");
        Assert.That(StrictFields.FindUnknown(node, typeof(Pod)), Is.Empty);
    }
}

public class GoUnmarshalErrorTests
{
    [TestCase("""{"metadata":{"name":5}}""", "metadata.name", "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string")]
    [TestCase("""{"spec":{"containers":[{"name":"a","ports":{"x":1}}]}}""", "spec.containers[0].ports", "json: cannot unmarshal object into Go struct field Container.spec.containers.ports of type []v1.ContainerPort")]
    [TestCase("""{"metadata":{"labels":{"a":true}}}""", "metadata.labels.a", "json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels.a of type string")]
    public void WordsTypeMismatchesAsGoDoes(string json, string path, string expected) =>
        Assert.That(GoUnmarshalError.Describe(JsonNode.Parse(json), typeof(Pod), path), Is.EqualTo(expected));
}
