using System.Text;
using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Patching;

namespace KubeLab.ControlPlane.Tests.Patching;

/// <summary>Small helpers shared by the patching tests.</summary>
internal static class PatchTestJson
{
    public static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>The live pod most tests patch: one nginx container with a port and an env var.</summary>
    public static JsonObject Pod() => Obj("""
        {"kind":"Pod","apiVersion":"v1",
         "metadata":{"name":"web","namespace":"default","labels":{"app":"web","tier":"front"},"finalizers":["a","b"]},
         "spec":{"containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":80}],
                                "env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}],
                 "tolerations":[{"key":"x","operator":"Exists"}],"restartPolicy":"Always"}}
        """);

    public static JsonNode Patch(string contentType, JsonObject current, string body, PatchOptions? options = null) =>
        PatchApplier.Apply(contentType, current, Encoding.UTF8.GetBytes(body), typeof(Pod), options).Object;

    public static ApiException Fails(string contentType, JsonObject current, string body, PatchOptions? options = null) =>
        Assert.Throws<ApiException>(() => Patch(contentType, current, body, options))!;

    public static string Compact(JsonNode? node) => node?.ToJsonString(KubeLab.ControlPlane.Serialization.KubeJson.Options) ?? "null";
}
