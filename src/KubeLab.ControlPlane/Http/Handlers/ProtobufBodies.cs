using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Errors;

namespace KubeLab.ControlPlane.Http.Handlers;

/// <summary>Kubernetes protobuf request bodies (<c>application/vnd.kubernetes.protobuf</c>).</summary>
internal static class ProtobufBodies
{
    public static JsonNode Decode(byte[] body, Type type, string kind, string apiVersion) =>
        throw StatusErrors.UnsupportedMediaType(MediaTypes.Protobuf, [MediaTypes.Json, MediaTypes.Yaml]);
}
