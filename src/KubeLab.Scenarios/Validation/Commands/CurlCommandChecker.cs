using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Loading.Yaml;

namespace KubeLab.Scenarios.Validation.Commands;

/// <summary>
/// Checks a <c>curl:</c> line: it starts with <c>curl</c>, uses options the emulator reproduces,
/// has one URL, reads files that will exist, and reaches a <c>kubectl proxy</c> only while one runs.
/// </summary>
internal sealed class CurlCommandChecker(LoadContext context, YamlScalar line, LessonState state)
{
    /// <summary>Options with a value, by every spelling; the value of those in <see cref="FileOptions"/> is a file.</summary>
    private static readonly Dictionary<string, string> WithValue = new()
    {
        ["-X"] = "request", ["--request"] = "request", ["-H"] = "header", ["--header"] = "header",
        ["-d"] = "data", ["--data"] = "data", ["--data-binary"] = "data", ["--data-raw"] = "data-raw",
        ["--cacert"] = "file", ["--cert"] = "file", ["--key"] = "file",
    };

    private static readonly HashSet<string> Flags = ["-k", "--insecure", "-v", "--verbose", "-s", "--silent", "-i", "--include", "-N", "--no-buffer"];

    public List<string>? Check()
    {
        var words = CommandTokenizer.Split(line.Value, out var error);
        if (error is { } e) return Fail(e.Offset, e.Message);
        if (words.Count == 0 || words[0].Text != "curl")
            return Fail(0, $"a curl command starts with 'curl'{(words.Count > 0 ? $", not '{words[0].Text}'" : "")}");
        var urls = new List<CommandWord>();
        var valid = true;
        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i];
            if (!word.IsOption) urls.Add(word);
            else if (WithValue.TryGetValue(word.Text, out var kind))
            {
                if (++i >= words.Count) valid = Reject(word.Offset, $"'{word.Text}' needs a value");
                else valid &= Value(kind, words[i]);
            }
            else valid &= Option(word);
        }
        // An unknown option may have taken a value that now looks like a URL: count URLs only when all options are known.
        if (!valid) return null;
        if (urls.Count != 1)
            return Fail(urls.Count == 0 ? 0 : urls[1].Offset, urls.Count == 0 ? "curl needs a URL" : $"curl is given a second URL '{urls[1].Text}'");
        return Url(urls[0]) ? words.Skip(1).Select(w => w.Text).ToList() : null;
    }

    /// <summary>Plain flags, alone or combined as curl allows (<c>-sk</c>).</summary>
    private bool Option(CommandWord word)
    {
        if (Flags.Contains(word.Text)) return true;
        if (!word.Text.StartsWith("--") && word.Text.Skip(1).All(c => Flags.Contains($"-{c}"))) return true;
        var known = Flags.Concat(WithValue.Keys);
        var suggestion = Suggestions.DidYouMean(word.Text, known);
        return Reject(word.Offset, $"unknown curl option '{word.Text}'{(suggestion.Length > 0 ? suggestion : $" (supported: {string.Join(" ", known)})")}");
    }

    private bool Value(string kind, CommandWord value) => kind switch
    {
        "request" when value.Text is not ("GET" or "POST" or "PUT" or "PATCH" or "DELETE" or "HEAD" or "OPTIONS") =>
            Reject(value.Offset, $"'{value.Text}' is not an HTTP method"),
        "header" when !value.Text.Contains(':') => Reject(value.Offset, $"header '{value.Text}' needs the form 'Name: value'"),
        "data" when value.Text.StartsWith('@') => FileExists(value.Text[1..], value.Offset + 1),
        "file" => FileExists(value.Text, value.Offset),
        _ => true,
    };

    private bool Url(CommandWord url)
    {
        if (url.Text.StartsWith("${server}")) return true;
        if (!Uri.TryCreate(url.Text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return Reject(url.Offset, $"'{url.Text}' is not an http or https URL (the API server is ${{server}})");
        var local = uri.Host is "localhost" or "127.0.0.1";
        if (!local || uri.Scheme != "http" || state.ProxyListensOn(uri.Port)) return true;
        return Reject(url.Offset, $"nothing listens on {uri.Host}:{uri.Port}: start 'kubectl proxy' in a background step first");
    }

    private bool FileExists(string file, int offset) =>
        LearnerFiles.Missing(context, state, file) is not { } problem || Reject(offset, problem);

    private List<string>? Fail(int offset, string message)
    {
        context.Error(line, offset, message);
        return null;
    }

    private bool Reject(int offset, string message)
    {
        context.Error(line, offset, message);
        return false;
    }
}
