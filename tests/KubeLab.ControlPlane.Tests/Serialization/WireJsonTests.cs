using System.Text;
using System.Text.Json;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Tests.Serialization;

public class WireJsonTests
{
    [Test]
    public void FieldsFollowGoOrderAndOmitEmptyRules()
    {
        var pod = new Pod
        {
            Kind = "Pod",
            ApiVersion = "v1",
            Metadata = new ObjectMeta { Name = "nginx", Labels = [] , GenerateName = "" },
            Spec = new PodSpec { Containers = [new Container { Name = "nginx", Image = "nginx" }] },
        };
        Assert.That(Encoding.UTF8.GetString(KubeJson.Serialize(pod)), Is.EqualTo(
            """{"kind":"Pod","apiVersion":"v1","metadata":{"name":"nginx","creationTimestamp":null},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]},"status":{}}"""));
    }

    [Test]
    public void EscapingMatchesGoEncodingJson()
    {
        var map = new ConfigMap { Metadata = new ObjectMeta { Name = "x" }, Data = new() { ["k"] = "<a href='x'>&\u00e9+\u2028" } };
        var json = Encoding.UTF8.GetString(KubeJson.Serialize(map));
        Assert.That(json, Does.Contain("\"k\":\"\\u003ca href='x'\\u003e\\u0026\u00e9+\\u2028\""));
    }

    [Test]
    public void ControlCharactersUseGoShortEscapes()
    {
        var map = new ConfigMap { Metadata = new ObjectMeta { Name = "x" }, Data = new() { ["k"] = "\b\f\n\r\t\u0001" } };
        Assert.That(Encoding.UTF8.GetString(KubeJson.Serialize(map)), Does.Contain("\"k\":\"\\b\\f\\n\\r\\t\\u0001\""));
    }

    [Test]
    public void TimesAreRfc3339SecondsAndMicroTimeHasMicroseconds()
    {
        var e = new Event
        {
            Metadata = new ObjectMeta { Name = "e", CreationTimestamp = new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(2)) },
            EventTime = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234560),
        };
        var json = Encoding.UTF8.GetString(KubeJson.Serialize(e));
        Assert.That(json, Does.Contain("\"creationTimestamp\":\"2025-01-02T01:04:05Z\""));
        Assert.That(json, Does.Contain("\"eventTime\":\"2025-01-02T03:04:05.123456Z\""));
        Assert.That(json, Does.Contain("\"firstTimestamp\":null"));
    }

    [Test]
    public void QuantitiesAndIntOrStringAcceptNumbersAndText()
    {
        var container = JsonSerializer.Deserialize<Container>("""{"name":"c","resources":{"limits":{"cpu":1,"memory":"128Mi"}},"ports":[{"containerPort":80}]}""", KubeJson.Options)!;
        Assert.That(container.Resources.Limits!["cpu"].Value, Is.EqualTo("1"));
        var port = JsonSerializer.Deserialize<ServicePort>("""{"port":80,"targetPort":"http"}""", KubeJson.Options)!;
        Assert.That(port.TargetPort!.Value.StringValue, Is.EqualTo("http"));
        Assert.That(Encoding.UTF8.GetString(KubeJson.Serialize(new ServicePort { Port = 80, TargetPort = 8080 })), Is.EqualTo("""{"port":80,"targetPort":8080}"""));
    }

    [Test]
    public void SecretDataIsBase64()
    {
        var secret = JsonSerializer.Deserialize<Secret>("""{"data":{"password":"czNjcjN0"}}""", KubeJson.Options)!;
        Assert.That(Encoding.UTF8.GetString(secret.Data!["password"]), Is.EqualTo("s3cr3t"));
    }
}

public class VolumeJsonTests
{
    [Test]
    public void VolumeSourcesRoundTripAsValidJson()
    {
        const string json = """{"name":"data","emptyDir":{"medium":"Memory"}}""";
        var volume = System.Text.Json.JsonSerializer.Deserialize<KubeLab.ControlPlane.Api.Core.Volume>(json, KubeLab.ControlPlane.Serialization.KubeJson.Options)!;
        Assert.That(System.Text.Encoding.UTF8.GetString(KubeLab.ControlPlane.Serialization.KubeJson.Serialize(volume)), Is.EqualTo(json));
    }
}
