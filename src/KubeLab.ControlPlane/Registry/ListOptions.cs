using System.Text;
using System.Text.Json;
using KubeLab.ControlPlane.Errors;
using KubeLab.ControlPlane.Registry.Selection;

namespace KubeLab.ControlPlane.Registry;

public sealed record ListOptions(LabelSelectorQuery Labels, FieldSelectorQuery Fields, int? Limit, string? Continue)
{
    public static readonly ListOptions Everything = new(LabelSelectorQuery.Everything, FieldSelectorQuery.Everything, null, null);
}

/// <summary>
/// The opaque <c>continue</c> token: base64 of the list's revision and the key to start at,
/// shaped like the real server's (<c>{"v":"meta.k8s.io/v1","rv":N,"start":"key\u0000"}</c>).
/// </summary>
public static class ContinueToken
{
    private sealed record Payload(string V, long Rv, string Start);

    public static string Encode(long revision, string lastKey) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new Payload("meta.k8s.io/v1", revision, lastKey + "\0"), Web))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (long Revision, string StartKey) Decode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var payload = JsonSerializer.Deserialize<Payload>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)), Web)!;
            if (payload.V != "meta.k8s.io/v1" || payload.Start is null) throw new FormatException();
            return (payload.Rv, payload.Start);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            throw StatusErrors.BadRequest("continue key is not valid: illegal base64 data at input byte 0");
        }
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
