using System.Text;
using System.Text.RegularExpressions;
using KubeLab.ControlPlane.Pipeline;

namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary>
/// A request as the parity suite compares it: method, target, the headers kubectl sends and the body. Values that
/// differ by nature are replaced (the session id, the token, a watch's random timeout, resourceVersions that
/// depend on when controllers ran); everything else must match byte for byte.
/// </summary>
public sealed partial record RequestView(string Method, string Target, string Headers, string Body)
{
    public static RequestView Of(Exchange exchange)
    {
        var headers = exchange.RequestHeaders
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: Normalize(h.Key, h.Value)))
            .OrderBy(h => h.Name, StringComparer.Ordinal).ThenBy(h => h.Value, StringComparer.Ordinal)
            .Select(h => $"{h.Name}: {h.Value}");
        var contentType = exchange.RequestHeaders.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value ?? "";
        var body = contentType.Contains("protobuf") ? Convert.ToHexStringLower(exchange.RequestBody) : Encoding.UTF8.GetString(exchange.RequestBody);
        return new RequestView(exchange.Method, NormalizeTarget(exchange.Target), string.Join("\n", headers), body);
    }

    private static string Normalize(string name, string value) => name.ToLowerInvariant() switch
    {
        "kubectl-session" => "<session>",
        "authorization" => value.Split(' ')[0] + " <credentials>",
        _ => value,
    };

    // describe builds its events field selector from a Go map: its terms come in any order.
    private static string NormalizeTarget(string target) =>
        FieldSelector().Replace(TimeoutSeconds().Replace(ResourceVersion().Replace(target, "resourceVersion=<rv>"), "timeoutSeconds=<n>"),
            m => "fieldSelector=" + string.Join("%2C", m.Groups[1].Value.Split("%2C").Order(StringComparer.Ordinal)));

    public override string ToString() => $"{Method} {Target}\n{Headers}\n{(Body.Length > 0 ? "body: " + Body + "\n" : "")}";

    [GeneratedRegex(@"resourceVersion=[1-9][0-9]*")]
    private static partial Regex ResourceVersion();

    [GeneratedRegex(@"fieldSelector=([^&]*)")]
    private static partial Regex FieldSelector();

    [GeneratedRegex(@"timeoutSeconds=[0-9]+")]
    private static partial Regex TimeoutSeconds();
}
