using KubeLab.Scenarios.Curl;
using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Loading.Yaml;

namespace KubeLab.Scenarios.Validation.Commands;

/// <summary>
/// Checks a <c>curl:</c> line: it starts with <c>curl</c>, uses options the emulator reproduces,
/// has one URL, reads files that will exist, and reaches a <c>kubectl proxy</c> only while one runs.
/// </summary>
internal sealed class CurlCommandChecker(LoadContext context, YamlScalar line, LessonState state)
{
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
            else if (Option(word) is not { } option) valid = false;
            else if (option.Entry is { TakesValue: true } entry)
            {
                if (option.AttachedValue is { } attached) valid &= Value(entry.Option, attached);
                else if (++i >= words.Count) valid = Reject(word.Offset, $"'{word.Text}' needs a value");
                else valid &= Value(entry.Option, words[i]);
            }
        }
        // An unknown option may have taken a value that now looks like a URL: count URLs only when all options are known.
        if (!valid) return null;
        if (urls.Count != 1)
            return Fail(urls.Count == 0 ? 0 : urls[1].Offset, urls.Count == 0 ? "curl needs a URL" : $"curl is given a second URL '{urls[1].Text}'");
        return Url(urls[0]) ? words.Skip(1).Select(w => w.Text).ToList() : null;
    }

    /// <summary>
    /// An option as the emulator's parser reads it (<see cref="CurlOptionTable"/>): a long one, possibly
    /// <c>--no-</c> for a flag, or short ones combined (<c>-sk</c>), the last taking a value attached
    /// (<c>-XPUT</c>) or from the next word. Entry is null for a word of flags only.
    /// </summary>
    private (CurlOptionTable.Entry? Entry, CommandWord? AttachedValue)? Option(CommandWord word)
    {
        var text = word.Text;
        if (text.StartsWith("--"))
        {
            if (CurlOptionTable.Long(text) is { } entry) return (entry, null);
            if (text.StartsWith("--no-") && CurlOptionTable.Long("--" + text[5..]) is { TakesValue: false } flag) return (flag, null);
        }
        else
        {
            for (var c = 1; c < text.Length; c++)
            {
                if (CurlOptionTable.Short(text[c]) is not { } entry) break;
                if (!entry.TakesValue)
                {
                    if (c == text.Length - 1) return (null, null);
                    continue;
                }
                return (entry, c + 1 < text.Length ? new CommandWord(text[(c + 1)..], word.Offset + c + 1) : null);
            }
        }
        var known = CurlOptionTable.Spellings.ToList();
        var suggestion = Suggestions.DidYouMean(text, known);
        Reject(word.Offset, $"unknown curl option '{text}'{(suggestion.Length > 0 ? suggestion : $" (supported: {string.Join(" ", known)})")}");
        return null;
    }

    private bool Value(CurlOption option, CommandWord value) => option switch
    {
        CurlOption.Request when value.Text is not ("GET" or "POST" or "PUT" or "PATCH" or "DELETE" or "HEAD" or "OPTIONS") =>
            Reject(value.Offset, $"'{value.Text}' is not an HTTP method"),
        CurlOption.Header when !value.Text.Contains(':') && !value.Text.EndsWith(';') =>
            Reject(value.Offset, $"header '{value.Text}' needs the form 'Name: value'"),
        CurlOption.Data or CurlOption.DataBinary when value.Text.StartsWith('@') => FileExists(value.Text[1..], value.Offset + 1),
        CurlOption.CaCert or CurlOption.Cert or CurlOption.Key => FileExists(value.Text, value.Offset),
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
