using System.Text.RegularExpressions;
using KubeLab.Scenarios.Kubectl.Flags;

namespace KubeLab.Scenarios.Kubectl.Commands.Proxy;

/// <summary>kubectl proxy's FilterServer: accepted hosts and paths, rejected paths and methods (comma-separated regexes).</summary>
internal sealed record ProxyFilter(Regex[] AcceptHosts, Regex[] AcceptPaths, Regex[] RejectPaths, Regex[] RejectMethods, bool Disabled)
{
    public static ProxyFilter From(FlagValues flags) => new(
        Patterns(flags.String("accept-hosts")), Patterns(flags.String("accept-paths")), Patterns(flags.String("reject-paths")),
        Patterns(flags.String("reject-methods")), flags.Bool("disable-filter"));

    public bool Accepts(string method, string path, string host) =>
        Disabled || (AcceptHosts.Any(r => r.IsMatch(host)) && AcceptPaths.Any(r => r.IsMatch(path))
            && !RejectPaths.Any(r => r.IsMatch(path)) && !RejectMethods.Any(r => r.IsMatch(method)));

    private static Regex[] Patterns(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => new Regex(p, RegexOptions.CultureInvariant)).ToArray();
}
