using System.Text.RegularExpressions;
using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Kubectl.Commands.Create;

/// <summary>
/// <c>--from-literal=KEY=VALUE</c> and <c>--from-file=[KEY=]PATH</c> as kubectl's configmap and secret generators read
/// them (cmdutil's ParseLiteralSource and ParseFileSource), against the learner's files.
/// </summary>
internal static partial class DataSources
{
    public static (string Key, string Value) Literal(string source)
    {
        var eq = source.IndexOf('=');
        if (eq <= 0) throw KubectlException.Client($"invalid literal source {source}, expected key=value");
        return (source[..eq], source[(eq + 1)..]);
    }

    public static (string Key, string Content) File(Invocation invocation, string source)
    {
        var separators = source.Count(c => c == '=');
        string key, path;
        if (separators == 0) (key, path) = (source.Split('/')[^1], source);
        else if (separators == 1 && source.StartsWith('=')) throw KubectlException.Client($"key name for file path {source[1..]} missing");
        else if (separators == 1 && source.EndsWith('=')) throw KubectlException.Client($"file path for key name {source[..^1]} missing");
        else if (separators > 1) throw KubectlException.Client("key names or file paths cannot contain '='");
        else (key, path) = (source[..source.IndexOf('=')], source[(source.IndexOf('=') + 1)..]);
        if (!invocation.Environment.Files.TryGetValue(path, out var content))
            throw KubectlException.Client($"error reading {path}: no such file or directory");
        return (key, content);
    }

    /// <summary>validateNewConfigMap / validateNewSecret: a valid key, not already present.</summary>
    public static void CheckKey(string key, ICollection<string> existing, string kind, string name)
    {
        if (key.Length > 253 || !KeyPattern().IsMatch(key))
            throw KubectlException.Client($"{GoValue.Quote(key)} is not valid key name for a {kind}: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
        if (existing.Contains(key))
            throw KubectlException.Client($"cannot add key {key}, another key by that name already exists in Data for {kind} {GoValue.Quote(name)}");
    }

    [GeneratedRegex("^[-._a-zA-Z0-9]+$")]
    private static partial Regex KeyPattern();
}
