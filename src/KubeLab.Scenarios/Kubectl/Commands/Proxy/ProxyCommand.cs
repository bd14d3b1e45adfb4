using System.Globalization;
using KubeLab.Scenarios.Kubectl.Flags;

namespace KubeLab.Scenarios.Kubectl.Commands.Proxy;

/// <summary>
/// <c>kubectl proxy [--port=8001]</c>: listens on the learner's loopback until stopped. In a lesson "listening" is a
/// handler registered in <see cref="Clients.ClientEnvironment.Listeners"/>: curl sends <c>http://127.0.0.1:PORT/…</c>
/// through it, and the proxy forwards each request to the API server with the kubeconfig's credentials.
/// </summary>
internal sealed class ProxyCommand : CommandDefinition
{
    public override string Name => "proxy";

    public override void AddFlags(FlagSet flags) =>
        flags.String("accept-hosts", value: @"^localhost$,^127\.0\.0\.1$,^\[::1\]$").String("accept-paths", value: "^.*")
            .String("address", value: "127.0.0.1").String("api-prefix", value: "/").Bool("append-server-path").Bool("disable-filter")
            .Duration("keepalive").Int("port", 'p', 8001).String("reject-methods", value: "^$")
            .String("reject-paths", value: "^/api/.*/pods/.*/exec,^/api/.*/pods/.*/attach").String("unix-socket", 'u')
            .String("www", 'w').String("www-prefix", 'P', "/static/");

    public override async Task<int> RunAsync(Invocation invocation)
    {
        var flags = invocation.Flags;
        if (flags.String("unix-socket").Length > 0 || flags.String("www").Length > 0)
            throw KubectlException.Client("--unix-socket and --www are not simulated");
        var port = (int)flags.Int("port");
        if (port == 0) throw KubectlException.Client("--port=0 (a random port) is not simulated: give a port");
        var address = flags.String("address");
        var handler = new ProxyHandler(invocation.Client, ProxyFilter.From(flags), flags.String("api-prefix"));
        if (!invocation.Environment.Listeners.TryListen(port, handler))
            throw KubectlException.Client($"listen tcp {address}:{port.ToString(CultureInfo.InvariantCulture)}: bind: address already in use");
        try
        {
            invocation.Out($"Starting to serve on {address}:{port.ToString(CultureInfo.InvariantCulture)}\n");
            await invocation.Output.WaitOn(Task.Delay(Timeout.Infinite, invocation.Cancellation));
            return 0;
        }
        finally
        {
            invocation.Environment.Listeners.Close(port, handler);
        }
    }
}
