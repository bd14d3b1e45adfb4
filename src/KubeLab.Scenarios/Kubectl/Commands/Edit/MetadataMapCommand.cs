using System.Text;
using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Commands.Edit;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Output;
using KubeLab.Scenarios.Kubectl.Printing;
using KubeLab.Scenarios.Kubectl.Requests;

namespace KubeLab.Scenarios.Kubectl.Commands.Edit;

/// <summary>
/// <c>kubectl label</c> and <c>kubectl annotate</c>: <c>KEY=VALUE</c> and <c>KEY-</c> after the objects, applied to each
/// fetched object and sent as the JSON merge patch between before and after (<c>{"metadata":{"labels":{…}}}</c>).
/// </summary>
internal sealed class MetadataMapCommand(string name, string field) : CommandDefinition
{
    private bool IsLabel => name == "label";

    public override string Name => name;

    public override void AddFlags(FlagSet flags)
    {
        OutputFormat.AddFlags(flags);
        WriteFlags.AddDryRun(flags);
        WriteFlags.AddFieldManager(flags, $"kubectl-{name}");
        flags.Bool("all").Bool("all-namespaces", 'A').String("field-selector").Slice("filename", 'f').String("kustomize", 'k')
            .Bool("list").Bool("local").Bool("overwrite").Bool("recursive", 'R').String("resource-version").String("selector", 'l');
    }

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        var (resources, pairs) = Split(invocation.Args);
        var (add, remove) = ParsePairs(pairs);
        if (add.Count == 0 && remove.Count == 0 && !flags.Bool("list"))
            throw KubectlException.Client($"at least one {(IsLabel ? "label" : "annotation")} update is required");
        if (resources.Count == 0 && flags.Strings("filename").Count == 0)
            throw KubectlException.Client($"one or more resources must be specified as <resource> <name> or <resource>/<name>");
        var dryRun = WriteFlags.DryRunOf(flags);
        var overwrite = flags.Bool("overwrite");
        var errors = new List<KubectlError>();
        var targets = await ObjectTargets.FetchAsync(invocation, resources, errors, flags.String("selector"), flags.Bool("all"), flags.Bool("all-namespaces"));
        foreach (var target in targets)
        {
            var before = (JsonObject)target.Object.DeepClone();
            var map = (target.Object["metadata"] as JsonObject)?[field] as JsonObject;
            var after = map is null ? new JsonObject() : (JsonObject)map.DeepClone();
            foreach (var key in remove)
            {
                if (!after.Remove(key) && IsLabel) invocation.Out($"label \"{key}\" not found.\n");
            }
            foreach (var (key, value) in add)
            {
                if (!overwrite && after[key] is JsonValue existing && (string?)existing != value)
                    throw KubectlException.Client(IsLabel
                        ? $"'{key}' already has a value ({(string?)existing}), and --overwrite is false"
                        : $"--overwrite is false but found the following declared annotation(s): '{key}' already has a value ({(string?)existing})");
                after[key] = value;
            }
            var patch = MergePatch(map, after);
            var beforeText = GoJson.Compact(before);
            var changed = (JsonObject)before.DeepClone();
            if (changed["metadata"] is JsonObject metadata) metadata[field] = after;
            var afterText = GoJson.Compact(changed);
            var message = !IsLabel ? "annotated"
                : beforeText == afterText ? "not labeled"
                : !overwrite && Encoding.UTF8.GetByteCount(afterText) < Encoding.UTF8.GetByteCount(beforeText) ? "unlabeled" : "labeled";
            if (dryRun == DryRun.Client)
            {
                invocation.Out(ResultPrinter.Print(invocation, changed, WriteFlags.Operation(message, dryRun)));
                continue;
            }
            var response = await invocation.Client.SendAsync(new KubeRequest(HttpMethod.Patch, target.Path)
            {
                Query = new GoQuery().AddIf(dryRun == DryRun.Server, "dryRun", "All").Add("fieldManager", flags.String("field-manager")).Encode(),
                ContentType = "application/merge-patch+json",
                Body = Encoding.UTF8.GetBytes(patch),
                Caller = "helper.go:269",
            }, invocation.Cancellation);
            if (!response.IsSuccess)
            {
                errors.Add(KubectlError.FromStatus(response.Status()));
                continue;
            }
            invocation.Out(ResultPrinter.Print(invocation, response.Json(), WriteFlags.Operation(message, dryRun)));
        }
        if (errors.Count > 0) throw new KubectlException([.. errors]);
        return 0;
    }

    /// <summary>jsonpatch.CreateMergePatch of the object before and after: only this map's changed keys.</summary>
    private string MergePatch(JsonObject? before, JsonObject after)
    {
        var changes = new JsonObject();
        foreach (var (key, value) in after)
            if (before?[key] is not JsonValue old || (string?)old != (string?)value) changes[key] = value?.DeepClone();
        foreach (var (key, _) in before ?? [])
            if (!after.ContainsKey(key)) changes[key] = null;
        if (changes.Count == 0) return "{}";
        return GoJson.Compact(new JsonObject { ["metadata"] = new JsonObject { [field] = changes } });
    }

    /// <summary>cmdutil.GetResourcesAndPairs: words with <c>=</c> or ending in <c>-</c> are updates, the rest name objects.</summary>
    private static (List<string> Resources, List<string> Pairs) Split(IReadOnlyList<string> args)
    {
        var resources = new List<string>();
        var pairs = new List<string>();
        var first = true;
        foreach (var arg in args)
        {
            var isPair = arg.Contains('=') || arg.EndsWith('-');
            if (first && isPair) first = false;
            if (isPair) pairs.Add(arg);
            else resources.Add(arg);
        }
        return (resources, pairs);
    }

    private (Dictionary<string, string> Add, List<string> Remove) ParsePairs(List<string> pairs)
    {
        var add = new Dictionary<string, string>(StringComparer.Ordinal);
        var remove = new List<string>();
        foreach (var pair in pairs)
        {
            if (pair.Contains('='))
            {
                var eq = pair.IndexOf('=');
                var key = pair[..eq];
                if (key.Length == 0) throw KubectlException.Client($"invalid {(IsLabel ? "label" : "annotation")} spec: {pair}");
                add[key] = pair[(eq + 1)..];
            }
            else if (pair.EndsWith('-')) remove.Add(pair[..^1]);
        }
        foreach (var key in remove)
            if (add.ContainsKey(key)) throw KubectlException.Client($"can not both modify and remove {(IsLabel ? "a label" : "an annotation")} in the same command");
        return (add, remove);
    }
}
