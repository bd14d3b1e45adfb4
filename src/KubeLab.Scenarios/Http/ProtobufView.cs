using System.Text.Encodings.Web;
using System.Text.Json;
using KubeLab.ControlPlane.Api.Authentication;
using KubeLab.ControlPlane.Api.Autoscaling;
using KubeLab.ControlPlane.Catalog;
using KubeLab.ControlPlane.Http;
using KubeLab.ControlPlane.Serialization.Protobuf;

namespace KubeLab.Scenarios.Http;

/// <summary>
/// A Kubernetes protobuf body (<c>k8s\0</c> + runtime.Unknown) decoded for people: the type named in its
/// envelope, looked up in the catalog (or, for subresource kinds, a short list), else the type the request
/// path addresses. Null when the body is not protobuf or no known type fits.
/// </summary>
public static class ProtobufView
{
    private static readonly Dictionary<(string ApiVersion, string Kind), Type> SubresourceKinds = new()
    {
        [("autoscaling/v1", "Scale")] = typeof(Scale),
        [("authentication.k8s.io/v1", "TokenRequest")] = typeof(TokenRequest),
    };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record Decoded(string ApiVersion, string Kind, string Json);

    public static bool IsProtobuf(ReadOnlySpan<byte> body) => body.StartsWith(ProtobufEnvelope.Magic);

    public static Decoded? TryDecode(byte[] body, string method, string path, ResourceCatalog catalog)
    {
        if (!IsProtobuf(body)) return null;
        try
        {
            var envelope = ProtobufEnvelope.Parse(body);
            var type = catalog.FindKind(envelope.ApiVersion, envelope.Kind)?.ObjectType
                ?? SubresourceKinds.GetValueOrDefault((envelope.ApiVersion, envelope.Kind))
                ?? FromPath(method, path, catalog);
            if (type is null) return null;
            var decoded = ProtobufBody.Decode(envelope, type);
            return new Decoded(decoded.ApiVersion, decoded.Kind, decoded.Object.ToJsonString(Indented));
        }
        catch (ProtobufFormatException)
        {
            return null;
        }
    }

    private static Type? FromPath(string method, string path, ResourceCatalog catalog)
    {
        var info = RequestInfo.Resolve(method, path, null);
        if (!info.IsResourceRequest) return null;
        return info.Subresource is null ? catalog.Find(info.ApiGroup, info.ApiVersion, info.Resource)?.ObjectType : null;
    }
}
