using System.Text;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Flags;

namespace KubeLab.Scenarios.Kubectl.Commands.Create;

/// <summary><c>kubectl create configmap NAME [--from-file=…] [--from-literal=…]</c>: files first, then literals.</summary>
internal sealed class CreateConfigMap : GeneratorCommand
{
    public override string Name => "configmap";
    public override IReadOnlyList<string> Aliases => ["cm"];
    protected override TypedResource Resource => TypedResource.ConfigMaps;
    protected override string ErrorPrefix => "failed to create configmap: ";

    /// <summary>Why <c>--from-env-file</c> is refused, for config maps and secrets alike.</summary>
    internal const string EnvFile = "use --from-literal or --from-file";

    protected override void AddGeneratorFlags(FlagSet flags) =>
        flags.Bool("append-hash").Array("from-env-file").Slice("from-file").Array("from-literal").NotSimulated("from-env-file", EnvFile);

    protected override Task<JsonObject> BuildAsync(Invocation invocation, string name)
    {
        var flags = invocation.Flags;
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in flags.Strings("from-file"))
        {
            var (key, content) = DataSources.File(invocation, source);
            DataSources.CheckKey(key, data.Keys, "ConfigMap", name);
            data[key] = content;
        }
        foreach (var source in flags.Strings("from-literal"))
        {
            var (key, value) = DataSources.Literal(source);
            DataSources.CheckKey(key, data.Keys, "ConfigMap", name);
            data[key] = value;
        }
        var configMap = NewObject(invocation, name);
        if (data.Count > 0) configMap["data"] = new JsonObject(data.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value)));
        return Task.FromResult(configMap);
    }
}

/// <summary><c>kubectl create secret generic NAME [--from-literal=…] [--from-file=…] [--type=…]</c>: literals first, then files.</summary>
internal sealed class CreateSecretGeneric : GeneratorCommand
{
    public override string Name => "generic";
    protected override TypedResource Resource => TypedResource.Secrets;
    protected override string ErrorPrefix => "failed to create secret ";

    protected override void AddGeneratorFlags(FlagSet flags) =>
        flags.Bool("append-hash").Array("from-env-file").Slice("from-file").Array("from-literal").String("type").NotSimulated("from-env-file", CreateConfigMap.EnvFile);

    protected override Task<JsonObject> BuildAsync(Invocation invocation, string name)
    {
        var flags = invocation.Flags;
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in flags.Strings("from-literal"))
        {
            var (key, value) = DataSources.Literal(source);
            DataSources.CheckKey(key, data.Keys, "Secret", name);
            data[key] = value;
        }
        foreach (var source in flags.Strings("from-file"))
        {
            var (key, content) = DataSources.File(invocation, source);
            DataSources.CheckKey(key, data.Keys, "Secret", name);
            data[key] = content;
        }
        var secret = NewObject(invocation, name);
        if (data.Count > 0)
            secret["data"] = new JsonObject(data.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)Convert.ToBase64String(Encoding.UTF8.GetBytes(d.Value)))));
        if (flags.String("type").Length > 0) secret["type"] = flags.String("type");
        return Task.FromResult(secret);
    }
}

/// <summary><c>kubectl create secret</c>: only its <c>generic</c> form is simulated.</summary>
internal sealed class CreateSecret : CommandDefinition
{
    public override string Name => "secret";
    public override IReadOnlyList<CommandDefinition> Subcommands { get; } = [new CreateSecretGeneric()];

    public override Task<int> RunAsync(Invocation invocation) =>
        throw KubectlException.Raw("error: a secret type is required (only 'generic' is simulated)\n");
}
