using KubeLab.Scenarios.Clients;

namespace KubeLab.Scenarios.Curl;

/// <summary>
/// curl 7.88.1 as Debian 12 ships it, for the options lessons use (<see cref="CurlOptionTable"/>): what it
/// sends, and what it prints on stdout and stderr, byte for byte, with its exit codes. The API server is the
/// kubeconfig's <c>${server}</c> (TLS, certificate from the cluster CA); <c>kubectl proxy</c> and any other
/// program of the learner's is found in <see cref="ClientEnvironment.Listeners"/>.
/// </summary>
public sealed class CurlCommand : IClientCommand
{
    public string Name => "curl";

    public async Task<int> RunAsync(IReadOnlyList<string> args, ClientEnvironment environment, CommandOutput output, CancellationToken cancellationToken)
    {
        var (options, usage) = CurlOptionParser.Parse(args);
        if (options is null)
        {
            output.Error(usage!);
            return 2;
        }
        var exit = 0;
        foreach (var url in options.Urls)
        {
            var code = await new CurlSession(options, environment, output).RunAsync(url, cancellationToken);
            if (code == 130) return code;
            if (code != 0) exit = code;
        }
        return exit;
    }
}
