using System.Text;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Logging;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Info;

/// <summary><c>kubectl version</c>: the client's build, kustomize's, and the server's <c>/version</c> (no discovery).</summary>
internal sealed class VersionCommand : CommandDefinition
{
    public const string KustomizeVersion = "v5.6.0";

    public override string Name => "version";

    public override void AddFlags(FlagSet flags) => flags.Bool("client").String("output", 'o');

    private static JsonObject ClientVersion() => new()
    {
        ["major"] = "1", ["minor"] = "33", ["gitVersion"] = "v1.33.9", ["gitCommit"] = "69220b617523ac1ba5d070e74c12b5daf5e6c572",
        ["gitTreeState"] = "clean", ["buildDate"] = "2026-02-26T20:22:38Z", ["goVersion"] = "go1.24.13", ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var output = invocation.Flags.String("output");
        if (output is not ("" or "json" or "yaml")) throw KubectlException.Client("--output must be 'yaml' or 'json'");
        var document = new JsonObject { ["clientVersion"] = ClientVersion(), ["kustomizeVersion"] = KustomizeVersion };
        KubectlException? failure = null;
        if (!invocation.Flags.Bool("client"))
        {
            var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Get, "/version")
            {
                Query = "timeout=32s",
                Accept = KubeRequest.AnyAccept,
                Caller = "discovery_client.go:657",
            }, invocation.Cancellation);
            if (response.IsSuccess) document["serverVersion"] = response.Json();
            else failure = new KubectlException(KubectlError.FromStatus(response.Status()));
        }
        invocation.Out(output switch
        {
            "json" => GoIndent.Indent(document.ToJsonString(ControlPlane.Serialization.KubeJson.Options)) + "\n",
            "yaml" => GenericPrinter.Yaml(document) + "\n",
            _ => Text(document),
        });
        if (failure is not null) throw failure;
        return 0;
    }

    private static string Text(JsonObject document)
    {
        var text = new StringBuilder();
        text.Append("Client Version: v1.33.9\n").Append($"Kustomize Version: {KustomizeVersion}\n");
        if (document["serverVersion"] is JsonObject server)
        {
            text.Append($"Server Version: {(string?)server["gitVersion"]}\n");
            if (int.TryParse((string?)server["minor"], out var minor) && (string?)server["major"] == "1" && Math.Abs(minor - 33) > 1)
                text.Append($"WARNING: version difference between client (1.33) and server (1.{minor}) exceeds the supported minor version skew of +/-1\n");
        }
        return text.ToString();
    }
}

/// <summary><c>kubectl api-versions</c>: every group/version discovery lists, sorted.</summary>
internal sealed class ApiVersionsCommand : CommandDefinition
{
    public override string Name => "api-versions";

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var catalog = await invocation.Discovery.RefreshAsync(invocation.Cancellation);
        invocation.Out(string.Concat(catalog.GroupVersions.Distinct().Order(StringComparer.Ordinal).Select(v => v + "\n")));
        return 0;
    }
}
