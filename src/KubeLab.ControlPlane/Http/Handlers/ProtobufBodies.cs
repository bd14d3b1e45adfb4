using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Serialization.Protobuf;

namespace KubeLab.ControlPlane.Http.Handlers;

/// <summary>
/// Kubernetes protobuf request bodies (<c>application/vnd.kubernetes.protobuf</c>), as kubectl's typed
/// clients send them: decoded to the JSON the Go client meant, then handled like any JSON body.
/// </summary>
internal static class ProtobufBodies
{
    public static JsonNode Decode(byte[] body, Type type, string kind, string apiVersion)
    {
        try
        {
            return ProtobufBody.Decode(body, type).Object;
        }
        catch (ProtobufFormatException e)
        {
            throw ObjectDecoder.CannotHandle(kind, apiVersion, e.Message);
        }
    }
}
