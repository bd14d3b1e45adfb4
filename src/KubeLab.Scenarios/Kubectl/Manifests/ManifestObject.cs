using System.Text.Json.Nodes;

namespace KubeLab.Scenarios.Kubectl.Manifests;

/// <summary>One object read from a <c>-f</c> file, with the file name kubectl cites in its errors.</summary>
internal sealed record ManifestObject(string Source, JsonObject Object)
{
    public string ApiVersion => (string?)Object["apiVersion"] ?? "";
    public string Kind => (string?)Object["kind"] ?? "";
    public string Name => (string?)Object["metadata"]?["name"] ?? "";
    public string Namespace => (string?)Object["metadata"]?["namespace"] ?? "";

    public string Group => ApiVersion.Contains('/') ? ApiVersion[..ApiVersion.IndexOf('/')] : "";
    public string Version => ApiVersion.Contains('/') ? ApiVersion[(ApiVersion.IndexOf('/') + 1)..] : ApiVersion;
}
