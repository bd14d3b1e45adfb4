using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Flags;

namespace KubeLab.Scenarios.Kubectl.Commands.Create;

/// <summary>
/// <c>kubectl create deployment NAME --image=IMAGE... [--replicas=N] [--port=P] [-- COMMAND...]</c>: labels and
/// selector <c>app=NAME</c>, one container per image named after the image.
/// </summary>
internal sealed class CreateDeployment : GeneratorCommand
{
    public override string Name => "deployment";
    public override IReadOnlyList<string> Aliases => ["deploy"];
    protected override TypedResource Resource => TypedResource.Deployments;
    protected override string ErrorPrefix => "failed to create deployment: ";
    protected override IReadOnlyList<string> RequiredFlags => ["image"];

    protected override void AddGeneratorFlags(FlagSet flags) =>
        flags.Slice("image").Int32("port", value: -1).Int32("replicas", 'r', 1);

    protected override Task<JsonObject> BuildAsync(Invocation invocation, string name)
    {
        var flags = invocation.Flags;
        var images = flags.Strings("image");
        var command = flags.ArgsLenAtDash >= 0 ? invocation.Args.Skip(flags.ArgsLenAtDash).ToList() : [];
        if (images.Count > 1 && command.Count > 0) throw KubectlException.Client("cannot specify multiple --image options and command");

        var containers = new JsonArray();
        foreach (var image in images)
        {
            var container = new JsonObject { ["name"] = ContainerName(image), ["image"] = image };
            if (command.Count > 0) container["command"] = new JsonArray(command.Select(c => (JsonNode?)c).ToArray());
            container["resources"] = new JsonObject();
            containers.Add(container);
        }
        var port = flags.Int("port");
        if (port >= 0 && containers.Count > 0)
        {
            var first = (JsonObject)containers[0]!;
            var resources = first["resources"];
            first.Remove("resources");
            first["ports"] = new JsonArray(new JsonObject { ["containerPort"] = port });
            first["resources"] = resources;
        }
        var deployment = NewObject(invocation, name, Labels(name));
        deployment["spec"] = new JsonObject
        {
            ["replicas"] = flags.Int("replicas"),
            ["selector"] = new JsonObject { ["matchLabels"] = Labels(name) },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["creationTimestamp"] = null, ["labels"] = Labels(name) },
                ["spec"] = new JsonObject { ["containers"] = containers },
            },
            ["strategy"] = new JsonObject(),
        };
        deployment["status"] = new JsonObject();
        return Task.FromResult(deployment);
    }

    private static JsonObject Labels(string name) => new() { ["app"] = name };

    /// <summary>The image's last path segment without tag or digest; <c>_</c> and <c>.</c> make kubectl add a random suffix.</summary>
    private static string ContainerName(string image)
    {
        var name = image.Split('/')[^1];
        if (name.Contains(':')) name = name.Split(':')[0];
        if (name.Contains('@')) name = name.Split('@')[0];
        if (name.IndexOfAny(['_', '.']) >= 0) name = name.Replace('_', '-').Replace('.', '-') + "-" + RandomSuffix(name);
        return name;
    }

    // utilrand.String(5): a deterministic stand-in drawn from the same alphabet.
    private static string RandomSuffix(string seed)
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var hash = (uint)seed.Aggregate(17, (h, c) => h * 31 + c);
        return string.Concat(Enumerable.Range(0, 5).Select(i => alphabet[(int)((hash >> (i * 5)) % (uint)alphabet.Length)]));
    }
}
