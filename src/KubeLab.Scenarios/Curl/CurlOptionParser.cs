namespace KubeLab.Scenarios.Curl;

/// <summary>
/// Reads curl's arguments as curl 7.88 does: short flags combine (<c>-sk</c>), a short option's value may
/// be attached (<c>-XPUT</c>) or the next word, long options take the next word (<c>--data=x</c> is not a
/// spelling curl knows), <c>--no-</c> turns a flag off, and words that are not options are URLs.
/// </summary>
internal static class CurlOptionParser
{
    public const string TryHelp = "curl: try 'curl --help' or 'curl --manual' for more information\n";

    /// <summary>The options, or the usage error curl prints (exit 2).</summary>
    public static (CurlOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new CurlOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (word.StartsWith("--") && word.Length > 2)
            {
                var off = word.StartsWith("--no-") && CurlOptionTable.Long("--" + word[5..]) is { TakesValue: false };
                var entry = CurlOptionTable.Long(off ? "--" + word[5..] : word);
                if (entry is null) return Unknown(word);
                if (!entry.TakesValue) Set(options, entry.Option, !off);
                else if (++i < args.Count) Apply(options, entry.Option, args[i]);
                else return RequiresParameter(word);
            }
            else if (word.StartsWith('-') && word.Length > 1)
            {
                for (var c = 1; c < word.Length; c++)
                {
                    var entry = CurlOptionTable.Short(word[c]);
                    if (entry is null) return Unknown($"-{word[c]}");
                    if (!entry.TakesValue)
                    {
                        Set(options, entry.Option, true);
                        continue;
                    }
                    if (c + 1 < word.Length) Apply(options, entry.Option, word[(c + 1)..]);
                    else if (++i < args.Count) Apply(options, entry.Option, args[i]);
                    else return RequiresParameter($"-{word[c]}");
                    break;
                }
            }
            else options.Urls.Add(word);
        }
        if (options.Urls.Count == 0) return (null, args.Count == 0 ? TryHelp : "curl: no URL specified!\n" + TryHelp);
        return (options, null);
    }

    private static void Set(CurlOptions options, CurlOption option, bool on)
    {
        switch (option)
        {
            case CurlOption.Insecure: options.Insecure = on; break;
            case CurlOption.Verbose: options.Verbose = on; break;
            case CurlOption.Silent: options.Silent = on; break;
            case CurlOption.ShowError: options.ShowError = on; break;
            case CurlOption.Include: options.Include = on; break;
            case CurlOption.Http11: options.Http11 = on; break;
            case CurlOption.NoBuffer: break; // output is never buffered here
        }
    }

    private static void Apply(CurlOptions options, CurlOption option, string value)
    {
        switch (option)
        {
            case CurlOption.Request: options.Method = value; break;
            case CurlOption.Header: options.Headers.Add(value); break;
            case CurlOption.Data or CurlOption.DataBinary or CurlOption.DataRaw: options.Data.Add((option, value)); break;
            case CurlOption.Output: options.Output = value; break;
            case CurlOption.WriteOut: options.WriteOut = value; break;
            case CurlOption.CaCert: options.CaCert = value; break;
            case CurlOption.Cert: options.Cert = value; break;
            case CurlOption.Key: options.Key = value; break;
        }
    }

    private static (CurlOptions?, string?) Unknown(string option) => (null, $"curl: option {option}: is unknown\n" + TryHelp);

    private static (CurlOptions?, string?) RequiresParameter(string option) => (null, $"curl: option {option}: requires parameter\n" + TryHelp);
}
