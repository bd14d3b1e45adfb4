using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeLab.ControlPlane.Controllers.Kubelet.Programs;

/// <summary>
/// The official nginx image: the entrypoint's configuration lines, the master's start-up notices and one
/// worker per CPU, access (and favicon error) log lines for simulated requests, and the graceful stop on
/// SIGQUIT (the image's STOPSIGNAL).
/// </summary>
public static partial class Nginx
{
    private static readonly string[] EntrypointLines =
    [
        "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
        "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
        "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
        "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
        "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
        "/docker-entrypoint.sh: Configuration complete; ready for start up",
    ];

    public static ContainerProgram Program(ImageReference image, bool viaEntrypoint)
    {
        var version = Version(image.Tag);
        return new ScriptedProgram(
            startup: context => Startup(context, version, viaEntrypoint),
            traffic: Traffic,
            stop: (context, at) => new StopReaction(TimeSpan.FromMilliseconds(80), 0, Stopping(context, at)));
    }

    private static IEnumerable<LogLine> Startup(ProgramContext context, string version, bool viaEntrypoint)
    {
        var offset = TimeSpan.Zero;
        if (viaEntrypoint)
            foreach (var line in ScriptedProgram.Lines(TimeSpan.Zero, TimeSpan.FromMilliseconds(4), EntrypointLines))
            {
                offset = line.At + TimeSpan.FromMilliseconds(12);
                yield return line;
            }
        var stamp = ErrorLogTime(context.StartedAt + offset);
        string[] master =
        [
            "using the \"epoll\" event method", $"nginx/{version}", "built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) ",
            "OS: Linux 6.1.0-kubelab", "getrlimit(RLIMIT_NOFILE): 1048576:1048576", "start worker processes",
            .. Workers(context).Select(pid => $"start worker process {pid}"),
        ];
        foreach (var line in ScriptedProgram.Lines(offset, TimeSpan.FromMilliseconds(1), master.Select(m => $"{stamp} [notice] 1#1: {m}")))
            yield return line;
    }

    private static IEnumerable<LogLine> Traffic(ProgramContext context)
    {
        var workers = Workers(context).ToArray();
        foreach (var request in SimulatedTraffic.Schedule(context, TimeSpan.FromSeconds(1)))
        {
            var found = request.Path == "/";
            if (!found)
            {
                var worker = workers[request.Number % workers.Length];
                yield return new LogLine(request.At, $"{ErrorLogTime(context.StartedAt + request.At)} [error] {worker}#{worker}: *{request.Number} open() \"/usr/share/nginx/html{request.Path}\" failed (2: No such file or directory), client: {request.Client}, server: localhost, request: \"GET {request.Path} HTTP/1.1\", host: \"{context.PodIp}\"\n");
            }
            var time = (context.StartedAt + request.At).UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture);
            yield return new LogLine(request.At, $"{request.Client} - - [{time} +0000] \"GET {request.Path} HTTP/1.1\" {(found ? "200 615" : "404 153")} \"-\" \"{request.Agent}\" \"-\"\n");
        }
    }

    private static List<string> Stopping(ProgramContext context, DateTimeOffset at)
    {
        var stamp = ErrorLogTime(at);
        var lines = new List<string> { $"{stamp} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down" };
        foreach (var pid in Workers(context))
            lines.AddRange([$"{stamp} [notice] {pid}#{pid}: gracefully shutting down", $"{stamp} [notice] {pid}#{pid}: exiting", $"{stamp} [notice] {pid}#{pid}: exit"]);
        foreach (var pid in Workers(context))
            lines.AddRange([$"{stamp} [notice] 1#1: signal 17 (SIGCHLD) received from {pid}", $"{stamp} [notice] 1#1: worker process {pid} exited with code 0"]);
        lines.Add($"{stamp} [notice] 1#1: exit");
        return lines;
    }

    private static IEnumerable<int> Workers(ProgramContext context) => Enumerable.Range(29, context.Cpus);

    private static string ErrorLogTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The nginx release an image tag stands for (<c>1.27</c> → 1.27.5); mainline for anything else.</summary>
    private static string Version(string tag)
    {
        var match = VersionTag().Match(tag);
        if (!match.Success) return "1.29.0";
        if (match.Groups[3].Success) return match.Value;
        return $"{match.Groups[1].Value}.{match.Groups[2].Value}.{(match.Groups[2].Value == "27" ? "5" : "0")}";
    }

    [GeneratedRegex(@"^(\d+)\.(\d+)(\.\d+)?")]
    private static partial Regex VersionTag();
}
