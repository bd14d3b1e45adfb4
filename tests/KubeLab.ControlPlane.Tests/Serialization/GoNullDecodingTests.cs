using System.Text.Json;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Tests.Serialization;

/// <summary>
/// JSON nulls where Go keeps a zero value: in a string map or list they are "" (found by the API fuzzer: a
/// null label value was a 500), and a null struct field (<c>"metadata": null</c>) leaves it empty.
/// </summary>
public class GoNullDecodingTests
{
    [Test]
    public void ANullInAStringMapOrListIsTheEmptyString()
    {
        var pod = JsonNode.Parse("""{"metadata":{"labels":{"a":null,"b":"x"},"finalizers":[null,"f"]}}""").Deserialize<Pod>(KubeJson.Options)!;
        Assert.That(pod.Metadata.Labels, Is.EqualTo(new Dictionary<string, string> { ["a"] = "", ["b"] = "x" }));
        Assert.That(pod.Metadata.Finalizers, Is.EqualTo(new[] { "", "f" }));
    }

    [Test]
    public void ANullInAListOfStructsIsAnEmptyStruct()
    {
        var pod = JsonNode.Parse("""{"spec":{"containers":[null,{"name":"a","ports":[null]}]}}""").Deserialize<Pod>(KubeJson.Options)!;
        Assert.That(pod.Spec.Containers, Has.Count.EqualTo(2).And.All.Not.Null);
        Assert.That(pod.Spec.Containers[1].Ports, Has.Count.EqualTo(1).And.All.Not.Null);
    }

    [Test]
    public void ANullStructFieldLeavesItsZeroValue()
    {
        var pod = JsonNode.Parse("""{"metadata":null,"spec":null}""").Deserialize<Pod>(KubeJson.Options)!;
        Assert.That(pod.Metadata, Is.Not.Null);
        Assert.That(pod.Spec, Is.Not.Null);
    }
}

/// <summary>Malformed bodies the API fuzzer found answered with a 500; each is now a 400 or read as Go reads it.</summary>
public class FuzzFoundDecodingTests
{
    /// <summary>A server-side apply body whose flipped bytes made YamlDotNet's scanner throw InvalidOperationException.</summary>
    private const string ScannerBreakingYaml =
        "617A695665727369616E3A20617070732F76310A6B696E643A204465706C6F796D656E740A6D657461646174613A0A20206E616D653A207765620A20206E616D6573706163653A209A757A7A0A737065633A0A20207265706C696361733A20330A202073656C6563746F723AF3202020206D617463684C6162656C733A207B6170703A207765887D0A202074656D706C6174653A0A202020206D657461646174613A0A2020202020206C6162656C733A207B6170703A20776562690A20202020737065633A0A202020202020636F6E7461696E6572733A0A6020202020202D206E616D653A206E67D36E780A2020202020202020696D6167653A206E67696E783A312E32370A2020202020F32020076E763A205B7B6E616D653A20412C2076616C75653A202231227DAC";

    [Test]
    public void YamlThatBreaksTheScannerIsAYamlError() =>
        Assert.Throws<YamlDotNet.Core.YamlException>(() => YamlToJson.Convert(System.Text.Encoding.UTF8.GetString(Convert.FromHexString(ScannerBreakingYaml))));

    [Test]
    public void InvalidUtf8InAJsonStringIsReadAsTheReplacementCharacter()
    {
        var node = JsonTree.Parse([.. "{\"a\":\"x"u8, 0xff, .. "y\"}"u8]);
        Assert.That(node!["a"]!.GetValue<string>(), Is.EqualTo("x\uFFFDy"));
    }

    [Test]
    public void ANumberBeyondDoubleIsKeptAsWrittenNotInfinity()
    {
        Assert.That(JsonTree.Parse("""{"a":1e400}"""u8)!.ToJsonString(), Is.EqualTo("""{"a":1e400}"""));
        Assert.That(YamlToJson.Convert("a: 1e400")!.ToJsonString(), Is.EqualTo("""{"a":"1e400"}"""));
    }
}
